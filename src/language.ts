// Which language an article is in: Arabic script vs Latin script decides ar/en; anything else is unsupported.
import type { Lang } from './document.js';

export class UnsupportedLanguageError extends Error {}

export function detectLanguage(text: string): Lang {
  let arabic = 0;
  let latin = 0;
  for (const c of text.slice(0, 20_000)) {
    const code = c.charCodeAt(0);
    if ((code >= 0x0600 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f) || (code >= 0xfb50 && code <= 0xfeff)) arabic++;
    else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++;
  }
  if (arabic === 0 && latin === 0) throw new UnsupportedLanguageError('no Arabic or Latin letters found');
  return arabic >= latin * 0.5 ? 'ar' : 'en';
}
