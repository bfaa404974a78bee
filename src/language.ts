// Which language an article is in. Arabic script vs Latin script decides ar/en; Arabic-script text that is
// really Persian or Urdu, Latin text that is not English, and text with neither script are unsupported.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { eld as Eld } from 'eld/extrasmall';
import type { Lang } from './document.js';

/**
 * eld's n-gram tables take a few hundred milliseconds to load and are needed only for Latin text with few English
 * function words, so they are loaded on first need. The load must be synchronous (checkLanguage is): Node's
 * require of an ES module does it where Node has it; elsewhere (older Node, a test runner) eld loads up front.
 */
function eldPath(): string | null {
  if ((process.features as { require_module?: boolean }).require_module !== true) return null;
  try {
    return fileURLToPath(import.meta.resolve('eld/extrasmall'));
  } catch {
    return null;
  }
}
const ELD_PATH = eldPath();
let detector: typeof Eld | null = ELD_PATH === null ? (await import('eld/extrasmall')).eld : null;

function eld(): typeof Eld {
  detector ??= (createRequire(import.meta.url)(ELD_PATH as string) as { eld: typeof Eld }).eld;
  return detector;
}

export class UnsupportedLanguageError extends Error {}

export type LanguageCheck = { ok: true; lang: Lang } | { ok: false; message: string };

/** Letters of Persian and Urdu that Arabic does not use (Persian ک/ی stand for Arabic ك/ي). */
const PERSIAN_URDU_LETTERS = new Set(['پ', 'چ', 'ژ', 'گ', 'ی', 'ک', 'ے', 'ں', 'ٹ', 'ڈ', 'ڑ', 'ہ', 'ھ']);
/** Share of Arabic-script letters above which the text is taken as Persian/Urdu: Arabic borrows گ/چ in a few names only. */
const PERSIAN_SHARE = 0.03;
const SAMPLE_CHARS = 20_000;

function isArabicLetter(code: number): boolean {
  return (code >= 0x0620 && code <= 0x064a) || (code >= 0x066e && code <= 0x06d3) || (code >= 0x0750 && code <= 0x077f) || (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff);
}

function isLatinLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}

/** English function words: news English has many, whatever names it is full of. */
const ENGLISH_FUNCTION_WORDS = new Set(['the', 'of', 'and', 'to', 'is', 'was', 'on', 'for', 'with', 'said', 'that', 'by', 'has', 'have', 'from', 'its', 'at', 'an']);
/** Below this many words eld guesses from names alone ("Hamad bin Khalifa"), so the text stays English. */
const MIN_WORDS_TO_REJECT = 8;

/** Latin text is accepted unless eld is confident it is some other language. Short or mixed text stays English. */
function latinIsEnglish(sample: string): { ok: true } | { ok: false; detected: string } {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS_TO_REJECT) return { ok: true };
  const functionWords = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
  if (functionWords / words.length >= 0.08) return { ok: true };
  const result = eld().detect(sample);
  if (!result.language || result.language === 'en' || !result.isReliable()) return { ok: true };
  const scores = result.getScores();
  const top = scores[result.language] ?? 0;
  const english = scores['en'] ?? 0;
  // Close calls (names, quotations, headlines) go to English: the coder only rejects clear cases.
  if (english >= top * 0.9) return { ok: true };
  return { ok: false, detected: result.language };
}

export function checkLanguage(text: string): LanguageCheck {
  const sample = text.slice(0, SAMPLE_CHARS);
  let arabic = 0;
  let persian = 0;
  let latin = 0;
  for (const c of sample) {
    const code = c.charCodeAt(0);
    if (isArabicLetter(code)) {
      arabic++;
      if (PERSIAN_URDU_LETTERS.has(c)) persian++;
    } else if (isLatinLetter(code)) latin++;
  }
  if (arabic === 0 && latin === 0) return { ok: false, message: 'unsupported language: no Arabic or Latin letters found (Rasad reads Arabic and English)' };
  if (arabic >= latin * 0.5) {
    if (persian >= 3 && persian / arabic > PERSIAN_SHARE) {
      return { ok: false, message: 'unsupported language: the text looks Persian or Urdu (letters پ چ ژ گ ی ک are frequent); Rasad reads Arabic and English' };
    }
    return { ok: true, lang: 'ar' };
  }
  const english = latinIsEnglish(sample);
  if (!english.ok) return { ok: false, message: `unsupported language: the text looks like '${english.detected}', not English; Rasad reads Arabic and English` };
  return { ok: true, lang: 'en' };
}

/** The article's language; throws UnsupportedLanguageError with a message a user can act on. */
export function detectLanguage(text: string): Lang {
  const check = checkLanguage(text);
  if (!check.ok) throw new UnsupportedLanguageError(check.message);
  return check.lang;
}

/** A declared language tag (`ar`, `en-GB`, `Arabic`) as a Lang, or null when it names another language. */
export function parseLanguageTag(tag: string): Lang | null {
  const t = tag.trim().toLowerCase();
  if (t === 'ar' || t.startsWith('ar-') || t.startsWith('ar_') || t === 'arabic' || t === 'ara') return 'ar';
  if (t === 'en' || t.startsWith('en-') || t.startsWith('en_') || t === 'english' || t === 'eng') return 'en';
  return null;
}
