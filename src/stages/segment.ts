// Stage 2 — segment: paragraphs, sentences, clauses and tokens, all as offsets into the original text.
// Works on `doc.norm` (same offsets as `doc.text`), so it needs the normalise stage first.
import type { Document, Sentence, Span, Token } from '../document.js';
import { IGNORABLE } from './normalise.js';

// English abbreviations whose period does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'gov', 'sen', 'rep', 'st',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'etc', 'inc',
  'co', 'corp', 'ltd', 'jr', 'sr', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m', 'sheikh', 'h.e', 'h.h',
]);

// Words that open a new clause inside a long Arabic sentence (folded forms, clitic و/ف allowed before them).
const ARABIC_CLAUSE_OPENERS = new Set([
  'ثم', 'حيث', 'بينما', 'فيما', 'كما', 'اذ', 'عندما', 'حين', 'حينما', 'بعدما', 'لكن', 'لكنها', 'لكنه', 'بل',
  'حينها', 'حينذاك', 'عقب', 'بعد', 'قبل', 'اما', 'الا',
]);
const ENGLISH_CLAUSE_OPENERS = new Set(['while', 'whereas', 'but', 'although', 'though', 'after', 'before', 'when']);
/** قبل/بعد/عقب before a time word are a time of the clause, not a new one (قبل ظهر أمس، بعد يومين، عقب ساعات). */
const ARABIC_TIME_PREPOSITIONS = new Set(['قبل', 'بعد', 'عقب']);
const ARABIC_TIME_WORDS = new Set([
  'ظهر', 'منتصف', 'فجر', 'يوم', 'يومين', 'ايام', 'ساعه', 'ساعتين', 'ساعات', 'دقائق', 'اسبوع', 'اسبوعين', 'اسابيع',
  'شهر', 'شهرين', 'اشهر', 'شهور', 'سنه', 'سنتين', 'سنوات', 'عام', 'عامين', 'اعوام', 'امس', 'نحو', 'حوالي', 'قليل',
]);

function timeAfter(next: Token | undefined): boolean {
  return next !== undefined && ARABIC_TIME_WORDS.has(next.norm.replace(/^ال(?=...)/, ''));
}

const SENTENCE_END = /[.!?؟…]/;
const CLAUSE_PUNCT = /[،؛;:]/;

const WORD_CHAR = new Map<string, boolean>();
function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 0;
  // Letters and marks outside ASCII: decided once per distinct character.
  let word = WORD_CHAR.get(c);
  if (word === undefined) {
    word = /[\p{L}\p{M}]/u.test(c);
    WORD_CHAR.set(c, word);
  }
  return word;
}
function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** Split folded text into word, number and punctuation tokens (no sentence index yet). */
export function tokenise(norm: string, offset = 0, end = norm.length): Token[] {
  const tokens: Token[] = [];
  let i = offset;
  while (i < end) {
    const c = norm[i] as string;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === IGNORABLE) {
      i++;
      continue;
    }
    const start = i;
    let kind: Token['kind'];
    if (isDigit(c)) {
      kind = 'number';
      while (i < end && (isDigit(norm[i] as string) || norm[i] === IGNORABLE)) i++;
    } else if (isWordChar(c)) {
      kind = 'word';
      while (i < end && isWordChar(norm[i] as string)) i++;
    } else {
      kind = 'punct';
      i++;
    }
    let stop = i;
    while (stop > start && norm[stop - 1] === IGNORABLE) stop--;
    const raw = norm.slice(start, stop);
    const key = raw.includes(IGNORABLE) ? raw.split(IGNORABLE).join('') : raw;
    tokens.push({ start, end: stop, norm: key, kind, sentence: -1 });
  }
  return tokens;
}

function endsWithAbbreviation(norm: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && /[a-z.]/.test(norm[i] as string)) i--;
  const word = norm.slice(i + 1, dot);
  if (ABBREVIATIONS.has(word)) return true;
  // Single capital initial ("J. Smith") or a dotted acronym ("U.S.").
  return /^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]$/.test(word);
}

/**
 * Longest sentence kept whole (real ones stay under ~600 characters): a longer run without end punctuation
 * is cut at a space, so per-sentence work stays bounded on hostile input.
 */
