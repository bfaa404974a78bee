// English frames without a parser: a head trigger that governs the next trigger takes it over, so that
// "urged Israel to withdraw" is one appeal (0256), "threatened to impose sanctions" one threat (1312),
// "condemned the attack on X" one criticism, and "said that Sudan must return" one demand (1053).
// The complement's code refines the head's through the frame tables in data/events/en.json.
import type { EventPattern, LanguagePatterns } from '../lexicon/events.js';
import { foldKey } from '../stages/normalise.js';
import { assignArguments, introduction, type Assignment, type SentenceMemory } from './arguments.js';
import { nounAgent, withLocatedTarget } from './english-arguments.js';
import type { Group, SentenceView } from './sentence.js';
import { conditionsHold, type TriggerMatch } from './triggers.js';

const fold = (words: string[]): Set<string> => new Set(words.map((w) => foldKey(w)));

/** Words that end the reach of a head: a new clause, a new predicate, a report. */
const BARRIERS = fold([
  'and', 'or', 'but', 'while', 'which', 'who', 'whom', 'whose', 'where', 'when', 'after', 'before', 'because',
  'since', 'as', 'if', 'although', 'though', 'despite', 'amid', 'during', 'whereas', 'unless', 'until', 'then',
  'so', 'said', 'says', 'saying', 'told', 'adding', 'according', 'says', 'stated', 'noted', 'than', 'following', 'due',
  'ahead', 'prior', 'once', 'whether',
]);
/** Punctuation that may stand inside a frame (possessive, hyphen, brackets and quotes around a name). */
const INNER_PUNCT = new Set(["'", '’', '-', '(', ')', '"', '“', '”', '‘']);
/** Prepositions after which an -ing trigger is the content of the head (accused X of violating). */
const GERUND_PREPS = fold(['of', 'for', 'about', 'on', 'against', 'over', 'from', 'in', 'to']);
const MODALS_OF_DEMAND = fold(['must', 'should']);
const FUTURE_NOT = [
  ['will', 'not'], ['would', 'not'], ['won', "'", 't'], ['wouldn', "'", 't'], ['will', 'never'], ['would', 'never'], ['won', '’', 't'],
  ['wouldn', '’', 't'], ['failed', 'to'], ['fail', 'to'], ['fails', 'to'], ['failing', 'to'],
  // "vowed not to return the Golan Heights": a promise not to do a cooperative act is a refusal of it.
  ...['vowed', 'vows', 'vow', 'pledged', 'pledges', 'swore', 'swears', 'promised', 'promises'].flatMap((w) => [[w, 'not', 'to'], [w, 'never', 'to']]),
];
const NOT_OR_NEVER = fold(['not', 'never']);
/** Words that open a condition: what follows in the clause is not reported as happening. */
const CONDITIONS = fold(['if', 'unless']);
const MAX_GAP = 12;
/** Words after which a verb-or-noun word is the noun: "a United Nations appeal", "its support", "the call". */
const NOUN_BEFORE = fold([
  'a', 'an', 'the', 'this', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'any', 'no', 'every', 'each',
  'another', 'such', 's', 'further', 'new', 'fresh', 'latest', 'first', 'recent', 'joint', 'formal', 'official', 'strong',
  'urgent', 'direct', 'public', 'renewed', 'repeated', 'full', 'mutual', 'growing', 'widespread', 'international', 'military',
  'economic', 'political', 'financial', 'diplomatic', 'humanitarian', 'continued', 'ongoing', 'broad', 'unanimous',
  'face', 'faces', 'faced', 'facing', 'under', 'mounting', 'increasing', 'heavy', 'intense', 'had', 'has', 'have', 'get', 'got',
  'gets', 'win', 'won', 'wins', 'gain', 'gained', 'enjoy', 'enjoys', 'lack', 'lacks', 'need', 'needs', 'without', 'of', 'for',
  'all', 'more', 'much', 'less',
]);

/** How a head governs its complement. */
type Link = 'infinitive' | 'object' | 'that';

