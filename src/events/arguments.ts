// Argument assignment without a parser: who is the source and who the target of a trigger, from word order
// (English SVO and passive, Arabic VSO/SVO), nominal constructions (X's visit to Y, زيارة X إلى Y, talks
// between X and Y), particles, coordination groups, and the subject carried along a sentence (pro-drop).
import { foldKey } from '../stages/normalise.js';
import type { ActorRef, Group, SentenceView } from './sentence.js';
import { tokenIs } from './sentence.js';
import type { TriggerMatch } from './triggers.js';

const fold = (words: string[]): Set<string> => new Set(words.map((w) => foldKey(w)));

const EN_PREPOSITIONS = fold([
  'in', 'at', 'from', 'to', 'with', 'against', 'of', 'by', 'on', 'for', 'into', 'near', 'across', 'over', 'under',
  'inside', 'outside', 'toward', 'towards', 'between', 'among', 'about', 'after', 'before', 'during', 'since',
  'through', 'via', 'within', 'without', 'like', 'including', 'amid', 'than', 'upon', 'onto', 'behind', 'beyond',
]);
/** Words allowed between a preposition and the actor it introduces. */
const EN_DETERMINERS = fold(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'both', 'all', 'fellow']);
const EN_RELATIVE = fold(['which', 'who', 'whom', 'whose', 'that']);
const EN_NOUN_TARGETS = fold(['to', 'with', 'against', 'on', 'toward', 'towards', 'for', 'at', 'into', 'upon']);
const EN_VERB_TARGETS = fold(['with', 'against', 'to']);
const EN_BE = fold(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets', 'got', 'gotten']);
const EN_ADVERBS = fold([
  'not', 'also', 'reportedly', 'allegedly', 'then', 'already', 'never', 'recently', 'officially', 'formally',
  'jointly', 'later', 'again', 'just', 'previously', 'first', 'repeatedly', 'publicly', 'warmly', 'strongly',
]);
const EN_AND = fold(['and', 'then', 'later']);
const EN_NOMINAL_BEFORE = fold(['the', 'a', 'an', 'this', 'that', 'its', 'his', 'her', 'their', 's', 'first', 'latest']);
const EN_BETWEEN = fold(['between', 'among']);
const EN_AGENT = fold(['by']);
const EN_OF = fold(['of', 'by', 'from']);

const AR_PARTICLES = fold([
  'في', 'من', 'إلى', 'الى', 'مع', 'على', 'عن', 'ل', 'ب', 'ك', 'ضد', 'لدى', 'تجاه', 'نحو', 'بين', 'حول', 'عبر',
  'داخل', 'خارج', 'منذ', 'خلال', 'بحق', 'امام', 'عند', 'بشأن',
]);
const AR_TARGETS = fold(['إلى', 'مع', 'على', 'ل', 'ب', 'ضد', 'لدى', 'تجاه', 'نحو', 'بحق']);
const AR_RELATIVE = fold(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللذان', 'اللتان']);
const AR_BETWEEN = fold(['بين']);
const AR_AND = fold(['و', 'ثم']);
/** Words that may stand between a light verb/تم and the noun, or between a noun and its agent (adjectives). */
const AR_SOURCE_INTRO = fold(['من', 'قبل']);

export interface Assignment {
  sources: ActorRef[];
  targets: ActorRef[];
  sourceGroup: Group | null;
  targetGroup: Group | null;
  /** Sources are the parties of one mutual act (X and Y met): first is source, the rest targets. */
  mutual: boolean;
  /** Confidence lost to fallbacks (sentence instead of clause, carried subject). */
  penalty: number;
}

/** What the coder remembers inside one sentence to handle chains (X visited Y and met Z; قطر ... ثم دعت). */
export interface SentenceMemory {
  lastSource: Group | null;
  lastTarget: Group | null;
}

/** The particle or preposition that introduces a group, with the token index where it stands. */
export function introduction(view: SentenceView, group: Group): { word: string; at: number } | null {
  const token = view.tokens[group.first];
  if (token && view.lang === 'ar' && group.start > token.start) {
    // A glued particle: بالرئيس، لقطر، وبإيران.
    let prefix = view.doc.norm.slice(token.start, group.start).replace(/\u0000/g, '');
    if (prefix.startsWith('و') || prefix.startsWith('ف')) prefix = prefix.slice(1);
    const glued = prefix[0];
    if (glued === 'ل' || glued === 'ب' || glued === 'ك') return { word: glued, at: group.first };
  }
  let i = group.first - 1;
  if (view.lang === 'en') {
    let skipped = 0;
    while (i >= 0 && skipped < 2 && EN_DETERMINERS.has(view.tokens[i]?.norm ?? '')) {
      i--;
      skipped++;
    }
    const word = view.tokens[i]?.norm ?? '';
    return EN_PREPOSITIONS.has(word) ? { word, at: i } : null;
  }
  const t = view.tokens[i];
  if (t === undefined) return null;
  if (AR_PARTICLES.has(t.norm)) return { word: t.norm, at: i };
  const stem = view.stems(i).find((s) => AR_PARTICLES.has(s));
  return stem === undefined ? null : { word: stem, at: i };
}

export function introducedBy(view: SentenceView, group: Group): string | null {
  return introduction(view, group)?.word ?? null;
}

function afterRelative(view: SentenceView, group: Group): boolean {
  const set = view.lang === 'en' ? EN_RELATIVE : AR_RELATIVE;
  return tokenIs(view, group.first - 1, set);
}

function clauseRange(view: SentenceView, tokenIndex: number): [number, number] {
  return view.clauseTokens[view.clauseOfToken[tokenIndex] ?? 0] ?? [0, view.tokens.length];
}

/** Nearest actor group before `index` inside [from, index) that can be a subject (no preposition before it). */
function subjectIn(view: SentenceView, from: number, index: number, nearest: boolean): Group | null {
  const found: Group[] = [];
  for (const g of view.groups) {
    if (g.first < from) continue;
    if (g.last >= index) break;
    if (introducedBy(view, g) !== null || afterRelative(view, g)) continue;
    found.push(g);
  }
  return (nearest ? found[found.length - 1] : found[0]) ?? null;
}

/** Subject of the trigger: in its clause, else the first subject of an earlier clause of the sentence. */
function subjectBefore(view: SentenceView, trigger: TriggerMatch): { group: Group | null; penalty: number } {
  const [clauseStart] = clauseRange(view, trigger.first);
  const own = subjectIn(view, clauseStart, trigger.first, true);
  if (own) return { group: own, penalty: 0 };
  for (let c = (view.clauseOfToken[trigger.first] ?? 0) - 1; c >= 0; c--) {
    const [from, to] = view.clauseTokens[c] ?? [0, 0];
    const g = subjectIn(view, from, to, false);
    if (g) return { group: g, penalty: 0.15 };
  }
  return { group: null, penalty: 0 };
}

/** First group after `index` in the clause that is introduced by a target particle, or bare when `direct`. */
function objectAfter(
  view: SentenceView,
  index: number,
  targets: ReadonlySet<string>,
  direct: boolean,
  exclude: Group | null,
  maxDistance = 15,
): Group | null {
  const [, clauseEnd] = clauseRange(view, index);
  for (const g of view.groups) {
    if (g.first <= index || g === exclude) continue;
    if (g.first >= clauseEnd || g.first - index > maxDistance) break;
    const found = introduction(view, g);
    // A particle that is part of the trigger phrase ("call on", "travel to") leaves the actor bare.
    const intro = found === null || found.at <= index ? null : found.word;
    if (intro !== null && targets.has(intro)) return g;
    if (intro === null && (direct || found !== null) && !afterRelative(view, g)) return g;
  }
  return null;
}

/** Group introduced by one of `words` within `window` tokens after `index`. */
function groupIntroducedAfter(view: SentenceView, index: number, words: ReadonlySet<string>, window: number): Group | null {
  for (const g of view.groups) {
    if (g.first <= index) continue;
    if (g.first - index > window) break;
    const intro = introducedBy(view, g);
    if (intro !== null && words.has(intro)) return g;
  }
  return null;
}

/** "between X and Y" / "بين البلدين": the parties right after a between-word near the trigger. */
function betweenParties(view: SentenceView, trigger: TriggerMatch, words: ReadonlySet<string>, andWords: ReadonlySet<string>): ActorRef[] | null {
  let at = -1;
  for (let i = trigger.last + 1; i <= trigger.last + 3 && i < view.tokens.length; i++) {
    if (tokenIs(view, i, words)) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  const parties: ActorRef[] = [];
  let previous: Group | null = null;
  for (const g of view.groups) {
    if (g.first < at) continue;
    if (previous === null) {
      if (g.first - at > 3) break;
      parties.push(...g.refs);
      previous = g;
      continue;
    }
    // A second party not joined into the group ("between Qatar's emir and Iran's president").
    const gap = g.first - previous.last;
    const joined = gap <= 3 && (tokenIs(view, g.first - 1, andWords) || view.doc.norm.slice(previous.end, g.start).includes(view.lang === 'ar' ? 'و' : 'and'));
    if (!joined) break;
    parties.push(...g.refs);
    previous = g;
  }
  return parties.length >= 2 ? parties : null;
}

function distinctActors(refs: ActorRef[]): number {
  return new Set(refs.map((r) => r.actor.id)).size;
}

function result(sourceGroup: Group | null, targetGroup: Group | null, penalty: number): Assignment {
  return {
    sources: sourceGroup?.refs ?? [],
    targets: targetGroup?.refs ?? [],
    sourceGroup,
    targetGroup,
    mutual: false,
    penalty,
  };
}

function mutualResult(parties: ActorRef[], penalty: number): Assignment {
  return { sources: parties, targets: [], sourceGroup: null, targetGroup: null, mutual: true, penalty };
}

/** X visited Y and met Z: a subject that was the previous event's target, after "and", is that event's source. */
function chainedSubject(view: SentenceView, subject: Group | null, trigger: TriggerMatch, memory: SentenceMemory): Group | null {
  if (subject === null || subject !== memory.lastTarget || memory.lastSource === null) return subject;
  const andWords = view.lang === 'en' ? EN_AND : AR_AND;
  for (let i = subject.last + 1; i <= trigger.first; i++) {
    if (tokenIs(view, i, andWords)) return memory.lastSource;
    const t = view.tokens[i];
    if (view.lang === 'ar' && i === trigger.first && t && (t.norm.startsWith('و') || t.norm.startsWith('ف'))) return memory.lastSource;
  }
  return subject;
}

function isPassive(view: SentenceView, trigger: TriggerMatch): boolean {
  if (trigger.shape !== 'ed') return false;
  for (let i = trigger.first - 1; i >= Math.max(0, trigger.first - 4); i--) {
    const w = view.tokens[i]?.norm ?? '';
    if (EN_BE.has(w)) return true;
    if (!EN_ADVERBS.has(w) && !w.endsWith('ly')) return false;
  }
  return false;
}

function isNominal(view: SentenceView, trigger: TriggerMatch): boolean {
  if (trigger.form.pattern.kind === 'noun') return true;
  if (trigger.shape !== 'ing') return false;
  return EN_NOMINAL_BEFORE.has(view.tokens[trigger.first - 1]?.norm ?? '');
}

/** Mutual act with a coordinated subject and no object: X and Y met -> the parties. */
function withMutual(trigger: TriggerMatch, a: Assignment): Assignment {
  if (trigger.form.pattern.mutual && a.targets.length === 0 && distinctActors(a.sources) >= 2) {
    return mutualResult(a.sources, a.penalty);
  }
  return a;
}

function englishArguments(view: SentenceView, trigger: TriggerMatch, memory: SentenceMemory): Assignment {
  const p = trigger.form.pattern;
  if (isPassive(view, trigger)) {
    const source = groupIntroducedAfter(view, trigger.last, p.source ?? EN_AGENT, 8);
    const subject = subjectBefore(view, trigger);
    return result(source, subject.group, subject.penalty);
  }
  if (isNominal(view, trigger)) {
    const between = p.mutual ? betweenParties(view, trigger, EN_BETWEEN, EN_AND) : null;
    if (between) return mutualResult(between, 0);
    const targets = p.target ?? EN_NOUN_TARGETS;
    // "recognition of X", "condemnation of X": when of introduces the target, only by introduces the source.
    const of = groupIntroducedAfter(view, trigger.last, p.source ?? (targets.has('of') ? EN_AGENT : EN_OF), 3);
    if (of) return withMutual(trigger, result(of, objectAfter(view, of.last, targets, false, of), 0));
    const subject = subjectBefore(view, trigger);
    const source = chainedSubject(view, subject.group, trigger, memory);
    return withMutual(trigger, result(source, objectAfter(view, trigger.last, targets, false, source), subject.penalty));
  }
  const subject = subjectBefore(view, trigger);
  const source = chainedSubject(view, subject.group, trigger, memory);
  const target = objectAfter(view, trigger.last, p.target ?? EN_VERB_TARGETS, p.direct, source);
  return withMutual(trigger, result(source, target, subject.penalty));
}

/** Arabic verb: SVO when an actor stands before the verb in its clause, else VSO; pro-drop carries the subject. */
function arabicVerbArguments(view: SentenceView, trigger: TriggerMatch, memory: SentenceMemory): Assignment {
  const p = trigger.form.pattern;
  const targets = p.target ?? AR_TARGETS;
  const [clauseStart] = clauseRange(view, trigger.first);
  const before = chainedSubject(view, subjectIn(view, clauseStart, trigger.first, true), trigger, memory);
  if (before) return withMutual(trigger, result(before, objectAfter(view, trigger.last, targets, p.direct, before), 0));
  const first = objectAfter(view, trigger.last, targets, true, null);
  if (first === null) {
    const subject = subjectBefore(view, trigger);
    return result(subject.group ?? memory.lastSource, null, subject.group ? subject.penalty : 0.25);
  }
  const intro = introducedBy(view, first);
  const carried = memory.lastSource;
  if (intro !== null) {
    // The first actor is already the particle's object: the subject is dropped (carried) or in an earlier clause.
    const subject = subjectBefore(view, trigger);
    return result(subject.group ?? carried, first, subject.group ? subject.penalty : 0.25);
  }
  const second = objectAfter(view, first.last, targets, p.direct, first);
  if (second === null && carried !== null && carried !== first && !p.mutual) {
    // قطر ... ، ثم دعت الرئيس: one bare actor after a verb whose subject was named earlier in the sentence.
    return result(carried, first, 0.25);
  }
  return withMutual(trigger, result(first, second, 0));
}

/** Arabic event noun: زيارة X إلى Y, قام X بزيارة Y, تم توقيع اتفاقية بين X و Y. */
function arabicNounArguments(view: SentenceView, trigger: TriggerMatch, memory: SentenceMemory): Assignment {
  const p = trigger.form.pattern;
  const between = p.mutual ? betweenParties(view, trigger, AR_BETWEEN, AR_AND) : null;
  if (between) return mutualResult(between, 0);
  const targets = p.target ?? AR_TARGETS;
  const agent = p.source ? groupIntroducedAfter(view, trigger.last, p.source, 4) : groupIntroducedAfter(view, trigger.last, AR_SOURCE_INTRO, 3);
  // The actor right after the noun (idafa), allowing an adjective or two in between.
  let adjacent: Group | null = null;
  for (const g of view.groups) {
    if (g.first <= trigger.last) continue;
    if (g.first - trigger.last <= 3 && introducedBy(view, g) === null) adjacent = g;
    break;
  }
  if (agent) {
    const object = objectAfter(view, agent.last, targets, false, agent);
    return withMutual(trigger, result(agent, object ?? (adjacent !== agent ? adjacent : null), 0));
  }
  if (adjacent) {
    const object = objectAfter(view, adjacent.last, targets, false, adjacent);
    if (object) return withMutual(trigger, result(adjacent, object, 0));
  }
  // قام X بزيارة Y: the subject stands before the noun, the bare actor after it is the object.
  const [clauseStart] = clauseRange(view, trigger.first);
  const before = chainedSubject(view, subjectIn(view, clauseStart, trigger.first, true), trigger, memory);
  const subject = before ? { group: before, penalty: 0 } : subjectBefore(view, trigger);
  if (subject.group) {
    const target = adjacent ?? objectAfter(view, trigger.last, targets, false, subject.group);
    return withMutual(trigger, result(subject.group, target, subject.penalty));
  }
  if (adjacent) return withMutual(trigger, result(adjacent, objectAfter(view, adjacent.last, targets, true, adjacent), 0));
  return result(memory.lastSource, objectAfter(view, trigger.last, targets, false, null), 0.25);
}

export function assignArguments(view: SentenceView, trigger: TriggerMatch, memory: SentenceMemory): Assignment {
  if (view.lang === 'en') return englishArguments(view, trigger, memory);
  return trigger.form.pattern.kind === 'noun'
    ? arabicNounArguments(view, trigger, memory)
    : arabicVerbArguments(view, trigger, memory);
}
