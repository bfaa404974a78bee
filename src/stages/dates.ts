// Stage 6 — dates: find time expressions and give each event the date that governs it.
//  1. A date belongs to the nearest event trigger of its clause (else, see `owners`, of its sentence); an event
//     takes the nearest date that belongs to it ("X visited Y in May 1999 and Z attended in 2007": each its own).
//  2. Else a date in its own clause, else the closest date before it in the sentence, unless a blocker stands
//     between (عقب ذلك, later: the text says the time moved on by an unknown amount).
//  3. Else a date carried from an earlier sentence of the paragraph (or the one before) when the sentence points
//     back (حينها, at the time, في ضوء ذلك).
//  4. Else, for a list lead-in ending with a colon, the date of the first item after it.
//  5. Else the publication date (basis "published") — never after a blocker, and never across a "read also"
//     break, where the text that follows is another article.
// Dates in a clause that speaks of the future (will, سوف) place bare months and weekdays forward; future dates
// are the content of an intent and never an event's own date. Named episodes (the Gulf crisis) are dates only
// when they govern the clause (مع بداية الأزمة, during the crisis); a bare head (الأزمة) names the last one mentioned.
import type { CodedEvent, Document, EventDate, Sentence, Span, Token } from '../document.js';
import { parsePartial, precisionOf, type PartialDate } from '../dates/calendar.js';
import { placeDate, type Placed } from '../dates/resolve.js';
import { mayHoldDate, scanSentence, type RawDate, type SentenceScan } from '../dates/scan.js';
import { lowerBound } from '../events/sentence.js';
import type { DateVocabulary } from '../lexicon/dates.js';

interface Expression extends Span {
  placed: Placed;
  clause: number;
  /** "the 2015 nuclear agreement": a year that modifies the noun after it dates only a trigger up to here. */
  modifies?: number;
}

/** Words before a year that make it a noun's modifier in English (the 2015 deal, its 1994 genocide). */
const EN_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'that', 'our']);
/** How many words after a modifying year its noun may stand (the 2015 nuclear agreement). */
const MODIFIED_REACH = 3;

/** Offset up to which a bare English year right after a determiner modifies the words after it, or undefined. */
function modifiedSpan(tokens: Token[], first: number, last: number, placed: Placed): number | undefined {
  if (placed.precision !== 'year' || first !== last) return undefined;
  if (!EN_DETERMINERS.has(tokens[first - 1]?.norm ?? '') || tokens[last + 1]?.kind !== 'word') return undefined;
  let end = last;
  while (end < last + MODIFIED_REACH && tokens[end + 1]?.kind === 'word') end++;
  return (tokens[end] as Token).end;
}

/** Can the date be the event's own? A modifying year dates only the noun it modifies. */
function canDate(e: Expression, trigger: Span): boolean {
  return e.modifies === undefined || (trigger.start >= e.end && trigger.start < e.modifies);
}

interface SentenceDates {
  expressions: Expression[];
  /** Character offsets of blockers (عقب ذلك): no earlier date governs what follows them. */
  blockers: number[];
  carrier: boolean;
  blocker: boolean;
}

/** How much farther a date before a trigger may be than one after it and still be its date. */
const BEFORE_WEIGHT = 2;

function clauseIndex(sentence: Sentence, offset: number): number {
  const clauses = sentence.clauses;
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i] as Span;
    if (offset >= c.start && offset < c.end) return i;
  }
  return 0;
}

/** Index of the first token at or after `sentence.start`, searching from `from` (sentences come in text order). */
function firstTokenOf(doc: Document, sentence: Sentence, from: number): number {
  const tokens = doc.tokens;
  // A sentence starting before the previous one's tokens (never made by segment) is searched from the top.
  if (from > 0 && (tokens[from - 1] as Token).start >= sentence.start) return lowerBound(tokens, sentence.start);
  let i = from;
  while (i < tokens.length && (tokens[i] as Token).start < sentence.start) i++;
  return i;
}

/** What most sentences hold: no date, no marker. Shared, and never written to. */
const NO_DATES: SentenceDates = { expressions: [], blockers: [], carrier: false, blocker: false };

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

/** Distance from a trigger to a date, dates before the trigger counting double. */
function distance(trigger: Span, e: Span): number {
  return e.end <= trigger.start ? (trigger.start - e.end) * BEFORE_WEIGHT : Math.max(0, e.start - trigger.end);
}

function nearest(expressions: Expression[], trigger: Span): Expression | null {
  let best: Expression | null = null;
  for (const e of expressions) if (best === null || distance(trigger, e) < distance(trigger, best)) best = e;
  return best;
}