export type FrameTables = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** The longest prefix of `code` that is a key of `table`. */
function lookup<T>(table: ReadonlyMap<string, T>, code: string): T | undefined {
  for (let n = code.length; n >= 2; n--) {
    const hit = table.get(code.slice(0, n));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

const ARTICLES = fold(['a', 'an', 'the', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'every', 'each', 'another']);
const NUMBERS = fold(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'many', 'few', 'both', 'all', 'some', 'other']);
/** Verbs that need their object to be an event (launched war games, signed an agreement): the noun names it. */
const LIGHT_VERBS = ['launch', 'conduct', 'stage', 'hold', 'held', 'carr', 'sign', 'ink', 'seal', 'ratif', 'approv', 'endors', 'adopt', 'reach', 'struck', 'strik', 'conclud', 'finaliz', 'forg', 'fir', 'engag', 'mount', 'wag'];
const AFTER_NOUN = fold(['of', 'by', 'on', 'in', 'at', 'against', 'for', 'to', 'with', 'from', 'between', 'among', 'into', 'over']);

/** "an embrace", "the four boycotting states": a verb form where only a noun or adjective can stand. */
function impossibleVerb(view: SentenceView, t: TriggerMatch, verbAt: ReadonlySet<number>): boolean {
  if (t.form.pattern.kind !== 'verb') return false;
  // "its six-year campaign for": a verb lemma with no noun reading, where only a noun can stand; "in protest of",
  // "in response": a base form after "in" is never a finite verb; "border patrol agents": a noun modifier.
  if (afterAdjective(view, t) || (t.shape === 'base' && view.tokens[t.first - 1]?.norm === 'in')) return true;
  if ((t.shape === 'base' || t.shape === 's') && CREW_HEADS.has(view.tokens[t.last + 1]?.norm ?? '')) return true;
  // "rejected proposed Israeli changes": a participle before a nisba and its noun describes the noun.
  if (t.shape === 'ed' && t.first > 0) {
    const g = view.groups.find((o) => o.first === t.last + 1);
    const after = g ? view.tokens[g.last + 1] : undefined;
    if (g && g.refs[0]?.mention.kind === 'nisba' && after?.kind === 'word' && !AFTER_NOUN.has(after.norm)) {
      // Only after a verb or a preposition: after its subject ("bulldozers demolished Palestinian homes") it is the verb.
      const prev = view.tokens[t.first - 1]?.norm ?? '';
      if ((prev.length > 3 && prev.endsWith('ed') && !AUXILIARY_BEFORE.has(prev)) || AFTER_NOUN.has(prev)) return true;
      // "The Palestinians reject proposed Israeli changes": right after another verb trigger.
      if (verbAt.has(t.first - 1)) return true;
    }
  }
  const prev = view.tokens[t.first - 1];
  if (prev === undefined) return false;
  // "the occupied West Bank", "a disputed region": a participle after an article is an adjective.
  if (t.shape === 'base' || t.shape === 's' || t.shape === 'ed') return ARTICLES.has(prev.norm);
  if (t.shape !== 'ing' || !(ARTICLES.has(prev.norm) || NUMBERS.has(prev.norm) || prev.kind === 'number')) return false;
  const next = view.tokens[t.last + 1];
  return next !== undefined && next.kind === 'word' && !AFTER_NOUN.has(next.norm) && !view.groups.some((g) => g.first === t.last + 1);
}

/** Where verb triggers end (memoised per trigger list): a participle right after one describes its object. */
const verbEndsCache = new WeakMap<readonly TriggerMatch[], Set<number>>();
function verbEnds(all: readonly TriggerMatch[]): Set<number> {
  let ends = verbEndsCache.get(all);
  if (ends === undefined) {
    ends = new Set(all.filter((o) => o.form.pattern.kind === 'verb').map((o) => o.last));
    verbEndsCache.set(all, ends);
  }
  return ends;
}

/** A verb reading in noun position ("rejected a United Nations appeal") becomes the noun reading, if any. */
function asNoun(view: SentenceView, t: TriggerMatch, patterns: LanguagePatterns): TriggerMatch {
  if (t.form.pattern.kind !== 'verb' || (t.shape !== 'base' && t.shape !== 's')) return t;
  const prev = view.tokens[t.first - 1]?.norm ?? '';
  // An -s form is a verb only after its subject (Iran sanctions, it sanctions): "nuclear-related sanctions" is not.
  const pronoun = SUBJECT_PRONOUNS.has(prev) || view.groups.some((g) => g.last === t.first - 1);
  if (t.shape === 's' && !pronoun && !isAdverbLike(prev)) return nounReading(view, t, patterns);
  // After a name only the base form is a noun ("a United Nations appeal"); "Iran calls for" is a verb.
  // After a past-tense verb a base form is its object ("enjoyed support", "rejected appeal").
  const opening = t.first === 0 || INNER_PUNCT.has(prev) || (t.shape === 'base' && prev.length > 3 && prev.endsWith('ed'));
  if (!opening && !NOUN_BEFORE.has(prev) && !(t.shape === 'base' && view.groups.some((g) => g.last === t.first - 1)) && !afterAdjective(view, t)) return t;
  return nounReading(view, t, patterns);
}

/** Adjective endings (historic, official, rare-ous, Iranian, Chinese): "the historic visit" is a noun. */
const ADJECTIVE_ENDING = /(ic|al|ous|ive|ful|ian|ese|ary)$/;

/**
 * A base form after an article and modifiers only ("the historic visit", "its six-year campaign", "a two-day
 * visit") is the noun: adjectives, numbers and hyphened compounds, back to the article or possessive.
 */
function afterAdjective(view: SentenceView, t: TriggerMatch): boolean {
  if (t.shape !== 'base') return false;
  let i = t.first - 1;
  let modifiers = 0;
  while (i >= 0 && modifiers < 4) {
    const tok = view.tokens[i];
    const w = tok?.norm ?? '';
    if (ARTICLES.has(w)) return modifiers > 0;
    if (view.tokens[i - 1]?.norm === '-') {
      i -= 3; // a hyphened compound (six-year, long-term) is one modifier
    } else if (tok?.kind === 'number' || NUMBERS.has(w) || (w.length > 3 && ADJECTIVE_ENDING.test(w)) || (w.length > 5 && w.endsWith('ing'))) {
      // (an -ing modifier too: "the peacekeeping force", "the ruling party")
      i--;
    } else return false;
    modifiers++;
  }
  return false;
}

const SUBJECT_PRONOUNS = fold(['it', 'he', 'she', 'who', 'which', 'that', 'also', 'now', 'still', 'reportedly', 'allegedly']);
function isAdverbLike(w: string): boolean {
  return w.endsWith('ly');
}

function nounReading(view: SentenceView, t: TriggerMatch, patterns: LanguagePatterns): TriggerMatch {
  const keys = t.form.keys.join(' ');
  for (const form of patterns.byFirst.get(view.tokens[t.first]?.norm ?? '') ?? []) {
    if (form.pattern.kind !== 'noun' || form.keys.join(' ') !== keys) continue;
    const noun: TriggerMatch = { ...t, form, shape: 'noun' };
    if (conditionsHold(view, noun, patterns)) return noun;
  }
  return t;
}

/** Words before a participle that make it a verb after all ("has proposed Israeli changes"). */
const AUXILIARY_BEFORE = fold(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'not', 'also', 'jointly', 'reportedly']);

