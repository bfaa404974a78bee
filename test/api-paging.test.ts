// Keyset paging of the API's lists on each backend: walking the pages by cursor gives every matching report (and
// article) exactly once, in the list's order, whatever the page size, the filter and the order; undated reports
// come last either way, and a day's reports split across pages are neither lost nor repeated.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reportPosition, type ReportFilter, type ReportPosition, type StoredReport } from '../src/store/api-queries.js';
import { openStore, type Store } from '../src/store/store.js';
import { pagingDocuments } from './api-fixtures.js';
import { describeBackends } from './backends.js';

/** The list order, computed here from the rows: dated by date_first then id, undated after them by id. */
function inListOrder(reports: StoredReport[], order: 'asc' | 'desc'): number[] {
  const sign = order === 'asc' ? 1 : -1;
  const key = (r: StoredReport): ReportPosition => reportPosition(r);
  return [...reports]
    .sort((x, y) => {
      const [a, b] = [key(x), key(y)];
      if (a.date === null || b.date === null) return a.date === b.date ? sign * (a.id - b.id) : a.date === null ? 1 : -1;
      return a.date === b.date ? sign * (a.id - b.id) : sign * (a.date < b.date ? -1 : 1);
    })
    .map((r) => r.id);
}

async function walk(store: Store, filter: ReportFilter, order: 'asc' | 'desc', limit: number): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let after: ReportPosition | undefined;
  for (let pages = 1; pages < 10_000; pages++) {
    const rows = await store.reportPage({ ...filter, order, limit, offset: 0, ...(after && { after }) });
    ids.push(...rows.map((r) => r.id));
    const last = rows[rows.length - 1];
    if (rows.length < limit || !last) return { ids, pages };
    after = reportPosition(last);
  }
  throw new Error('paging did not end');
}

const FILTERS: [string, ReportFilter][] = [
  ['no filter', {}],
  ['an actor', { actor: 'IRN' }],
  ['a CAMEO actor code', { actor: 'IGOUN' }],
  ['a dyad', { dyad: ['SAU', 'IRN'] }],
  ['actors', { actors: ['OMN', 'ORG:UN'] }],
  ['a root and a language', { root: '04', lang: 'en' }],
  ['a code prefix and an outlet', { code: '04', outlet: 'Wire B' }],
  ['a window', { from: '2021-03', to: '2021-03-04' }],
];

describeBackends('keyset paging', (backend) => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore(backend.fresh('paging'));
    await store.saveDocuments(pagingDocuments(24, 9));
  }, 60_000);

  afterAll(() => store?.close());

  it.each(FILTERS)('walks every report of %s exactly once, in order, both ways', async (_name, filter) => {
    for (const order of ['desc', 'asc'] as const) {
      const all = await store.reportPage({ ...filter, order, limit: 10_000, offset: 0 });
      expect(all.length).toBeGreaterThan(3);
      // The offset path and the list order agree...
      expect(all.map((r) => r.id)).toEqual(inListOrder(all, order));
      for (const limit of [1, 4, 7]) {
        // ...and so does every walk by cursor, with no report twice or missing.
        const { ids, pages } = await walk(store, filter, order, limit);
        expect(ids).toEqual(all.map((r) => r.id));
        expect(pages).toBeGreaterThanOrEqual(Math.ceil(all.length / limit));
      }
    }
  });

  it('puts undated reports last, and starts inside them from an undated cursor', async () => {
    const all = await store.reportPage({ order: 'asc', limit: 10_000, offset: 0 });
    const firstUndated = all.findIndex((r) => r.date.value === null);
    expect(firstUndated).toBeGreaterThan(0);
    expect(all.slice(firstUndated).every((r) => r.date.value === null)).toBe(true);
    const at = all[firstUndated];
    if (!at) throw new Error('no undated report');
    const rest = await store.reportPage({ order: 'asc', limit: 10_000, offset: 0, after: reportPosition(at) });
    expect(rest.map((r) => r.id)).toEqual(all.slice(firstUndated + 1).map((r) => r.id));
  });

  it('walks the articles newest first by cursor, each once', async () => {
    const all = await store.articlePage({ limit: 1000, offset: 0 });
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await store.articlePage({ limit: 5, offset: 0, lang: 'en', ...(before !== undefined && { before }) });
      seen.push(...page.items.map((a) => a.hash));
      const last = page.items[page.items.length - 1];
      if (page.items.length < 5 || !last) break;
      before = last.hash;
    }
    expect(seen).toEqual(all.items.filter((a) => a.lang === 'en').map((a) => a.hash));
  });
});
