// Trigger matching: one Map lookup per token (per clitic reading in Arabic), phrase continuation with up to
// two tokens between words, context/not conditions in the clause, and non-overlapping selection.
import type { LanguagePatterns, TriggerForm, TriggerShape } from '../lexicon/events.js';
import { arabicReadings } from './arabic.js';
import type { SentenceView } from './sentence.js';

export interface TriggerMatch {
  form: TriggerForm;
  /** Sentence-local indices of the matched tokens (first = the head). */
  tokens: number[];
  first: number;
  last: number;
  shape: TriggerShape;
  /** The Arabic head carried future س (سيزور). */
  futurePrefix: boolean;
}

const MAX_GAP = 2;

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

function phraseInClause(view: SentenceView, clause: number, phrase: string[]): boolean {
  const [from, to] = view.clauseTokens[clause] ?? [0, 0];
  for (let i = from; i < to; i++) {
    if (!keyMatches(view, i, phrase[0] as string)) continue;
    if (phrase.length === 1 || continuePhrase(view, i, phrase) !== null) return true;
  }
  return false;
}

function conditionsHold(view: SentenceView, match: TriggerMatch): boolean {
  const p = match.form.pattern;
  if (p.context.length === 0 && p.not.length === 0) return true;
  const clause = view.clauseOfToken[match.first] ?? 0;
  if (p.context.length > 0 && !p.context.some((c) => phraseInClause(view, clause, c))) return false;
  return !p.not.some((c) => phraseInClause(view, clause, c));
}

function headCandidates(view: SentenceView, patterns: LanguagePatterns, index: number): Array<{ form: TriggerForm; future: boolean }> {
  const t = view.tokens[index];
  if (t === undefined || t.kind !== 'word') return [];
  if (view.lang === 'en') return (patterns.byFirst.get(t.norm) ?? []).map((form) => ({ form, future: false }));
  const out: Array<{ form: TriggerForm; future: boolean }> = [];
  for (const r of arabicReadings(t.norm)) {
    const forms = patterns.byFirst.get(r.stem);
    if (!forms) continue;
    for (const form of forms) {
      const verb = form.pattern.kind === 'verb';
      // Verbs take و/ف, future س and purpose ل, never the article or ب/ك; nouns never take س.
      if (verb && (r.article || r.prep === 'ب' || r.prep === 'ك')) continue;
      if (verb && r.future && form.shape !== 'present') continue;
      if (!verb && r.future) continue;
      if (!out.some((o) => o.form === form)) out.push({ form, future: r.future });
    }
  }
  return out;
}

/** All trigger matches in the sentence, longest and most specific first, without overlaps. */
export function findTriggers(view: SentenceView, patterns: LanguagePatterns): TriggerMatch[] {
  const candidates: TriggerMatch[] = [];
  for (let i = 0; i < view.tokens.length; i++) {
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
