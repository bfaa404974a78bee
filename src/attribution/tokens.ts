// Token helpers for the attribution scanner: Arabic clitic variants and phrase lookups keyed by first token.
import type { Lang, Token } from '../document.js';
import type { Outlet, PhraseEntry, PhraseMap } from '../lexicon/attribution.js';

/** A lookup key for a token with the number of leading letters (clitics) it drops. */
export interface Variant {
  key: string;
  cut: number;
}

/**
 * Keys to try for a token: as written, without و/ف, then without ب/ل/ك (لل -> ال, so للصحيفة finds الصحيفة).
 * Three-letter floors keep short words (وام, واس, قنا) whole.
 */
export function variants(norm: string, lang: Lang): readonly Variant[] {
  const cache = lang === 'ar' ? AR_VARIANTS : EN_VARIANTS;
  let found = cache.get(norm);
  if (found === undefined) {
    if (cache.size >= VARIANT_CACHE_LIMIT) cache.clear();
    found = computeVariants(norm, lang);
    cache.set(norm, found);
  }
  return found;
}

/** Every token is looked up in several phrase maps: its variants are memoised (bounded; news vocabulary repeats). */
const VARIANT_CACHE_LIMIT = 100_000;
const AR_VARIANTS = new Map<string, readonly Variant[]>();
const EN_VARIANTS = new Map<string, readonly Variant[]>();

function computeVariants(norm: string, lang: Lang): Variant[] {
  const out: Variant[] = [{ key: norm, cut: 0 }];
  if (lang !== 'ar') return out;
  let w = norm;
  let cut = 0;
  if ((w[0] === 'و' || w[0] === 'ف') && w.length > 3) {
    w = w.slice(1);
    cut = 1;
    out.push({ key: w, cut });
  }
  if ((w[0] === 'ب' || w[0] === 'ل' || w[0] === 'ك') && w.length > 3) {
    const rest = w.slice(1);
    out.push({ key: rest, cut: cut + 1 });
    if (w[0] === 'ل' && rest[0] === 'ل') out.push({ key: `ا${rest}`, cut: cut + 1 });
  }
  return out;
}

/** Is the token, as written or without و/ف, in `verbs`? Verbs take a conjunction, not prepositions. */
export function hasVerb(verbs: ReadonlySet<string>, norm: string, lang: Lang): boolean {
  if (verbs.has(norm)) return true;
  return lang === 'ar' && (norm[0] === 'و' || norm[0] === 'ف') && norm.length > 3 && verbs.has(norm.slice(1));
}

export function hasAny(set: Set<string>, keys: readonly Variant[]): Variant | null {
  for (const v of keys) if (set.has(v.key)) return v;
  return null;
}

export interface PhraseHit<T> {
  entry: PhraseEntry<T>;
  /** Index after the last matched token. */
  end: number;
  cut: number;
}

const acceptAll = (): boolean => true;

/** Longest phrase starting at token i (clitic variants on the first token only), within [i, limit). */
export function matchPhrase<T>(
  map: PhraseMap<T>,
  toks: Token[],
  i: number,
  limit: number,
  lang: Lang,
  accept: (entry: PhraseEntry<T>, first: Token) => boolean = acceptAll,
): PhraseHit<T> | null {
  const first = toks[i];
  if (first === undefined) return null;
  // Most tokens have no clitic to strip: their one key is tried without the variants lookup.
  if (!mayHaveClitic(first.norm, lang)) return matchKey(map, toks, i, limit, first.norm, 0, first, accept);
  for (const v of variants(first.norm, lang)) {
    const hit = matchKey(map, toks, i, limit, v.key, v.cut, first, accept);
    if (hit !== null) return hit;
  }
  return null;
}

/** Does computeVariants give a token more than its own key? (only Arabic, longer than three, led by و ف ب ل ك) */
function mayHaveClitic(norm: string, lang: Lang): boolean {
  if (lang !== 'ar' || norm.length <= 3) return false;
  const c = norm[0];
  return c === 'و' || c === 'ف' || c === 'ب' || c === 'ل' || c === 'ك';
}

function matchKey<T>(
  map: PhraseMap<T>,
  toks: Token[],
  i: number,
  limit: number,
  key: string,
  cut: number,
  first: Token,
  accept: (entry: PhraseEntry<T>, first: Token) => boolean,
): PhraseHit<T> | null {
  const list = map.get(key);
  if (list === undefined) return null;
  for (const entry of list) {
    const n = entry.tokens.length;
    if (i + n > limit) continue;
    let ok = true;
    for (let k = 1; k < n && ok; k++) ok = toks[i + k]?.norm === entry.tokens[k];
    if (ok && accept(entry, first)) return { entry, end: i + n, cut };
  }
  return null;
}

/** An outlet accepter: acronyms must be upper case in the original, region-like names need a head word. */
export function outletAccepter(text: string, afterHead: boolean): (e: PhraseEntry<Outlet>, first: Token) => boolean {
  return (entry, first) => {
    if (entry.value.needsHead && !afterHead) return false;
    if (entry.value.upper !== null) return text.slice(first.start, first.end) === entry.value.upper;
    return true;
  };
}

/** Offset in the original after skipping `cut` letters of a token (ignorable marks do not count). */
export function skipLetters(norm: string, start: number, cut: number): number {
  let i = start;
  let left = cut;
  while (left > 0 && i < norm.length) {
    if (norm[i] !== '\u0000') left--;
    i++;
  }
  while (norm[i] === '\u0000') i++;
  return i;
}