/** Episodes named so far, by head: the last one named with that head wins. */
class EpisodeMemory {
  private readonly byHead = new Map<string, number>();
  constructor(private readonly vocabulary: DateVocabulary) {}

  /** The date an episode mention stands for, or null (an unknown head, an undated list entry). */
  resolve(raw: RawDate): RawDate | null {
    let index: number | undefined;
    if (raw.kind === 'episode') {
      index = raw.episode;
      for (const head of this.vocabulary.episodeList[index]?.heads ?? []) this.byHead.set(head, index);
    } else if (raw.kind === 'episodeHead') index = this.byHead.get(raw.head);
    else return raw;
    const date = index === undefined ? null : parsePartial(this.vocabulary.episodeList[index]?.date ?? null);
    return date === null || !raw.governed ? null : { kind: 'absolute', date };
  }
}

function scanDates(doc: Document, vocabulary: DateVocabulary, pub: PartialDate | null): { perSentence: SentenceDates[]; breakOffset: number } {
  const perSentence: SentenceDates[] = [];
  const episodes = new EpisodeMemory(vocabulary);
  let breakOffset = Infinity;
  doc.times = [];
  let next = 0;
  for (const sentence of doc.sentences) {
    const from = firstTokenOf(doc, sentence, next);
    next = from;
    while (next < doc.tokens.length && (doc.tokens[next] as Token).start < sentence.end) next++;
    if (!mayHoldDate(doc.tokens, vocabulary, doc.lang === 'ar', from, next)) {
      perSentence[sentence.index] = NO_DATES;
      continue;
    }
    const tokens = doc.tokens.slice(from, next);
    const scan: SentenceScan = scanSentence(tokens, vocabulary, doc.lang === 'ar', doc.text);
    if (scan.found.length === 0 && scan.breakAt === null && scan.blockersAt.length === 0 && !scan.carrier && !scan.blocker) {
      perSentence[sentence.index] = NO_DATES;
      continue;
    }
    if (scan.breakAt !== null && breakOffset === Infinity) breakOffset = (tokens[scan.breakAt] as Token).start;
    const futureClauses = new Set(scan.futureAt.map((i) => clauseIndex(sentence, (tokens[i] as Token).start)));
    const expressions: Expression[] = [];
    for (const f of scan.found) {
      const raw = episodes.resolve(f.raw);
      if (raw === null || raw.kind === 'period') continue;
      const start = (tokens[f.first] as Token).start;
      const end = (tokens[f.last] as Token).end;
      const clause = clauseIndex(sentence, start);
      const placed = placeDate(raw, pub, futureClauses.has(clause));
      const modifies = doc.lang === 'en' ? modifiedSpan(tokens, f.first, f.last, placed) : undefined;
      expressions.push(modifies === undefined ? { start, end, placed, clause } : { start, end, placed, clause, modifies });
      doc.times.push({ start, end, sentence: sentence.index, value: placed.value, precision: placed.precision, kind: placed.relative ? 'relative' : 'absolute' });
    }
    const blockers = scan.blockersAt.map((i) => (tokens[i] as Token).start);
    perSentence[sentence.index] = { expressions, blockers, carrier: scan.carrier, blocker: scan.blocker };
  }
  return { perSentence, breakOffset };
}

/** Is the date all its clause says ("، في 23 ديسمبر 2010،")? At most one word besides it. */
function dateOnlyClause(doc: Document, sentence: Sentence, e: Expression): boolean {
  const clause = sentence.clauses[e.clause];
  if (clause === undefined) return false;
  let words = 0;
  for (let i = lowerBound(doc.tokens, clause.start); i < doc.tokens.length; i++) {
    const t = doc.tokens[i] as Token;
    if (t.start >= clause.end) break;
    if (t.kind === 'word' && (t.end <= e.start || t.start >= e.end)) words++;
  }
  return words <= 1;
}

/**
 * Which event each usable date belongs to: the nearest trigger of its clause. A clause with no trigger gives
 * its date to the nearest trigger after it ("في مايو 1999، عندما قام ... بزيارة"), or to any nearest one when
 * the date is all the clause says; a clause with a predicate of its own that is not coded keeps its date.
 */
