// Stage 8 — attribution: who the article says makes each claim. A frame (according to X, كشف موقع X) covers
// its sentence and carries on through the paragraph; a continuation (وأضافت، وأشارت المجلة، the report added)
// carries it into the next paragraph; a new frame replaces it; a background marker (يشار إلى أن) ends it.
// A paragraph with no frame of its own that stands between two paragraphs of the same source's account (the
// next one resumes it: وألمحت المجلة) is part of that account too.
import { scanSentence, type RawFrame } from '../attribution/scan.js';
import type { Attribution, CodedEvent, Document, Sentence, Span } from '../document.js';
import type { AttributionLexicon } from '../lexicon/attribution.js';

/** A resolved frame: who, and the claimant's words (to tell a speaker from a source). */
interface Frame extends Attribution {
  claim: Span | null;
  claimText: string;
}

const PARAGRAPH_OPENING = 3; // a continuation must open the new paragraph's first sentence

function foldedSlice(doc: Document, span: Span | null): string {
  return span === null ? '' : doc.norm.slice(span.start, span.end).split('\u0000').join('').trim();
}

/** The speaker of a claim about his own act is not a third-party source. */
function isOwnSpeech(doc: Document, frame: Frame, ev: CodedEvent): boolean {
  const src = ev.source;
  if (src === null || frame.claimText === '') return false;
  if (frame.claim !== null && frame.claim.start < src.end && src.start < frame.claim.end) return true;
  const s = foldedSlice(doc, src);
  return s !== '' && (frame.claimText.includes(s) || s.includes(frame.claimText));
}

/** The frame that covers an event: the last one before its trigger, else the sentence's first ("..., Reuters said"). */
function frameFor(frames: Frame[], ev: CodedEvent): Frame | null {
  let chosen: Frame | null = null;
  for (const f of frames) if (f.start <= ev.trigger.start) chosen = f;
  return chosen ?? frames[0] ?? null;
}

export function createAttributor(lexicon: AttributionLexicon): (doc: Document) => Document {
  return (doc) => {
    const attributions: Attribution[] = [];
    const bySentence = new Map<number, Frame[] | 'background'>();
    /** Paragraphs that open by continuing a source's account, with that source. */
    const resumedBy = new Map<number, string>();
    const lastByHead = new Map<string, Frame>();
    let last: Frame | null = null; // the last frame anywhere before: what "the report added" resumes
    let current: Frame | null = null;
    let paragraph = -1;
    const toks = doc.tokens;
    let lo = 0;
    for (const sentence of doc.sentences) {
      let hi = lo;
      while (hi < toks.length && toks[hi]?.sentence === sentence.index) hi++;
      const scan = scanSentence(lexicon, doc, toks, lo, hi);
      lo = hi;
      const first: RawFrame | undefined = scan.frames[0];
      if (sentence.paragraph !== paragraph) {
        paragraph = sentence.paragraph;
        const continues = first !== undefined && first.kind === 'cont' && first.at < PARAGRAPH_OPENING;
        if (!continues) current = null;
        else {
          const resumed = resolve(doc, first, sentence.index, current, lastByHead, last);
          if (resumed) resumedBy.set(paragraph, resumed.who);
        }
      }
      if (scan.background) {
        current = null;
        bySentence.set(sentence.index, 'background');
        continue;
      }
      const frames: Frame[] = [];
      for (const raw of scan.frames) {
        const resolved = resolve(doc, raw, sentence.index, current, lastByHead, last);
        if (resolved === null) continue;
        frames.push(resolved);
        attributions.push({ start: resolved.start, end: resolved.end, sentence: resolved.sentence, who: resolved.who });
        if (raw.head !== '') lastByHead.set(raw.head, resolved);
        last = resolved;
        current = resolved;
      }
      if (frames.length > 0) bySentence.set(sentence.index, frames);
      else if (current !== null) bySentence.set(sentence.index, [current]);
    }
    fillResumedGaps(doc, bySentence, resumedBy);
    for (const ev of doc.events) {
      const cover = bySentence.get(ev.sentence);
      if (cover === undefined || cover === 'background') {
        ev.attributedTo = null;
        continue;
      }
      const f = frameFor(cover, ev);
      ev.attributedTo = f === null || isOwnSpeech(doc, f, ev) ? null : f.who;
    }
    doc.attributions = attributions;
    return doc;
  };
}

/**
 * Frameless paragraphs between a paragraph whose last sentence is covered by source X and a paragraph that
 * resumes X (its opening continuation resolves to X) take X's last frame.
 */
function fillResumedGaps(doc: Document, bySentence: Map<number, Frame[] | 'background'>, resumedBy: Map<number, string>): void {
  const sentences = doc.sentences;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (s === undefined || bySentence.has(s.index) || i === 0) continue;
    const before = bySentence.get((sentences[i - 1] as Sentence).index);
    if (before === undefined || before === 'background') continue;
    const frame = before[before.length - 1] as Frame;
    let j = i;
    while (j < sentences.length && !bySentence.has((sentences[j] as Sentence).index)) j++;
    const next = sentences[j];
    // The gap must be whole paragraphs, and the paragraph after it must open by resuming the same source.
    const wholeParagraphs = s.paragraph !== (sentences[i - 1] as Sentence).paragraph && next !== undefined && next.paragraph !== (sentences[j - 1] as Sentence).paragraph;
    if (wholeParagraphs && resumedBy.get(next.paragraph) === frame.who) {
      for (let k = i; k < j; k++) bySentence.set((sentences[k] as Sentence).index, [frame]);
    }
    i = j;
  }
}

/** A continuation names the running source, the last one with the same head word (وأشارت المجلة), or with a
 * head word and nothing running, the last source of all. */
function resolve(
  doc: Document,
  raw: RawFrame,
  sentence: number,
  current: Frame | null,
  lastByHead: Map<string, Frame>,
  last: Frame | null,
): Frame | null {
  const span = { start: raw.start, end: raw.end, sentence };
  if (raw.kind === 'new') return { ...span, who: raw.who, claim: raw.claim, claimText: foldedSlice(doc, raw.claim) };
  // A head word ("the report added", وأشارت المجلة) may resume an account after paragraphs of the outlet's own.
  const base = (raw.head !== '' ? (lastByHead.get(raw.head) ?? current ?? last) : current);
  if (base === null || base === undefined) return null;
  return { ...span, who: base.who, claim: base.claim, claimText: base.claimText };
}
