// English source and target without a parser: SVO and the passive (also reduced: "a deal brokered by Qatar"),
// subjects inside "Opponents of X" / "a court in X", relative clauses, nominal events ("X's visit to Y",
// "Israeli air strikes on Y", "talks between X and Y", "criticism from X"), "received weapons from X".
import { withRole } from '../lexicon/actors.js';
import { foldKey } from '../stages/normalise.js';
import {
  betweenParties,
  chainedSubject,
  clauseRange,
  groupIntroducedAfter,
  introduction,
  mutualResult,
  objectAfter,
  result,
  withMutual,
  type Assignment,
  type SentenceMemory,
} from './arguments.js';
import type { Actor, Mention, Role } from '../document.js';
import { tokenAt, type ActorRef, type Group, type SentenceView } from './sentence.js';
import { GOVERNED_BY_HEAD } from './english-frames.js';
import type { TriggerMatch } from './triggers.js';

const fold = (words: string[]): Set<string> => new Set(words.map((w) => foldKey(w)));

const NOUN_TARGETS = fold(['to', 'with', 'against', 'on', 'toward', 'towards', 'for', 'at', 'into', 'upon']);
const VERB_TARGETS = fold(['with', 'against', 'to']);
const BE = fold(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets', 'got', 'gotten']);
const ADVERBS = fold([
  'not', 'also', 'reportedly', 'again', 'outright', 'once again', 'allegedly', 'then', 'already', 'never', 'recently', 'officially', 'formally',
  'jointly', 'later', 'again', 'just', 'previously', 'first', 'repeatedly', 'publicly', 'warmly', 'strongly',
]);
const NOMINAL_BEFORE = fold(['the', 'a', 'an', 'this', 'that', 'its', 'his', 'her', 'their', 's', 'first', 'latest']);
const BETWEEN = fold(['between', 'among']);
const AND = fold(['and']);
const AGENT = fold(['by']);
const OF = fold(['of', 'by', 'from']);
const RELATIVE = fold(['that', 'which', 'who', 'whom', 'whose', 'where']);
/** People nouns after which a violence participle is passive ("ten soldiers killed in the south"). */
const VICTIMS = fold([
  'people', 'soldiers', 'civilians', 'troops', 'policemen', 'police', 'children', 'men', 'women', 'fighters', 'militants', 'rebels',
  'protesters', 'demonstrators', 'workers', 'students', 'officers', 'personnel', 'members', 'villagers', 'residents', 'pilgrims',
  'worshippers', 'passengers', 'tourists', 'journalists', 'guards', 'insurgents', 'gunmen', 'refugees', 'migrants', 'others',
]);
const VIOLENCE = /^(18|19|20)/;
const AFTER_PARTICIPLE = fold(['in', 'on', 'at', 'during', 'by', 'when', 'after', 'near', 'since', 'today', 'yesterday', 'overnight', 'last', 'this', 'as', 'and', 'while']);

/** Words before a participle that show it has no subject of its own: a time, not a noun (on Wednesday released). */
const TIME_WORDS = fold([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'week',
  'month', 'year', 'morning', 'evening', 'night', 'earlier', 'later', 'ago', 'recently', 'weekend', 'afternoon',
]);
/** What may stand between a relative pronoun and its verb (that has seized, who had reportedly fled). */
const AUXILIARIES = fold(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'could', 'may', 'might', 'can', 'should', 'must', 'shall', 'did', 'does', 'do', 'not', 'been', 'being', 'be']);
/** Prepositions that put the subject's country after its head noun (Opponents of X, a court in X). */
const SUBJECT_OF = fold(['of', 'in', 'from', 'at']);
/** A subject does not reach a noun across a report or a new clause (X said a bomb was fired; X, which ...). */
const NOMINAL_BREAK = fold([
  'said', 'says', 'say', 'told', 'tells', 'claimed', 'alleged', 'that', 'which', 'who', 'as',
  'whose', 'where', 'according', 'because', 'due', 'amid', 'amidst', 'despite', 'following', 'after', 'before', 'since', 'over',
]);
const POSSESSIVE = new Set(["'", '’']);
const SUBORDINATORS = fold(['after', 'before', 'when', 'while', 'because', 'although', 'though', 'since', 'if', 'unless', 'until', 'whereas', 'as', 'once']);
const OBJECT_BREAK = fold(['to', 'with', 'against', 'on', 'in', 'at', 'for', 'into', 'by', 'over', 'after', 'during', 'that', 'which', 'who', ',', 'and']);

/** Governing verbs that make a state-like noun an act (signed an agreement, extended support): stems. */
const GOVERNORS = [
  'sign', 'ink', 'seal', 'conclud', 'reach', 'hold', 'held', 'conduct', 'stage', 'launch', 'begin', 'began', 'begun', 'start',
  'resum', 'renew', 'extend', 'provid', 'offer', 'give', 'gave', 'given', 'send', 'sent', 'deliver', 'grant', 'pledg', 'announc',
  'approv', 'ratif', 'establish', 'forge', 'receiv', 'accept', 'suppl', 'wage', 'waging', 'declar', 'lend', 'lent', 'express',
  'voic', 'reaffirm', 'reiterat', 'lodg', 'impos', 'stepped', 'stepping', 'intensif', 'endors', 'enter', 'entered', 'open', 'complet', 'escalat', 'continu', 'pursu', 'carr', 'mount', 'made', 'mak',
  'paid', 'pay', 'present', 'produc', 'submit', 'deepen', 'strengthen', 'broaden', 'bolster', 'cement',
];
const PARENTHESES = new Set(['(', ')']);
const APPOSITION_OPENERS = fold(['a', 'an', 'the', 'its', 'one']);
const DASHES = new Set(['—', '–']);

/** Tokens inside a dash pair or brackets (Qatar—an ally of the US—and Turkey): asides, not arguments. */
function asides(view: SentenceView): boolean[] {
  const inside: boolean[] = view.tokens.map(() => false);
  let open = -1;
  view.tokens.forEach((t, i) => {
    const ch = view.doc.text[t.start] ?? '';
    const dash = t.kind === 'punct' && (DASHES.has(ch) || (ch === '-' && view.doc.text[t.start - 1] === ' ' && view.doc.text[t.end] === ' '));
    if (!dash && !PARENTHESES.has(ch)) return;
    if (open < 0 && (dash || ch === '(')) open = i;
    else if (open >= 0 && (dash || ch === ')')) {
      for (let k = open; k <= i; k++) inside[k] = true;
      open = -1;
    }
  });
  // "Pakistan, a key U.S. ally in the war, has refused": an apposition after a name, up to the next comma.
  for (const g of view.groups) {
    if (view.tokens[g.last + 1]?.norm !== ',' || !APPOSITION_OPENERS.has(view.tokens[g.last + 2]?.norm ?? '')) continue;
    for (let k = g.last + 1; k < view.tokens.length; k++) {
      inside[k] = true;
      if (k > g.last + 1 && view.tokens[k]?.norm === ',') break;
    }
  }
  return inside;
}

