// The HTTP API through fastify.inject over a database ingested from demo/ plus two articles written here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../src/cli/ingest.js';
import { createPipeline } from '../src/pipeline.js';
import { buildServer } from '../src/server/app.js';
import type { ServerContext } from '../src/server/context.js';
import { closeServerContext, openServerContext } from '../src/server/open.js';
import type { ActorProfileBody, ApiEvent, ArticleDetail, DyadBody, DyadHistoryBody, EventPage, Evidence, GraphBody } from '../src/server/schemas.js';
import { openStore } from '../src/store/store.js';

const TOKEN = 'test-token-123';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const MARKUP = 'title: Markup test\noutlet: Test Wire\npublished: 2021-05-02\nlang: ar\n\nأشادت قطر بإيران يوم الأحد <img src=x onerror="window.__xss=1">.\n';
const NEW_ARTICLE = {
  text: 'أدانت إيران إسرائيل يوم الاثنين.',
  title: 'Posted article',
  outlet: 'Posted Wire',
  published: '2022-03-09',
  lang: 'ar' as const,
};

let dir: string;
let db: string;
let ctx: ServerContext;
let app: FastifyInstance;

async function get<T>(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const res = await app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.json<T>() };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rasad-server-'));
  db = join(dir, 'test.db');
  writeFileSync(join(dir, 'markup.txt'), MARKUP);
  const store = await openStore(db);
  const pipeline = createPipeline();
  await ingestPaths(store, ['demo', join(dir, 'markup.txt')], {}, pipeline);
  await store.close();
  ctx = await openServerContext(db, { token: TOKEN, readsOpen: true });
  app = await buildServer(ctx, { webRoot: null, bodyLimit: 64 * 1024 });
}, 60_000);

afterAll(async () => {
  await app.close();
  await closeServerContext(ctx);
  rmSync(dir, { recursive: true, force: true });
});

describe('docs and health', () => {
  it('publishes an OpenAPI document covering the routes, with writes marked as needing the token', async () => {
    const { status, body } = await get<{ openapi: string; paths: Record<string, Record<string, { security?: unknown[]; parameters?: { name: string }[] }>> }>('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    for (const path of ['/api/articles', '/api/articles/{hash}', '/api/events', '/api/events/{id}', '/api/actors', '/api/actors/{id}', '/api/actors/{id}/profile', '/api/dyads', '/api/dyads/{a}/{b}', '/api/dyads/{a}/{b}/history', '/api/graph', '/api/code']) {
      expect(Object.keys(body.paths)).toContain(path);
    }
    expect(body.paths['/api/articles']?.['post']?.security).toEqual([{ bearer: [] }]);
    expect(body.paths['/api/events']?.['get']?.security).toBeUndefined();
    expect(body.paths['/api/events']?.['get']?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['actor', 'dyad', 'root', 'from', 'to', 'lang', 'outlet', 'limit', 'offset']));
  });

  it('serves the interactive docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/' });
    expect([200, 302]).toContain(res.statusCode);
    const page = res.statusCode === 302 ? await app.inject({ method: 'GET', url: String(res.headers.location) }) : res;
    expect(page.body).toMatch(/swagger/i);
  });

  it('reports health and access rules', async () => {
    const { body } = await get<{ ok: boolean; articles: number; writes: boolean; readsOpen: boolean }>('/api/health');
    expect(body).toEqual({ ok: true, articles: 11, writes: true, readsOpen: true });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const { status, body } = await get<{ message: string }>('/api/nothing');
    expect(status).toBe(404);
    expect(body.message).toContain('/api/nothing');
  });
});

