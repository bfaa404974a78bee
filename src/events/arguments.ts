// Argument assignment without a parser: who is the source and who the target of a trigger, from word order
// (English SVO and passive, Arabic VSO/SVO), nominal constructions (X's visit to Y, زيارة X إلى Y, talks
// between X and Y), particles, coordination groups, and the subject carried along a sentence (pro-drop).
import { foldKey } from '../stages/normalise.js';
import type { ActorRef, Group, SentenceView } from './sentence.js';
import { tokenIs } from './sentence.js';
import { arabicReadings } from './arabic.js';
import { countsPeople } from './unidentified.js';
import { governorOf, relativeDoer, type ArabicCues } from './arabic-arguments.js';
import { selfPair } from './participants.js';
import { englishArguments } from './english-arguments.js';
import { JOINT_ACT } from './english-frames.js';
import type { TriggerMatch } from './triggers.js';

const fold = (words: string[]): Set<string> => new Set(words.map((w) => foldKey(w)));

const EN_PREPOSITIONS = fold([
  'in', 'at', 'from', 'to', 'with', 'against', 'of', 'by', 'on', 'for', 'into', 'near', 'across', 'over', 'under',
  'inside', 'outside', 'toward', 'towards', 'between', 'among', 'about', 'after', 'before', 'during', 'since',
  'through', 'via', 'within', 'without', 'like', 'including', 'amid', 'than', 'upon', 'onto', 'behind', 'beyond',
]);
/** Words allowed between a preposition and the actor it introduces. */
const EN_DETERMINERS = fold(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'both', 'all', 'fellow']);
const EN_PLACE_ADJECTIVES = fold(['neighboring', 'neighbouring', 'northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'north-eastern', 'south-eastern', 'nearby', 'rival', 'allied', 'key', 'ally']);
const EN_RELATIVE = fold(['which', 'who', 'whom', 'whose', 'that']);
const EN_AND = fold(['and', 'then', 'later']);

const AR_PARTICLES = fold([
  'في', 'من', 'إلى', 'الى', 'مع', 'على', 'عن', 'ل', 'ب', 'ك', 'ضد', 'لدى', 'تجاه', 'نحو', 'بين', 'حول', 'عبر',
  'داخل', 'خارج', 'منذ', 'خلال', 'بحق', 'امام', 'عند', 'بشأن',
  // Place words: a name after them says where, it is neither subject nor object (في وسط الصومال، شمال بغداد).
  'وسط', 'شمال', 'جنوب', 'شرق', 'غرب', 'شمالي', 'جنوبي', 'شرقي', 'غربي', 'قرب', 'أنحاء', 'مدينة', 'مدن', 'محافظة',
  'عاصمة', 'ضواحي', 'إقليم', 'منطقة', 'مناطق', 'بلدة', 'قرية', 'ساحة', 'ميدان', 'شارع', 'شوارع', 'حي', 'أحياء', 'مخيم',
]);
const AR_TARGETS = fold(['إلى', 'مع', 'على', 'ل', 'ب', 'ضد', 'لدى', 'تجاه', 'نحو', 'بحق']);
const AR_MIN = foldKey('من');
const AR_BAYNA = foldKey('بين');
/** Words before a من that names who they are part of: كل من، مسؤولون من، وفد من، عناصر من. */
const AR_PARTITIVE = fold([
  'كل', 'مسؤول', 'مسؤولون', 'مسؤولين', 'مسؤولي', 'مسئولين', 'مسئولي', 'كبار', 'وفد', 'وفود', 'ممثل', 'ممثلون', 'ممثلين', 'ممثلي',
  'قادة', 'عناصر', 'أعضاء', 'ضباط', 'خبراء', 'دبلوماسيين', 'دبلوماسيون', 'جنود', 'مقاتلين', 'مقاتلون',
]);
const AR_RELATIVE = fold(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللذان', 'اللتان']);
const AR_BETWEEN = fold(['بين']);
const AR_AND = fold(['و', 'ثم']);
/** Words that may stand between a light verb/تم and the noun, or between a noun and its agent (adjectives). */
const AR_SOURCE_INTRO = fold(['من', 'قبل']);
const AR_OF = fold(['من']);
/** Who did what a passive or an objective noun tells: على يد X، على أيدي X، بأيدي X، من قبل X، من طرف X. */
const AR_DOER_HEADS = fold(['يد', 'أيدي', 'قبل', 'طرف']);
const AR_DOER_PARTICLES = fold(['على', 'من']);
/** برصاص X، بنيران X: the weapon's owner did it (قتل برصاص الشرطة). */
const AR_DOER_WEAPONS = fold(['رصاص', 'نيران', 'رصاصة', 'قذيفة', 'قذائف']);

export interface Assignment {
  sources: ActorRef[];
  targets: ActorRef[];
  sourceGroup: Group | null;
  targetGroup: Group | null;
  /** Sources are the parties of one mutual act (X and Y met): first is source, the rest targets. */
  mutual: boolean;
  /** Confidence lost to fallbacks (sentence instead of clause, carried subject). */
  penalty: number;
  /** Every actor the sentence names is one state or body (its people, places and officials included), so an act
   * with no target found has none to find (English only; unset when not known). */
  oneParty?: boolean;
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
    // Determiners, a few place adjectives and hyphenated compounds (to war-torn Mozambique, to neighbouring X).
    const skippable = (k: number): boolean =>
      EN_DETERMINERS.has(view.tokens[k]?.norm ?? '') || EN_PLACE_ADJECTIVES.has(view.tokens[k]?.norm ?? '') ||
      view.tokens[k]?.norm === '-' || view.tokens[k + 1]?.norm === '-' || view.tokens[k - 1]?.norm === '-';
    while (i >= 0 && skipped < 4 && skippable(i)) {
      i--;
      skipped++;
    }
    const word = view.tokens[i]?.norm ?? '';
    return EN_PREPOSITIONS.has(word) ? { word, at: i } : null;
  }
  const t = view.tokens[i];
  if (t === undefined) return null;
  // كل من X وY ("both X and Y"), مسؤولون من X ("officials from X") and ثلاثة من الجنود ("three of the soldiers")
  // name X itself, not an object of من.
  if (t.norm === AR_MIN && (view.stems(i - 1).some((s) => AR_PARTITIVE.has(s)) || countsPeople(view.tokens[i - 1]))) return null;
  if (AR_PARTICLES.has(t.norm)) return { word: t.norm, at: i };
  const stem = view.stems(i).find((s) => AR_PARTICLES.has(s));
  if (stem !== undefined) return { word: stem, at: i };
  return group.refs[0]?.mention.kind === 'nisba' ? nounIntroduction(view, i, group.first) : null;
}

/** Definite adjectives a nisba may follow inside its noun phrase (الضربات الجوية الأميركية). */
const NP_REACH = 3;

/**
 * A word of a definite nisba's noun phrase: definite too (adjectives agree), no و/ف before it (a new conjunct),
 * no particle glued to it, and not an actor of its own. Indefinite chains (مسؤولي أمن إيرانيين) are left alone:
 * an idafa there reads the same as a noun and its adjective.
 */
function phraseWord(view: SentenceView, index: number, isDefinite: boolean): boolean {
  const t = view.tokens[index];
  if (t === undefined || t.kind !== 'word' || AR_PARTICLES.has(t.norm) || view.groups.some((g) => index >= g.first && index <= g.last)) return false;
  const readings = arabicReadings(t.norm);
  if (readings.some((r) => r.conj && (r.article || readings.length === 2))) return false;
  return isDefinite && readings.some((r) => r.article && r.prep === null);
}

/**
 * على الطائرات الأميركية، للقوات الإثيوبية، من الضربات الجوية الأميركية: a nisba describes the noun before it (past
 * the definite adjectives between them), which the particle introduces.
 */
function nounIntroduction(view: SentenceView, last: number, nisba: number): { word: string; at: number } | null {
  const isDefinite = arabicReadings(view.tokens[nisba]?.norm ?? '').some((r) => r.article);
  let noun = last;
  while (noun > last - NP_REACH && phraseWord(view, noun, isDefinite) && phraseWord(view, noun - 1, isDefinite)) noun--;
  const t = view.tokens[noun];
  if (t === undefined || t.kind !== 'word') return null;
  const glued = arabicReadings(t.norm).find((r) => r.article && r.prep !== null);
  if (glued?.prep) return { word: glued.prep, at: noun };
  const before = view.tokens[noun - 1];
  if (before === undefined) return null;
  if (AR_PARTICLES.has(before.norm)) return { word: before.norm, at: noun - 1 };
  const stem = view.stems(noun - 1).find((s) => AR_PARTICLES.has(s));
  return stem === undefined ? null : { word: stem, at: noun - 1 };
}

export function introducedBy(view: SentenceView, group: Group): string | null {
  return introduction(view, group)?.word ?? null;
}

/** Is the group a passive's agent: على يد X، بأيدي X، من قبل X، برصاص X، بنيران X? */
export function isDoerPhrase(view: SentenceView, group: Group): boolean {
  if (view.lang !== 'ar') return false;
  const head = group.first - 1;
  const glued = (i: number): boolean => arabicReadings(view.tokens[i]?.norm ?? '').some((r) => r.prep === 'ب' && !r.suffix);
  const stems = view.stems(head);
  if (stems.some((s) => AR_DOER_WEAPONS.has(s)) && glued(head)) return true;
  if (!stems.some((s) => AR_DOER_HEADS.has(s))) return false;
  return glued(head) || tokenIs(view, head - 1, AR_DOER_PARTICLES);
}

/** The first group within `window` tokens after `index` that a doer phrase introduces. */
export function doerAfter(view: SentenceView, index: number, window: number): Group | null {
  return view.groups.find((g) => g.first > index && g.first - index <= window && isDoerPhrase(view, g)) ?? null;
}

/** Words that open a clause of place or background: where, حيث (besides the relative pronouns). */
const WHERE = fold(['where', 'حيث']);

/** "..., where 24 people were killed": a relative word before `index` in the sentence puts it in a background clause. */
export function inRelativeClause(view: SentenceView, index: number): boolean {
  const relatives = view.lang === 'en' ? EN_RELATIVE : AR_RELATIVE;
  for (let i = 0; i < index; i++) if (tokenIs(view, i, relatives) || tokenIs(view, i, WHERE)) return true;
  return false;
}

export function afterRelative(view: SentenceView, group: Group): boolean {
  const set = view.lang === 'en' ? EN_RELATIVE : AR_RELATIVE;
  return tokenIs(view, group.first - 1, set);
}

export function clauseRange(view: SentenceView, tokenIndex: number): [number, number] {
  return view.clauseTokens[view.clauseOfToken[tokenIndex] ?? 0] ?? [0, view.tokens.length];
}

/** Nearest actor group before `index` inside [from, index) that can be a subject (no preposition before it). */
export function subjectIn(view: SentenceView, from: number, index: number, nearest: boolean): Group | null {
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
export function subjectBefore(view: SentenceView, trigger: TriggerMatch): { group: Group | null; penalty: number } {
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
export function objectAfter(
  view: SentenceView,
  index: number,
  targets: ReadonlySet<string>,
  direct: boolean,
  exclude: Group | null,
  maxDistance = 15,
): Group | null {
  const [, clauseEnd] = clauseRange(view, index);
  for (const g of view.groups) {
    // A second name run into the same token as the first (دعمت إيرانقطر) still comes after it.
    const sameToken = exclude !== null && g.first === index && g.start >= exclude.end;
    if ((g.first <= index && !sameToken) || g === exclude) continue;
    if (g.first >= clauseEnd || g.first - index > maxDistance) break;
    // The source named again (the Iranian president ... Iran): not its own target, look further.
    if (exclude && g.refs.every((r) => exclude.refs.some((e) => selfPair(e, r)))) continue;
    const found = introduction(view, g);
    // A particle that is part of the trigger phrase ("call on", "travel to") leaves the actor bare.
    const intro = found === null || found.at <= index ? null : found.word;
    if (intro !== null && targets.has(intro)) return g;
    if (intro === null && (direct || found !== null) && !afterRelative(view, g)) return g;
    if (found === null && appositionTarget(view, index, g, targets)) return g;
  }
  return null;
}

/**
 * زيارة إلى وطنه الثاني سلطنة عمان: the particle introduces a noun, and the actor after it names the same thing;
 * لمقر الحلف، إلى عاصمة البلاد: the particle is glued to the noun whose genitive the actor is.
 */
function appositionTarget(view: SentenceView, index: number, g: Group, targets: ReadonlySet<string>): boolean {
  if (view.lang !== 'ar') return false;
  const head = view.tokens[g.first - 1];
  if (g.first - 1 > index && head?.kind === 'word' && arabicReadings(head.norm).some((r) => r.prep !== null && !r.suffix && targets.has(r.prep))) return true;
  for (let j = g.first - 2; j > index && j >= g.first - 3; j--) {
    const t = view.tokens[j];
    if (t === undefined || t.kind !== 'word') return false;
    if (view.stems(j).some((s) => targets.has(s)) || arabicReadings(t.norm).some((r) => r.prep !== null && targets.has(r.prep))) return true;
  }
  return false;
}

/** Group introduced by one of `words` within `window` tokens after `index`. */
export function groupIntroducedAfter(view: SentenceView, index: number, words: ReadonlySet<string>, window: number): Group | null {
  for (const g of view.groups) {
    if (g.first <= index) continue;
    if (g.first - index > window) break;
    const intro = introducedBy(view, g);
    if (intro !== null && words.has(intro)) return g;
  }
  return null;
}

/** "between X and Y" / "بين البلدين": the parties right after a between-word near the trigger. */
export function betweenParties(view: SentenceView, trigger: TriggerMatch, words: ReadonlySet<string>, andWords: ReadonlySet<string>): ActorRef[] | null {
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

export function result(sourceGroup: Group | null, targetGroup: Group | null, penalty: number): Assignment {
  return {
    sources: sourceGroup?.refs ?? [],
    targets: targetGroup?.refs ?? [],
    sourceGroup,
    targetGroup,
    mutual: false,
    penalty,
  };
}

export function mutualResult(parties: ActorRef[], penalty: number): Assignment {
  return { sources: parties, targets: [], sourceGroup: null, targetGroup: null, mutual: true, penalty };
}

/** X visited Y and met Z: a subject that was the previous event's target, after "and", is that event's source. */
export function chainedSubject(view: SentenceView, subject: Group | null, trigger: TriggerMatch, memory: SentenceMemory): Group | null {
  if (subject === null || subject !== memory.lastTarget || memory.lastSource === null) return subject;
  const andWords = view.lang === 'en' ? EN_AND : AR_AND;
  for (let i = subject.last + 1; i <= trigger.first; i++) {
    if (tokenIs(view, i, andWords)) return memory.lastSource;
    const t = view.tokens[i];
    if (view.lang === 'ar' && i === trigger.first && t && (t.norm.startsWith('و') || t.norm.startsWith('ف'))) return memory.lastSource;
  }
  return subject;
}

/** Mutual act with a coordinated subject and no object: X and Y met -> the parties. */
export function withMutual(trigger: TriggerMatch, a: Assignment): Assignment {
  if ((trigger.form.pattern.mutual || JOINT_ACT.has(trigger)) && a.targets.length === 0 && distinctActors(a.sources) >= 2) {
    return mutualResult(a.sources, a.penalty);
  }
  return a;
}

/** إنه، أنها، إنهم: "that he/she/they" right before a verb (a quote mark may come between). */
const AR_THAT_PRONOUN = fold(['إنه', 'أنه', 'إنها', 'أنها', 'إنهم', 'أنهم', 'إنهما', 'أنهما']);

/** The speaker a reported verb's pronoun subject stands for: the last subject named in the sentence. */
function reportedSubject(view: SentenceView, trigger: TriggerMatch, memory: SentenceMemory): Group | null {
  if (view.lang !== 'ar' || memory.lastSource === null) return null;
  for (let i = trigger.first - 1; i >= Math.max(0, trigger.first - 2); i--) {
    const t = view.tokens[i];
    if (t?.kind === 'punct') continue;
    return tokenIs(view, i, AR_THAT_PRONOUN) ? memory.lastSource : null;
  }
  return null;
}

/**
 * الصين وروسيا، اللتين عززتا العلاقات مع إيران: a verb opening a relative clause acts for the actors the relative
 * pronoun follows, even when a preposition introduced them (مع الصين). A verb carrying an object pronoun
 * (الاتفاقية التي وقعتها قطر) has its own subject after it, so it is left to the usual reading.
 */
function relativeAntecedent(view: SentenceView, trigger: TriggerMatch): Group | null {
  const relative = trigger.first - 1;
  if (!tokenIs(view, relative, AR_RELATIVE)) return null;
  const head = view.tokens[trigger.first];
  if (head === undefined || arabicReadings(head.norm).some((r) => r.suffix && r.stem === trigger.form.keys[0])) return null;
  let end = relative - 1;
  if (view.tokens[end]?.kind === 'punct') end--;
  return view.groups.find((g) => g.last === end) ?? null;
}

/** How far after a passive verb its patient may stand (a time or place phrase may come between: أصيب أمس في بغداد ثلاثة). */
const PASSIVE_REACH = 8;
const DOER_REACH = 6;

/**
 * A verb written only in the passive (أصيب ثلاثة جنود، اغتيل الوزير، لقي 26 شخصا مصرعهم): its subject, before or
 * after it, suffers the act; a doer phrase after it names who did it (برصاص الشرطة، على يد مسلحين).
 */
function arabicPassiveArguments(view: SentenceView, trigger: TriggerMatch): Assignment {
  const [clauseStart] = clauseRange(view, trigger.first);
  const before = subjectIn(view, clauseStart, trigger.first, true);
  const after = view.groups.find(
    (g) => g.first > trigger.last && g.first - trigger.last <= PASSIVE_REACH && !isDoerPhrase(view, g) && introducedBy(view, g) === null,
  );
  const patient = before ?? after ?? null;
  const doer = doerAfter(view, patient && patient.last > trigger.last ? patient.last : trigger.last, DOER_REACH);
  return result(doer, patient, 0);
}

/** Arabic verb: SVO when an actor stands before the verb in its clause, else VSO; pro-drop carries the subject. */
function arabicVerbArguments(view: SentenceView, trigger: TriggerMatch, memory: SentenceMemory): Assignment {
  const p = trigger.form.pattern;
  if (p.passive) return arabicPassiveArguments(view, trigger);
  const targets = p.target ?? AR_TARGETS;
  const [clauseStart] = clauseRange(view, trigger.first);
  const antecedent = relativeAntecedent(view, trigger);
  if (antecedent) return arabicMutual(view, trigger, result(antecedent, objectAfter(view, trigger.last, targets, p.direct, antecedent), 0));
  // قال X لY إنه يرحب ...: the pronoun after إن/أن is the subject, and it is the speaker.
  const reported = reportedSubject(view, trigger, memory);
  if (reported) return arabicMutual(view, trigger, result(reported, objectAfter(view, trigger.last, targets, p.direct, reported), 0.1));
  const before = chainedSubject(view, subjectIn(view, clauseStart, trigger.first, true), trigger, memory);
  if (before) return arabicMutual(view, trigger, result(before, objectAfter(view, trigger.last, targets, p.direct, before), 0));
  // From the head: a subject may stand inside a verb phrase (رفع المحتجون شعارات).
  const first = objectAfter(view, trigger.first, targets, true, null);
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
  return arabicMutual(view, trigger, result(first, second, 0));
}

/** اشتبكت طهران والرياض بشأن ... الجيش الأميركي: two subjects of a mutual verb act on each other, not on a bare actor further on. */
function arabicMutual(view: SentenceView, trigger: TriggerMatch, a: Assignment): Assignment {
  const bare = a.targetGroup !== null && introducedBy(view, a.targetGroup) === null;
  if (trigger.form.pattern.mutual && bare && distinctActors(a.sources) >= 2) return mutualResult(a.sources, a.penalty);
  return withMutual(trigger, a);
}

/**
 * أضرب العمال احتجاجا على ...، أحرق نفسه احتجاجا: a protest noun in the indefinite accusative tells why the clause's
 * subject acted; that subject is the protester, as if a verb enacted the noun.
 */
function protestPurpose(view: SentenceView, trigger: TriggerMatch): boolean {
  const head = view.tokens[trigger.first];
  const key = trigger.form.keys[0];
  return trigger.form.pattern.code.startsWith('14') && head !== undefined && arabicReadings(head.norm).some((r) => r.tanween && !r.article && r.stem === key);
}

/** Arabic event noun: زيارة X إلى Y, قام X بزيارة Y, تم توقيع اتفاقية بين X و Y, تعرض X لهجوم. */
function arabicNounArguments(view: SentenceView, trigger: TriggerMatch, memory: SentenceMemory, cues?: ArabicCues): Assignment {
  const p = trigger.form.pattern;
  // التعاون بين البلدين متين: a state, not an act, unless a verb enacts it (عززت قطر التعاون مع ...).
  const governor = cues ? (protestPurpose(view, trigger) ? 'enact' : governorOf(view, trigger, cues)) : 'enact';
  if (p.governed && governor !== 'enact' && governor !== 'undergo') return result(null, null, 0);
  // الحرب بين X وY، الاتفاقية بين البلدين: the parties, first-named as source (a mediator's بين names its targets).
  const between = p.target?.has(AR_BAYNA) ? null : betweenParties(view, trigger, AR_BETWEEN, AR_AND);
  if (between) return mutualResult(between, 0);
  const targets = p.target ?? AR_TARGETS;
  // الزيارة التي قام بها الأمير لمقر الحلف: the relative clause's subject did it.
  const doer = cues && !p.objective ? relativeDoer(view, trigger, cues) : null;
  if (doer) return withMutual(trigger, result(doer, objectAfter(view, doer.last, targets, false, doer), 0));
  const agent = p.source ? groupIntroducedAfter(view, trigger.last, p.source, 4) : groupIntroducedAfter(view, trigger.last, AR_SOURCE_INTRO, 3);
  // The actor right after the noun (idafa), allowing an adjective or two in between.
  let adjacent: Group | null = null;
  for (const g of view.groups) {
    if (g.first <= trigger.last) continue;
    // A particle before the noun itself (ضد الغارات الإسرائيلية) does not introduce the nisba that describes it.
    const intro = introduction(view, g);
    if (g.first - trigger.last <= 3 && (intro === null || intro.at <= trigger.last)) adjacent = g;
    break;
  }
  const [clauseStart] = clauseRange(view, trigger.first);
  // مقتل الجنود، اغتيال الرئيس على يد مسلحين: the genitive suffers the act (a nisba after it is still its agent:
  // الاحتلال الإسرائيلي); the doer comes with على يد / من قبل, or is the subject of a verb that enacts the noun.
  // مقتل ثمانية من قوات الأمن: a number and من still name who suffers it.
  const sufferer = adjacent ?? (p.objective ? groupIntroducedAfter(view, trigger.last, AR_OF, 3) : null);
  if (p.objective && sufferer && sufferer.refs[0]?.mention.kind !== 'nisba') {
    // Only a verb that enacts the noun gives it a doer: كان X قد أعلن مقتل ... tells who reported it, not who killed.
    const enacted = governor === 'enact' ? subjectIn(view, clauseStart, trigger.first, true) : null;
    return result(doerAfter(view, sufferer.last, 5) ?? enacted, sufferer, 0);
  }
  if (agent) {
    const object = objectAfter(view, agent.last, targets, false, agent);
    return withMutual(trigger, result(agent, object ?? (adjacent !== agent ? adjacent : null), 0));
  }
  if (adjacent) {
    const object = objectAfter(view, adjacent.last, targets, false, adjacent);
    if (object) return withMutual(trigger, result(adjacent, object, 0));
  }
  // Only a governing verb (or a possessive) makes the noun an act of the subject before it.
  if (governor === 'undergo') return result(null, subjectIn(view, clauseStart, trigger.first, true), 0);
  if (governor === null) {
    if (adjacent) return withMutual(trigger, result(adjacent, objectAfter(view, adjacent.last, targets, true, adjacent), 0));
    return result(null, objectAfter(view, trigger.last, targets, false, null), 0.25);
  }
  // قام X بزيارة Y: the subject stands before the noun, the bare actor after it is the object.
  const before = chainedSubject(view, subjectIn(view, clauseStart, trigger.first, true), trigger, memory);
  const subject = before ? { group: before, penalty: 0 } : subjectBefore(view, trigger);
  if (subject.group) {
    const target = adjacent ?? objectAfter(view, trigger.last, targets, false, subject.group);
    return withMutual(trigger, result(subject.group, target, subject.penalty));
  }
  if (adjacent) return withMutual(trigger, result(adjacent, objectAfter(view, adjacent.last, targets, true, adjacent), 0));
  return result(memory.lastSource, objectAfter(view, trigger.last, targets, false, null), 0.25);
}

/** Coercion and violence (17-20): the acts a doer phrase tells the agent of. */
const PASSIVE_AGENT_ROOTS = /^(17|18|19|20)/;

/** قتل الصحفي برصاص الجيش، اعتقل الناشط من قبل الشرطة: the actor a doer phrase introduces did it to the other. */
function passiveDoer(view: SentenceView, trigger: TriggerMatch, a: Assignment): Assignment {
  if (!PASSIVE_AGENT_ROOTS.test(trigger.form.pattern.code) || a.mutual || a.targetGroup === null || !isDoerPhrase(view, a.targetGroup)) return a;
  return result(a.targetGroup, a.sourceGroup, a.penalty);
}

function namesOneParty(view: SentenceView): boolean {
  return view.distinctActors() <= 1;
}

/** `cues`: Arabic governing verbs for event nouns; without them any subject before a noun is its agent. */
export function assignArguments(view: SentenceView, trigger: TriggerMatch, memory: SentenceMemory, cues?: ArabicCues): Assignment {
  if (view.lang === 'en') return { ...englishArguments(view, trigger, memory), oneParty: namesOneParty(view) };
  return trigger.form.pattern.kind === 'noun'
    ? arabicNounArguments(view, trigger, memory, cues)
    : passiveDoer(view, trigger, arabicVerbArguments(view, trigger, memory));
}