const asideCache = new WeakMap<SentenceView, boolean[]>();
function inAside(view: SentenceView, index: number): boolean {
  let a = asideCache.get(view);
  if (a === undefined) {
    a = asides(view);
    asideCache.set(view, a);
  }
  return a[index] ?? false;
}

/** Groups before `index` in [from, index) that can be subjects: bare (after that/which too), not in an aside. */
function subjectsIn(view: SentenceView, from: number, index: number): Group[] {
  return view.groups.filter((g) => g.first >= from && g.last < index && (introduction(view, g) === null || opensClause(view, g, index)) && !inAside(view, g.first));
}

/** Subordinators that may also read as prepositions: after them, a group right before the verb is its subject. */
const CLAUSE_OPENERS = fold(['after', 'since']); // not "before": what follows it may not have happened yet

/** "suspended flights after Serbian troops attacked a convoy": the group after "after" is the next verb's subject. */
function opensClause(view: SentenceView, g: Group, verb: number): boolean {
  const intro = introduction(view, g);
  if (intro === null || !CLAUSE_OPENERS.has(intro.word) || verb - g.last > 4) return false;
  for (let i = g.last + 1; i < verb; i++) {
    const t = view.tokens[i];
    const w = t?.norm ?? '';
    if (AUXILIARIES.has(w) || isAdverb(w)) continue;
    // Head nouns of the group ("after Serbian soldiers attacked", "after an Israeli army jet hit").
    if (t === undefined || t.kind !== 'word' || i > g.last + 2 || OBJECT_BREAK.has(w) || RELATIVE.has(w) || SUBORDINATORS.has(w)) return false;
  }
  return true;
}

/** "both Qatar—an ally—and Turkey—another ally—continue": a subject coordinated across an aside. */
function withCoordinated(view: SentenceView, g: Group): Group {
  let i = g.first - 1;
  if (!AND.has(view.tokens[i]?.norm ?? '')) return g;
  i--;
  if (!inAside(view, i)) return g;
  while (i >= 0 && inAside(view, i)) i--;
  const before = view.groups.find((o) => o.last === i);
  if (before === undefined) return g;
  return { refs: [...before.refs, ...g.refs], start: before.start, end: g.end, first: before.first, last: g.last };
}

const governs = (w: string): boolean => GOVERNORS.some((stem) => w.startsWith(stem));

/** A governing verb before the noun (signed an agreement), or after it in the passive (evidence ... was presented). */
function governed(view: SentenceView, trigger: TriggerMatch): boolean {
  // Four words back, not counting an amount between verb and noun ("provide about 70 million dollars of aid").
  let words = 0;
  for (let i = trigger.first - 1; i >= 0 && words < 4; i--) {
    const t = view.tokens[i];
    if (governs(t?.norm ?? '')) return true;
    if (!(t?.kind === 'number' || QUANTITY_WORDS.has(t?.norm ?? ''))) words++;
  }
  for (let i = trigger.last + 1; i <= trigger.last + 5 && i < view.tokens.length - 1; i++) {
    if (BE.has(view.tokens[i]?.norm ?? '') && governs(view.tokens[i + 1]?.norm ?? '')) return true;
  }
  return false;
}

function isAdverb(w: string): boolean {
  return ADVERBS.has(w) || w.endsWith('ly');
}

function explicitAgent(view: SentenceView, trigger: TriggerMatch, words: ReadonlySet<string>): { group: Group | null; named: boolean } {
  const group = groupIntroducedAfter(view, trigger.last, words, 8);
  // "of" names the noun's agent only right after it ("the visit of X"), not "sanctions against five of X's firms".
  const intro = group ? introduction(view, group) : null;
  if (group && intro && (intro.word !== 'of' || intro.at === trigger.last + 1)) return { group, named: true };
  // "killed in an air strike by government forces": an agent the lexicon cannot name still fills the slot
  // ("a grant of 580 million shillings" names an amount, "a treaty of friendship" its content: of is no agent).
  for (let i = trigger.last + 1; i <= trigger.last + 2 && i < view.tokens.length; i++) {
    const next = view.tokens[i + 1];
    const amount = next !== undefined && (next.kind === 'number' || QUANTITY_WORDS.has(next.norm));
    const w = view.tokens[i]?.norm ?? '';
    if (words.has(w) && w !== 'of' && !amount) return { group: null, named: false };
  }
  return { group: null, named: true };
}

/** "were engaged in ethnic cleansing", "was involved in the attack": the subject does it (be + state, not passive). */
const ACTIVE_PARTICIPLES = fold(['engaged', 'involved']);

function isPassive(view: SentenceView, trigger: TriggerMatch): boolean {
  if (trigger.shape !== 'ed') return false;
  if (ACTIVE_PARTICIPLES.has(view.tokens[trigger.first]?.norm ?? '') && view.tokens[trigger.first + 1]?.norm === 'in') return false;
  if (beforeAux(view, trigger)) return true;
  // Reduced passive: a participle after a noun, with its agent and no object in between (a deal brokered by
  // Qatar); "Berlin rejected calls by X" and "Israel on Wednesday released" have their subject before them.
  const prev = view.tokens[trigger.first - 1];
  // "ten soldiers killed in the south", "eight people killed.": nothing after it that could be its object.
  const next = view.tokens[trigger.first + 1];
  const bare = next === undefined || next.kind === 'punct' || AFTER_PARTICIPLE.has(next.norm);
  if (VIOLENCE.test(trigger.form.pattern.code) && VICTIMS.has(prev?.norm ?? '') && bare) return true;
  if (describesObject(view, trigger)) return true;
  const by = groupIntroducedAfter(view, trigger.last, AGENT, 6);
  if (by === null) return false;
  if (prev === undefined || prev.kind !== 'word' || view.groups.some((g) => g.last === trigger.first - 1)) return false;
  if (TIME_WORDS.has(prev.norm) || AUXILIARIES.has(prev.norm) || isAdverb(prev.norm)) return false;
  // "rejected accusations by X" has an object before by: active.
  const after = view.tokens[trigger.last + 1];
  if (after !== undefined && after.kind === 'word' && !AFTER_PARTICIPLE.has(after.norm) && !TIME_WORDS.has(after.norm) && !isAdverb(after.norm)) return false;
  return !view.groups.some((g) => g.first > trigger.last && g.first < by.first && introduction(view, g) === null);
}