/** Crews a verb lemma can name as a noun modifier ("border patrol agents", "rescue units"), never its object. */
const CREW_HEADS = fold(['agents', 'officers', 'units', 'personnel', 'squads', 'crews', 'officials']);

/** People, bodies and craft an event noun can describe: "relief officials", "aid workers", "attack aircraft". */
const PERSON_HEADS = fold([
  'agents', 'officers', 'guards', 'units', 'boats', 'vehicles', 'aircraft', 'planes', 'ships', 'craft', 'zone', 'zones',
  'official', 'officials', 'worker', 'workers', 'agency', 'agencies', 'organization', 'organizations', 'organisation',
  'organisations', 'group', 'groups', 'committee', 'activist', 'activists', 'spokesman', 'spokeswoman', 'chief', 'chiefs',
  'envoy', 'envoys', 'negotiator', 'negotiators', 'team', 'teams', 'experts', 'staff', 'sources', 'minister', 'ministers',
]);

/** An event noun right before a person noun names a kind of person, not an act ("relief officials in Jordan said"). */
function modifiesPerson(view: SentenceView, t: TriggerMatch): boolean {
  return t.form.pattern.kind === 'noun' && PERSON_HEADS.has(view.tokens[t.last + 1]?.norm ?? '');
}

/** Heads whose infinitive is their content (urged to, vowed to, demanded to, refused to, threatened to). */
const INFINITIVE_HEADS = /^(02|03|10|12|13)/;

/**
 * "... staged a sit-in to protest the decision": a protest as the purpose of an act told before it; after a head
 * that governs it ("threatened to hold a general strike") it is that head's content.
 */
function protestPurpose(view: SentenceView, t: TriggerMatch, before: TriggerMatch | undefined): boolean {
  if (before === undefined || INFINITIVE_HEADS.test(before.form.pattern.code)) return false;
  return t.form.pattern.code.startsWith('14') && t.form.pattern.kind === 'verb' && t.shape === 'base' && view.tokens[t.first - 1]?.norm === 'to';
}

const PURPOSE = [['aimed', 'at'], ['aiming', 'at'], ['designed', 'to']];
const WANT = fold(['want', 'wants', 'wanted', 'wanting']);

/**
 * Acts that are only aimed at or wished for: "a trip aimed at pushing for a ceasefire" (the trip's purpose),
 * "X wants Y to attack Z" (what X would like Y to do). Neither is told as happening.
 */
function onlyWanted(view: SentenceView, t: TriggerMatch): boolean {
  if (PURPOSE.some(([a, b]) => view.tokens[t.first - 2]?.norm === a && view.tokens[t.first - 1]?.norm === b)) return true;
  if (view.tokens[t.first - 1]?.norm !== 'to') return false;
  // "defended the right of Russian troops to fire": what one may do, not what was done.
  for (let i = t.first - 2; i >= Math.max(0, t.first - 6); i--) {
    const w = view.tokens[i]?.norm ?? '';
    if (RIGHT.has(w) && (i === t.first - 2 || view.tokens[i + 1]?.norm === 'of')) return true;
    if (view.tokens[i]?.kind === 'punct') break;
  }
  const g = view.groups.find((o) => o.last === t.first - 2);
  return g !== undefined && WANT.has(view.tokens[g.first - 1]?.norm ?? '');
}
const RIGHT = fold(['right', 'rights']);

/** "Israeli-occupied", "US-backed": a participle in a compound adjective, not an act. */
function compoundAdjective(view: SentenceView, t: TriggerMatch): boolean {
  if (t.form.pattern.kind !== 'verb' || t.shape !== 'ed') return false;
  const before = view.tokens[t.first - 1];
  return before !== undefined && before.norm === '-' && before.end === (view.tokens[t.first]?.start ?? -1);
}

function effectiveCode(t: TriggerMatch): string {
  return t.frame?.code ?? t.form.pattern.code;
}

function groupAt(view: SentenceView, index: number): Group | null {
  return view.groups.find((g) => index >= g.first && index <= g.last) ?? null;
}

