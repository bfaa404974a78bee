// One sentence's reporting frames, found in a single left-to-right pass over its tokens.
import type { Lang, Span, Token } from '../document.js';
import type { AttributionLexicon, LangFrames } from '../lexicon/attribution.js';
import { hasAny, hasVerb, matchPhrase, outletAccepter, skipLetters, variants } from './tokens.js';

/** A frame as found: a named claimant (`who`), or a continuation ('cont') naming only a head word or nothing. */
export interface RawFrame extends Span {
  kind: 'new' | 'cont';
  /** Display name for 'new' frames. */
  who: string;
  /** Head word for the claimant type (مجله, report), folded without ال; '' when none. */
  head: string;
  /** The claimant's words, for the speaker-is-source check. */
  claim: Span | null;
  /** Token offset of the frame inside its sentence (paragraph continuation must open the sentence). */
  at: number;
}

export interface SentenceScan {
  background: boolean;
  frames: RawFrame[];
}

interface Claimant {
  kind: 'new' | 'cont';
  who: string;
  head: string;
  claim: Span | null;
  end: number;
}

interface Ctx {
  text: string;
  norm: string;
  toks: Token[];
  lo: number;
  hi: number;
  lang: Lang;
  fr: LangFrames;
  lex: AttributionLexicon;
}

