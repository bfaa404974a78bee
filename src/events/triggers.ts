// Trigger matching: one Map lookup per token (per clitic reading in Arabic), phrase continuation with up to
// two tokens between words, context/not conditions in the clause, and non-overlapping selection.
import type { EventPattern, LanguagePatterns, TriggerForm, TriggerShape } from '../lexicon/events.js';
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

/** Words a phrase's next word may stand after the previous one (up to two between). */
export const MAX_GAP = 2;
const AR_PREPOSITIONS = new Set(
  ['من', 'في', 'إلى', 'على', 'عن', 'مع', 'بعد', 'قبل', 'خلال', 'منذ', 'حول', 'ضد', 'عبر', 'لدى', 'دون', 'بين', 'نحو', 'تجاه', 'عقب', 'إثر', 'أثناء'].map(foldKey),
);

function keyMatches(view: SentenceView, index: number, key: string): boolean {
  const t = view.tokens[index];
  if (t === undefined) return false;
  return t.norm === key || (view.lang === 'ar' && view.stems(index).includes(key));
}

/** Does a token within reach after `head` (as continuePhrase looks for a second word) read as one of `keys`? */
function secondInReach(view: SentenceView, head: number, keys: ReadonlySet<string>): boolean {
  for (let j = head + 1; j <= head + 1 + MAX_GAP && j < view.tokens.length; j++) {
    if (keys.has((view.tokens[j] as Token).norm)) return true;
    if (view.lang === 'ar') for (const s of view.stems(j)) if (keys.has(s)) return true;
  }
  return false;
}

/** Where the rest of a phrase after its head at `head` matches, or null (the common case, so allocated late). */
function continuePhrase(view: SentenceView, head: number, keys: string[]): number[] | null {
  let matched: number[] | null = null;
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
    (matched ??= [head]).push(found);
    at = found;
  }
  return matched ?? [head];
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
 * The keys each clause's tokens read as (a token's norm, and in Arabic its clitic-stripped stems), so that a
 * context word is one lookup. Only `vocabulary` keys are kept (null: all of them). A clause is indexed when first
 * asked for: most conditions look at the trigger's own clause only.
 */
