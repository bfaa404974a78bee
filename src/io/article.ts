// The last step of every reader: fill what the input did not say from the options, check the date and
// the language, and hand back an Article or one error that says what is wrong.
import type { Article, Lang } from '../document.js';
import { checkLanguage, parseLanguageTag } from '../language.js';
import { tooBig, withDefaults } from './limits.js';
import { normalisePublished } from './published.js';
import type { InputError, ReadOptions, ReadResult } from './types.js';

/** What a reader found: every field optional, as raw as the input gave it. */
export interface RawArticle {
  id: string;
  text: string;
  origin: string;
  title?: string | null;
  outlet?: string | null;
  published?: string | null;
  url?: string | null;
  lang?: string | null;
}

export function inputError(origin: string, message: string): ReadResult {
  const error: InputError = { origin, message };
  return { ok: false, error };
}

function blankToNull(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

export function finishArticle(raw: RawArticle, options: ReadOptions): ReadResult {
  if (raw.text.trim() === '') return inputError(raw.origin, 'no article text');
  const { maxArticleBytes } = withDefaults(options.limits);
  const bytes = Buffer.byteLength(raw.text, 'utf8');
  if (bytes > maxArticleBytes) return inputError(raw.origin, tooBig(bytes, maxArticleBytes));
  const publishedRaw = blankToNull(raw.published);
  let published: string | null = options.published ?? null;
  if (publishedRaw !== null) {
    published = normalisePublished(publishedRaw);
    if (published === null) return inputError(raw.origin, `published: '${publishedRaw}' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)`);
  }
  const declared = blankToNull(raw.lang);
  let lang: Lang | null = options.lang ?? null;
  if (declared !== null) {
    lang = parseLanguageTag(declared);
    if (lang === null) return inputError(raw.origin, `unsupported language '${declared}' (Rasad reads ar and en)`);
  }
  if (lang === null) {
    const check = checkLanguage(raw.text);
    if (!check.ok) return inputError(raw.origin, check.message);
    lang = check.lang;
  }
  const article: Article = {
    text: raw.text,
    meta: {
      id: raw.id,
      title: blankToNull(raw.title),
      outlet: blankToNull(raw.outlet),
      published,
      url: blankToNull(raw.url),
      lang,
      origin: raw.origin,
    },
  };
  return { ok: true, article };
}
