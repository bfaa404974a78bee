// Stage 8 — attribution: who the article says makes each claim. A frame (according to X, كشف موقع X) covers
// its sentence and carries on through the paragraph; a continuation (وأضافت، وأشارت المجلة، the report added)
// carries it into the next paragraph; a new frame replaces it; a background marker (يشار إلى أن) ends it.
import { scanSentence, type RawFrame } from '../attribution/scan.js';
import type { Attribution, CodedEvent, Document, Span } from '../document.js';
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
    const lastByHead = new Map<string, Frame>();
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
      }
      if (scan.background) {
        current = null;
        bySentence.set(sentence.index, 'background');
        continue;
      }
      const frames: Frame[] = [];
      for (const raw of scan.frames) {
        const resolved = resolve(doc, raw, sentence.index, current, lastByHead);
        if (resolved === null) continue;
        frames.push(resolved);
        attributions.push({ start: resolved.start, end: resolved.end, sentence: resolved.sentence, who: resolved.who });
        if (raw.head !== '') lastByHead.set(raw.head, resolved);
        current = resolved;
      }
      if (frames.length > 0) bySentence.set(sentence.index, frames);
      else if (current !== null) bySentence.set(sentence.index, [current]);
    }
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

/** A continuation names the running source, or the last one with the same head word (وأشارت المجلة). */
function resolve(
  doc: Document,
  raw: RawFrame,
  sentence: number,
  current: Frame | null,
  lastByHead: Map<string, Frame>,
): Frame | null {
  const span = { start: raw.start, end: raw.end, sentence };
  if (raw.kind === 'new') return { ...span, who: raw.who, claim: raw.claim, claimText: foldedSlice(doc, raw.claim) };
  const base = (raw.head !== '' ? lastByHead.get(raw.head) : undefined) ?? current;
  if (base === null || base === undefined) return null;
  return { ...span, who: base.who, claim: base.claim, claimText: base.claimText };
}
