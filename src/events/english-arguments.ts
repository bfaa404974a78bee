// English source and target without a parser: SVO and the passive (also reduced: "a deal brokered by Qatar"),
// subjects inside "Opponents of X" / "a court in X", relative clauses, nominal events ("X's visit to Y",
// "Israeli air strikes on Y", "talks between X and Y", "criticism from X"), "received weapons from X".
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
import type { Group, SentenceView } from './sentence.js';
import type { TriggerMatch } from './triggers.js';

const fold = (words: string[]): Set<string> => new Set(words.map((w) => foldKey(w)));

const NOUN_TARGETS = fold(['to', 'with', 'against', 'on', 'toward', 'towards', 'for', 'at', 'into', 'upon']);
const VERB_TARGETS = fold(['with', 'against', 'to']);
const BE = fold(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets', 'got', 'gotten']);
const ADVERBS = fold([
  'not', 'also', 'reportedly', 'allegedly', 'then', 'already', 'never', 'recently', 'officially', 'formally',
  'jointly', 'later', 'again', 'just', 'previously', 'first', 'repeatedly', 'publicly', 'warmly', 'strongly',
]);
const NOMINAL_BEFORE = fold(['the', 'a', 'an', 'this', 'that', 'its', 'his', 'her', 'their', 's', 'first', 'latest']);
const BETWEEN = fold(['between', 'among']);
const AND = fold(['and']);
const AGENT = fold(['by']);
const OF = fold(['of', 'by', 'from']);
const RELATIVE = fold(['that', 'which', 'who', 'whom', 'whose', 'where']);
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
const NOMINAL_BREAK = fold(['said', 'says', 'say', 'told', 'tells', 'reported', 'reports', 'announced', 'stated', 'claimed', 'alleged', 'that', 'which', 'who', 'whose', 'according']);
const POSSESSIVE = new Set(["'", '’']);
const OBJECT_BREAK = fold(['to', 'with', 'against', 'on', 'in', 'at', 'for', 'into', 'by', 'over', 'after', 'during', 'that', 'which', 'who', ',', 'and']);

/** Governing verbs that make a state-like noun an act (signed an agreement, extended support): stems. */
const GOVERNORS = [
  'sign', 'ink', 'seal', 'conclud', 'reach', 'hold', 'held', 'conduct', 'stage', 'launch', 'begin', 'began', 'begun', 'start',
  'resum', 'renew', 'extend', 'provid', 'offer', 'give', 'gave', 'given', 'send', 'sent', 'deliver', 'grant', 'pledg', 'announc',
  'approv', 'ratif', 'establish', 'forge', 'receiv', 'accept', 'suppl', 'wage', 'waging', 'declar', 'lend', 'lent', 'express',
  'voic', 'reaffirm', 'reiterat', 'lodg', 'impos', 'step', 'intensif', 'escalat', 'continu', 'pursu', 'carr', 'mount', 'made', 'mak',
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
  return view.groups.filter((g) => g.first >= from && g.last < index && introduction(view, g) === null && !inAside(view, g.first));
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

function governed(view: SentenceView, trigger: TriggerMatch): boolean {
  for (let i = trigger.first - 1; i >= Math.max(0, trigger.first - 4); i--) {
    const w = view.tokens[i]?.norm ?? '';
    if (GOVERNORS.some((stem) => w.startsWith(stem))) return true;
  }
  return false;
}

function isAdverb(w: string): boolean {
  return ADVERBS.has(w) || w.endsWith('ly');
}

function explicitAgent(view: SentenceView, trigger: TriggerMatch, words: ReadonlySet<string>): { group: Group | null; named: boolean } {
  const group = groupIntroducedAfter(view, trigger.last, words, 8);
  if (group) return { group, named: true };
  // "killed in an air strike by government forces": an agent the lexicon cannot name still fills the slot.
  for (let i = trigger.last + 1; i <= trigger.last + 2 && i < view.tokens.length; i++) {
    if (words.has(view.tokens[i]?.norm ?? '')) return { group: null, named: false };
  }
  return { group: null, named: true };
}

function isPassive(view: SentenceView, trigger: TriggerMatch): boolean {
  if (trigger.shape !== 'ed') return false;
  if (beforeAux(view, trigger)) return true;
  // Reduced passive: a participle after a noun, with its agent and no object in between (a deal brokered by
  // Qatar); "Berlin rejected calls by X" and "Israel on Wednesday released" have their subject before them.
  const by = groupIntroducedAfter(view, trigger.last, AGENT, 6);
  if (by === null) return false;
  const prev = view.tokens[trigger.first - 1];
  if (prev === undefined || prev.kind !== 'word' || view.groups.some((g) => g.last === trigger.first - 1)) return false;
  if (TIME_WORDS.has(prev.norm) || AUXILIARIES.has(prev.norm) || isAdverb(prev.norm)) return false;
  return !view.groups.some((g) => g.first > trigger.last && g.first < by.first && introduction(view, g) === null);
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
    if (g.last >= index || g.first - from > 8) break;
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

interface Subject {
  group: Group | null;
  penalty: number;
}

/** The subject of a verb (or the agent before a noun): relative clause, own clause, "X of Y", earlier clause. */
function englishSubject(view: SentenceView, trigger: TriggerMatch, nominal: boolean): Subject {
  const rel = relativeSubject(view, trigger);
  if (rel.relative) return { group: rel.group, penalty: 0 };
  const [clauseStart] = clauseRange(view, trigger.first);
  const candidates = subjectsIn(view, clauseStart, trigger.first);
  const own = candidates[candidates.length - 1];
  if (own) {
    if (nominal) {
      for (let i = own.last + 1; i < trigger.first; i++) if (NOMINAL_BREAK.has(view.tokens[i]?.norm ?? '')) return { group: null, penalty: 0 };
    }
    return { group: withCoordinated(view, own), penalty: 0 };
  }
  const of = prepositionalSubject(view, clauseStart, trigger.first);
  if (of) return { group: of, penalty: 0.1 };
  // An event noun gets no agent from another clause; a verb may take the sentence's subject (pro-drop chains).
  if (nominal) return { group: null, penalty: 0 };
  for (let c = (view.clauseOfToken[trigger.first] ?? 0) - 1; c >= 0; c--) {
    const [from, to] = view.clauseTokens[c] ?? [0, 0];
    const g = subjectsIn(view, from, to)[0];
    if (g) return { group: g, penalty: 0.15 };
  }
  return { group: null, penalty: 0 };
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
    if (g.first - trigger.last > 6) return null;
    const intro = introduction(view, g);
    if (intro === null || (intro.word !== 'of' && intro.word !== 'from')) return null;
    // Nothing but the object's words before the preposition.
    for (let i = trigger.last + 1; i < intro.at; i++) if (OBJECT_BREAK.has(view.tokens[i]?.norm ?? '')) return null;
    return g;
  }
  return null;
}

function beforeAux(view: SentenceView, trigger: TriggerMatch): boolean {
  for (let i = trigger.first - 1; i >= Math.max(0, trigger.first - 4); i--) {
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
    // Reduced passive: the patient is the noun right before the participle, if it names an actor.
    return result(agent.group, view.groups.find((g) => g.last === trigger.first - 1) ?? null, 0);
  }
  const subject = englishSubject(view, trigger, false);
  // The patient stands right before "was killed" (four children ... were killed: no actor, no target).
  const near = subject.group !== null && trigger.first - subject.group.last <= 5 ? subject.group : null;
  return result(agent.group, near, subject.penalty);
}

function nominalArguments(view: SentenceView, trigger: TriggerMatch, memory: SentenceMemory): Assignment {
  const p = trigger.form.pattern;
  // "talks between X and Y": the parties, first-named as source (a mediator's between names its targets).
  const between = p.target?.has('between') ? null : betweenParties(view, trigger, BETWEEN, AND);
  if (between) return mutualResult(between, 0);
  const targets = p.target ?? NOUN_TARGETS;
  const before = premodifier(view, trigger);
  if (before) return withMutual(trigger, result(before, objectAfter(view, trigger.last, targets, false, before), 0));
  // "cooperation between the two countries" is a state; "signed an agreement", "extended support" are acts.
  if (p.governed && !governed(view, trigger)) return result(null, null, 0);
  // "recognition of X", "condemnation of X": when of introduces the target, only by introduces the source.
  const agentWords = p.source ?? (targets.has('of') ? AGENT : OF);
  const agent = explicitAgent(view, trigger, agentWords);
  if (agent.group) return withMutual(trigger, result(agent.group, objectAfter(view, agent.group.last, targets, false, agent.group), 0));
  if (!agent.named) return result(null, objectAfter(view, trigger.last, targets, false, null), 0);
  const subject = englishSubject(view, trigger, true);
  const source = chainedSubject(view, subject.group, trigger, memory);
  let target = objectAfter(view, trigger.last, targets, false, source);
  // "expressed the intention to deepen ties with Iran and revealed plans for a visit": the same partner.
  if (target === null && source !== null && source === memory.lastSource && !p.mutual) target = memory.lastTarget;
  return withMutual(trigger, result(source, target, subject.penalty));
}

export function englishArguments(view: SentenceView, trigger: TriggerMatch, memory: SentenceMemory): Assignment {
  const p = trigger.form.pattern;
  if (isPassive(view, trigger)) return passiveArguments(view, trigger);
  if (isNominal(view, trigger)) return nominalArguments(view, trigger, memory);
  const subject = englishSubject(view, trigger, false);
  const source = chainedSubject(view, subject.group, trigger, memory);
  if (p.source) {
    // "X received weapons from Y": the giver is the source, the subject the target.
    const giver = groupIntroducedAfter(view, trigger.last, p.source, 8);
    if (giver) return result(giver, source, subject.penalty);
  }
  // A statement's addressee follows the verb closely (said to X); a later "to X" belongs to what was said.
  const reach = p.code === '010' ? 3 : 15;
  const target =
    directObject(view, trigger, objectAfter(view, trigger.last, p.target ?? VERB_TARGETS, p.direct, source, reach)) ??
    (p.direct ? (ownerOfObject(view, trigger, source) ?? relativeObject(view, subject.group)) : null);
  return withMutual(trigger, result(source, target, subject.penalty));
}
