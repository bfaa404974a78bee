// Stage 6 — dates: find time expressions and give each event the date that governs it: one in its own clause
// (closest to the trigger), else in its sentence (closest before, then after), else one carried from an earlier
// sentence of the paragraph when the sentence points back (حينها، at the time), else the publication date —
// never across a "read also" break, where the text that follows is another article.
import type { CodedEvent, Document, EventDate, Sentence, Span, Token } from '../document.js';
import { parsePartial, precisionOf, type PartialDate } from '../dates/calendar.js';
import { placeDate, type Placed } from '../dates/resolve.js';
import { scanSentence } from '../dates/scan.js';
import { lowerBound } from '../events/sentence.js';
import type { DateVocabulary } from '../lexicon/dates.js';

interface Expression extends Span {
  placed: Placed;
  clause: number;
}

interface SentenceDates {
  expressions: Expression[];
  carrier: boolean;
  blocker: boolean;
}

function clauseIndex(sentence: Sentence, offset: number): number {
  const i = sentence.clauses.findIndex((c) => offset >= c.start && offset < c.end);
  return i < 0 ? 0 : i;
}

function sentenceTokens(doc: Document, sentence: Sentence): Token[] {
  const from = lowerBound(doc.tokens, sentence.start);
  let to = from;
  while (to < doc.tokens.length && (doc.tokens[to] as Token).start < sentence.end) to++;
  return doc.tokens.slice(from, to);
}

/** Expressions usable as an event's own date: placed on the calendar and not in the future. */
const usable = (e: Expression): boolean => e.placed.value !== null && !e.placed.future;

function fromExpression(doc: Document, e: Expression, basis: EventDate['basis'] | null = null): EventDate {
  return {
    value: e.placed.value,
    precision: e.placed.precision,
    text: doc.text.slice(e.start, e.end),
    basis: basis ?? (e.placed.relative ? 'relative' : 'text'),
  };
}

function closest(expressions: Expression[], at: number): Expression | null {
  const before = expressions.filter((e) => e.end <= at).pop();
  if (before) return before;
  return expressions.find((e) => e.start >= at) ?? expressions[0] ?? null;
}

export function createDater(vocabulary: DateVocabulary): (doc: Document) => Document {
  return (doc) => {
    const pub: PartialDate | null = parsePartial(doc.meta.published);
    const published: EventDate = pub
      ? { value: doc.meta.published, precision: precisionOf(pub), text: null, basis: 'published' }
      : { value: null, precision: null, text: null, basis: 'none' };
    const perSentence: SentenceDates[] = [];
    let breakOffset = Infinity;
    doc.times = [];
    for (const sentence of doc.sentences) {
      const tokens = sentenceTokens(doc, sentence);
      const scan = scanSentence(tokens, vocabulary, doc.lang === 'ar');
      if (scan.breakAt !== null && breakOffset === Infinity) breakOffset = (tokens[scan.breakAt] as Token).start;
      const expressions: Expression[] = [];
      for (const f of scan.found) {
        const start = (tokens[f.first] as Token).start;
        const end = (tokens[f.last] as Token).end;
        const placed = placeDate(f.raw, pub);
        if (f.raw.kind === 'period') continue;
        expressions.push({ start, end, placed, clause: clauseIndex(sentence, start) });
        doc.times.push({ start, end, sentence: sentence.index, value: placed.value, precision: placed.precision, kind: placed.relative ? 'relative' : 'absolute' });
      }
      perSentence[sentence.index] = { expressions, carrier: scan.carrier, blocker: scan.blocker };
    }

    const dateOf = (event: CodedEvent): EventDate => {
      const sentence = doc.sentences[event.sentence];
      const own = perSentence[event.sentence];
      if (sentence === undefined || own === undefined) return published;
      const candidates = own.expressions.filter(usable);
      const clause = clauseIndex(sentence, event.trigger.start);
      const inClause = candidates.filter((e) => e.clause === clause);
      const pick = closest(inClause.length > 0 ? inClause : candidates, event.trigger.start);
      if (pick) return fromExpression(doc, pick);
      if (own.carrier) {
        for (let s = event.sentence - 1; s >= 0 && (doc.sentences[s] as Sentence).paragraph >= sentence.paragraph - 1; s--) {
          const earlier = (perSentence[s]?.expressions ?? []).filter(usable).pop();
          if (earlier) return fromExpression(doc, earlier, 'anaphoric');
        }
      }
      if (own.blocker || event.trigger.start >= breakOffset) return { value: null, precision: null, text: null, basis: 'none' };
      return published;
    };
    for (const event of doc.events) event.date = dateOf(event);
    return doc;
  };
}