/** Prepositions whose object a participle after it may describe, and the particles that end such a participle. */
const OBJECT_OF = fold(['to', 'for', 'with', 'from', 'against', 'on']); // not "of": thousands of Kurds marched
const COORDINATORS = fold(['and', 'or', 'but', 'nor']);
const PARTICLES = fold(['out', 'back', 'away', 'off', 'into', 'from', 'in', 'to', 'at', 'as', 'over']);

/**
 * "opened its borders to West Africans ordered out of Nigeria": a participle right after an actor that is itself
 * the object of a preposition, with no object of its own, describes that actor (a reduced relative clause); it is
 * not the sentence's predicate, and the subject before is not its doer.
 */
function describesObject(view: SentenceView, trigger: TriggerMatch): boolean {
  if (trigger.first !== trigger.last || !PARTICLES.has(view.tokens[trigger.last + 1]?.norm ?? '')) return false;
  const prev = view.tokens[trigger.first - 1];
  if (prev === undefined || prev.kind !== 'word' || COORDINATORS.has(prev.norm) || AUXILIARIES.has(prev.norm) || TIME_WORDS.has(prev.norm) || isAdverb(prev.norm)) return false;
  // The noun phrase before it (up to four words: "to most West Africans") opens with the preposition.
  for (let i = trigger.first - 2; i >= Math.max(0, trigger.first - 5); i--) {
    const t = view.tokens[i];
    if (t === undefined || t.kind !== 'word' || AUXILIARIES.has(t.norm) || RELATIVE.has(t.norm)) return false;
    if (OBJECT_OF.has(t.norm)) return true;
  }
  return false;
}

function isNominal(view: SentenceView, trigger: TriggerMatch): boolean {
  if (trigger.form.pattern.kind === 'noun') return true;
  if (trigger.shape !== 'ing') return false;
  return NOMINAL_BEFORE.has(view.tokens[trigger.first - 1]?.norm ?? '');
}

/** The group just before a relative pronoun that stands right before the trigger ("Hamas, which attacked"). */
function relativeSubject(view: SentenceView, trigger: TriggerMatch): { relative: boolean; group: Group | null } {
  const skip = (from: number): number => {
    let k = from;
    while (k >= 0 && (AUXILIARIES.has(view.tokens[k]?.norm ?? '') || isAdverb(view.tokens[k]?.norm ?? ''))) k--;
    return k;
  };
  let i = skip(trigger.first - 1);
  // "a resolution that aims to tighten sanctions": through the verb that governs the infinitive.
  if (view.tokens[i]?.norm === 'to' && !view.groups.some((g) => g.last === i - 1)) i = skip(i - 2);
  if (!RELATIVE.has(view.tokens[i]?.norm ?? '')) return { relative: false, group: null };
  let j = i - 1;
  if (view.tokens[j]?.norm === ',') j--;
  return { relative: true, group: view.groups.find((g) => g.last === j) ?? null };
}

/** "Opponents of Rwanda's Senate protested", "A court in Guyana issued": the country after the head noun. */
function prepositionalSubject(view: SentenceView, from: number, index: number): Group | null {
  for (const g of view.groups) {
    if (g.first < from) continue;
    if (g.last >= index || g.first - from > 10) break;
    const intro = introduction(view, g);
    if (intro !== null && SUBJECT_OF.has(intro.word)) return g;
    if (intro === null) return null;
  }
  return null;
}

/** A nisba or possessive right before an event noun is its agent: "Israeli air strikes", "Iran's support". */
function premodifier(view: SentenceView, trigger: TriggerMatch): Group | null {
  for (const g of view.groups) {
    if (g.last >= trigger.first) break;
    const gap = trigger.first - g.last - 1;
    if (gap === 0) return g;
    const possessive = POSSESSIVE.has(view.tokens[g.last + 1]?.norm ?? '') && view.tokens[g.last + 2]?.norm === 's';
    if (possessive && gap <= 3) return g;
  }
  return null;
}

/** Words that introduce a noun's agent: by, and of/from unless the noun's target takes them ("withdrawal from Panama"). */
function agentWordsFor(targets: ReadonlySet<string>): ReadonlySet<string> {
  if (targets.has('of')) return AGENT;
  return targets.has('from') ? new Set([...OF].filter((w) => w !== 'from')) : OF;
}

/** The agent an event noun names itself (a nisba or possessive before it, "by X" after it), if any. */
export function nounAgent(view: SentenceView, trigger: TriggerMatch): Group | null {
  if (!isNominal(view, trigger)) return null;
  const p = trigger.form.pattern;
  const targets = p.target ?? NOUN_TARGETS;
  return premodifier(view, trigger) ?? explicitAgent(view, trigger, p.source ?? agentWordsFor(targets)).group;
}

interface Subject {
  group: Group | null;
  penalty: number;
  /** "give Tanzania a grant": the name between the verb and the noun, the act's recipient. */
  recipient?: Group;
}

/** Words of an amount ("about 70 million dollars of", "nearly 25,000 tons of"): no argument stands among them. */
const QUANTITY_WORDS = fold(['about', 'nearly', 'some', 'over', 'up', 'to', 'around', 'almost', 'more', 'than', 'million', 'billion', 'thousand', 'hundred', 'dollars', 'euros', 'pounds', 'tons', 'tonnes', 'worth', 'of', '.', ',', '$']);
const RECIPIENT_FILLERS = fold(['a', 'an', 'the', 'some', 'more', 'new', 'further', 'additional', 'emergency', 'million', 'billion', 'dollars', 'tons', 'worth', 'of', 'about', 'nearly', 'over', 'up', 'to']);
function recipientGap(view: SentenceView, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 7) return false;
  for (let i = from; i < to; i++) {
    const t = view.tokens[i];
    if (t === undefined || !(t.kind === 'number' || RECIPIENT_FILLERS.has(t.norm) || t.norm === '.' || t.norm === ',')) return false;
  }
  return view.tokens[from]?.kind !== 'punct';
}

