// Trigger matching: one Map lookup per token (per clitic reading in Arabic), phrase continuation with up to
// two tokens between words, context/not conditions in the clause, and non-overlapping selection.
import type { LanguagePatterns, TriggerForm, TriggerShape } from '../lexicon/events.js';
import { foldKey } from '../stages/normalise.js';
import { arabicReadings } from './arabic.js';
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

/** English clauses' token sets, so that a context word absent from the clause is rejected in one lookup. */
const clauseWords = new WeakMap<SentenceView, Map<number, Set<string>>>();
function wordsOf(view: SentenceView, clause: number): Set<string> {
  let byClause = clauseWords.get(view);
  if (byClause === undefined) {
    byClause = new Map();
    clauseWords.set(view, byClause);
  }
  let words = byClause.get(clause);
  if (words === undefined) {
    const [from, to] = view.clauseTokens[clause] ?? [0, 0];
    words = new Set(view.tokens.slice(from, to).map((t) => t.norm));
    byClause.set(clause, words);
  }
  return words;
}

function phraseInClause(view: SentenceView, clause: number, phrase: string[]): boolean {
  if (view.lang === 'en' && !phrase.every((w) => wordsOf(view, clause).has(w))) return false;
  const [from, to] = view.clauseTokens[clause] ?? [0, 0];
  for (let i = from; i < to; i++) {
    if (!keyMatches(view, i, phrase[0] as string)) continue;
    if (phrase.length === 1 || continuePhrase(view, i, phrase) !== null) return true;
  }
  return false;
}

/** Words that open a purpose clause, which still tells what the act before it is (دعته، من أجل حضور القمة). */
const AR_PURPOSE = new Set(['اجل', 'بهدف', 'بغرض', 'سعيا', 'لاجل'].map(foldKey));

/** The clause of the trigger, and the next one when it only states the act's purpose. */
function contextClauses(view: SentenceView, clause: number): number[] {
  const [from, to] = view.clauseTokens[clause + 1] ?? [0, 0];
  if (view.lang !== 'ar' || to <= from) return [clause];
  const opens = [from, from + 1].some((i) => i < to && view.stems(i).some((s) => AR_PURPOSE.has(s)));
  return opens ? [clause, clause + 1] : [clause];
}

export function conditionsHold(view: SentenceView, match: TriggerMatch): boolean {
  const p = match.form.pattern;
  if (p.context.length === 0 && p.not.length === 0) return true;
  const clauses = contextClauses(view, view.clauseOfToken[match.first] ?? 0);
  const found = (c: string[]): boolean => clauses.some((k) => phraseInClause(view, k, c));
  if (p.context.length > 0 && !p.context.some(found)) return false;
  return !p.not.some(found);
}

function headCandidates(view: SentenceView, patterns: LanguagePatterns, index: number): Array<{ form: TriggerForm; future: boolean }> {
  const t = view.tokens[index];
  if (t === undefined || t.kind !== 'word') return [];
  if (view.lang === 'en') return (patterns.byFirst.get(t.norm) ?? []).map((form) => ({ form, future: false }));
  const out: Array<{ form: TriggerForm; future: boolean }> = [];
  // After a preposition the word is a verbal noun, not a verb: من قصف المنشآت، بعد توقيع.
  const afterPreposition = AR_PREPOSITIONS.has(view.tokens[index - 1]?.norm ?? '');
  for (const r of arabicReadings(t.norm)) {
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

/** All trigger matches in the sentence, longest and most specific first, without overlaps. */
/** Is the token part of an actor's name (مجلس التعاون الخليجي، مبادرة إسطنبول للتعاون, Gulf Cooperation Council)? */
function insideName(view: SentenceView, index: number): boolean {
  const t = view.tokens[index];
  return t !== undefined && view.groups.some((g) => g.refs.some(({ mention: m }) => m.start < t.end && m.end > t.start));
}

export function findTriggers(view: SentenceView, patterns: LanguagePatterns): TriggerMatch[] {
  const candidates: TriggerMatch[] = [];
  for (let i = 0; i < view.tokens.length; i++) {
    if (insideName(view, i)) continue;
    for (const { form, future } of headCandidates(view, patterns, i)) {
      const tokens = form.keys.length === 1 ? [i] : continuePhrase(view, i, form.keys);
      if (tokens === null) continue;
      const match: TriggerMatch = { form, tokens, first: i, last: tokens[tokens.length - 1] ?? i, shape: form.shape, futurePrefix: future };
      if (conditionsHold(view, match)) candidates.push(match);
    }
  }
  candidates.sort(
    (a, b) =>
      b.tokens.length - a.tokens.length ||
      b.form.pattern.priority - a.form.pattern.priority ||
      b.form.pattern.context.length - a.form.pattern.context.length ||
      a.first - b.first,
  );
  const used = new Set<number>();
  const chosen: TriggerMatch[] = [];
  for (const c of candidates) {
    if (c.tokens.some((t) => used.has(t))) continue;
    for (const t of c.tokens) used.add(t);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.first - b.first);
}
