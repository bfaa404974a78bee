// Document-level dedup: an article that tells one event twice (a repeated lede, a summary restating it) yields
// it once; different codes, dates or dyads stay apart. Articles written for this test.
import { describe, expect, it } from 'vitest';
import type { CodedEvent, Document, Lang } from '../src/document.js';
import { emptyDocument } from '../src/document.js';
import { createPipeline } from '../src/pipeline.js';
import { dedupEvents } from '../src/stages/dedup.js';

const pipeline = createPipeline();

function code(text: string, lang: Lang): CodedEvent[] {
  const meta = { id: 't', title: null, outlet: null, published: '2022-05-04', url: null, lang, origin: 't' };
  return pipeline.run({ text, meta }).events;
}

const summary = (e: CodedEvent): string => `${e.code} ${e.source?.id ?? '-'}>${e.target?.id ?? '-'} ${e.date.value ?? '-'}`;

function event(code: string, source: string, target: string, date: string | null, sentence: number): CodedEvent {
  const actor = (id: string) => ({ id, cameo: id, role: null, name: id, text: id, start: 0, end: 3 });
  return {
    sentence, source: actor(source), target: actor(target), code, root: code.slice(0, 2), quad: 1, goldstein: 1, plover: null,
    trigger: { start: 0, end: 1 }, evidence: { start: 0, end: 1 }, date: { value: date, precision: date ? 'day' : null, text: null, basis: 'text' },
    attributedTo: null, negated: false, hypothetical: false, confidence: 0.8,
  };
}

function docWith(events: CodedEvent[]): Document {
  const doc = emptyDocument('x', { id: 'd', title: null, outlet: null, published: null, url: null, lang: 'en', origin: 'd' }, 'en');
  doc.events = events;
  return doc;
}

describe('document-level dedup', () => {
  it('keeps the first telling of the same code, dyad and date; a mutual act either way round is one', () => {
    const out = dedupEvents(
      docWith([
        event('042', 'EGY', 'JOR', '2022-05-01', 0),
        event('042', 'EGY', 'JOR', '2022-05-01', 3),
        event('040', 'JOR', 'EGY', '2022-05-01', 4),
        event('040', 'EGY', 'JOR', '2022-05-01', 5),
      ]),
    ).events;
    expect(out.map((e) => `${e.code} ${e.source?.id}>${e.target?.id} s${e.sentence}`)).toEqual(['042 EGY>JOR s0', '040 JOR>EGY s4']);
  });

  it('keeps events that differ in date, code or direction of a one-way act', () => {
    const out = dedupEvents(
      docWith([event('042', 'EGY', 'JOR', '2022-05-01', 0), event('042', 'EGY', 'JOR', '2021-03-02', 1), event('043', 'EGY', 'JOR', '2022-05-01', 2), event('112', 'JOR', 'EGY', null, 3), event('112', 'EGY', 'JOR', null, 4)]),
    ).events;
    expect(out).toHaveLength(5);
  });

  it('codes an English lede repeated under its headline once', () => {
    const text = 'Egypt\'s foreign minister visited Jordan on Monday.\n\nEgypt\'s foreign minister visited Jordan on Monday, officials said.';
    expect(code(text, 'en').map(summary)).toEqual(['042 EGY>JOR 2022-05-02']);
  });

  it('codes an Arabic lede repeated under its headline once', () => {
    const text = 'زار وزير الخارجية المصري الأردن يوم الاثنين.\n\nزار وزير الخارجية المصري الأردن يوم الاثنين في زيارة رسمية.';
    expect(code(text, 'ar').filter((e) => e.root === '04').map(summary)).toEqual(['042 EGY>JOR 2022-05-02']);
  });
});