/** How far an event noun may stand from the subject that does it ("Israel mounted its long-threatened invasion"). */
const NOMINAL_REACH = 8;

/** The subject of a verb (or the agent before a noun): relative clause, own clause, "X of Y", earlier clause. */
function englishSubject(view: SentenceView, trigger: TriggerMatch, nominal: boolean, memory?: SentenceMemory): Subject {
  const rel = relativeSubject(view, trigger);
  if (rel.relative) return { group: rel.group, penalty: 0 };
  const [clauseStart] = clauseRange(view, trigger.first);
  if (!nominal && trigger.shape === 'ing' && view.tokens[trigger.first - 1]?.norm === ',') {
    // ", killing eight people": the participle's subject is the main clause's, not the object before it.
    return { group: memory?.lastSource ?? null, penalty: 0.1 };
  }
  const candidates = subjectsIn(view, clauseStart, trigger.first);
  let own = candidates[candidates.length - 1];
  let recipient: Group | undefined;
  // "will give Tanzania a grant": the name right before the noun's determiner is the recipient, not the giver.
  if (nominal && own && candidates.length >= 2 && recipientGap(view, own.last + 1, trigger.first)) {
    recipient = own;
    own = candidates[candidates.length - 2];
  }
  // A violence noun deep in the object ("rejected an ultimatum to hand over a guard involved in a shooting") is
  // not the subject's own act.
  if (own && nominal && VIOLENCE.test(trigger.form.pattern.code) && trigger.first - own.last > NOMINAL_REACH && !recipient) own = undefined;
  if (own) {
    // "X severed ties, after protesters stormed ...": a subordinate clause has its own subject.
    // ("X visited Y before meeting Z" keeps X: nothing stands between the subordinator and the verb.)
    const breaks = nominal ? NOMINAL_BREAK : SUBORDINATORS;
    for (let i = own.last + 1; i < trigger.first; i++) {
      // "has once again rejected": once is an adverb there, not a subordinator.
      if (view.tokens[i]?.norm === 'once' && view.tokens[i + 1]?.norm === 'again') continue;
      if (!breaks.has(view.tokens[i]?.norm ?? '')) continue;
      // "Gbagbo announced that he will extend the curfew": a pronoun subject of the noun's verb is the speaker.
      if (nominal && REPORT_BREAKS.has(view.tokens[i]?.norm ?? '') && pronounGoverned(view, i + 1, trigger.first)) return { group: withCoordinated(view, own), penalty: 0.1 };
      if (nominal || !subjectless(view, i + 1, trigger.first)) return { group: null, penalty: 0 };
    }
    return { group: withCoordinated(view, own), penalty: 0, ...(recipient ? { recipient } : {}) };
  }
  const of = prepositionalSubject(view, clauseStart, trigger.first);
  if (of) return { group: of, penalty: 0.1 };
  // An event noun gets no agent from another clause; a verb takes the sentence's subject only when its own
  // clause has none before it ("..., but said it would"); "after protesters stormed" has its own.
  if (nominal || !subjectless(view, clauseStart, trigger.first)) return { group: null, penalty: 0 };
  for (let c = (view.clauseOfToken[trigger.first] ?? 0) - 1; c >= 0; c--) {
    const [from, to] = view.clauseTokens[c] ?? [0, 0];
    const g = subjectsIn(view, from, to)[0];
    if (g) return { group: g, penalty: 0.15 };
  }
  return { group: null, penalty: 0 };
}

/** Breaks after which a pronoun takes up the speaker (X said/announced that it ...). */
const REPORT_BREAKS = fold(['said', 'says', 'say', 'told', 'that', 'claimed']);
const SUBJECT_PRONOUN = fold(['he', 'she', 'it', 'they', 'we']);

/** "that he will extend the", "it would sign an": a pronoun, auxiliaries, and a governing verb right before the noun. */
function pronounGoverned(view: SentenceView, from: number, to: number): boolean {
  let i = from;
  if (view.tokens[i]?.norm === 'that') i++;
  if (!SUBJECT_PRONOUN.has(view.tokens[i]?.norm ?? '')) return false;
  i++;
  while (i < to && (AUXILIARIES.has(view.tokens[i]?.norm ?? '') || isAdverb(view.tokens[i]?.norm ?? ''))) i++;
  if (i >= to || !governs(view.tokens[i]?.norm ?? '')) return false;
  // Only the noun's own determiners and modifiers between the verb and the noun.
  return to - i <= 4 && !view.tokens.slice(i + 1, to).some((t) => t.kind === 'punct' || BREAK_WORDS.has(t.norm));
}
const BREAK_WORDS = fold(['to', 'with', 'against', 'on', 'in', 'at', 'for', 'by', 'that', 'which', 'and', 'or']);

const DROPPED_SUBJECT = fold(['but', 'and', 'then', 'yet', 'it', 'they', 'he', 'she', 'we', 'also', 'later', 'had', 'has', 'have', 'was', 'were', 'would', 'will', 'could', 'not', 'never', 'still', 'to', 'before', 'after', 'while', 'when', ',']);
/** Only openers, pronouns and auxiliaries between the clause start and the verb: its subject was said before. */
function subjectless(view: SentenceView, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = view.tokens[i]?.norm ?? '';
    if (!DROPPED_SUBJECT.has(w) && !isAdverb(w)) return false;
  }
  return true;
}

/** "the UN and IAEA, which Iran criticizes": the antecedent of an object relative is the verb's target. */
function relativeObject(view: SentenceView, subject: Group | null): Group | null {
  if (subject === null || !RELATIVE.has(view.tokens[subject.first - 1]?.norm ?? '')) return null;
  let j = subject.first - 2;
  if (view.tokens[j]?.norm === ',') j--;
  return view.groups.find((g) => g.last === j) ?? null;
}

/** "helped the dissidents from Egypt", "arrested members of Hamas": the object's country or group. */
function ownerOfObject(view: SentenceView, trigger: TriggerMatch, exclude: Group | null): Group | null {
  for (const g of view.groups) {
    if (g.first <= trigger.last || g === exclude) continue;
    if (g.first - trigger.last > 8) return null;
    const intro = introduction(view, g);
    if (intro === null || (intro.word !== 'of' && intro.word !== 'from')) return null;
    // Nothing but the object's words before the preposition.
    for (let i = trigger.last + 1; i < intro.at; i++) if (OBJECT_BREAK.has(view.tokens[i]?.norm ?? '')) return null;
    return g;
  }
  return null;
}

