// Paging the API's lists by cursor, on each backend: every page names the next one, walking them gives what the
// offset pages give, and a cursor that is not one, belongs to another list or order, or comes with an offset is a
// 400 that says which.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.js';
import type { ServerContext } from '../src/server/context.js';
import { closeServerContext, openServerContext } from '../src/server/open.js';
import type { DyadBody, EventPage } from '../src/server/schemas.js';
import { openStore } from '../src/store/store.js';
import { pagingDocuments } from './api-fixtures.js';
import { describeBackends } from './backends.js';

interface ArticleList {
  total: number;
  next: string | null;
  items: { hash: string }[];
}

describeBackends('paging the API by cursor', (backend) => {
  let ctx: ServerContext;
  let app: FastifyInstance;

  beforeAll(async () => {
    const location = backend.fresh('api-paging');
    const store = await openStore(location);
    try {
      await store.saveDocuments(pagingDocuments(20, 8));
    } finally {
      await store.close();
    }
    ctx = await openServerContext(location, { token: null, readsOpen: true });
    app = await buildServer(ctx, { webRoot: null });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    if (ctx) await closeServerContext(ctx);
  });

  async function get<T>(url: string): Promise<T> {
    const res = await app.inject(url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json<T>();
  }

  /** Every item id of a list, following `next` from the first page. */
  async function walk(first: string, items: (page: EventPage) => number[] = (p) => p.items.map((e) => e.id)): Promise<number[]> {
    const ids: number[] = [];
    let url: string | null = first;
    for (let n = 0; url !== null; n++) {
      if (n > 1000) throw new Error('paging did not end');
      const page: EventPage = await get<EventPage>(url);
      ids.push(...items(page));
      url = page.next === null ? null : `${first}&cursor=${encodeURIComponent(page.next)}`;
    }
    return ids;
  }

  it.each(['/api/events?limit=7', '/api/events?limit=3&order=asc&actor=IRN', '/api/events?limit=5&root=04&lang=en', '/api/events?limit=2&dyad=SAU,IRN'])('walks %s by cursor as the offset pages list it', async (first) => {
    const all = await get<EventPage>(`${first.replace(/limit=\d+/, 'limit=500')}`);
    expect(all.items.length).toBeGreaterThan(5);
    expect(all.next).toBeNull();
    expect(await walk(first)).toEqual(all.items.map((e) => e.id));
    // An offset page names its next page too, so a client can switch to cursors at any point.
    const fromOffset = await get<EventPage>(`${first}&offset=2`);
    expect(fromOffset.next).not.toBeNull();
    const after = await get<EventPage>(`${first}&cursor=${encodeURIComponent(fromOffset.next ?? '')}`);
    const limit = Number(/limit=(\d+)/.exec(first)?.[1]);
    expect(after.items.map((e) => e.id)).toEqual(all.items.slice(2 + limit, 2 + 2 * limit).map((e) => e.id));
  });

  it("walks a dyad's reports by cursor, oldest first", async () => {
    const all = await get<DyadBody>('/api/dyads/IRN/SAU?limit=500');
    const ids: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: DyadBody = await get<DyadBody>(`/api/dyads/IRN/SAU?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      ids.push(...page.events.items.map((e) => e.id));
      cursor = page.events.next;
    }
    expect(ids.length).toBe(all.total.events);
    expect(ids).toEqual(all.events.items.map((e) => e.id));
  });

  it('walks the articles by cursor, newest first', async () => {
    const all = await get<ArticleList>('/api/articles?limit=500');
    expect(all.total).toBe(20);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: ArticleList = await get<ArticleList>(`/api/articles?limit=6${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.items.map((a) => a.hash));
      cursor = page.next;
    }
    expect(seen).toEqual(all.items.map((a) => a.hash));
  });

  it('answers 400 naming the problem for a cursor that is not one, of another list or order, or with an offset', async () => {
    const events = await get<EventPage>('/api/events?limit=2');
    const articles = await get<ArticleList>('/api/articles?limit=2');
    const forged = Buffer.from(JSON.stringify({ k: 'reports', o: 'desc', d: 'yesterday', i: 1 })).toString('base64url');
    const cases: [string, RegExp][] = [
      ['/api/events?cursor=not-a-cursor!', /^query\.cursor: not a cursor this server gave out/],
      ['/api/events?cursor=bm90IGpzb24', /^query\.cursor: not a cursor this server gave out/],
      [`/api/events?cursor=${forged}`, /^query\.cursor: not a cursor/],
      [`/api/events?cursor=${articles.next ?? ''}`, /^query\.cursor: a cursor of another list, not of reports/],
      [`/api/articles?cursor=${events.next ?? ''}`, /^query\.cursor: a cursor of another list, not of articles/],
      [`/api/events?order=asc&cursor=${events.next ?? ''}`, /^query\.cursor: belongs to pages in order=desc, not order=asc/],
      [`/api/events?offset=10&cursor=${events.next ?? ''}`, /^query\.offset: cannot be combined with query\.cursor/],
      [`/api/articles?offset=10&cursor=${articles.next ?? ''}`, /^query\.offset: cannot be combined with query\.cursor/],
    ];
    for (const [url, message] of cases) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json<{ message: string }>().message, url).toMatch(message);
    }
  });

  it('documents the cursor parameter and the next field', async () => {
    type Op = { parameters?: { name: string; schema?: { type?: string } }[]; responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> };
    const doc = (await app.inject('/openapi.json')).json<{ paths: Record<string, Record<string, Op>> }>();
    for (const path of ['/api/events', '/api/articles', '/api/dyads/{a}/{b}']) {
      const op = doc.paths[path]?.['get'];
      expect(op?.parameters?.find((p) => p.name === 'cursor')?.schema?.type, path).toBe('string');
    }
    const page = doc.paths['/api/events']?.['get']?.responses['200']?.content?.['application/json']?.schema;
    expect(Object.keys(page?.properties ?? {})).toContain('next');
  });
});
