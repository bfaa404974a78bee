// Trigger matching: one Map lookup per token (per clitic reading in Arabic), phrase continuation with up to
// two tokens between words, context/not conditions in the clause, and non-overlapping selection.
import type { LanguagePatterns, TriggerForm, TriggerShape } from '../lexicon/events.js';
import { foldKey } from '../stages/normalise.js';
import { arabicReadings } from './arabic.js';
import type { Token } from '../document.js';
import type { Group, SentenceView } from './sentence.js';

export interface TriggerMatch {
  form: TriggerForm;
  /** Sentence-local indices of the matched tokens (first = the head). */
  tokens: number[];
  first: number;
  last: number;
  shape: TriggerShape;
  /** The Arabic head carried future س (سيزور). */
  futurePrefix: boolean;
  /** Set when this trigger governs another (English frames: "urged X to withdraw", "condemned the attack"). */
  frame?: TriggerFrame;
}

/** A head's hold on the trigger it took over. */
export interface TriggerFrame {
  /** The combined code ("urge" + "withdraw" -> 0256), or null to keep the head's own. */
  code: string | null;
  complement: TriggerMatch | null;
  /** A frame table applied (appeal, demand, intent, reject, threat), not a plain head with its object. */
  framing: boolean;
  /** A target the frame names itself ("said that Sudan must ..."). */
  target: Group | null;
  /** A refusal stated as such ("will not provide"): a rejection, not a negated act. */
  asserted: boolean;
}

const MAX_GAP = 2;
const AR_PREPOSITIONS = new Set(
  ['من', 'في', 'إلى', 'على', 'عن', 'مع', 'بعد', 'قبل', 'خلال', 'منذ', 'حول', 'ضد', 'عبر', 'لدى', 'دون', 'بين', 'نحو', 'تجاه', 'عقب', 'إثر', 'أثناء'].map(foldKey),
);

function keyMatches(view: SentenceView, index: number, key: string): boolean {
  const t = view.tokens[index];
  if (t === undefined) return false;
  return t.norm === key || (view.lang === 'ar' && view.stems(index).includes(key));
}

/** Match the rest of a phrase after its head at `head`; returns the token indices or null. */
function continuePhrase(view: SentenceView, head: number, keys: string[]): number[] | null {
  const matched = [head];
  let at = head;
  for (let k = 1; k < keys.length; k++) {
    const key = keys[k] as string;
    let found = -1;
    for (let j = at + 1; j <= at + 1 + MAX_GAP && j < view.tokens.length; j++) {
      if (keyMatches(view, j, key)) {
        found = j;
        break;
      }
    }
    if (found < 0) return null;
    matched.push(found);
    at = found;
  }
  return matched;
}

/** Every word of every context and "not" phrase of a lexicon: the only keys a condition ever looks up. */
const vocabularies = new WeakMap<LanguagePatterns, ReadonlySet<string>>();
function contextVocabulary(patterns: LanguagePatterns): ReadonlySet<string> {
  let words = vocabularies.get(patterns);
  if (words === undefined) {
    const set = new Set<string>();
    for (const p of patterns.patterns) for (const phrase of [...p.context, ...p.not]) for (const w of phrase) set.add(w);
    words = set;
    vocabularies.set(patterns, words);
  }
  return words;
}

/**
 * Where each key occurs in the sentence (a token's norm, and in Arabic its clitic-stripped stems), ascending:
 * a context phrase is looked up, not searched for token by token. Only `vocabulary` keys are kept (null: all).
 */
interface KeyIndex {
  vocabulary: ReadonlySet<string> | null;
  positions: Map<string, number[]>;
}
const keyIndexes = new WeakMap<SentenceView, KeyIndex>();

/** An Arabic word's keys (itself and its stems) that are in a vocabulary: memoised, news vocabulary repeats. */
const KEYS_CACHE_LIMIT = 100_000;
const arabicKeys = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();
function arabicKeysIn(vocabulary: ReadonlySet<string>, view: SentenceView, i: number): string[] {
  let cache = arabicKeys.get(vocabulary);
  if (cache === undefined) {
    cache = new Map();
    arabicKeys.set(vocabulary, cache);
  }
  const norm = (view.tokens[i] as Token).norm;
  let keys = cache.get(norm);
  if (keys === undefined) {
    if (cache.size >= KEYS_CACHE_LIMIT) cache.clear();
    keys = [norm, ...view.stems(i)].filter((k) => vocabulary.has(k));
    cache.set(norm, keys);
  }
  return keys;
}