function owners(doc: Document, perSentence: SentenceDates[]): Map<Expression, CodedEvent> {
  // Only sentences with a date have anything to own.
  const bySentence = new Map<number, CodedEvent[]>();
  for (const ev of doc.events) {
    if ((perSentence[ev.sentence]?.expressions.length ?? 0) === 0) continue;
    const list = bySentence.get(ev.sentence);
    if (list === undefined) bySentence.set(ev.sentence, [ev]);
    else list.push(ev);
  }
  const owner = new Map<Expression, CodedEvent>();
  for (const [index, events] of bySentence) {
    const sentence = doc.sentences[index];
    if (sentence === undefined) continue;
    for (const e of (perSentence[index]?.expressions ?? []).filter(usable)) {
      if (e.modifies !== undefined) continue; // it dates its own noun only (see canDate)
      const inClause = events.filter((ev) => clauseIndex(sentence, ev.trigger.start) === e.clause);
      const pool = inClause.length > 0 ? inClause : dateOnlyClause(doc, sentence, e) ? events : events.filter((ev) => ev.trigger.start >= e.end);
      let best: CodedEvent | null = null;
      for (const ev of pool) if (best === null || distance(ev.trigger, e) < distance(best.trigger, e)) best = ev;
      if (best) owner.set(e, best);
    }
  }
  return owner;
}

const LIST_ITEM = /^\s*(?:[•·▪●◦*\-–—]|\d{1,2}[.)-])/;

/**
 * A list lead-in ("... hosted three meetings, as follows:") has no time of its own: its items say when. An
 * undated event in a sentence ending with a colon takes the date of the first item that follows, if it is one.
 */
function leadInDate(doc: Document, perSentence: SentenceDates[], index: number): Expression | null {
  const sentence = doc.sentences[index];
  const next = doc.sentences[index + 1];
  if (sentence === undefined || next === undefined) return null;
  if (!/[:：]\s*$/.test(doc.text.slice(sentence.start, sentence.end))) return null;
  if (!LIST_ITEM.test(doc.text.slice(next.start, next.end))) return null;
  return (perSentence[index + 1]?.expressions ?? []).find(usable) ?? null;
}

export function createDater(vocabulary: DateVocabulary): (doc: Document) => Document {
  return (doc) => {
    const pub: PartialDate | null = parsePartial(doc.meta.published);
    const published: EventDate = pub
      ? { value: doc.meta.published, precision: precisionOf(pub), text: null, basis: 'published' }
      : { value: null, precision: null, text: null, basis: 'none' };
    const undated: EventDate = { value: null, precision: null, text: null, basis: 'none' };
    const { perSentence, breakOffset } = scanDates(doc, vocabulary, pub);
    const owner = owners(doc, perSentence);
    // Triggers sharing a span (one trigger, several dyads) share the date: compare by position, not identity.
    const owns = (ev: CodedEvent, e: Expression): boolean => {
      const o = owner.get(e);
      return o !== undefined && o.trigger.start === ev.trigger.start && o.trigger.end === ev.trigger.end;
    };

    /** The sentence's date that governs the event, if one does (a sentence with no date has none). */
    const ownDate = (sentence: Sentence, own: SentenceDates, event: CodedEvent): Expression | undefined => {
      const candidates = own.expressions.filter((e) => usable(e) && canDate(e, event.trigger));
      const clause = clauseIndex(sentence, event.trigger.start);
      const mine = candidates.filter((e) => owns(event, e));
      const inClause = candidates.filter((e) => e.clause === clause);
      const blocked = (e: Expression): boolean => own.blockers.some((b) => b >= e.end && b <= event.trigger.start);
      const before = candidates.filter((e) => e.end <= event.trigger.start && !blocked(e)).pop();
      return nearest(mine.filter((e) => e.clause === clause), event.trigger) ?? nearest(mine, event.trigger) ?? nearest(inClause, event.trigger) ?? before;
    };

    const dateOf = (event: CodedEvent): EventDate => {
      const sentence = doc.sentences[event.sentence];
      const own = perSentence[event.sentence];
      if (sentence === undefined || own === undefined) return published;
      const pick = own.expressions.length === 0 ? undefined : ownDate(sentence, own, event);
      if (pick) return fromExpression(doc, pick);
      if (own.carrier) {
        // This paragraph and the one before it that has text (blank lines do not count as paragraphs).
        const previousParagraph = doc.sentences.slice(0, event.sentence).reverse().find((s) => s.paragraph < sentence.paragraph)?.paragraph ?? sentence.paragraph;
        for (let s = event.sentence - 1; s >= 0 && (doc.sentences[s] as Sentence).paragraph >= previousParagraph; s--) {
          const earlier = (perSentence[s]?.expressions ?? []).filter(usable).pop();
          if (earlier) return fromExpression(doc, earlier, 'anaphoric');
        }
      }
      const item = leadInDate(doc, perSentence, event.sentence);
      if (item) return fromExpression(doc, item, 'anaphoric');
      if (own.blocker || event.trigger.start >= breakOffset) return undated;
      return published;
    };
    for (const event of doc.events) event.date = dateOf(event);
    return doc;
  };
}
