// Word keys for corpus-level matching (merge cues, framing): a folded token reduced to a light stem, so
// that الحدود / حدودية / حدود and "border" / "borders" meet. Not a morphological analyser: the same
// function is applied to lexicon words and to text, which is all matching needs.
import type { Token } from '../document.js';
import type { WordKeys } from '../lexicon/phrases.js';
import { foldKey } from '../stages/normalise.js';

const AR_PREFIXES = ['وبال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'];
const AR_SUFFIXES = ['يين', 'يون', 'يات', 'ات', 'ين', 'ون', 'يه', 'ان', 'ه', 'ي', 'ا'];
const MIN_AR_STEM = 3;

function stemArabic(word: string): string {
  let w = word;
  for (const p of AR_PREFIXES) {
    if (w.startsWith(p) && w.length - p.length >= MIN_AR_STEM) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of AR_SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= MIN_AR_STEM) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  return skeleton(w);
}

/**
 * Drop long vowels and hamza seats after the first letter: spelling varies there (مسئولي / مسؤولين fold to
 * مسيول / مسوول, both -> مسل) far more than in the consonants that carry the root.
 */
function skeleton(w: string): string {
  const bare = w.slice(0, 1) + w.slice(1).replace(/[اويء]/g, '');
  return bare.length >= MIN_AR_STEM ? bare : w;
}

function stemEnglish(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

function isArabicWord(word: string): boolean {
  return /[\u0600-\u06ff]/.test(word);
}

/** The stem of a folded word (the script decides the rules, so mixed-language text works). */
export function stem(norm: string): string {
  return isArabicWord(norm) ? stemArabic(norm) : stemEnglish(norm);
}

/** Stems of a lexicon phrase, folded as text is. */
export function phraseStems(phrase: string): string[] {
  return foldKey(phrase)
    .split(/[\s\-‐]+/)
    .filter((w) => w !== '')
    .map(stem);
}

/** Corpus word keys for the shared phrase matcher: phrases and tokens both reduced to stems. */
export const STEM_KEYS: WordKeys = { phrase: phraseStems, token: (norm) => [stem(norm)] };

/** Index of the first token starting at or after `offset` (tokens are in text order). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