function beforeAux(view: SentenceView, trigger: TriggerMatch): boolean {
  let from = trigger.first - 1;
  // "were killed or wounded": a participle joined to a passive one is passive too.
  const joined = view.tokens[from]?.norm ?? '';
  const before = view.tokens[from - 1]?.norm ?? '';
  if ((joined === 'or' || joined === 'and') && before.length > 3 && before.endsWith('ed')) from -= 2;
  for (let i = from; i >= Math.max(0, from - 3); i--) {
    const w = view.tokens[i]?.norm ?? '';
    if (BE.has(w)) return true;
    if (!isAdverb(w)) return false;
  }
  return false;
}

/** A bare object stands near its verb, before any relative clause (approve a plan that ... Hamas: no). */
function directObject(view: SentenceView, trigger: TriggerMatch, g: Group | null): Group | null {
  if (g === null || introduction(view, g) !== null) return g;
  if (g.first - trigger.last > 7) return null;
  for (let i = trigger.last + 1; i < g.first; i++) if (RELATIVE.has(view.tokens[i]?.norm ?? '') || (view.tokens[i]?.norm === ',')) return null;
  return g;
}

function passiveArguments(view: SentenceView, trigger: TriggerMatch): Assignment {
  const p = trigger.form.pattern;
  const agent = explicitAgent(view, trigger, p.source ?? AGENT);
  if (!beforeAux(view, trigger)) {
    // Reduced passive: the patient is the noun right before the participle (10 Russian soldiers killed).
    const before = VICTIMS.has(view.tokens[trigger.first - 1]?.norm ?? '') ? trigger.first - 2 : trigger.first - 1;
    return result(agent.group, view.groups.find((g) => g.last === before || g.last === trigger.first - 1) ?? null, 0);
  }
  const subject = englishSubject(view, trigger, false);
  // The patient stands right before "was killed" (four children ... were killed: no actor, no target).
  const near = subject.group !== null && trigger.first - subject.group.last <= 8 ? subject.group : null;
  return result(agent.group, near, subject.penalty);
}

/**
 * "the visit that the emir paid to Brussels", "the attacks which the militants carried out": a relative clause
 * right after the noun whose subject performs it (its verb enacts the noun). The doer and where its verb stands.
 */
function relativeDoer(view: SentenceView, trigger: TriggerMatch): { group: Group; verb: number } | null {
  const relative = trigger.last + 1;
  if (!RELATIVE.has(view.tokens[relative]?.norm ?? '')) return null;
  const group = view.groups.find((g) => g.first > relative && g.first <= relative + 2);
  if (group === undefined || introduction(view, group) !== null) return null;
  let verb = group.last + 1;
  while (AUXILIARIES.has(view.tokens[verb]?.norm ?? '') || isAdverb(view.tokens[verb]?.norm ?? '')) verb++;
  const w = view.tokens[verb]?.norm ?? '';
  return GOVERNORS.some((stem) => w.startsWith(stem)) ? { group, verb } : null;
}

const PLACE_PREPOSITIONS = fold(['in', 'at']);
/** "a visit in Doha" names where the act was; "a trip aimed at pushing for a ceasefire in Gaza" does not. */
function nearPlace(view: SentenceView, trigger: TriggerMatch, g: Group | null): Group | null {
  if (g === null) return null;
  const intro = introduction(view, g);
  return intro !== null && PLACE_PREPOSITIONS.has(intro.word) && intro.at - trigger.last > 3 ? null : g;
}

function nominalArguments(view: SentenceView, trigger: TriggerMatch, memory: SentenceMemory): Assignment {
  const p = trigger.form.pattern;
  // "talks between X and Y": the parties, first-named as source (a mediator's between names its targets).
  const between = !p.mutual && p.target?.has('between') ? null : betweenParties(view, trigger, BETWEEN, AND);
  if (between) return mutualResult(between, 0);
  const targets = p.target ?? NOUN_TARGETS;
  const doer = relativeDoer(view, trigger);
  if (doer) return withMutual(trigger, result(doer.group, objectAfter(view, doer.verb, targets, false, doer.group), 0));
  const before = premodifier(view, trigger);
  // "cooperation between the two countries", "the Israeli occupation" are states; "signed an agreement",
  // "extended support", "Iran's support for Hamas" are acts.
  const possessive = before !== null && POSSESSIVE.has(view.tokens[before.last + 1]?.norm ?? '');
  if (p.governed && !possessive && !governed(view, trigger) && !GOVERNED_BY_HEAD.has(trigger)) return result(null, null, 0);
  if (before) return withMutual(trigger, result(before, objectAfter(view, trigger.last, targets, false, before), 0));
  // "recognition of X", "condemnation of X": when of introduces the target, only by introduces the source.
  const agentWords = p.source ?? agentWordsFor(targets);
  const agent = explicitAgent(view, trigger, agentWords);
  if (agent.group) {
    // "Obama faces pressure from Congress", "Iran drew criticism from the US": the subject receives the act.
    // "evidence against Russia was presented by the US": the target may also stand between the noun and its agent.
    const receiver =
      objectAfter(view, agent.group.last, targets, false, agent.group) ??
      englishSubject(view, trigger, true).group ??
      objectAfter(view, trigger.last, targets, false, agent.group);
    return withMutual(trigger, result(agent.group, receiver !== agent.group ? receiver : null, 0));
  }
  if (!agent.named) return result(null, objectAfter(view, trigger.last, targets, false, null), 0);
  const subject = englishSubject(view, trigger, true);
  // "Putin hosted Xi for talks": the previous act's object is not this noun's agent; its subject is.
  const objectBefore = subject.group !== null && subject.group === memory.lastTarget && memory.lastSource !== null;
  const source = objectBefore ? memory.lastSource : chainedSubject(view, subject.group, trigger, memory);
  let target = nearPlace(view, trigger, objectAfter(view, trigger.last, targets, false, source)) ?? subject.recipient ?? (objectBefore ? memory.lastTarget : null);
  // "expressed the intention to deepen ties with Iran and revealed plans for a visit": the same partner.
  if (target === null && source !== null && source === memory.lastSource && !p.mutual) target = memory.lastTarget;
  return withMutual(trigger, result(source, target, subject.penalty));
}