interface KeyIndex {
  vocabulary: ReadonlySet<string> | null;
  clause(c: number): ReadonlySet<string>;
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

/** The keys of the tokens of one clause (a clause's tokens are one run: clauseOfToken never goes down). */
function clauseKeys(view: SentenceView, vocabulary: ReadonlySet<string> | null, clause: number): Set<string> {
  const keys = new Set<string>();
  const [from, to] = view.clauseTokens[clause] ?? [0, 0];
  for (let i = from; i < to; i++) {
    const norm = (view.tokens[i] as Token).norm;
    if (vocabulary === null) {
      keys.add(norm);
      if (view.lang === 'ar') for (const stem of view.stems(i)) keys.add(stem);
    } else if (view.lang === 'ar') for (const key of arabicKeysIn(vocabulary, view, i)) keys.add(key);
    else if (vocabulary.has(norm)) keys.add(norm);
  }
  return keys;
}

function buildKeyIndex(view: SentenceView, vocabulary: ReadonlySet<string> | null): KeyIndex {
  const clauses: Array<Set<string> | undefined> = [];
  return {
    vocabulary,
    clause: (c) => (clauses[c] ??= clauseKeys(view, vocabulary, c)),
  };
}

/** The view's index, kept for later calls (conditionsHold from outside, on a view already through findTriggers). */
function keyIndexOf(view: SentenceView, vocabulary: ReadonlySet<string> | null): KeyIndex {
  const known = keyIndexes.get(view);
  if (known !== undefined && known.vocabulary === vocabulary) return known;
  const index = buildKeyIndex(view, vocabulary);
  keyIndexes.set(view, index);
  return index;
}

function phraseInClause(view: SentenceView, index: KeyIndex, clause: number, phrase: string[]): boolean {
  const keys = index.clause(clause);
  const head = phrase[0] as string;
  if (!keys.has(head)) return false;
  if (phrase.length === 1) return true;
  // English: every word must be in the clause (Arabic phrases may run on past it).
  if (view.lang === 'en') for (const w of phrase) if (!keys.has(w)) return false;
  const [from, to] = view.clauseTokens[clause] ?? [0, 0];
  for (let i = from; i < to; i++) if (keyMatches(view, i, head) && continuePhrase(view, i, phrase) !== null) return true;
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

/** Do the pattern's context and "not" phrases allow a trigger headed at token `first`? */
function holds(view: SentenceView, index: KeyIndex, p: EventPattern, first: number): boolean {
  const clause = view.clauseOfToken[first] ?? 0;
  return holdsIn(view, index, p, clause, purposeClause(view, clause));
}

/** `holds` for a head in `clause`, whose purpose clause (or -1) is `next`. */
function holdsIn(view: SentenceView, index: KeyIndex, p: EventPattern, clause: number, next: number): boolean {
  // Called for every candidate head: written as loops, without closures or arrays.
  if (p.context.length > 0 && !anyPhraseHolds(view, index, clause, next, p.context)) return false;
  return !anyPhraseHolds(view, index, clause, next, p.not);
}

const unconditional = (p: EventPattern): boolean => p.context.length === 0 && p.not.length === 0;

/** `patterns`: the lexicon the match came from, whose context words are all the index needs to hold. */
export function conditionsHold(view: SentenceView, match: TriggerMatch, patterns?: LanguagePatterns): boolean {
  const p = match.form.pattern;
  return unconditional(p) || holds(view, keyIndexOf(view, patterns ? contextVocabulary(patterns) : null), p, match.first);
}

type HeadCandidate = { form: TriggerForm; future: boolean };

/** A one-word form with whether it has conditions, read once per head instead of through its pattern per token. */
interface SingleCandidate extends HeadCandidate {
  unconditional: boolean;
}

/**
 * What a head key may start: one-word forms in the order they compete for their token (priority, then more
 * context, then lexicon order), and longer forms, which need the words after it.
 */
interface HeadForms {
  single: readonly SingleCandidate[];
  phrases: readonly HeadCandidate[];
  /** Second words of the phrases: with none of them in reach after the head, no phrase can continue. */
  seconds: ReadonlySet<string>;
  /**
   * First word of each context phrase of the one-word forms -> the indices in `single` of the forms with such a
   * phrase, ascending: a form none of whose context heads is in the clause cannot hold, so is never tried.
   */
  contextHeads: ReadonlyMap<string, readonly number[]>;
  /** Indices in `single` of the forms that need no context (unconditional, or only "not" phrases). */
  withoutContext: readonly number[];
}

/** A head's forms depend only on its key and, in Arabic, on a preposition before it: memoised per lexicon. */
interface HeadCache {
  plain: Map<string, HeadForms>;
  afterPreposition: Map<string, HeadForms>;
}
const CANDIDATE_CACHE_LIMIT = 100_000;
const headCaches = new WeakMap<LanguagePatterns, HeadCache>();

function headCacheOf(patterns: LanguagePatterns): HeadCache {
  let cache = headCaches.get(patterns);
  if (cache === undefined) {
    cache = { plain: new Map(), afterPreposition: new Map() };
    headCaches.set(patterns, cache);
  }
  return cache;
}

const NO_FORMS: HeadForms = { single: [], phrases: [], seconds: new Set(), contextHeads: new Map(), withoutContext: [] };
const FORMS: HeadForms[] = [];

function headForms(view: SentenceView, patterns: LanguagePatterns, heads: HeadCache, index: number): HeadForms {
  const t = view.tokens[index];
  if (t === undefined || t.kind !== 'word') return NO_FORMS;
  // After a preposition the word is a verbal noun, not a verb: من قصف المنشآت، بعد توقيع.
  const afterPreposition = view.lang === 'ar' && AR_PREPOSITIONS.has(view.tokens[index - 1]?.norm ?? '');
  const cache = afterPreposition ? heads.afterPreposition : heads.plain;
  let found = cache.get(t.norm);
  if (found === undefined) {
    if (cache.size >= CANDIDATE_CACHE_LIMIT) cache.clear();
    const all = view.lang === 'en' ? (patterns.byFirst.get(t.norm) ?? []).map((form) => ({ form, future: false })) : arabicCandidates(patterns, t.norm, afterPreposition);
    const single = singleCandidates(all);
    const phrases = all.filter((c) => c.form.keys.length > 1);
    found = single.length === 0 && phrases.length === 0 ? NO_FORMS : { single, phrases, seconds: new Set(phrases.map((c) => c.form.keys[1] as string)), ...contextIndex(single) };
    cache.set(t.norm, found);
  }
  return found;
}

function singleCandidates(all: readonly HeadCandidate[]): SingleCandidate[] {
  const sorted = all
    .filter((c) => c.form.keys.length === 1)
    .sort((a, b) => b.form.pattern.priority - a.form.pattern.priority || b.form.pattern.context.length - a.form.pattern.context.length);
  return sorted.map(({ form, future }) => ({ form, future, unconditional: unconditional(form.pattern) }));
}

function contextIndex(single: readonly SingleCandidate[]): Pick<HeadForms, 'contextHeads' | 'withoutContext'> {
  const contextHeads = new Map<string, number[]>();
  const withoutContext: number[] = [];
  single.forEach((c, k) => {
    if (c.form.pattern.context.length === 0) withoutContext.push(k);
    for (const phrase of c.form.pattern.context) {
      const list = contextHeads.get(phrase[0] as string) ?? [];
      if (list[list.length - 1] !== k) list.push(k);
      contextHeads.set(phrase[0] as string, list);
    }
  });
  return { contextHeads, withoutContext };
}

/**
 * The forms of `here` worth trying at a head in `clause` (and its purpose clause `next`), in their order: those
 * without context, and those with a context phrase whose first word the clauses hold. Any other form's context
 * cannot hold (a phrase holds only where its first word is), so it would be passed over anyway.
 */
function formsToTry(here: HeadForms, index: KeyIndex, clause: number, next: number): readonly number[] {
  if (here.contextHeads.size === 0) return here.withoutContext;
  let picked = formsWithContextIn(here, index.clause(clause), null);
  if (next >= 0) picked = formsWithContextIn(here, index.clause(next), picked);
  if (picked === null) return here.withoutContext;
  // Back into the forms' order, each once (a form may have several context heads in the clause).
  picked.sort((a, b) => a - b);
  let n = 0;
  for (const k of picked) if (n === 0 || picked[n - 1] !== k) picked[n++] = k;
  picked.length = n;
  return picked;
}

/** `picked` plus the forms (indices) with a context head among `keys`; null while there are none. */
function formsWithContextIn(here: HeadForms, keys: ReadonlySet<string>, picked: number[] | null): number[] | null {
  for (const key of keys) {
    const forms = here.contextHeads.get(key);
    if (forms === undefined) continue;
    picked ??= here.withoutContext.slice();
    for (const k of forms) picked.push(k);
  }
  return picked;
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

/**
 * A zeroed buffer of at least `n` bytes, for findTriggers (which never runs inside itself): two per sentence
 * allocated afresh were a steady share of the coder's garbage. Only its first `n` entries are meaningful.
 */
const BUFFERS: Uint8Array[] = [new Uint8Array(256), new Uint8Array(256)];
function zeroed(which: 0 | 1, n: number): Uint8Array {
  let buffer = BUFFERS[which] as Uint8Array;
  if (buffer.length < n) {
    buffer = new Uint8Array(Math.max(n, buffer.length * 2));
    BUFFERS[which] = buffer;
  } else buffer.fill(0, 0, n);
  return buffer;
}

/** Which tokens are part of an actor's name (مجلس التعاون الخليجي، مبادرة إسطنبول للتعاون, Gulf Cooperation Council)? */
function nameTokens(view: SentenceView): Uint8Array {
  const { tokens } = view;
  const inside = zeroed(0, tokens.length);
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

/**
 * All trigger matches in the sentence without overlaps: longest first, then higher priority, then more context,
 * then earlier. Phrases are matched and settled first; every one-word form is shorter than any of them, so each
 * token left free takes its first one-word form whose conditions hold. Conditions are checked only for a form
 * that could still be chosen.
 */
export function findTriggers(view: SentenceView, patterns: LanguagePatterns): TriggerMatch[] {
  const named = nameTokens(view);
  const heads = headCacheOf(patterns);
  // Each token's forms, in a buffer kept between calls (findTriggers never runs inside itself); only its first
  // view.tokens.length entries are read.
  const forms = FORMS;
  let anySingle = false;
  const phrases: TriggerMatch[] = [];
  for (let i = 0; i < view.tokens.length; i++) {
    const here = named[i] === 1 ? NO_FORMS : headForms(view, patterns, heads, i);
    forms[i] = here;
    if (here.single.length > 0) anySingle = true;
    if (here.phrases.length === 0 || !secondInReach(view, i, here.seconds)) continue;
    for (const { form, future } of here.phrases) {
      const tokens = continuePhrase(view, i, form.keys);
      if (tokens !== null) phrases.push({ form, tokens, first: i, last: tokens[tokens.length - 1] ?? i, shape: form.shape, futurePrefix: future });
    }
  }
  // Most sentences' words start nothing: nothing else to build.
  if (!anySingle && phrases.length === 0) return [];
  if (phrases.length > 1) phrases.sort(
    (a, b) =>
      b.tokens.length - a.tokens.length ||
      b.form.pattern.priority - a.form.pattern.priority ||
      b.form.pattern.context.length - a.form.pattern.context.length ||
      a.first - b.first,
  );
  // Built on first need, and not kept: most sentences never reach conditionsHold from outside.
  let index: KeyIndex | null = null;
  const keys = (): KeyIndex => (index ??= buildKeyIndex(view, contextVocabulary(patterns)));
  const allowed = (p: EventPattern, first: number): boolean => unconditional(p) || holds(view, keys(), p, first);
  const used = zeroed(1, view.tokens.length);
  const chosen: TriggerMatch[] = [];
  for (const c of phrases) {
    if (c.tokens.some((t) => used[t] === 1) || !allowed(c.form.pattern, c.first)) continue;
    for (const t of c.tokens) used[t] = 1;
    chosen.push(c);
  }
  for (let i = 0; anySingle && i < view.tokens.length; i++) {
    const here = forms[i] as HeadForms;
    if (used[i] === 1 || here.single.length === 0) continue;
    // A head's forms share its clause and the purpose clause after it; of its forms (a word may have dozens)
    // only those whose context could be there are tried, by an index of their context words (formsToTry).
    const single = here.single;
    const head = single[0] as SingleCandidate;
    if (head.unconditional) {
      chosen.push({ form: head.form, tokens: [i], first: i, last: i, shape: head.form.shape, futurePrefix: head.future });
      continue;
    }
    const clause = view.clauseOfToken[i] ?? 0;
    const next = purposeClause(view, clause);
    for (const k of formsToTry(here, keys(), clause, next)) {
      const candidate = single[k] as SingleCandidate;
      const form = candidate.form;
      if (!candidate.unconditional && !holdsIn(view, keys(), form.pattern, clause, next)) continue;
      chosen.push({ form, tokens: [i], first: i, last: i, shape: form.shape, futurePrefix: candidate.future });
      break;
    }
  }
  return inOrder(chosen) ? chosen : chosen.sort((a, b) => a.first - b.first);
}

/** Are the matches already by position (no phrase chosen before a one-word form that precedes it)? */
function inOrder(matches: readonly TriggerMatch[]): boolean {
  for (let k = 1; k < matches.length; k++) if ((matches[k - 1] as TriggerMatch).first > (matches[k] as TriggerMatch).first) return false;
  return true;
}