/** The link between head `h` and the trigger `c` right after it, or null when they are separate predicates. */
function linkOf(view: SentenceView, h: TriggerMatch, c: TriggerMatch): Link | null {
  if ((view.clauseOfToken[h.first] ?? 0) !== (view.clauseOfToken[c.first] ?? 0)) return null;
  const from = h.last + 1;
  const to = c.first;
  if (to - from > MAX_GAP) return null;
  let sawTo = false;
  let sawThat = view.tokens[h.last]?.norm === 'that';
  for (let i = from; i < to; i++) {
    if (groupAt(view, i)) continue;
    const t = view.tokens[i];
    if (t === undefined) return null;
    if (t.kind === 'punct') {
      if (INNER_PUNCT.has(t.norm)) continue;
      return null;
    }
    if (BARRIERS.has(t.norm)) return null;
    if (t.norm === 'to') sawTo = true;
    if (t.norm === 'that') sawThat = true;
  }
  const verb = c.form.pattern.kind === 'verb';
  if (verb && c.shape === 'base' && sawTo) return 'infinitive';
  // "help defend", "let go": a bare infinitive right after its head.
  if (verb && c.shape === 'base' && to === from && h.form.pattern.kind === 'verb') return 'object';
  if (sawThat) return verb || CONTENT_HEADS.test(h.form.pattern.code) ? 'that' : null;
  if (!verb) return 'object';
  const before = view.tokens[to - 1]?.norm ?? '';
  if (c.shape === 'ing' && to > from && GERUND_PREPS.has(before)) return 'object';
  // "blamed Israel for the bombing of": a gerund noun after its preposition and article.
  if (c.shape === 'ing' && to - from > 1 && ARTICLES.has(before) && GERUND_PREPS.has(view.tokens[to - 2]?.norm ?? '')) return 'object';
  // "denied sending weapons": a gerund right after its verb is its object.
  if (c.shape === 'ing' && to === from && h.form.pattern.kind === 'verb') return 'object';
  return null;
}

function isStatement(p: EventPattern): boolean {
  return p.code === '010';
}

/** The first actor group followed by must/should in the clause after `from` (X said Y must ...). */
function demandedOf(view: SentenceView, from: number, to: number): { group: Group; at: number } | null {
  for (const g of view.groups) {
    if (g.first < from) continue;
    if (g.first >= to) break;
    const end = coordinatedEnd(view, g.last, to);
    for (let i = end + 1; i <= end + 2 && i < to; i++) {
      if (MODALS_OF_DEMAND.has(view.tokens[i]?.norm ?? '')) return { group: g, at: i };
    }
    // "told Iraq that it must cooperate": the pronoun takes up the addressee just named.
    const word = (k: number): string => view.tokens[k]?.norm ?? '';
    if (word(end + 1) === 'that' && SELF_PRONOUNS.has(word(end + 2)) && MODALS_OF_DEMAND.has(word(end + 3)) && end + 3 < to) return { group: g, at: end + 3 };
  }
  return null;
}

const COORDINATED_FILLERS = fold(['his', 'her', 'its', 'their', 'the', 'other', 'allied', 'ruling']);
/** "President Kagame and his Rwandan Patriotic Front must": where a subject joined by "and" to the group ends. */
function coordinatedEnd(view: SentenceView, last: number, to: number): number {
  if (view.tokens[last + 1]?.norm !== 'and') return last;
  let i = last + 2;
  while (i < to && i <= last + 7) {
    const t = view.tokens[i];
    const capital = t !== undefined && t.kind === 'word' && /^\p{Lu}/u.test(view.doc.text.slice(t.start, t.start + 1));
    if (t === undefined || !(COORDINATED_FILLERS.has(t.norm) || capital || groupAt(view, i) !== null)) break;
    i++;
  }
  return i - 1 > last + 1 ? i - 1 : last;
}

function clauseEnd(view: SentenceView, index: number): number {
  return (view.clauseTokens[view.clauseOfToken[index] ?? 0] ?? [0, view.tokens.length])[1];
}

/** "will not provide", "would not meet": the refusal right before a cooperative trigger. */
function refusedBefore(view: SentenceView, t: TriggerMatch): boolean {
  const clauseStart = (view.clauseTokens[view.clauseOfToken[t.first] ?? 0] ?? [0, 0])[0];
  for (const marker of FUTURE_NOT) {
    for (let end = t.first; end >= Math.max(clauseStart + marker.length, t.first - 2); end--) {
      const start = end - marker.length;
      if (marker.every((w, k) => view.tokens[start + k]?.norm === w)) return true;
    }
  }
  return false;
}

const COOPERATIVE = /^0[3-8]/;
/** Rally opposition against: a call for action against someone. */
const RALLY_AGAINST = '113';
/** A statement that another party attacked: an accusation. */
const REPORTED_ATTACK = '112';
/** Appeals and demands: whoever is to do the act they ask for is their target. */
const ASKING_HEADS = /^(02|10)/;
const VIOLENCE_CODE = /^(18|19|20)/;
/** Event nouns a verb has handed over to ("launched war games", "endorsed an agreement"): governed by it. */
export const GOVERNED_BY_HEAD = new WeakSet<TriggerMatch>();
/** Heads whose that-clause is their content: accusations and claims (11x), denials (016); appeals, demands
 * and threats take the clause's first act as their complement and the rest as its detail. */
const CONTENT_HEADS = /^(11|016)/;
const CLAUSE_FRAMES = /^(02|03|10|13)/;
/** Heads whose that-clause subject is their target: appeals, demands, accusations, threats. */
const THAT_TARGET_HEADS = /^(02|10|11|13)/;