function keyIndexOf(view: SentenceView, vocabulary: ReadonlySet<string> | null): KeyIndex {
  const known = keyIndexes.get(view);
  if (known !== undefined && known.vocabulary === vocabulary) return known;
  const positions = new Map<string, number[]>();
  const add = (key: string, i: number): void => {
    const at = positions.get(key);
    if (at === undefined) positions.set(key, [i]);
    else if (at[at.length - 1] !== i) at.push(i);
  };
  for (let i = 0; i < view.tokens.length; i++) {
    const norm = (view.tokens[i] as Token).norm;
    if (vocabulary === null) {
      add(norm, i);
      if (view.lang === 'ar') for (const stem of view.stems(i)) add(stem, i);
    } else if (view.lang === 'ar') for (const key of arabicKeysIn(vocabulary, view, i)) add(key, i);
    else if (vocabulary.has(norm)) add(norm, i);
  }
  const index = { vocabulary, positions };
  keyIndexes.set(view, index);
  return index;
}

/** Does `at` (ascending token indices) hold one in [from, to)? */
function within(at: number[] | undefined, from: number, to: number): boolean {
  if (at === undefined) return false;
  for (const i of at) if (i >= from && i < to) return true;
  return false;
}

function phraseInClause(view: SentenceView, index: KeyIndex, clause: number, phrase: string[]): boolean {
  const [from, to] = view.clauseTokens[clause] ?? [0, 0];
  const { positions } = index;
  // English: every word in the clause. Arabic: the phrase may run on past the clause, so its later words
  // need only be in the sentence.
  for (const w of phrase) if (view.lang === 'en' ? !within(positions.get(w), from, to) : !positions.has(w)) return false;
  const starts = positions.get(phrase[0] as string);
  if (starts === undefined) return false;
  for (const i of starts) if (i >= from && i < to && (phrase.length === 1 || continuePhrase(view, i, phrase) !== null)) return true;
  return false;
}

/** Words that open a purpose clause, which still tells what the act before it is (دعته، من أجل حضور القمة). */
const AR_PURPOSE = new Set(['اجل', 'بهدف', 'بغرض', 'سعيا', 'لاجل'].map(foldKey));

/** The clause after `clause` when it only states the act's purpose (Arabic), else -1: it is context too. */
function purposeClause(view: SentenceView, clause: number): number {
  const [from, to] = view.clauseTokens[clause + 1] ?? [0, 0];
  if (view.lang !== 'ar' || to <= from) return -1;
  for (let i = from; i < to && i <= from + 1; i++) for (const s of view.stems(i)) if (AR_PURPOSE.has(s)) return clause + 1;
  return -1;
}

function anyPhraseHolds(view: SentenceView, index: KeyIndex, clause: number, next: number, phrases: string[][]): boolean {
  for (const phrase of phrases) {
    if (phraseInClause(view, index, clause, phrase) || (next >= 0 && phraseInClause(view, index, next, phrase))) return true;
  }
  return false;
}

/** `patterns`: the lexicon the match came from, whose context words are all the index needs to hold. */
export function conditionsHold(view: SentenceView, match: TriggerMatch, patterns?: LanguagePatterns): boolean {
  const p = match.form.pattern;
  if (p.context.length === 0 && p.not.length === 0) return true;
  // Called for every candidate head: written as loops, without closures or arrays.
  const index = keyIndexOf(view, patterns ? contextVocabulary(patterns) : null);
  const clause = view.clauseOfToken[match.first] ?? 0;
  const next = purposeClause(view, clause);
  if (p.context.length > 0 && !anyPhraseHolds(view, index, clause, next, p.context)) return false;
  return !anyPhraseHolds(view, index, clause, next, p.not);
}

type HeadCandidate = { form: TriggerForm; future: boolean };

