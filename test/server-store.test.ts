// The Store reads behind the HTTP API (src/store/api-queries.ts), on every backend: report pages with totals and
// filters, periods and edges summed by the database, articles, the change marker, and deletion that merges again.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestPaths } from '../src/cli/ingest.js';
import { createPipeline } from '../src/pipeline.js';
import { openStore, type Store } from '../src/store/store.js';
import { describeBackends, mergeSignature } from './backends.js';

const ROOT = join(import.meta.dirname, '..');
const DEMO = join(ROOT, 'demo');
const MERGE = join(ROOT, 'test', 'fixtures', 'merge');
const pipeline = createPipeline();

function sortedForms(forms: { actor: string; text: string }[]): string[] {
  return forms.map((f) => `${f.actor} ${f.text}`).sort();
}

describeBackends('API reads in the store', (backend) => {
  let location: string;
  let store: Store;

  beforeAll(async () => {
    location = backend.fresh('api');
    store = await openStore(location);
    await ingestPaths(store, [DEMO, MERGE], {}, pipeline);
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  it('pages reports in date order, and every filter narrows them', async () => {
    const all = await store.reportPage({ limit: 500, offset: 0 });
    expect(all.length).toBe((await store.events()).length);
    expect(await store.reportCount({})).toEqual({ total: all.length, capped: false });
    const dated = all.map((r) => r.date.value).filter((d): d is string => d !== null);
    // Newest first; undated reports last.
    expect(all.slice(0, dated.length).every((r) => r.date.value !== null)).toBe(true);
    expect(dated).toEqual([...dated].sort().reverse());
    const page = await store.reportPage({ limit: 3, offset: 2 });
    expect(page.map((r) => r.id)).toEqual(all.slice(2, 5).map((r) => r.id));
    const oldest = await store.reportPage({ limit: 500, offset: 0, order: 'asc' });
    expect(oldest[0]?.date.value).toBe([...dated].sort()[0]);

    const count = async (filter: Parameters<Store['reportCount']>[0], expected: number): Promise<void> => {
      const rows = await store.reportPage({ ...filter, limit: 500, offset: 0 });
      expect(rows.length).toBe(expected);
      expect((await store.reportCount(filter)).total).toBe(expected);
    };
    await count({ actor: 'IRN' }, all.filter((r) => r.source?.id === 'IRN' || r.target?.id === 'IRN').length);
    const dyad = await store.reportPage({ dyad: ['SAU', 'IRN'], limit: 500, offset: 0 });
    expect(dyad.length).toBeGreaterThan(0);
    expect(dyad.every((r) => [r.source?.id, r.target?.id].sort().join() === 'IRN,SAU')).toBe(true);
    await count({ lang: 'ar' }, all.filter((r) => r.lang === 'ar').length);
    const outlet = all.find((r) => r.outlet !== null)?.outlet ?? '';
    await count({ outlet }, all.filter((r) => r.outlet === outlet).length);
    const article = all[0]?.article ?? '';
    await count({ article }, all.filter((r) => r.article === article).length);
    const range = await store.reportPage({ from: '2015', to: '2015', limit: 500, offset: 0 });
    expect(range.length).toBeGreaterThan(0);
    expect(range.every((r) => r.date.value?.startsWith('2015'))).toBe(true);
    expect(range.length).toBeLessThan(all.length);
  });

  it('gives reports by id in the order asked, leaving out ids that do not exist', async () => {
    const items = await store.reportPage({ limit: 3, offset: 0 });
    const ids = items.map((r) => r.id).reverse();
    expect((await store.reportsByIds([...ids, 999_999])).map((r) => r.id)).toEqual(ids);
  });

  it("sums a dyad's periods as dyad() does, and edges that add up to its reports", async () => {
    for (const by of ['month', 'year'] as const) expect(await store.reportPeriods('IRN', 'SAU', by)).toEqual((await store.dyad('IRN', 'SAU', { by })).periods);
    const edges = await store.reportEdges({}, 1000);
    const saudi = edges.find((e) => e.a === 'IRN' && e.b === 'SAU');
    expect(saudi?.events).toBe((await store.dyad('IRN', 'SAU')).total.events);
    expect((await store.reportEdges({ from: '2015', to: '2015' }, 1000)).reduce((n, e) => n + e.events, 0)).toBeLessThan(edges.reduce((n, e) => n + e.events, 0));
    const months = await store.eventMonths();
    expect(months).toEqual([...months].sort());
    expect(months.every((m) => /^\d{4}-\d{2}$/.test(m))).toBe(true);
  });

  it('lists articles newest first with filters and a total, and gives one with its text', async () => {
    const count = await store.articleCount();
    expect(count).toBe(12);
    const all = await store.articlePage({ limit: 100, offset: 0 });
    expect(all.total).toBe(count);
    const ar = await store.articlePage({ limit: 100, offset: 0, lang: 'ar' });
    expect(ar.items.every((a) => a.lang === 'ar')).toBe(true);
    expect(ar.total).toBe(all.items.filter((a) => a.lang === 'ar').length);
    const first = all.items[0];
    const article = await store.article(first?.hash ?? '');
    expect(article?.doc).toBe(first?.doc);
    expect(article?.text.length).toBeGreaterThan(100);
    expect(await store.article('0'.repeat(64))).toBeNull();
  });

  it("counts an actor's reports and partners", async () => {
    const stats = await store.actorStats('IRN');
    expect(stats.events).toBe((await store.reportCount({ actor: 'IRN' })).total);
    expect(stats.asSource + stats.asTarget).toBeGreaterThanOrEqual(stats.events);
    const partners = await store.partners('IRN', 50);
    expect(partners.map((p) => p.id)).not.toContain('IRN');
    expect(partners.find((p) => p.id === 'SAU')?.events).toBe((await store.dyad('IRN', 'SAU')).total.events);
    expect((await store.actorEventCounts()).get('IRN')).toBe(stats.asSource + stats.asTarget);
    expect((await store.actorNameForms()).some((f) => f.actor === 'IRN' && f.text.includes('إيران'))).toBe(true);
  });

  it('changes its data version on its own writes and on those of another process', async () => {
    const before = await store.dataVersion();
    expect(await store.dataVersion()).toBe(before);
    const other = await openStore(location);
    try {
      const doc = pipeline.run({ meta: { id: 'beside', title: null, outlet: null, published: '2022-04-11', url: null, lang: 'en', origin: 'beside.txt' }, text: 'Iran condemned Israel on Sunday.' });
      await other.saveDocuments([doc]);
    } finally {
      await other.close();
    }
    const afterOther = await store.dataVersion();
    expect(afterOther).not.toBe(before);
    const own = pipeline.run({ meta: { id: 'own', title: null, outlet: null, published: '2022-04-12', url: null, lang: 'en', origin: 'own.txt' }, text: 'Qatar praised Oman on Monday.' });
    await store.saveDocuments([own]);
    expect(await store.dataVersion()).not.toBe(afterOther);
  });
});

describeBackends('deleting an article', (backend) => {
  it('removes it with its reports, mentions and framing, and leaves the events merging would give without it', async () => {
    const store = await openStore(backend.fresh('delete'));
    const without = await openStore(backend.fresh('without'));
    try {
      await ingestPaths(store, [DEMO, MERGE], {}, pipeline);
      await ingestPaths(without, [DEMO, join(MERGE, 'safadi-cairo-en.txt')], {}, pipeline);
      // The Jordan-Egypt talks are told by both fixture articles: deleting one leaves an event of one report.
      const [talks] = await store.mergedEvents({ dyad: ['JOR', 'EGY'], code: '046' });
      expect(talks?.counts.articles).toBe(2);
      const arabic = (await store.articlePage({ limit: 100, offset: 0 })).items.find((a) => a.doc === 'safadi-cairo-ar');
      expect(arabic).toBeDefined();
      const before = await store.dataVersion();

      expect(await store.deleteArticle(arabic?.hash ?? '')).toBe(true);
      expect(await store.dataVersion()).not.toBe(before);
      expect(await store.article(arabic?.hash ?? '')).toBeNull();
      expect((await store.events()).some((e) => e.doc === 'safadi-cairo-ar')).toBe(false);
      expect(await store.framing({ doc: 'safadi-cairo-ar' })).toEqual([]);
      expect(sortedForms(await store.actorNameForms())).toEqual(sortedForms(await without.actorNameForms()));
      const [rest] = await store.mergedEvents({ dyad: ['JOR', 'EGY'], code: '046' });
      expect(rest?.counts).toMatchObject({ articles: 1, reports: 1 });
      expect(await mergeSignature(store)).toEqual(await mergeSignature(without));
      // A rebuild from scratch agrees with what the delete left.
      const left = await mergeSignature(store);
      await store.remerge();
      expect(await mergeSignature(store)).toEqual(left);

      expect(await store.deleteArticle(arabic?.hash ?? '')).toBe(false);
    } finally {
      await store.close();
      await without.close();
    }
  });
});