/** Roots whose act lands where it happens when no target is named: force posture and violence (15, 18-20). */
const LOCATED_ROOTS = /^(15|18|19|20)/;
const LOCATIVE = fold(['in', 'at', 'near', 'inside', 'across', 'over', 'outside', 'throughout', 'into', 'around', 'on']);
/** Nouns that put a place inside the one after "of": "in the east of the Gaza Strip", "the city of Nablus". */
const PART_OF = fold([
  'east', 'west', 'north', 'south', 'northeast', 'northwest', 'southeast', 'southwest', 'center', 'centre', 'heart',
  'outskirts', 'suburbs', 'city', 'town', 'village', 'province', 'region', 'district', 'capital', 'part', 'parts', 'streets',
]);

const REPORTING = fold(['said', 'says', 'say', 'reported', 'reports', 'told', 'added', 'announced', 'stated', 'according']);
/** "relief officials in Kenya said", "diplomatic sources in Pakistan said": where the report comes from. */
function reporterPlace(view: SentenceView, g: Group): boolean {
  for (let i = g.last + 1; i <= g.last + 2; i++) if (REPORTING.has(view.tokens[i]?.norm ?? '')) return true;
  return false;
}

/** A state, capital or place the clause says the act happened in (in X, in the east of X), not one of the sources. */
function locatedIn(view: SentenceView, trigger: TriggerMatch, sources: Assignment['sources']): Group | null {
  const [from, to] = clauseRange(view, trigger.first);
  for (const g of view.groups) {
    if (g.first < from || g.first >= to || g.refs.length !== 1) continue;
    const ref = g.refs[0];
    const kind = ref?.mention.kind;
    if (!ref || ref.actor.id.length !== 3 || (kind !== 'state' && kind !== 'capital' && kind !== 'place')) continue;
    if (sources.some((s) => s.actor.id === ref.actor.id)) continue;
    const intro = introduction(view, g);
    if (intro === null || reporterPlace(view, g)) continue;
    const part = intro.word === 'of' && PART_OF.has(view.tokens[intro.at - 1]?.norm ?? '');
    if (LOCATIVE.has(intro.word) || part) return g;
  }
  return null;
}

/** Curfews, martial law, emergency rule and their lifting, and aid halted there: they concern the people of the place. */
const POPULATION_CODES = /^(081[34]|172|132[34]|0351|162)/;

/**
 * "Israeli shelling in the east of the Gaza Strip", "exercises in Alaska": with no target named, the place's state
 * suffers it. A curfew or state of emergency "in X" is aimed at X's people, also in the doer's own country.
 */
export function withLocatedTarget(view: SentenceView, trigger: TriggerMatch, a: Assignment): Assignment {
  const code = trigger.frame?.code ?? trigger.form.pattern.code;
  if (code.startsWith('14')) return withProtestTarget(view, trigger, a);
  const population = POPULATION_CODES.test(code);
  // Only for a named doer: an act nobody is said to do ("where 28 people were killed") stays untold.
  if (a.targets.length > 0 || a.sources.length === 0 || a.mutual || !(population || LOCATED_ROOTS.test(code))) return a;
  const place = locatedIn(view, trigger, population ? [] : a.sources);
  if (!place) return a;
  if (!population) return { ...a, targets: place.refs, targetGroup: place };
  const people = place.refs.map((r) => ({ ...r, actor: withRole(r.actor, 'CVL') }));
  // A state that imposes or lifts a curfew acts as its government ("Jordan eased the curfew in Irbid").
  const sources = a.sources.map((r) => (r.actor.role === null && r.actor.id.length === 3 ? { ...r, actor: withRole(r.actor, 'GOV') } : r));
  return { ...a, sources, sourceGroup: a.sourceGroup ? { ...a.sourceGroup, refs: sources } : null, targets: people, targetGroup: { ...place, refs: people } };
}

/** Words after a protest that say whom it is against ("in protest of X's refusal", "in defiance of X", "against X"). */
const PROTEST_CUES = fold(['against', 'protest', 'protesting', 'protested', 'defiance', 'disapproval', 'denounce', 'denouncing', 'condemn', 'condemning', 'demand', 'demanding', 'demanded']);
const CUE_REACH = 6;

/** The actor a protest is against, named after a cue word following the trigger; not the protesters themselves. */
function protestedAgainst(view: SentenceView, trigger: TriggerMatch, source: ActorRef): Group | null {
  for (let i = trigger.last + 1; i < view.tokens.length; i++) {
    if (!PROTEST_CUES.has(view.tokens[i]?.norm ?? '')) continue;
    const g = view.groups.find((o) => o.first > i && o.first <= i + CUE_REACH) ?? agentOfCue(view, i);
    if (g && !g.refs.some((r) => r.actor.id === source.actor.id && r.actor.role === source.actor.role)) return g;
  }
  return null;
}

/** "against the alleged human rights violations by the Israeli military": the doer of what the protest is against. */
function agentOfCue(view: SentenceView, cue: number): Group | null {
  for (let i = cue + 1; i <= cue + CUE_REACH + 2 && i < view.tokens.length; i++) {
    const t = view.tokens[i];
    if (t === undefined || t.kind === 'punct') return null;
    if (t.norm === 'by' || t.norm === 'of') return view.groups.find((o) => o.first > i && o.first <= i + 2) ?? null;
  }
  return null;
}

/**
 * A protest by a state's people (Iraqi Kurds, Egyptian demonstrators) that names no target is aimed at the state
 * where it is held when that is another one (US activists protested in Beijing), else at their own government.
 * Protesters the text does not name are the people of the place it puts the protest in, with no target inferred.
 */