const PUNCT_STOP = /^[.,،؛;:!?؟"()[\]«»]$/;

function headKey(v: string): string {
  return v.startsWith('ال') && v.length > 3 ? v.slice(2) : v;
}

function isHead(c: Ctx, t: Token | undefined): string | null {
  if (t === undefined || t.kind !== 'word') return null;
  const v = hasAny(c.fr.heads, variants(t.norm, c.lang));
  return v === null ? null : headKey(v.key);
}

function isVerb(c: Ctx, t: Token): boolean {
  return hasVerb(c.fr.verbs, t.norm, c.lang);
}

/** Arabic adjective after a head word (المجلة الأمريكية): definite and ending in a nisba. */
function isNisba(c: Ctx, t: Token | undefined): boolean {
  return c.lang === 'ar' && t !== undefined && /^ال.+(يه|ي|يين|يون)$/.test(t.norm);
}

function ends(c: Ctx, t: Token | undefined): boolean {
  return t === undefined || (t.kind === 'punct' && PUNCT_STOP.test(t.norm)) || c.fr.stop.has(t.norm);
}

/** An unnamed claimant: 1-4 words up to punctuation, a stop word or a verb. */
function freeName(c: Ctx, j: number, max: number): { span: Span; end: number } | null {
  let k = j;
  let last = -1;
  let words = 0;
  while (k < c.hi && words < max) {
    const t = c.toks[k] as Token;
    // English possessive: Iran 's foreign ministry.
    if (c.lang === 'en' && t.norm === "'" && c.toks[k + 1]?.norm === 's' && last >= 0) {
      k += 2;
      last = k - 1;
      continue;
    }
    if (t.kind === 'punct' && t.norm === '-' && last >= 0) {
      k++;
      continue;
    }
    if (t.kind === 'punct' || ends(c, t) || isVerb(c, t)) break;
    last = k;
    words++;
    k++;
  }
  if (last < 0) return null;
  const first = c.toks[j] as Token;
  const lastTok = c.toks[last] as Token;
  return { span: { start: first.start, end: lastTok.end }, end: last + 1 };
}

function outletAt(c: Ctx, j: number, afterHead: boolean): Claimant | null {
  const hit = matchPhrase(c.lex.outlets, c.toks, j, c.hi, c.lang, outletAccepter(c.text, afterHead));
  if (hit === null) return null;
  const first = c.toks[j] as Token;
  const start = skipLetters(c.norm, first.start, hit.cut);
  const last = c.toks[hit.end - 1] as Token;
  let end = hit.end;
  while (end < c.hi && (isNisba(c, c.toks[end]) || isHead(c, c.toks[end]) !== null)) end++; // نيويورك تايمز الأمريكية
  return { kind: 'new', who: hit.entry.value.name, head: '', claim: { start, end: last.end }, end };
}

/** An unnamed claimant opens with a source noun (officials, مصادر), or in English a capitalised name. */
function mayClaim(c: Ctx, j: number): boolean {
  const t = c.toks[j] as Token;
  if (c.lang === 'en') {
    if (/^[A-Z]/.test(c.text[t.start] ?? '')) return true;
    // "the Iranian foreign minister": look past up to two modifiers for the source noun.
    for (let k = j; k < Math.min(j + 3, c.hi); k++) if (c.fr.claimants.has((c.toks[k] as Token).norm)) return true;
    return false;
  }
  for (const v of variants(t.norm, c.lang)) {
    if (c.fr.claimants.has(v.key) || (v.key.startsWith('ال') && c.fr.claimants.has(v.key.slice(2)))) return true;
  }
  return false;
}

/**
 * The claimant at token j. `strong` frames (according to, بحسب) also take an unknown name; weak ones (verbs)
 * need an outlet, or a head word with a name (كشف موقع X), or a bare head word (a continuation).
 */
function claimant(c: Ctx, j0: number, strong: boolean): Claimant | null {
  let j = j0;
  for (let n = 0; n < 3 && j < c.hi; n++) {
    const t = c.toks[j] as Token;
    if (hasAny(c.fr.skip, variants(t.norm, c.lang)) !== null || (c.lang === 'ar' && isVerb(c, t))) j++;
    else break;
  }
  if (j >= c.hi) return null;
  const outlet = outletAt(c, j, false);
  if (outlet !== null) return outlet;
  const head = isHead(c, c.toks[j]);
  if (head !== null) {
    let k = j + 1;
    while (k < c.hi && (isHead(c, c.toks[k]) !== null || c.toks[k]?.norm === 'انباء')) k++;
    const named = outletAt(c, k, true);
    if (named !== null) return { ...named, head };
    let m = k;
    while (m < c.hi && isNisba(c, c.toks[m])) m++;
    if (ends(c, c.toks[m]) || isVerb(c, c.toks[m] as Token)) {
      return { kind: 'cont', who: '', head, claim: null, end: m };
    }
    const free = freeName(c, k, 3);
    if (free === null) return null;
    return { kind: 'new', who: c.text.slice(free.span.start, free.span.end), head, claim: free.span, end: free.end };
  }
  if (!strong) return null;
  const first = c.toks[j] as Token;
  if (!mayClaim(c, j)) return null;
  const free = freeName(c, j, 4);
  if (free === null) return null;
  // وفقا لمصادر: the ل belongs to the frame, not to the name.
  const cut = c.lang === 'ar' && j === j0 && first.norm.startsWith('ل') && first.norm.length > 3 ? 1 : 0;
  const start = skipLetters(c.norm, first.start, cut);
  const span = { start, end: free.span.end };
  return { kind: 'new', who: c.text.slice(span.start, span.end), head: '', claim: span, end: free.end };
}

/** Skip an inner source (نقلت X عن Y, X citing Y): the outer one is the attribution. */
function skipNested(c: Ctx, e: number): number {
  let k = e;
  if (c.toks[k]?.norm === ',' || c.toks[k]?.norm === '،') k++;
  const t = c.toks[k];
  if (t === undefined || hasAny(c.fr.nested, variants(t.norm, c.lang)) === null) return e;
  let j = k + 1;
  if (c.toks[j]?.norm === 'عن') j++; // نقلا عن
  const inner = claimant(c, j, true);
  return inner === null ? k + 1 : inner.end;
}

function frame(c: Ctx, startTok: number, from: number, cl: Claimant): RawFrame {
  const start = Math.min(c.toks[startTok]?.start ?? 0, cl.claim?.start ?? Infinity);
  const endTok = c.toks[Math.max(cl.end - 1, from)] as Token;
  return { start, end: endTok.end, kind: cl.kind, who: cl.who, head: cl.head, claim: cl.claim, at: startTok - c.lo };
}

function isBackground(c: Ctx): boolean {
  for (let i = c.lo; i < Math.min(c.lo + 2, c.hi); i++) {
    if (matchPhrase(c.fr.background, c.toks, i, c.hi, c.lang) !== null) return true;
  }
  return false;
}

/** English subject before a verb: "Reuters said", "the Tehran Times newspaper reported", "it added". */
function subjectBefore(c: Ctx, i: number): Claimant | null {
  let k = i - 1;
  while (k >= c.lo && c.fr.skip.has((c.toks[k] as Token).norm) && (c.toks[k] as Token).norm !== 'the') k--;
  let head = '';
  while (k >= c.lo && isHead(c, c.toks[k]) !== null) head ||= isHead(c, c.toks[k--]) ?? '';
  for (let s = Math.max(c.lo, k - 4); s <= k; s++) {
    const o = outletAt(c, s, head !== '');
    if (o !== null && (o.end === k + 1 || o.end === i)) return { ...o, head, end: i + 1 };
  }
  if (head !== '' || (k >= c.lo && (c.toks[k] as Token).norm === 'it')) {
    return { kind: 'cont', who: '', head, claim: null, end: i + 1 };
  }
  return null;
}

function scanEnglish(c: Ctx, out: RawFrame[]): void {
  for (let i = c.lo; i < c.hi; i++) {
    const t = c.toks[i] as Token;
    if (t.kind !== 'word') continue;
    const pre = matchPhrase(c.fr.prefix, c.toks, i, c.hi, c.lang);
    if (pre !== null) {
      const nesting = c.fr.nested.has(t.norm);
      if (nesting) {
        // "Reuters, citing Tasnim": the outlet before the comma is the outer source.
        const before = subjectBefore(c, i - (c.toks[i - 1]?.norm === ',' ? 1 : 0));
        if (before !== null && before.kind === 'new') {
          out.push(frame(c, i, i, { ...before, end: i + 1 }));
          i = skipNested(c, i) - 1;
          continue;
        }
        if (out.length > 0) {
          i = skipNested(c, i) - 1;
          continue;
        }
      }
      const cl = claimant(c, pre.end, true);
      if (cl !== null) {
        out.push(frame(c, i, pre.end - 1, cl));
        i = skipNested(c, cl.end) - 1;
      }
      continue;
    }
    if (!c.fr.verbs.has(t.norm)) continue;
    if (t.norm === 'told') {
      const cl = claimant(c, i + 1, false);
      if (cl !== null && cl.kind === 'new') out.push(frame(c, i, i, cl));
      continue;
    }
    const subj = subjectBefore(c, i);
    if (subj === null) continue;
    const f = frame(c, i, i, subj);
    f.start = Math.min(f.start, t.start);
    out.push(f);
    if (t.norm === 'quoted' || t.norm === 'cited') i = skipNested(c, i) - 1;
  }
}

function scanArabic(c: Ctx, out: RawFrame[]): void {
  let words = 0;
  for (let i = c.lo; i < c.hi; i++) {
    const t = c.toks[i] as Token;
    if (t.kind !== 'word') continue;
    words++;
    const pre = matchPhrase(c.fr.prefix, c.toks, i, c.hi, c.lang);
    if (pre !== null) {
      if (c.fr.nested.has(pre.entry.tokens[0] ?? '') && out.length > 0) {
        i = skipNested(c, i) - 1; // a later نقلا عن inside an outer account
        continue;
      }
      const cl = claimant(c, pre.end, true);
      if (cl !== null) {
        out.push(frame(c, i, pre.end - 1, cl));
        i = skipNested(c, cl.end) - 1;
      }
      continue;
    }
    if (isVerb(c, t)) {
      const cl = claimant(c, i + 1, false);
      if (cl !== null) {
        out.push(frame(c, i, i, cl));
        i = skipNested(c, cl.end) - 1;
        continue;
      }
      // Bare continuation at the sentence start: وأردفت أن ..., وأضافت:
      const next = c.toks[i + 1];
      const bare = next === undefined || next.kind === 'punct' || c.fr.bareNext.has(next.norm);
      if (bare && words <= 2) out.push({ start: t.start, end: t.end, kind: 'cont', who: '', head: '', claim: null, at: i - c.lo });
      continue;
    }
    // قال لوكالة رويترز / في تصريح لصحيفة X: the outlet the words were given to.
    if (t.norm.length > 3 && /^و?ل/.test(t.norm) && toldContext(c, i)) {
      const cl = claimant(c, i, false);
      if (cl !== null && cl.kind === 'new') {
        out.push(frame(c, i, i, cl));
        i = cl.end - 1;
      }
    }
  }
}

function toldContext(c: Ctx, i: number): boolean {
  for (let k = Math.max(c.lo, i - 4); k < i; k++) {
    const t = c.toks[k] as Token;
    if (isVerb(c, t) || hasAny(c.fr.told, variants(t.norm, c.lang)) !== null) return true;
  }
  return false;
}

/** Frames of the sentence whose tokens are toks[lo, hi). */
export function scanSentence(
  lex: AttributionLexicon,
  doc: { text: string; norm: string; lang: Lang },
  toks: Token[],
  lo: number,
  hi: number,
): SentenceScan {
  const c: Ctx = { text: doc.text, norm: doc.norm, toks, lo, hi, lang: doc.lang, fr: lex.frames[doc.lang], lex };
  if (isBackground(c)) return { background: true, frames: [] };
  const frames: RawFrame[] = [];
  if (doc.lang === 'ar') scanArabic(c, frames);
  else scanEnglish(c, frames);
  return { background: false, frames };
}
