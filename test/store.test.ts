import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyDocument, type CodedEvent, type Document, type EventActor, type Lang } from '../src/document.js';
import { contentHash, openStore, StoreError, StoreUnavailableError, type Store } from '../src/store/store.js';
import { describeBackends } from './backends.js';

const TEXT_EN = 'Oman hosted talks with Jordan. Jordan later criticised Oman over a border dispute.';

function actor(id: string, start: number, end: number): EventActor {
  return { id, cameo: id, role: null, name: id, text: TEXT_EN.slice(start, end), start, end };
}

function event(source: string, target: string, code: string, quad: 1 | 2 | 3 | 4, goldstein: number, date: string | null): CodedEvent {
  return {
    sentence: 0,
    source: actor(source, 0, 4),
    target: actor(target, 23, 29),
    code,
    root: code.slice(0, 2),
    quad,
    goldstein,
    plover: null,
    trigger: { start: 5, end: 11 },
    evidence: { start: 0, end: 30 },
    date: { value: date, precision: date === null ? null : date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year', text: null, basis: date ? 'text' : 'none' },
    attributedTo: null,
    negated: false,
    hypothetical: false,
    confidence: 0.8,
  };
}

function doc(id: string, text: string, events: CodedEvent[], lang: Lang = 'en'): Document {
  const d = emptyDocument(text, { id, title: null, outlet: null, published: '2021-01-01', url: null, lang, origin: `${id}.txt` }, lang);
  d.events = events;
  d.mentions = [{ start: 0, end: 4, kind: 'state', sentence: 0, entry: 'omn', actors: [{ id: 'OMN', cameo: 'OMN', role: null, name: 'Oman' }] }];
  return d;
}

describeBackends('store', (backend) => {
  let store: Store;

  beforeEach(async () => {
    store = await openStore(backend.fresh('store'));
  });

  afterEach(async () => {
    await store.close();
  });

  describe('saveDocuments', () => {
    it('stores an article once, whatever its id, and says how many were duplicates', async () => {
      const first = await store.saveDocuments([doc('a', TEXT_EN, [event('OMN', 'JOR', '043', 1, 2.8, '2021-01-05')])]);
      expect(first).toEqual({ stored: 1, duplicates: 0, events: 1 });
      const again = await store.saveDocuments([doc('b', TEXT_EN, [event('OMN', 'JOR', '043', 1, 2.8, '2021-01-05')]), doc('c', TEXT_EN + ' More.', [])]);
      expect(again).toEqual({ stored: 1, duplicates: 1, events: 0 });
      expect(await store.hasArticle(contentHash(TEXT_EN))).toBe(true);
      expect(await store.hasArticle(contentHash('never stored'))).toBe(false);
      expect(await store.events()).toHaveLength(1);
      expect((await store.articles()).map((a) => [a.doc, a.events])).toEqual([['a', 1], ['c', 0]]);
    });

    it('rolls back only the failing batch', async () => {
      await store.saveDocuments([doc('kept', TEXT_EN, [event('OMN', 'JOR', '043', 1, 2.8, '2021-01-05')])]);
      const broken = event('OMN', 'JOR', '043', 1, 2.8, null);
      (broken as { quad: number }).quad = 9; // violates the quad CHECK constraint
      await expect(store.saveDocuments([doc('good-in-bad-batch', 'Another text about Oman.', []), doc('bad', 'Bad text about Oman.', [broken])])).rejects.toThrow();
      expect((await store.articles()).map((a) => a.doc)).toEqual(['kept']);
      expect(await store.events()).toHaveLength(1);
    });
  });

  describe('queries', () => {
    beforeEach(async () => {
      await store.saveDocuments([
        doc('one', TEXT_EN, [
          event('OMN', 'JOR', '043', 1, 2.8, '2021-01-05'),
          event('JOR', 'OMN', '111', 3, -2, '2021-01'),
          event('OMN', 'JOR', '0431', 1, 2.8, '2021-03-10'),
        ]),
        doc('two', 'نص عربي عن قطر وإيران.', [event('QAT', 'IRN', '190', 4, -10, '2020'), event('QAT', 'IRN', '042', 1, 1.9, null)], 'ar'),
      ]);
    });

    it('filters by actor, dyad, root, code prefix, dates and language', async () => {
      expect(await store.events({ actor: 'JOR' })).toHaveLength(3);
      expect(await store.events({ dyad: ['JOR', 'OMN'] })).toHaveLength(3);
      expect(await store.events({ root: '11' })).toHaveLength(1);
      expect((await store.events({ code: '043' })).map((e) => e.cameo)).toEqual(['043', '0431']);
      // A month-precision date overlaps a day range inside it; undated events drop out of date filters.
      expect((await store.events({ from: '2021-01-10', to: '2021-02' })).map((e) => e.cameo)).toEqual(['111']);
      expect((await store.events({ to: '2020-12-31' })).map((e) => e.cameo)).toEqual(['190']);
      expect(await store.events({ lang: 'ar' })).toHaveLength(2);
      expect(await store.events({ limit: 2 })).toHaveLength(2);
    });

    it('returns the same record shape as `rasad code`', async () => {
      const [e] = await store.events({ code: '0431' });
      expect(e).toMatchObject({ doc: 'one', cameo: '0431', root: '04', quad: 1, source: { id: 'OMN', text: 'Oman' }, evidence: { text: TEXT_EN.slice(0, 30) } });
      expect(e?.date).toEqual({ value: '2021-03-10', precision: 'day', text: null, basis: 'text' });
    });

    it('aggregates a dyad by month in both directions', async () => {
      const report = await store.dyad('OMN', 'JOR', { by: 'month' });
      expect(report.periods.map((p) => [p.period, p.events, p.goldstein, p.quad, p.aToB, p.bToA])).toEqual([
        ['2021-01', 2, 0.8, [1, 0, 1, 0], 1, 1],
        ['2021-03', 1, 2.8, [1, 0, 0, 0], 1, 0],
      ]);
      expect(report.total).toMatchObject({ events: 3, goldstein: 3.6, quad: [2, 0, 1, 0] });
      const byYear = await store.dyad('IRN', 'QAT', { by: 'year' });
      expect(byYear.periods.map((p) => p.period)).toEqual(['2020', 'undated']);
      expect(byYear.total.bToA).toBe(2);
    });

    it('summarises the top dyads', async () => {
      expect(await store.dyadSummary(5)).toEqual([
        { a: 'JOR', b: 'OMN', events: 3, goldstein: 3.6, cooperation: 2, conflict: 1 },
        { a: 'IRN', b: 'QAT', events: 2, goldstein: -8.1, cooperation: 1, conflict: 1 },
      ]);
    });
  });

  describe('openStore', () => {
    it('refuses a missing database for read commands', async () => {
      await expect(openStore(backend.fresh('missing'), { mustExist: true })).rejects.toThrow(/no database at|no Rasad tables at/);
    });
  });
});

describe('openStore on PostgreSQL', () => {
  it('names the server it cannot reach, without the password and without a stack', async () => {
    const failed = await openStore('postgres://rasad:secret@127.0.0.1:1/rasad').catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(StoreUnavailableError);
    const message = (failed as Error).message;
    expect(message).toMatch(/^cannot reach PostgreSQL at postgres:\/\/rasad@127\.0\.0\.1:1\/rasad: /);
    expect(message).not.toContain('secret');
  });

  it('rejects a schema name it would have to quote', async () => {
    await expect(openStore('postgres://127.0.0.1/rasad?schema=Bad;Name')).rejects.toThrow(StoreError);
  });
});