function withProtestTarget(view: SentenceView, trigger: TriggerMatch, a: Assignment): Assignment {
  // "Thousands blocked streets in Lima": a protest a verb tells with no protester named is by the place's people.
  const venue = a.sources.length === 0 && !a.mutual && trigger.form.pattern.kind === 'verb' ? locatedIn(view, trigger, []) : null;
  const at = venue?.refs[0];
  if (venue && at) {
    const locals = { ...at, actor: withRole(at.actor, 'CVL') };
    const targets = a.targets.filter((t) => t.actor.id !== at.actor.id);
    const placed = { ...a, sources: [locals], sourceGroup: { ...venue, refs: [locals] }, targets, targetGroup: targets.length > 0 ? a.targetGroup : null };
    // Whom they protest against only a cue says ("in defiance of X"): as in Arabic, a place tells who protests, not
    // at whom, so with no cue the target stays null.
    const against = targets.length === 0 ? protestedAgainst(view, trigger, locals) : null;
    return against ? { ...placed, targets: against.refs, targetGroup: against } : placed;
  }
  const source = a.sources[0];
  if (a.mutual || a.sources.length !== 1 || !source || source.actor.id.length !== 3 || source.actor.role === 'GOV') return a;
  // "demonstrated in Serbia" by Serbia's people names where, not whom: the target is still to find.
  const ownPlace = a.targets.length > 0 && a.targets.every((t) => t.actor.id === source.actor.id && t.actor.role === null);
  if (a.targets.length > 0 && !ownPlace) return a;
  // The people protesting (a bare nisba: "Iraqi Kurds"), as against their own state's forces or government.
  const people = source.actor.role === null ? { ...source, actor: withRole(source.actor, 'CVL') } : source;
  const sourceGroup = a.sourceGroup ? { ...a.sourceGroup, refs: [people] } : null;
  const against = protestedAgainst(view, trigger, source);
  if (against) {
    const home = against.refs.some((r) => r.actor.id === source.actor.id);
    return home ? { ...a, sources: [people], sourceGroup, targets: against.refs, targetGroup: against } : { ...a, targets: against.refs, targetGroup: against };
  }
  const place = locatedIn(view, trigger, a.sources);
  if (place) return { ...a, targets: place.refs, targetGroup: place };
  const government = { ...source, actor: withRole({ ...source.actor, cameo: source.actor.cameo.slice(0, 3) }, 'GOV') };
  return { ...a, sources: [people], sourceGroup, targets: [government], targetGroup: null };
}

/**
 * "ethnic Albanians in Serbia": an ethnicity, not the state of that name. They are people (CVL) of the state the
 * sentence places them in, or of no known state (dropped).
 */
function ethnicPeople(view: SentenceView, refs: ActorRef[]): ActorRef[] {
  const out: ActorRef[] = [];
  for (const r of refs) {
    const at = tokenAt(view.tokens, r.mention.start);
    const community = r.mention.kind === 'nisba' ? communityHome(view, r) : null;
    if (community) {
      out.push({ ...r, actor: withRole(community, 'CVL') });
      continue;
    }
    if (r.mention.kind !== 'nisba' || view.tokens[at - 1]?.norm !== 'ethnic') {
      out.push(r);
      continue;
    }
    const home = view.groups.find((g) => {
      const ref = g.refs[0];
      const intro = introduction(view, g);
      return ref !== undefined && ref.actor.id.length === 3 && ref.actor.id !== r.actor.id && ref.mention.kind !== 'nisba' && intro !== null && LOCATIVE.has(intro.word);
    })?.refs[0];
    if (home) out.push({ ...r, actor: withRole(home.actor, 'CVL') });
  }
  return out;
}

const COMMUNITY_FILLERS = fold(['the', 'northern', 'southern', 'eastern', 'western', 'central', 'south', 'north', 'east', 'west']);

/**
 * "the Albanians of southern Serbia", "the Turks of Bulgaria": a people noun followed by "of" and another state is
 * a community of that state (its people), not the state the name comes from. "Americans in Iraq" stay American.
 */
function communityHome(view: SentenceView, r: ActorRef): Actor | null {
  const last = tokenAt(view.tokens, r.mention.end - 1);
  const word = view.tokens[last];
  // Only a plural noun ("Albanians"), not the adjective of "Albanian officials of the ministry".
  if (word === undefined || !/s$/.test(word.norm) || view.tokens[last + 1]?.norm !== 'of') return null;
  let i = last + 2;
  while (i <= last + 3 && COMMUNITY_FILLERS.has(view.tokens[i]?.norm ?? '')) i++;
  const g = view.groups.find((o) => o.first === i);
  const home = g?.refs.length === 1 ? g.refs[0] : undefined;
  if (home === undefined || home.actor.id === r.actor.id || !/^[A-Z]{3}$/.test(home.actor.id) || home.mention.kind === 'nisba') return null;
  return home.actor;
}

function withEthnicPeople(view: SentenceView, a: Assignment): Assignment {
  const sources = ethnicPeople(view, a.sources);
  const targets = ethnicPeople(view, a.targets);
  if (sources.length === a.sources.length && targets.length === a.targets.length && sources.every((r, i) => r === a.sources[i]) && targets.every((r, i) => r === a.targets[i])) return a;
  return {
    ...a,
    sources,
    targets,
    sourceGroup: a.sourceGroup && sources.length > 0 ? { ...a.sourceGroup, refs: sources } : null,
    targetGroup: a.targetGroup && targets.length > 0 ? { ...a.targetGroup, refs: targets } : null,
  };
}

/** A target that is only who reports it or where from ("bombed a village, relief officials in Jordan said"). */
function withoutReporterPlace(view: SentenceView, a: Assignment): Assignment {
  const g = a.targetGroup;
  // The speaker or the place of a report ("..., a spokeswoman for the US embassy said") is not the act's target.
  if (g === null || !reporterPlace(view, g)) return a;
  return { ...a, targets: [], targetGroup: null };
}

const CONDITIONS = fold(['if', 'unless']);

/** The subject of an if/unless clause after `from` ("unless Israel withdraws", "if the United States goes ahead"). */
export function conditionSubject(view: SentenceView, from: number): Group | null {
  for (let i = from + 1; i < view.tokens.length; i++) {
    const w = view.tokens[i]?.norm ?? '';
    if (w === ';') return null;
    if (!CONDITIONS.has(w)) continue;
    return view.groups.find((g) => g.first > i && g.first <= i + 3 && introduction(view, g) === null) ?? null;
  }
  return null;
}

/**
 * A threat is aimed at whom its condition names when the act names no one: "threatened to strike unless Israel
 * rescinds the law", "will halt the talks if the United States deploys": the party that must comply.
 */
function withConditionTarget(view: SentenceView, trigger: TriggerMatch, a: Assignment, memory: SentenceMemory): Assignment {
  const code = trigger.frame?.code ?? trigger.form.pattern.code;
  if (!code.startsWith('13') || a.targets.length > 0 || a.mutual) return a;
  // "threatened to impose sanctions on Iran unless ...": the threatened act's own target comes first (frameArguments).
  const complement = trigger.frame?.complement;
  if (complement && englishArguments(view, complement, { ...memory }).targets.length > 0) return a;
  const g = conditionSubject(view, trigger.last);
  if (g === null || g.refs.some((r) => a.sources.some((s) => s.actor.id === r.actor.id))) return a;
  return { ...a, targets: g.refs, targetGroup: g };
}