/** "demanded that Hamas renounce", "alleged that France": the actor right after that. */
/** Time words that may stand between a head and its that-clause ("its demand today that Israel ..."). */
const TIME_BETWEEN = fold(['today', 'yesterday', 'tonight', 'again', 'on', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

function thatSubject(view: SentenceView, h: TriggerMatch): Group | null {
  let at = view.tokens[h.last]?.norm === 'that' ? h.last : h.last + 1;
  while (at <= h.last + 3 && TIME_BETWEEN.has(view.tokens[at]?.norm ?? '')) at++;
  if (view.tokens[at]?.norm !== 'that') return null;
  return view.groups.find((g) => g.first > at && g.first <= at + 3) ?? null;
}

/**
 * Resolve heads and complements, right to left (so a complement has already taken over its own), and return
 * the triggers that remain, each with its frame. `tables`: head code prefix -> complement prefix -> code.
 */
function betweenAfter(view: SentenceView, c: TriggerMatch): boolean {
  for (let i = c.last + 1; i <= c.last + 2; i++) if (BETWEEN.has(view.tokens[i]?.norm ?? '')) return true;
  return false;
}
const BETWEEN = fold(['between', 'among']);

/** Is the trigger inside an if/unless clause (up to a comma or the clause end)? */
function conditional(view: SentenceView, t: TriggerMatch): boolean {
  const clauseStart = (view.clauseTokens[view.clauseOfToken[t.first] ?? 0] ?? [0, 0])[0];
  for (let i = t.first - 1; i >= clauseStart; i--) {
    const w = view.tokens[i]?.norm ?? '';
    if (w === ',' || w === ';') return false;
    if (CONDITIONS.has(w)) return true;
  }
  return false;
}

export function resolveEnglishFrames(view: SentenceView, triggers: TriggerMatch[], patterns: LanguagePatterns): TriggerMatch[] {
  const tables: FrameTables = patterns.frames;
  // Conditions are not coded ("will retaliate if attacked": the attack has not happened).
  const kept = triggers
    .filter((t, i) => !conditional(view, t) && !compoundAdjective(view, t) && !modifiesPerson(view, t) && !protestPurpose(view, t, triggers[i - 1]) && !onlyWanted(view, t))
    .map((t) => asNoun(view, t, patterns))
    .filter((t, _, all) => !impossibleVerb(view, t, verbEnds(all)));
  const rejectTable = tables.get('120');
  const demandTable = tables.get('10');
  for (let i = kept.length - 1; i >= 0; i--) {
    const c = kept[i] as TriggerMatch;
    const h = kept[i - 1];
    // A refusal: "will not provide support", "would not give permission to X to help" -> a rejection of it.
    if (rejectTable && COOPERATIVE.test(effectiveCode(c)) && !c.frame?.asserted && refusedBefore(view, c)) {
      const code = lookup(rejectTable, effectiveCode(c)) ?? '120';
      c.frame = { complement: null, framing: true, target: null, ...c.frame, code, asserted: true };
    }
    if (h === undefined) continue;
    const hp = h.form.pattern;
    if (isStatement(hp)) {
      // X said (that) Y must return ...: a demand on Y; otherwise the statement stays beside its content.
      const near = (view.clauseOfToken[h.first] ?? 0) === (view.clauseOfToken[c.first] ?? 0) && c.first - h.last <= MAX_GAP;
      const demanded = demandTable && near ? demandedOf(view, h.last + 1, c.first) : null;
      if (demanded && demandTable) {
        h.frame = { code: lookup(demandTable, effectiveCode(c)) ?? '100', complement: c, framing: true, target: demanded.group, asserted: false };
        // The rest of what Y must do ("must drop barriers or face tariffs") is the demand's content too.
        const end = clauseEnd(view, h.first);
        let n = i + 1;
        while (n < kept.length && (kept[n] as TriggerMatch).first < end) n++;
        kept.splice(i, n - i);
      } else if (near && hp.kind === 'verb' && c.form.pattern.kind === 'verb' && VIOLENCE_CODE.test(effectiveCode(c))) {
        // "The US said that Iraq had attacked", "Israel said a mortar was fired at it from Gaza": who reports
        // another's attack accuses them (112); the attack stays an event of its own (frameArguments names the doer).
        h.frame = { code: REPORTED_ATTACK, complement: c, framing: false, target: null, asserted: false };
      }
      continue;
    }
    if (hp.kind === 'noun' && c.first === h.last + 1 && (c.form.pattern.kind === 'noun' || c.shape === 'ing')) {
      // A compound names one act by its last noun ("military cooperation agreement" is an agreement); a
      // participle after a noun describes it ("an attack targeting civilians").
      kept.splice(c.form.pattern.kind === 'noun' ? i - 1 : i, 1);
      continue;
    }
    const link = linkOf(view, h, c);
    if (link === null) continue;
    if (link === 'that' && CONTENT_HEADS.test(hp.code)) {
      // "alleged that X ...", "denied that its forces ...": the clause is what is claimed, not an event.
      const end = clauseEnd(view, h.first);
      let n = i;
      while (n < kept.length && (kept[n] as TriggerMatch).first < end) n++;
      // "claimed that they had attacked Iraq": a claim of one's own hostile act is a claim of responsibility (015).
      const own = hp.code.startsWith('11') && ownDeed(view, h, c);
      h.frame = { code: own ? CLAIM_RESPONSIBILITY : null, complement: c, framing: true, target: own ? null : thatSubject(view, h), asserted: false };
      kept.splice(i, n - i);
      continue;
    }
    // "pledged not to attack": what is promised is that the act will not happen (the act, negated), not a threat.
    if (link === 'infinitive' && hp.code.startsWith('03') && !COOPERATIVE.test(effectiveCode(c)) && NOT_OR_NEVER.has(view.tokens[c.first - 2]?.norm ?? '')) {
      kept.splice(i - 1, 1);
      continue;
    }
    const table = lookup(tables, hp.code);
    if (table) {
      const mapped = lookup(table, effectiveCode(c));
      if (mapped === undefined && hp.code.startsWith('03')) {
        // "pledged to expel": the act itself, made future by the intent marker; the head says no more.
        kept.splice(i - 1, 1);
        continue;
      }
      h.frame = { code: mapped ?? null, complement: c, framing: true, target: null, asserted: false };
      let n = i + 1;
      if (link === 'that' && CLAUSE_FRAMES.test(hp.code)) {
        const end = clauseEnd(view, h.first);
        while (n < kept.length && (kept[n] as TriggerMatch).first < end) n++;
      }
      kept.splice(i, n - i);
      continue;
    }
    const headWord = view.tokens[h.first]?.norm ?? '';
    if (link === 'object' && hp.kind === 'verb' && hp.context.length > 0 && c.form.pattern.kind === 'noun' && LIGHT_VERBS.some((v) => headWord.startsWith(v))) {
      // A verb that needs context to be an event (launched, fired, signed) yields to the act it names.
      GOVERNED_BY_HEAD.add(c);
      kept.splice(i - 1, 1);
      continue;
    }
    // A plain head keeps a verb complement (met X to discuss), and takes a noun one as its object or topic,
    // except between consultations (hosted talks, a visit for talks), which settle themselves later.
    // A noun takes its infinitive too ("pressure to help", "efforts to mediate"); an act between named
    // parties stays itself ("welcomed the ceasefire between Israel and Hamas").
    const absorbs = (link === 'object' && !betweenAfter(view, c)) || (link === 'infinitive' && hp.kind === 'noun');
    if (!absorbs || (hp.code.startsWith('04') && effectiveCode(c).startsWith('04'))) continue;
    // A statement about an act (claimed responsibility for the attack on X) is aimed where the act is.
    // "called for sanctions against X" (113): those it rallies against are who the sanctions are against.
    h.frame = { code: null, complement: c, framing: hp.code.startsWith('01') || hp.code === RALLY_AGAINST, target: null, asserted: false };
    kept.splice(i, 1);
  }
  // What a demand, appeal, accusation or threat says must happen is its content, not an act of its own:
  // "demanding that Mugabe abandon his policy of land confiscations", "said Sudan must reach an agreement".
  const content = new Set<TriggerMatch>();
  const dropContent = (from: number, head: TriggerMatch): void => {
    const end = clauseEnd(view, head.first);
    for (const o of kept) if (o !== head && o.first > from && o.first < end) content.add(o);
  };
  for (const t of kept) {
    if (!THAT_TARGET_HEADS.test(t.frame?.code ?? t.form.pattern.code)) continue;
    const own = t.frame?.target ?? null;
    const target = own ?? thatSubject(view, t);
    if (target === null) continue;
    t.frame = t.frame ? { ...t.frame, target } : { code: null, complement: null, framing: true, target, asserted: false };
    if (own === null) dropContent(target.last, t);
  }
  // A statement with a demand and no trigger after it: "X said Y must do more" (100).
  if (demandTable) {
    for (const t of kept) {
      if (!isStatement(t.form.pattern) || t.frame) continue;
      const next = kept.find((o) => o.first > t.last);
      const demanded = demandedOf(view, t.last + 1, Math.min(next?.first ?? Infinity, clauseEnd(view, t.first)));
      if (!demanded) continue;
      t.frame = { code: '100', complement: null, framing: true, target: demanded.group, asserted: false };
      dropContent(demanded.at, t);
    }
  }
  for (const t of kept) if (!content.has(t)) dropAskedOrRefused(view, t, kept, content);
  for (const t of kept) if (!content.has(t)) markJointExercise(view, t);
  const threatTable = tables.get('130');
  for (const t of kept) if (threatTable && !content.has(t)) conditionalThreat(view, t, threatTable);
  return content.size === 0 ? kept : kept.filter((t) => !content.has(t));
}

/** Military exercises held by two or more states together: military cooperation (062), one act between them. */
export const JOINT_ACT = new WeakSet<TriggerMatch>();
const SHOW_OF_FORCE = '150';
const JOINT_EXERCISE = '062';
const EXERCISE_WORDS = fold(['exercise', 'exercises', 'drill', 'drills', 'games', 'wargames', 'maneuvers', 'manoeuvres']);
const JOINERS = fold(['and', ',']);

/**
 * "French and Egyptian warships launched war games": an exercise whose doers are two states named together is a
 * joint exercise (062, as "joint exercises" is), told between them; one state's exercise stays a show of force.
 */
function markJointExercise(view: SentenceView, t: TriggerMatch): void {
  if (effectiveCode(t) !== SHOW_OF_FORCE || (t.frame?.code ?? null) !== null) return;
  // Exercises and drills only: two states testing missiles or parading are not doing it together.
  const named = [t, t.frame?.complement ?? t].flatMap((m) => m.tokens.map((i) => view.tokens[i]?.norm ?? ''));
  if (!named.some((w) => EXERCISE_WORDS.has(w))) return;
  const clauseStart = (view.clauseTokens[view.clauseOfToken[t.first] ?? 0] ?? [0, 0])[0];
  const before = view.groups.filter((g) => g.first >= clauseStart && g.last < t.first && introduction(view, g) === null);
  const last = before[before.length - 1];
  if (last === undefined) return;
  // The subject: the last bare group before the noun, with the groups joined to it by "and" or a comma.
  const subject = [last];
  for (let k = before.length - 2; k >= 0; k--) {
    const g = before[k] as Group;
    const next = subject[0] as Group;
    let joined = true;
    for (let i = g.last + 1; i < next.first; i++) if (!JOINERS.has(view.tokens[i]?.norm ?? '')) joined = false;
    if (!joined || next.first - g.last > 2) break;
    subject.unshift(g);
  }
  const states = new Set(subject.flatMap((g) => g.refs.map((r) => r.actor.id)).filter((id) => /^[A-Z]{3}$/.test(id)));
  if (states.size < 2) return;
  t.frame = { complement: null, framing: false, target: null, asserted: false, ...t.frame, code: JOINT_EXERCISE };
  JOINT_ACT.add(t);
}

/** Heads whose object is only asked for or turned down: appeals, demands, rejections. */
const ASKED_OR_REFUSED = /^(02|10|12)/;
/** Words that open a circumstance of the head ("during talks with X"), not more of what it asks for or refuses. */
const CIRCUMSTANCE = fold(['during', 'at', 'after', 'before', 'amid', 'following', 'since', 'despite', 'while', 'when', 'as', 'but', ';']);
const AND = fold(['and', 'then']);
/** Past forms not ending in -ed that open a second predicate after "and" ("rejected the plan and held talks"). */
const IRREGULAR_PAST = fold(['held', 'met', 'took', 'gave', 'made', 'struck', 'sent', 'began', 'won', 'set', 'led', 'paid', 'sought', 'brought', 'went', 'told', 'said']);

/** "and signed", "and held": a second predicate of the subject starts here. */
function secondPredicate(view: SentenceView, i: number): boolean {
  if (!AND.has(view.tokens[i]?.norm ?? '')) return false;
  const next = view.tokens[i + 1]?.norm ?? '';
  return next.endsWith('ed') || IRREGULAR_PAST.has(next);
}

/**
 * "rejected a US offer to host a summit", "is opposed to French mediation in peace negotiations with Syria",
 * "demanded a meeting of the Council to discuss ...": a cooperative act named (noun, infinitive, gerund) further
 * in the object of a demand, an appeal or a rejection is what was asked for or refused, not an act that happened.
 * The object ends at the clause end, at a circumstance, or at a finite verb (a predicate of its own).
 */
function dropAskedOrRefused(view: SentenceView, head: TriggerMatch, kept: readonly TriggerMatch[], content: Set<TriggerMatch>): void {
  if (!ASKED_OR_REFUSED.test(effectiveCode(head))) return;
  const end = clauseEnd(view, head.first);
  const from = Math.max(head.last, head.frame?.complement?.last ?? head.last) + 1;
  let stop = end;
  for (let i = from; i < end; i++) {
    const t = view.tokens[i];
    if (t === undefined || CIRCUMSTANCE.has(t.norm) || secondPredicate(view, i)) {
      stop = i;
      break;
    }
  }
  for (const o of kept) {
    if (o === head || o.first < from || o.first >= stop) continue;
    const finite = o.form.pattern.kind === 'verb' && (o.shape === 'ed' || o.shape === 's');
    if (finite) return;
    if (COOPERATIVE.test(effectiveCode(o))) content.add(o);
  }
}

/** Acts that hurt whom they are aimed at: rejection, protest, reduced relations, coercion, force, violence. */
const HOSTILE = /^(12|14|16|17|18|19|20)/;
const WILL = fold(['will', 'would', 'shall', 'may', 'might', 'could']);

/**
 * "will boycott the elections unless the president steps down", "may halt its mediation if the parties fail":
 * a hostile act told as what will follow a condition is a threat (13x), made now, whatever the act's mood.
 */
function conditionalThreat(view: SentenceView, t: TriggerMatch, table: ReadonlyMap<string, string>): void {
  const code = effectiveCode(t);
  if (t.frame?.code || !HOSTILE.test(code)) return;
  let i = t.first - 1;
  while (i >= 0 && (view.tokens[i]?.norm === 'not' || isAdverbLike(view.tokens[i]?.norm ?? ''))) i--;
  if (!WILL.has(view.tokens[i]?.norm ?? '') || !followedByCondition(view, t.last)) return;
  t.frame = { complement: null, framing: true, target: null, ...t.frame, code: lookup(table, code) ?? '130', asserted: true };
}

function followedByCondition(view: SentenceView, from: number): boolean {
  for (let i = from + 1; i < view.tokens.length; i++) {
    const w = view.tokens[i]?.norm ?? '';
    if (w === ';') return false;
    if (CONDITIONS.has(w)) return true;
  }
  return false;
}

const CLAIM_RESPONSIBILITY = '015';
/** Pronouns that, right after "that", take up the subject of the head ("X claimed that it ..."). */
const SELF_PRONOUNS = fold(['it', 'they', 'we', 'he', 'she']);
const PASSIVE_BE = fold(['was', 'were', 'been', 'be', 'being', 'is', 'are']);

/** "claimed that they had attacked", "claims that it shot down": the head's subject did the hostile act itself. */
function ownDeed(view: SentenceView, h: TriggerMatch, c: TriggerMatch): boolean {
  const at = view.tokens[h.last]?.norm === 'that' ? h.last : h.last + 1;
  if (view.tokens[at]?.norm !== 'that' || !SELF_PRONOUNS.has(view.tokens[at + 1]?.norm ?? '')) return false;
  if (c.form.pattern.kind !== 'verb' || !HOSTILE.test(effectiveCode(c)) || c.first - at > 5) return false;
  // "claimed that they were attacked": the pronoun names the victims.
  for (let i = at + 2; i < c.first; i++) if (PASSIVE_BE.has(view.tokens[i]?.norm ?? '')) return false;
  return true;
}

/**
 * Whom a report of an attack accuses: the attack's doer ("said that Iraq had attacked"), or the place a passive
 * attack came from ("a mortar was fired at it from the Gaza Strip"); never the speaker itself ("said it had struck").
 */
function accused(view: SentenceView, attack: TriggerMatch, a: Assignment, memory: SentenceMemory): Assignment {
  const inner = assignArguments(view, attack, { ...memory });
  const doer = inner.sourceGroup ?? (inner.sources.length === 0 ? originPlace(view, attack) : null);
  const speaker = (g: Group): boolean => g.refs.some((r) => a.sources.some((s) => s.actor.id === r.actor.id));
  if (doer === null || speaker(doer)) return { ...a, targets: [], targetGroup: null };
  return { ...a, targets: doer.refs, targetGroup: doer };
}

/** A state or place introduced by "from" in the clause after the act (fired from Lebanon). */
function originPlace(view: SentenceView, t: TriggerMatch): Group | null {
  const end = clauseEnd(view, t.first);
  for (const g of view.groups) {
    if (g.first <= t.last || g.first >= end || g.first - t.last > MAX_GAP) continue;
    const kind = g.refs[0]?.mention.kind;
    if (view.tokens[g.first - 1]?.norm === 'from' || (view.tokens[g.first - 2]?.norm === 'from' && view.tokens[g.first - 1]?.norm === 'the')) {
      if (kind === 'state' || kind === 'capital' || kind === 'place') return g;
    }
  }
  return null;
}

/** Heads that withhold or refuse the act they govern: rejection, boycott and strike, reduced relations. */
const WITHHOLDING = /^(12|143|16)/;

/** Fill what the head's own arguments lack from its frame: the named target, or the complement's target. */
export function frameArguments(view: SentenceView, trigger: TriggerMatch, a: Assignment, memory: SentenceMemory): Assignment {
  const f = trigger.frame;
  if (f === undefined) return a;
  // "were killed in Israeli tank shelling": the violence noun's own agent did the killing.
  if (f.complement && a.sources.length === 0 && VIOLENCE_CODE.test(trigger.form.pattern.code) && VIOLENCE_CODE.test(effectiveCode(f.complement))) {
    const agent = nounAgent(view, f.complement);
    if (agent && !a.targets.some((t) => agent.refs.some((r) => r.actor.id === t.actor.id))) {
      return withLocatedTarget(view, trigger, { ...a, sources: agent.refs, sourceGroup: agent });
    }
  }
  if (f.target) return { ...a, targets: f.target.refs, targetGroup: f.target, mutual: false };
  // "demanded an immediate admission by Moscow", "called for a withdrawal by Israel": asked of the act's doer.
  const asked = ASKING_HEADS.test(trigger.form.pattern.code) && f.complement?.form.pattern.kind === 'noun' ? nounAgent(view, f.complement) : null;
  if (asked && !asked.refs.some((r) => a.sources.some((s) => s.actor.id === r.actor.id))) return { ...a, targets: asked.refs, targetGroup: asked, mutual: false };
  if (f.code === REPORTED_ATTACK && f.complement && isStatement(trigger.form.pattern)) return accused(view, f.complement, a, memory);
  if (a.targets.length > 0 || a.mutual || f.complement === null) return a;
  const inner = assignArguments(view, f.complement, { ...memory });
  // A rejection is aimed at who proposed or accused: "rejected accusations by Saudi Arabia", "an Indian proposal".
  const proposer = trigger.form.pattern.code.startsWith('12') ? nounAgent(view, f.complement) : null;
  if (proposer && proposer !== a.sourceGroup) return { ...a, targets: proposer.refs, targetGroup: proposer };
  if (f.framing) return inner.targets.length > 0 ? { ...a, targets: inner.targets, targetGroup: inner.targetGroup } : a;
  // "boycotted all contact with the United States", "suspended its aid to Haiti": who the withheld act was with.
  if (WITHHOLDING.test(trigger.form.pattern.code) && inner.targets.length > 0 && inner.sources.length === 0) {
    return { ...a, targets: inner.targets, targetGroup: inner.targetGroup };
  }
  // A plain head (condemned the attack by X, Israeli air raids): the complement's own agent is its target.
  const agent = nounAgent(view, f.complement);
  const own = a.sourceGroup;
  if (agent && agent !== own && !(own && agent.refs.every((r) => own.refs.some((o) => o.actor.id === r.actor.id)))) {
    return { ...a, targets: agent.refs, targetGroup: agent };
  }
  return a;
}
