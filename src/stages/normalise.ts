// Stage 1 — normalise: fold the text for matching, one character for one character, so that every
// offset into `doc.norm` is also an offset into the original `doc.text`.
//
// Folding: alef/hamza forms -> ا, ى -> ي, ة -> ه, ؤ -> و, ئ -> ي, Persian letters -> Arabic,
// Arabic-Indic and Persian digits -> ASCII, Latin -> lower case, typographic quotes -> ASCII, exotic
// spaces -> space. Diacritics, tatweel, zero-width and bidi controls become IGNORABLE: kept in place
// (so offsets hold) but skipped when tokens build their keys.
import type { Document } from '../document.js';

/** Placeholder for a character that matching should skip (diacritic, tatweel, bidi control). */
export const IGNORABLE = '\u0000';

const FOLD = new Map<string, string>();
function fold(chars: string, to: string): void {
  for (const c of chars) FOLD.set(c, to);
}
fold('أإآٱٲٳ', 'ا');
fold('ى', 'ي');
fold('ة', 'ه');
fold('ؤ', 'و');
fold('ئ', 'ي');
fold('ۀ', 'ه');
fold('کګ', 'ك');
fold('گ', 'ك');
fold('یێ', 'ي');
fold('ڤ', 'ف');
fold('ﻻ', 'ل'); // rare presentation form; a 1:1 fold keeps offsets
fold('’‘ʼ`´′', "'");
fold('“”„«»″', '"');
fold('\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000', ' ');
fold('\u2010\u2011\u2012\u2013\u2014\u2015\u2212', '-');
for (let d = 0; d < 10; d++) {
  FOLD.set(String.fromCharCode(0x0660 + d), String(d));
  FOLD.set(String.fromCharCode(0x06f0 + d), String(d));
}

function isIgnorable(code: number): boolean {
  return (
    (code >= 0x064b && code <= 0x065f) || // harakat, shadda, sukun
    code === 0x0670 || // superscript alef
    code === 0x0640 || // tatweel
    (code >= 0x0610 && code <= 0x061a) ||
    (code >= 0x06d6 && code <= 0x06ed) ||
    (code >= 0x200b && code <= 0x200f) || // zero-width, LRM/RLM
    (code >= 0x202a && code <= 0x202e) || // bidi embeddings
    (code >= 0x2066 && code <= 0x2069) || // bidi isolates
    code === 0xfeff ||
    code === 0x00ad // soft hyphen
  );
}

/** Folded code unit per input code unit above ASCII, computed once per distinct character. */
const FOLDED_UNIT = new Map<number, number>();

function foldUnit(code: number): number {
  let folded = FOLDED_UNIT.get(code);
  if (folded === undefined) {
    const c = String.fromCharCode(code);
    const mapped = FOLD.get(c);
    if (mapped !== undefined) folded = mapped.charCodeAt(0);
    else if (isIgnorable(code)) folded = 0;
    else {
      const lower = c.toLowerCase();
      folded = lower.length === 1 ? lower.charCodeAt(0) : code;
    }
    FOLDED_UNIT.set(code, folded);
  }
  return folded;
}

const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** Fold one string for matching. The result has exactly the same length (UTF-16 units) as the input. */
export function foldText(text: string): string {
  const units = new Uint16Array(text.length);
  let surrogates = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    units[i] = code < 0x80 ? (code >= 65 && code <= 90 ? code + 32 : code) : foldUnit(code);
    if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
  }
  // The decoder is fastest, but it would replace a lone surrogate: such text goes through fromCharCode, in
  // chunks because it takes its units as call arguments.
  if (!surrogates) return UTF16.decode(units);
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode.apply(null, Array.from(units.subarray(i, i + 8192)));
  return out;
}

/** Fold a lexicon key or query the same way as text, dropping ignorables and squeezing spaces. */
export function foldKey(key: string): string {
  return foldText(key).split(IGNORABLE).join('').replace(/\s+/g, ' ').trim();
}

export function normalise(doc: Document): Document {
  doc.norm = foldText(doc.text);
  return doc;
}
