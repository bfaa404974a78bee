// Spellings of one name word (data/actors/name-spellings.json): Mohammed / Mohammad / Muhammad, Hussein /
// Hossein, Abdulrahman / Abdul Rahman, ميشال / ميشيل. A person's name written with one of them also matches with the
// others, so the people data lists a name once, not once per transliteration.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const FileSchema = z.object({ en: z.array(z.array(z.string().min(1)).min(2)), ar: z.array(z.array(z.string().min(1)).min(2)).default([]) });

/** One word's spellings as written in the data, each also as lower-cased words for matching. */
type SpellingSet = Array<{ text: string; words: string[] }>;

export interface NameSpellings {
  readonly en: SpellingIndex;
  readonly ar: SpellingIndex;
}

/** Sets by the first lower-cased word of each member, so a name word finds its set in one lookup. */
type SpellingIndex = Map<string, Array<{ own: SpellingSet[number]; set: SpellingSet }>>;

function indexSets(sets: string[][]): SpellingIndex {
  const index: SpellingIndex = new Map();
  for (const members of sets) {
    const set = members.map((text) => ({ text, words: text.toLowerCase().split(/\s+/) }));
    for (const own of set) {
      const first = own.words[0] as string;
      index.set(first, [...(index.get(first) ?? []), { own, set }]);
    }
  }
  return index;
}

export const NO_SPELLINGS: NameSpellings = { en: new Map(), ar: new Map() };

export function loadNameSpellings(dataDir: string): NameSpellings {
  const path = join(dataDir, 'actors', 'name-spellings.json');
  if (!existsSync(path)) return NO_SPELLINGS;
  const parsed = FileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues[0]?.path.join('.') ?? '?'}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return { en: indexSets(parsed.data.en), ar: indexSets(parsed.data.ar) };
}

interface Swap {
  /** Index of the first and one past the last replaced word. */
  from: number;
  to: number;
  text: string;
}

/** Most variants kept per name: a long name varies in many words, and each variant costs a lexicon entry. */
const MAX_VARIANTS = 24;

/** The name with one or two of its words spelled another way (the name itself first). Separators (spaces,
 * hyphens) stay as written; a replacement keeps the case of the word's first letter. */
export function spellingVariants(name: string, spellings: NameSpellings): string[] {
  const index = /[\u0600-\u06ff]/.test(name) ? spellings.ar : spellings.en;
  if (index.size === 0) return [name];
  const parts = name.split(/([\s-]+)/); // words at even indices, separators at odd
  const words = parts.filter((_, i) => i % 2 === 0);
  const lower = words.map((w) => w.toLowerCase());
  const swaps: Swap[] = [];
  for (let i = 0; i < words.length; i++)
    for (const { own, set } of index.get(lower[i] as string) ?? []) {
      if (!own.words.every((w, k) => lower[i + k] === w)) continue;
      for (const other of set) if (other !== own) swaps.push({ from: i, to: i + own.words.length, text: other.text });
    }
  const render = (chosen: Swap[]): string => {
    const out: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const s = chosen.find((c) => c.from === i);
      if (s) {
        out.push(cased(s.text, words[i] as string));
        i = s.to - 1;
      } else out.push(words[i] as string);
      if (i < words.length - 1) out.push(parts[2 * i + 1] as string);
    }
    return out.join('');
  };
  const variants = new Set([name]);
  for (const s of swaps) variants.add(render([s]));
  for (let a = 0; a < swaps.length && variants.size < MAX_VARIANTS; a++)
    for (let b = a + 1; b < swaps.length && variants.size < MAX_VARIANTS; b++) {
      const x = swaps[a] as Swap;
      const y = swaps[b] as Swap;
      if (x.to <= y.from || y.to <= x.from) variants.add(render([x, y]));
    }
  return [...variants].slice(0, MAX_VARIANTS);
}

/** The replacement with the first letter in the case of the word it replaces (abu / Abu). */
function cased(word: string, like: string): string {
  const first = like[0] ?? '';
  const lower = first === first.toLowerCase() && first !== first.toUpperCase();
  return lower ? word.charAt(0).toLowerCase() + word.slice(1) : word;
}