/** Kinds of people a state's force is used on at home, and the role they take as its target. */
const OWN_OPPONENTS: ReadonlyMap<string, Role> = new Map([
  ...['rebel', 'rebels', 'guerrilla', 'guerrillas', 'insurgent', 'insurgents', 'militant', 'militants', 'separatist', 'separatists'].map((w) => [w, 'REB'] as const),
  ...['demonstrators', 'protesters', 'protestors', 'rioters', 'strikers', 'villagers', 'civilians', 'residents'].map((w) => [w, 'CVL'] as const),
  ...['dissidents', 'opposition'].map((w) => [w, 'OPP'] as const),
]);
const FORCE_CODES = /^(17|18|19|20)/;
/** Dealing with them at home: talks, concessions, rejections ("held talks with rebels in Nairobi"). */
const DEALING_CODES = /^(04|08|12)/;
const OPPONENT_REACH = 7;
const KIND_HOME = fold(['from', 'of', 'in']);
/** Talks "with rebels in Nairobi" are only held there: only from/of name where such people are from. */
const KIND_ORIGIN = fold(['from', 'of']);
/** Words that end the object of a verb before a named kind could be read ("attacked a base where rebels ..."). */
const OBJECT_END = fold(['where', 'which', 'who', 'that', 'after', 'before', 'while', 'when', 'as', 'said', 'says', 'and', 'but', 'by']);

/**
 * "Egyptian police fired on demonstrators", "Burmese troops overran a Karen guerrilla stronghold": force used on
 * people named only by kind, with no other country named, is used on the doer's own rebels or people.
 */
function withOwnOpponents(view: SentenceView, trigger: TriggerMatch, a: Assignment): Assignment {
  const source = a.sources[0];
  const code = trigger.frame?.code ?? trigger.form.pattern.code;
  const force = FORCE_CODES.test(code);
  if (!(force || DEALING_CODES.test(code)) || a.targets.length > 0 || a.sources.length !== 1) return a;
  // "Turkish police detained demonstrators in Berlin": abroad, the people are the place's, not the doer's
  // (talks in Nairobi are only held there).
  if (!source || source.actor.id.length !== 3 || (force && locatedIn(view, trigger, a.sources) !== null)) return a;
  for (let i = trigger.last + 1; i <= trigger.last + OPPONENT_REACH && i < view.tokens.length; i++) {
    const t = view.tokens[i];
    if (t === undefined || (t.kind === 'punct' && t.norm !== '-') || OBJECT_END.has(t.norm)) return a;
    if (view.groups.some((g) => i >= g.first && i <= g.last)) return a;
    const role = OWN_OPPONENTS.get(t.norm);
    if (role === undefined) continue;
    // "dissidents from Myanmar", "rebels of Chad": their country is named right after them.
    const home = view.groups.find((g) => g.first > i && g.first <= i + 6 && g.refs.length === 1 && g.refs[0]?.actor.id.length === 3 && (force ? KIND_HOME : KIND_ORIGIN).has(introduction(view, g)?.word ?? ''));
    const state = home?.refs[0]?.actor ?? source.actor;
    if (home === undefined && role === source.actor.role) continue;
    const actor = withRole({ ...state, cameo: state.cameo.slice(0, 3) }, role);
    const mention: Mention = { start: t.start, end: t.end, kind: 'body', sentence: source.mention.sentence, entry: `UNID:${t.norm}:named`, actors: [actor] };
    const ref: ActorRef = { actor, mention };
    return { ...a, targets: [ref], targetGroup: { refs: [ref], start: t.start, end: t.end, first: i, last: i } };
  }
  return a;
}

const EMPATHY = '018';

/**
 * "President Obama expressed sorrow for the shootings in South Carolina": sympathy within one's own country is
 * aimed at its people (USAGOV>USACVL), never at the speaker's own state.
 */
function withMournedPeople(view: SentenceView, trigger: TriggerMatch, a: Assignment): Assignment {
  if ((trigger.frame?.code ?? trigger.form.pattern.code) !== EMPATHY || a.mutual) return a;
  // With no one named, those mourned are the people of the place of what happened ("the shootings in X").
  const group = a.targetGroup ?? (a.targets.length === 0 ? locatedIn(view, trigger, []) : null);
  if (group === null) return a;
  const own = (t: ActorRef): boolean => t.actor.role === null && a.sources.some((s) => s.actor.id === t.actor.id);
  const targets = group.refs.map((t) => (own(t) ? { ...t, actor: withRole(t.actor, 'CVL') } : t));
  return { ...a, targets, targetGroup: { ...group, refs: targets } };
}

export function englishArguments(view: SentenceView, trigger: TriggerMatch, memory: SentenceMemory): Assignment {
  const core = withoutReporterPlace(view, englishCoreArguments(view, trigger, memory));
  const placed = withOwnOpponents(view, trigger, withLocatedTarget(view, trigger, withEthnicPeople(view, core)));
  return withMournedPeople(view, trigger, withConditionTarget(view, trigger, placed, memory));
}

function englishCoreArguments(view: SentenceView, trigger: TriggerMatch, memory: SentenceMemory): Assignment {
  const p = trigger.form.pattern;
  if (isPassive(view, trigger)) return passiveArguments(view, trigger);
  if (isNominal(view, trigger)) return nominalArguments(view, trigger, memory);
  const subject = englishSubject(view, trigger, false, memory);
  const source = chainedSubject(view, subject.group, trigger, memory);
  if (p.source) {
    // "X received weapons from Y": the giver is the source, the subject the target.
    const giver = groupIntroducedAfter(view, trigger.last, p.source, 8);
    if (giver) return result(giver, source, subject.penalty);
  }
  // An actor inside a phrase with gaps ("agreed to US mediation") is the phrase's object.
  const inside = view.groups.find((g) => g.first > trigger.first && g.first <= trigger.last && !trigger.tokens.includes(g.first));
  if (inside && inside !== source) return withMutual(trigger, result(source, inside, subject.penalty));
  // A statement's addressee follows the verb closely (said to X); a later "to X" belongs to what was said.
  const reach = p.code === '010' ? 3 : 15;
  const target =
    directObject(view, trigger, objectAfter(view, trigger.last, p.target ?? VERB_TARGETS, p.direct, source, reach)) ??
    (p.direct ? (ownerOfObject(view, trigger, source) ?? relativeObject(view, subject.group)) : null);
  return withMutual(trigger, result(source, target, subject.penalty));
}