const MAX_SENTENCE_CHARS = 2000;

/** Sentence spans: split at end punctuation followed by space, and at every line break. */
function sentenceSpans(norm: string): Array<Span & { paragraph: number }> {
  const spans: Array<Span & { paragraph: number }> = [];
  let paragraph = 0;
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s|\u0000/.test(norm[s] as string)) s++;
    while (e > s && /\s|\u0000/.test(norm[e - 1] as string)) e--;
    while (e - s > MAX_SENTENCE_CHARS) {
      const space = norm.lastIndexOf(' ', s + MAX_SENTENCE_CHARS);
      const cut = space > s ? space : s + MAX_SENTENCE_CHARS;
      spans.push({ start: s, end: cut, paragraph });
      s = cut;
      while (s < e && /\s|\u0000/.test(norm[s] as string)) s++;
    }
    if (e > s) spans.push({ start: s, end: e, paragraph });
  };
  for (let i = 0; i < norm.length; i++) {
    const c = norm[i] as string;
    if (c === '\n') {
      push(i);
      start = i + 1;
      if (/^\n|^\r\n|^[ \t]*\n/.test(norm.slice(i + 1, i + 4))) paragraph++;
      continue;
    }
    if (!SENTENCE_END.test(c)) continue;
    // Absorb runs of end punctuation and closing quotes/brackets.
    let j = i + 1;
    while (j < norm.length && /[.!?؟…"')\]]/.test(norm[j] as string)) j++;
    const next = norm[j];
    if (next !== undefined && next !== ' ' && next !== '\n' && next !== '\t') continue;
    if (c === '.' && endsWithAbbreviation(norm, i)) continue;
    if (c === '.' && isDigit(norm[i - 1] ?? '') && isDigit(norm[j + 1] ?? '')) continue;
    push(j);
    start = j;
    i = j - 1;
  }
  push(norm.length);
  return spans;
}

/** Clause spans inside one sentence: at clause punctuation and before clause-opening words. */
function clauseSpans(sentence: Span, tokens: Token[], lang: Document['lang']): Span[] {
  const cuts: number[] = [];
  tokens.forEach((t, i) => {
    if (i === 0) return;
    const previous = tokens[i - 1] as Token;
    const afterPunct = previous.kind === 'punct' && (CLAUSE_PUNCT.test(previous.norm) || previous.norm === ',');
    if (t.kind === 'punct' && CLAUSE_PUNCT.test(t.norm)) cuts.push(t.end);
    else if (t.kind === 'punct' && t.norm === ',' && lang === 'ar') cuts.push(t.end);
    else if (t.kind === 'word' && !afterPunct) {
      const w = lang === 'ar' ? t.norm.replace(/^[وف](?=..)/, '') : t.norm;
      const opener = lang === 'ar' ? ARABIC_CLAUSE_OPENERS : ENGLISH_CLAUSE_OPENERS;
      // من قبل X is "by X" (a passive's agent), not "before".
      const temporal = lang === 'ar' && ARABIC_TIME_PREPOSITIONS.has(w) && (timeAfter(tokens[i + 1]) || (w === 'قبل' && previous.norm === 'من'));
      if ((opener.has(w) || (lang === 'ar' && opener.has(t.norm))) && !temporal) cuts.push(t.start);
    }
  });
  const clauses: Span[] = [];
  let start = sentence.start;
  for (const cut of cuts) {
    if (cut > start && cut < sentence.end) {
      clauses.push({ start, end: cut });
      start = cut;
    }
  }
  clauses.push({ start, end: sentence.end });
  return clauses;
}

export function segment(doc: Document): Document {
  const spans = sentenceSpans(doc.norm);
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  spans.forEach((span, index) => {
    const own = tokenise(doc.norm, span.start, span.end);
    // One push per token: spreading a sentence's tokens overflows the stack on a huge unpunctuated sentence.
    for (const t of own) {
      t.sentence = index;
      tokens.push(t);
    }
    sentences.push({ ...span, index, clauses: clauseSpans(span, own, doc.lang) });
  });
  doc.sentences = sentences;
  doc.tokens = tokens;
  return doc;
}