describe('articles', () => {
  it('lists articles with paging and a total', async () => {
    const all = await get<{ total: number; items: { hash: string }[] }>('/api/articles?limit=100');
    expect(all.body.total).toBe(11);
    const page = await get<{ items: { hash: string }[] }>('/api/articles?limit=3&offset=3');
    expect(page.body.items.map((a) => a.hash)).toEqual(all.body.items.slice(3, 6).map((a) => a.hash));
    const ar = await get<{ total: number; items: { lang: string }[] }>('/api/articles?lang=ar');
    expect(ar.body.total).toBe(6);
    expect(ar.body.items.every((a) => a.lang === 'ar')).toBe(true);
  });

  it('returns one article with its text and spans that index into it', async () => {
    const list = await get<{ items: { hash: string; events: number }[] }>('/api/articles?limit=100');
    const withEvents = list.body.items.find((a) => a.events > 0);
    expect(withEvents).toBeDefined();
    const { status, body } = await get<ArticleDetail>(`/api/articles/${withEvents?.hash ?? ''}`);
    expect(status).toBe(200);
    expect(body.events.length).toBe(withEvents?.events);
    for (const e of body.events) {
      expect(body.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      if (e.source) expect(body.text.slice(e.source.start, e.source.end)).toBe(e.source.text);
    }
  });

  it('says what is wrong with a bad hash and a missing article', async () => {
    const bad = await get<{ message: string }>('/api/articles/xyz');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('params.hash');
    const missing = await get<{ message: string }>(`/api/articles/${'0'.repeat(64)}`);
    expect(missing.status).toBe(404);
  });
});

describe('events', () => {
  it('filters by actor and pages without overlap', async () => {
    const all = await get<EventPage>('/api/events?actor=IRN&limit=500');
    expect(all.body.total).toBeGreaterThan(3);
    expect(all.body.items.every((e) => e.source?.id === 'IRN' || e.target?.id === 'IRN' || e.source?.cameo === 'IRN' || e.target?.cameo === 'IRN')).toBe(true);
    const first = await get<EventPage>('/api/events?actor=irn&limit=2&offset=0');
    const second = await get<EventPage>('/api/events?actor=IRN&limit=2&offset=2');
    expect(first.body.total).toBe(all.body.total);
    expect(first.body.items.map((e) => e.id)).toEqual(all.body.items.slice(0, 2).map((e) => e.id));
    expect(second.body.items.map((e) => e.id)).toEqual(all.body.items.slice(2, 4).map((e) => e.id));
  });

  it('matches a CAMEO actor code on either side', async () => {
    const gov = await get<EventPage>('/api/events?actor=IRNGOV&limit=500');
    expect(gov.body.total).toBeGreaterThan(0);
    expect(gov.body.items.every((e) => e.source?.cameo === 'IRNGOV' || e.target?.cameo === 'IRNGOV')).toBe(true);
    const all = await get<EventPage>('/api/events?limit=500');
    expect(gov.body.total).toBe(all.body.items.filter((e) => e.source?.cameo === 'IRNGOV' || e.target?.cameo === 'IRNGOV').length);
    expect(gov.body.totalCapped).toBe(false);
  });

  it('filters by dyad, root, language, outlet and date range', async () => {
    const dyad = await get<EventPage>('/api/events?dyad=SAU,IRN');
    expect(dyad.body.total).toBeGreaterThan(0);
    for (const e of dyad.body.items) expect([e.source?.id, e.target?.id].sort()).toEqual(['IRN', 'SAU']);
    const all = await get<EventPage>('/api/events?limit=500');
    const root = all.body.items[0]?.root ?? '04';
    const byRoot = await get<EventPage>(`/api/events?root=${root}&limit=500`);
    expect(byRoot.body.total).toBe(all.body.items.filter((e) => e.root === root).length);
    const ar = await get<EventPage>('/api/events?lang=ar&limit=500');
    expect(ar.body.total).toBeGreaterThan(0);
    expect(ar.body.items.every((e) => e.lang === 'ar')).toBe(true);
    const outlet = await get<EventPage>(`/api/events?outlet=${encodeURIComponent('Test Wire')}`);
    expect(outlet.body.items.every((e) => e.outlet === 'Test Wire')).toBe(true);
    const range = await get<EventPage>('/api/events?from=2015-01&to=2015-12&limit=500');
    expect(range.body.total).toBeGreaterThan(0);
    expect(range.body.items.every((e) => (e.date.value ?? '').startsWith('2015'))).toBe(true);
    expect(range.body.total).toBeLessThan(all.body.total);
  });

  it('finds events by an Arabic name whatever clitic the article put on it', async () => {
    // demo/saudi-iran-beijing-ar.txt writes وإيران; a query for إيران (or for the clitic form) finds its events.
    const plain = await get<EventPage>(`/api/events?q=${encodeURIComponent('إيران')}&limit=500`);
    const clitic = await get<EventPage>(`/api/events?q=${encodeURIComponent('وإيران')}&limit=500`);
    expect(plain.body.items.some((e) => e.evidence.text.includes('وإيران'))).toBe(true);
    expect(clitic.body.total).toBe(plain.body.total);
    expect(plain.body.items.every((e) => e.source?.id === 'IRN' || e.target?.id === 'IRN')).toBe(true);
  });

  it('rejects bad filters with a message naming the parameter', async () => {
    for (const [url, part] of [
      ['/api/events?root=4', 'query.root'],
      ['/api/events?from=2015-13', 'query.from'],
      ['/api/events?limit=0', 'query.limit'],
      ['/api/events?dyad=IRN', 'query.dyad'],
      ['/api/events?lang=fr', 'query.lang'],
    ] as const) {
      const { status, body } = await get<{ message: string; statusCode: number }>(url);
      expect(status, url).toBe(400);
      expect(body.statusCode).toBe(400);
      expect(body.message, url).toContain(part);
    }
    const reversed = await get<{ message: string }>('/api/events?from=2020&to=2019');
    expect(reversed.status).toBe(400);
    expect(reversed.body.message).toContain('after');
  });

  it("gives one report's evidence: article text, date span, outlet", async () => {
    const list = await get<EventPage>('/api/events?lang=ar&limit=500');
    const event = list.body.items.find((e) => e.date.text !== null) ?? list.body.items[0];
    const { status, body } = await get<Evidence>(`/api/events/${event?.id ?? 0}`);
    expect(status).toBe(200);
    expect(body.event.id).toBe(event?.id);
    expect(body.article.text.slice(body.event.evidence.start, body.event.evidence.end)).toBe(body.event.evidence.text);
    expect(body.article.outlet).toBe(body.event.outlet);
    if (body.event.date.text && body.dateSpan) expect(body.article.text.slice(body.dateSpan.start, body.dateSpan.end)).toBe(body.event.date.text);
    expect((await get('/api/events/999999')).status).toBe(404);
  });

  it("lists a merged event's other reports in its evidence", async () => {
    const merged = await get<{ items: { id: number; counts: { reports: number; articles: number } }[] }>('/api/merged-events?minArticles=2&limit=500');
    expect(merged.status).toBe(200);
    const told = merged.body.items[0];
    expect(told?.counts.articles).toBeGreaterThanOrEqual(2);
    const detail = await get<{ reports: { id: number }[]; counts: { reports: number } }>(`/api/merged-events/${told?.id ?? 0}`);
    expect(detail.body.reports.length).toBe(detail.body.counts.reports);
    const own = detail.body.reports[0]?.id ?? 0;
    const { body } = await get<Evidence>(`/api/events/${own}`);
    expect(body.merged?.id).toBe(told?.id);
    expect(body.reports.map((r) => r.id).sort()).toEqual(detail.body.reports.map((r) => r.id).filter((id) => id !== own).sort());
    expect(new Set(body.reports.map((r) => r.article)).size).toBeGreaterThanOrEqual(1);
    expect((await get('/api/merged-events/999999')).status).toBe(404);
  });
});

describe('actors', () => {
  it('finds an actor from Arabic, clitic-prefixed Arabic, and English prefixes', async () => {
    for (const q of ['إيران', 'وإيران', 'لإيران', 'iran', 'Ira', 'طهران']) {
      const { body } = await get<{ items: { id: string; ar: string[] }[] }>(`/api/actors?q=${encodeURIComponent(q)}`);
      expect(body.items[0]?.id, q).toBe('IRN');
    }
    const saudi = await get<{ items: { id: string; exact: boolean }[] }>(`/api/actors?q=${encodeURIComponent('والسعودية')}`);
    expect(saudi.body.items[0]).toMatchObject({ id: 'SAU', exact: true });
    const none = await get<{ items: unknown[] }>('/api/actors?q=zzzz');
    expect(none.body.items).toEqual([]);
  });

  it("gives an actor's profile with Arabic names and partners", async () => {
    const { status, body } = await get<{ actor: { ar: string[] }; events: number; partners: { id: string; events: number }[]; recent: ApiEvent[] }>('/api/actors/IRN');
    expect(status).toBe(200);
    expect(body.actor.ar).toContain('إيران');
    expect(body.events).toBeGreaterThan(0);
    expect(body.partners.length).toBeGreaterThan(0);
    expect(body.partners.map((p) => p.id)).not.toContain('IRN');
    expect(new Set(body.partners.map((p) => p.id)).size).toBe(body.partners.length);
    const saudi = body.partners.find((p) => p.id === 'SAU');
    const dyad = await get<EventPage>('/api/events?dyad=IRN,SAU');
    expect(saudi?.events).toBe(dyad.body.total);
    expect(body.recent.length).toBeGreaterThan(0);
    expect((await get('/api/actors/NOPE')).status).toBe(404);
  });
});

describe('dyads and graph', () => {
  it("gives a dyad's history whose periods add up to its total", async () => {
    const list = await get<{ items: { a: string; b: string; events: number }[] }>('/api/dyads?limit=5');
    const top = list.body.items[0];
    expect(top).toBeDefined();
    const { status, body } = await get<DyadBody>(`/api/dyads/${top?.a ?? ''}/${top?.b ?? ''}?limit=2`);
    expect(status).toBe(200);
    expect(body.total.events).toBe(top?.events);
    expect(body.periods.reduce((n, p) => n + p.events, 0)).toBe(body.total.events);
    expect(body.events.total).toBe(body.total.events);
    expect(body.events.items.length).toBe(Math.min(2, body.total.events));
    expect(body.a.id).toBe(top?.a);
    // The API sums in SQL what `rasad dyad` sums from the records: the same numbers.
    for (const by of ['month', 'year'] as const) {
      const report = await ctx.store.dyad(top?.a ?? '', top?.b ?? '', { by });
      const api = await get<DyadBody>(`/api/dyads/${top?.a ?? ''}/${top?.b ?? ''}?by=${by}`);
      expect(api.body.periods).toEqual(report.periods);
      expect(api.body.total).toEqual(report.total);
    }
  });

  it('gives the graph in a time window, edges between listed nodes', async () => {
    const all = await get<GraphBody>('/api/graph');
    expect(all.body.edges.length).toBeGreaterThan(0);
    const ids = new Set(all.body.nodes.map((n) => n.id));
    for (const e of all.body.edges) {
      expect(ids.has(e.a) && ids.has(e.b)).toBe(true);
      expect(e.balance).toBeGreaterThanOrEqual(-1);
      expect(e.balance).toBeLessThanOrEqual(1);
    }
    expect(all.body.months.length).toBeGreaterThan(1);
    expect(all.body.nodes.find((n) => n.id === 'IRN')?.nameAr).toBe('إيران');
    const first = all.body.months[0] ?? '';
    const window = await get<GraphBody>(`/api/graph?from=${first}&to=${first}`);
    const volume = (g: GraphBody) => g.edges.reduce((n, e) => n + e.events, 0);
    expect(volume(window.body)).toBeLessThan(volume(all.body));
    // Over merged events an edge counts each real event once, however many reports tell it.
    const merged = await get<GraphBody>('/api/graph?view=merged');
    expect(merged.body.edges.length).toBeGreaterThan(0);
    for (const e of merged.body.edges) {
      const reports = all.body.edges.find((r) => r.a === e.a && r.b === e.b);
      expect(e.events).toBeLessThanOrEqual(reports?.events ?? Number.POSITIVE_INFINITY);
    }
    expect(volume(merged.body)).toBeLessThan(volume(all.body));
  });
});

describe('merged history, profile and graph measures', () => {
  it("gives a dyad's merged history as the store (and `rasad dyad`) computes it, its events paged", async () => {
    const reference = await ctx.store.dyadHistory('IRN', 'SAU', { by: 'year' });
    expect(reference.total.events).toBeGreaterThan(1);
    const { status, body } = await get<DyadHistoryBody>('/api/dyads/IRN/SAU/history?by=year&limit=1');
    expect(status).toBe(200);
    expect(body.periods).toEqual(reference.periods);
    expect(body.total).toEqual(reference.total);
    expect(body.a.ar).toContain('إيران');
    expect(body.events.total).toBe(reference.events.length);
    expect(body.events.items.map((e) => e.id)).toEqual([reference.events[0]?.id]);
    const next = await get<DyadHistoryBody>('/api/dyads/IRN/SAU/history?by=year&limit=1&offset=1');
    expect(next.body.events.items.map((e) => e.id)).toEqual([reference.events[1]?.id]);
    const monthly = await get<DyadHistoryBody>('/api/dyads/IRN/SAU/history');
    expect(monthly.body.by).toBe('month');
    expect(monthly.body.periods.reduce((n, p) => n + p.events, 0)).toBe(reference.total.events);
    // Each period names its strongest evidence: a merged event whose report opens as evidence.
    const strongest = monthly.body.periods.find((p) => p.strongest !== null)?.strongest;
    const merged = await get<{ evidence: { report: number } }>(`/api/merged-events/${strongest?.id ?? 0}`);
    expect((await get(`/api/events/${merged.body.evidence.report}`)).status).toBe(200);
    expect((await get<{ message: string }>('/api/dyads/IRN/SAU/history?by=week')).body.message).toContain('query.by');
  });

  it("gives an actor's partners over merged events, ranked by volume and by balance, with their trend", async () => {
    const { status, body } = await get<ActorProfileBody>('/api/actors/IRN/profile?by=year');
    expect(status).toBe(200);
    expect(body.actor.id).toBe('IRN');
    expect(body.byVolume.length).toBeGreaterThan(1);
    const volumes = body.byVolume.map((p) => p.events);
    expect(volumes).toEqual([...volumes].sort((x, y) => y - x));
    const balances = body.byBalance.map((p) => p.balance);
    expect(balances).toEqual([...balances].sort((x, y) => y - x));
    expect(new Set(body.byBalance.map((p) => p.partner))).toEqual(new Set(body.byVolume.map((p) => p.partner)));
    const saudi = body.byVolume.find((p) => p.partner === 'SAU');
    expect(saudi?.events).toBe((await ctx.store.dyadHistory('IRN', 'SAU')).total.events);
    expect(saudi?.nameAr).toContain('السعودية');
    expect(saudi?.trend.label).toMatch(/warming|cooling|steady|too few periods/);
    expect((await get<ActorProfileBody>('/api/actors/IRN/profile?limit=1')).body.byVolume).toHaveLength(1);
    const windowed = await get<ActorProfileBody>('/api/actors/IRN/profile?from=2015&to=2015');
    expect(windowed.body.total.events).toBeLessThan(body.total.events);
    expect((await get('/api/actors/NOPE/profile')).status).toBe(404);
    expect((await get('/api/actors/IRN/profile?from=2020&to=2019')).status).toBe(400);
  });

  it('gives every graph node its centrality and community, the same on every call', async () => {
    const { body } = await get<GraphBody>('/api/graph?view=merged');
    expect(body.communities.count).toBeGreaterThanOrEqual(1);
    expect(new Set(body.nodes.map((n) => n.community)).size).toBe(body.communities.count);
    for (const n of body.nodes) {
      expect(n.betweenness).toBeGreaterThanOrEqual(0);
      expect(n.betweenness).toBeLessThanOrEqual(1);
      expect(n.degree).toBeGreaterThan(0);
      expect(n.weightedDegree).toBe(body.edges.filter((e) => e.a === n.id || e.b === n.id).reduce((sum, e) => sum + e.events, 0));
    }
    // Iran sits between many pairs in the demo articles: some actor lies on shortest paths.
    expect(Math.max(...body.nodes.map((n) => n.betweenness))).toBeGreaterThan(0);
    const reports = await get<GraphBody>('/api/graph');
    expect(reports.body.nodes.every((n) => Number.isInteger(n.community))).toBe(true);
  });
});

describe('coding and storing', () => {
  it('codes a posted article without storing it', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/code', payload: NEW_ARTICLE });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ lang: string; events: { source: { id: string } | null }[] }>();
    expect(body.lang).toBe('ar');
    expect(body.events.length).toBeGreaterThan(0);
    expect(body.events[0]?.source?.id).toBe('IRN');
    expect((await get<{ articles: number }>('/api/health')).body.articles).toBe(11);
  });

  it('rejects a body that is not an article, in a language it cannot read, or too large', async () => {
    const empty = await app.inject({ method: 'POST', url: '/api/code', payload: { text: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ message: string }>().message).toContain('body.text');
    const french = await app.inject({ method: 'POST', url: '/api/code', payload: { text: 'Le ministre a rencontré son homologue hier à Paris pour discuter de la situation dans la région.' } });
    expect(french.statusCode).toBe(400);
    expect(french.json<{ message: string }>().message).toMatch(/language/);
    const broken = await app.inject({ method: 'POST', url: '/api/code', headers: { 'content-type': 'application/json' }, payload: '{"text":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ statusCode: number }>().statusCode).toBe(400);
    const huge = await app.inject({ method: 'POST', url: '/api/code', payload: { text: 'Iran '.repeat(20_000) } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json<{ message: string }>().message).toContain('limit');
  });

  it('stores a posted article only with the token, once, and deletes it', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/articles', payload: NEW_ARTICLE })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/articles', payload: NEW_ARTICLE, headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    const stored = await app.inject({ method: 'POST', url: '/api/articles', payload: NEW_ARTICLE, headers: AUTH });
    expect(stored.statusCode).toBe(201);
    const { hash, events } = stored.json<{ hash: string; stored: boolean; events: number }>();
    expect(events).toBeGreaterThan(0);
    const again = await app.inject({ method: 'POST', url: '/api/articles', payload: NEW_ARTICLE, headers: AUTH });
    expect(again.statusCode).toBe(200);
    expect(again.json<{ stored: boolean }>().stored).toBe(false);
    const page = await get<EventPage>(`/api/events?outlet=${encodeURIComponent('Posted Wire')}`);
    expect(page.body.total).toBe(events);
    // The search index sees the new article's forms after a write.
    expect((await get<{ articles: number }>('/api/health')).body.articles).toBe(12);
    expect((await app.inject({ method: 'DELETE', url: `/api/articles/${hash}` })).statusCode).toBe(401);
    expect((await app.inject({ method: 'DELETE', url: `/api/articles/${hash}`, headers: AUTH })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `/api/articles/${hash}`, headers: AUTH })).statusCode).toBe(404);
    expect((await get<EventPage>(`/api/events?outlet=${encodeURIComponent('Posted Wire')}`)).body.total).toBe(0);
  });
});

describe('another writer', () => {
  it('sees articles ingested beside the server without restarting it', async () => {
    const edge = (g: GraphBody) => g.edges.find((e) => e.a === 'IRN' && e.b === 'ISR')?.events ?? 0;
    const dyadOf = async () => (await get<DyadBody>('/api/dyads/IRN/ISR')).body.total.events;
    const [graphBefore, dyadBefore] = [(await get<GraphBody>('/api/graph')).body, await dyadOf()];
    const file = join(dir, 'beside.txt');
    writeFileSync(file, 'published: 2022-04-11\nlang: ar\n\nأدانت إيران إسرائيل يوم الأحد في بيان.\n');
    const other = await openStore(db);
    try {
      const summary = await ingestPaths(other, [file]);
      expect(summary.events).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
    expect(edge((await get<GraphBody>('/api/graph')).body)).toBeGreaterThan(edge(graphBefore));
    expect(await dyadOf()).toBeGreaterThan(dyadBefore);
  });
});

describe('access rules', () => {
  it('closes reads behind the token when asked, keeping health open', async () => {
    const closedCtx = await openServerContext(db, { token: TOKEN, readsOpen: false });
    const closed = await buildServer(closedCtx, { webRoot: null });
    try {
      expect((await closed.inject({ method: 'GET', url: '/api/events' })).statusCode).toBe(401);
      expect((await closed.inject({ method: 'GET', url: '/api/events', headers: AUTH })).statusCode).toBe(200);
      expect((await closed.inject({ method: 'POST', url: '/api/code', payload: NEW_ARTICLE })).statusCode).toBe(401);
      expect((await closed.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await closed.close();
      await closeServerContext(closedCtx);
    }
  });

  it('turns writes off without a token, with a message that says how to turn them on', async () => {
    const openCtx = await openServerContext(db, { token: null, readsOpen: true });
    const open = await buildServer(openCtx, { webRoot: null });
    try {
      const res = await open.inject({ method: 'POST', url: '/api/articles', payload: NEW_ARTICLE, headers: AUTH });
      expect(res.statusCode).toBe(403);
      expect(res.json<{ message: string }>().message).toContain('RASAD_TOKEN');
    } finally {
      await open.close();
      await closeServerContext(openCtx);
    }
    await expect(openServerContext(db, { token: null, readsOpen: false })).rejects.toThrow(/token/);
  });
});