/** A head's candidates depend only on its key (and, in Arabic, a preposition before it): memoised per lexicon. */
const CANDIDATE_CACHE_LIMIT = 100_000;
const candidateCaches = new WeakMap<LanguagePatterns, Map<string, readonly HeadCandidate[]>>();

function headCandidates(view: SentenceView, patterns: LanguagePatterns, index: number): readonly HeadCandidate[] {
  const t = view.tokens[index];
  if (t === undefined || t.kind !== 'word') return [];
  // After a preposition the word is a verbal noun, not a verb: من قصف المنشآت، بعد توقيع.
  const afterPreposition = view.lang === 'ar' && AR_PREPOSITIONS.has(view.tokens[index - 1]?.norm ?? '');
  const key = afterPreposition ? `${t.norm}\u0001` : t.norm;
  let cache = candidateCaches.get(patterns);
  if (cache === undefined) {
    cache = new Map();
    candidateCaches.set(patterns, cache);
  }
  let found = cache.get(key);
  if (found === undefined) {
    if (cache.size >= CANDIDATE_CACHE_LIMIT) cache.clear();
    found = view.lang === 'en' ? (patterns.byFirst.get(t.norm) ?? []).map((form) => ({ form, future: false })) : arabicCandidates(patterns, t.norm, afterPreposition);
    cache.set(key, found);
  }
  return found;
}

function arabicCandidates(patterns: LanguagePatterns, norm: string, afterPreposition: boolean): HeadCandidate[] {
  const out: HeadCandidate[] = [];
  for (const r of arabicReadings(norm)) {
    const forms = patterns.byFirst.get(r.stem);
    if (!forms) continue;
    for (const form of forms) {
      const verb = form.pattern.kind === 'verb';
      // Verbs take و/ف, future س and purpose ل, never the article or ب/ك; nouns never take س.
      if (verb && (r.article || r.prep === 'ب' || r.prep === 'ك' || r.tanween === true || afterPreposition)) continue;
      if (verb && r.future && form.shape !== 'present') continue;
      if (!verb && r.future) continue;
      if (!out.some((o) => o.form === form)) out.push({ form, future: r.future });
    }
  }
  return out;
}

/** Which tokens are part of an actor's name (مجلس التعاون الخليجي، مبادرة إسطنبول للتعاون, Gulf Cooperation Council)? */
function nameTokens(view: SentenceView): Uint8Array {
  const { tokens } = view;
  const inside = new Uint8Array(tokens.length);
  for (const g of view.groups) {
    for (const { mention: m } of g.refs) {
      // Tokens do not overlap, so their ends ascend too: find the first one ending after the mention starts.
      let lo = 0;
      let hi = tokens.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((tokens[mid] as Token).end <= m.start) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < tokens.length && (tokens[i] as Token).start < m.end; i++) inside[i] = 1;
    }
  }
  return inside;
}

/** All trigger matches in the sentence, longest and most specific first, without overlaps. */
export function findTriggers(view: SentenceView, patterns: LanguagePatterns): TriggerMatch[] {
  const candidates: TriggerMatch[] = [];
  const named = nameTokens(view);
  for (let i = 0; i < view.tokens.length; i++) {
    if (named[i] === 1) continue;
    for (const { form, future } of headCandidates(view, patterns, i)) {
      const tokens = form.keys.length === 1 ? [i] : continuePhrase(view, i, form.keys);
      if (tokens === null) continue;
      candidates.push({ form, tokens, first: i, last: tokens[tokens.length - 1] ?? i, shape: form.shape, futurePrefix: future });
    }
  }
  candidates.sort(
    (a, b) =>
      b.tokens.length - a.tokens.length ||
      b.form.pattern.priority - a.form.pattern.priority ||
      b.form.pattern.context.length - a.form.pattern.context.length ||
      a.first - b.first,
  );
  // Conditions are checked only for a candidate whose tokens are still free: the sort is stable, so this
  // chooses what filtering all candidates first would, without testing those already beaten.
  const used = new Uint8Array(view.tokens.length);
  const chosen: TriggerMatch[] = [];
  for (const c of candidates) {
    if (c.tokens.some((t) => used[t] === 1) || !conditionsHold(view, c, patterns)) continue;
    for (const t of c.tokens) used[t] = 1;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.first - b.first);
}
