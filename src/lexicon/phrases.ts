// One matcher for lexicons whose entries run over several words (date vocabulary, merge cues, framing words):
// phrases keyed by their first word key, longest first, so a token costs one Map lookup.
import type { Token } from '../document.js';
import { foldKey } from '../stages/normalise.js';
import { tokenise } from '../stages/segment.js';

/**
 * How a matcher reads words: a phrase into its word keys, a folded token into the keys it may stand for. Both
 * must depend on their argument alone: a token's keys are memoised by its folded form.
 */
export interface WordKeys {
  phrase: (phrase: string) => string[];
  token: (norm: string) => readonly string[];
}

/** Folded tokens as they are, the way the stages tokenise text. */
export const FOLDED_KEYS: WordKeys = {
  phrase: (phrase) => tokenise(foldKey(phrase)).map((t) => t.norm),
  token: (norm) => [norm],
};

export interface PhraseMatch<T> {
  value: T;
  /** Token indices [first, last] the phrase covers. */
  first: number;
  last: number;
}

interface Entry<T> {
  keys: string[];
  value: T;
}

/** Distinct token forms whose keys a matcher remembers (news vocabulary repeats; cleared when full). */
const TOKEN_CACHE_LIMIT = 50_000;

export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, Array<Entry<T>>>();
  private readonly tokenKeys = new Map<string, readonly string[]>();
  /** Phrases added. */
  size = 0;

  constructor(private readonly keys: WordKeys = FOLDED_KEYS) {}

  add(phrase: string, value: T): void {
    const keys = this.keys.phrase(phrase);
    const first = keys[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    list.push({ keys, value });
    list.sort((a, b) => b.keys.length - a.keys.length);
    this.byFirst.set(first, list);
    this.size++;
  }

  /** Does some phrase start with this key? */
  has(key: string): boolean {
    return this.byFirst.has(key);
  }

  /** The first keys of all phrases. */
  firsts(): IterableIterator<string> {
    return this.byFirst.keys();
  }

  /** The longest phrase starting at `at` in a run of keys, one per token: its value and length in tokens. */
  match(keys: readonly string[], at: number): { value: T; length: number } | null {
    const list = this.byFirst.get(keys[at] ?? '');
    if (list === undefined) return null;
    for (const entry of list) {
      let k = 1;
      while (k < entry.keys.length && keys[at + k] === entry.keys[k]) k++;
      if (k === entry.keys.length) return { value: entry.value, length: k };
    }
    return null;
  }

  /**
   * Phrases over `tokens[from, to)`, each token read through the matcher's word keys: the longest match wins at
   * each position and matches do not overlap; a punctuation token has no keys, so it breaks a phrase.
   */
  matchAll(tokens: readonly Token[], from = 0, to = tokens.length): Array<PhraseMatch<T>> {
    const out: Array<PhraseMatch<T>> = [];
    const cache = new Map<number, readonly string[]>();
    const keysAt = (k: number): readonly string[] => {
      let v = cache.get(k);
      if (v === undefined) {
        const t = tokens[k];
        v = t && t.kind === 'word' ? this.keysOf(t.norm) : [];
        cache.set(k, v);
      }
      return v;
    };
    const fits = (entry: Entry<T>, i: number): boolean => {
      for (let k = 1; k < entry.keys.length; k++) if (i + k >= to || !keysAt(i + k).includes(entry.keys[k] as string)) return false;
      return true;
    };
    let i = from;
    while (i < to) {
      let hit: Entry<T> | undefined;
      for (const key of keysAt(i)) {
        hit = this.byFirst.get(key)?.find((entry) => fits(entry, i));
        if (hit) break;
      }
      if (hit) {
        out.push({ value: hit.value, first: i, last: i + hit.keys.length - 1 });
        i += hit.keys.length;
      } else i++;
    }
    return out;
  }

  private keysOf(norm: string): readonly string[] {
    let keys = this.tokenKeys.get(norm);
    if (keys === undefined) {
      if (this.tokenKeys.size >= TOKEN_CACHE_LIMIT) this.tokenKeys.clear();
      keys = this.keys.token(norm);
      this.tokenKeys.set(norm, keys);
    }
    return keys;
  }
}
