// The dyad-history route against dyadHistory (`rasad dyad`, every merged event loaded): the same periods, totals
// and events, page by page, with the store asked once per block of pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestPaths } from '../src/cli/ingest.js';
import { loadResources } from '../src/lexicon/index.js';
import { createPipeline } from '../src/pipeline.js';
import { loadActorDirectory } from '../src/server/actor-directory.js';
import { buildServer } from '../src/server/app.js';
import { createContext } from '../src/server/context.js';
import type { DyadHistoryBody } from '../src/server/schemas.js';
import { writeApiCorpus } from '../src/bench/api-corpus.js';
import { openStore, type Store } from '../src/store/store.js';

let dir: string;
let store: Store;
let app: FastifyInstance;
let asked = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rasad-history-'));
  store = await openStore(join(dir, 'h.db'));
  await ingestPaths(store, ['demo']);
  // Synthetic events between the same actors: a few dyads with hundreds of merged events, past the first block.
  await writeApiCorpus(store, { events: 6000, eventsPerArticle: 20, seed: 7 });
  // The same store, counting how often the route asks it for a history page.
  const counting = new Proxy(store, {
    get: (target, name, receiver) => {
      const value: unknown = Reflect.get(target, name, receiver);
      if (name !== 'dyadHistoryPage' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        asked++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const resources = loadResources();
  const ctx = createContext({ store: counting, pipeline: createPipeline(resources), cameo: resources.cameo, directory: loadActorDirectory(), access: { token: null, readsOpen: true } });
  app = await buildServer(ctx, { webRoot: null });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('pages the history dyadHistory gives, asking the store once per block of pages', async () => {
  const dyads = (await store.dyadSummary(8)).map((d) => [d.a, d.b] as const);
  expect(dyads.length).toBeGreaterThan(3);
  const queries: [string, 'month' | 'year', number, number][] = [
    ['', 'month', 50, 0],
    ['?by=year', 'year', 50, 0],
    ['?limit=2&offset=1', 'month', 2, 1],
    ['?by=year&limit=1&offset=3', 'year', 1, 3],
    ['?limit=3&offset=198', 'month', 3, 198],
    ['?limit=5&offset=200', 'month', 5, 200],
  ];
  for (const [a, b] of dyads) {
    for (const [query, by, limit, offset] of queries) {
      const url = `/api/dyads/${a}/${b}/history${query}`;
      const { events, ...reference } = await store.dyadHistory(a, b, { by });
      expect(events.length, url).toBeGreaterThan(0);
      const body = (await app.inject(url)).json<DyadHistoryBody>();
      // Through JSON, as the route answers (-0 is sent as 0).
      const expected: unknown = JSON.parse(JSON.stringify({ by: reference.by, periods: reference.periods, total: reference.total }));
      expect({ by: body.by, periods: body.periods, total: body.total }, url).toEqual(expected);
      expect(body.events, url).toEqual(JSON.parse(JSON.stringify({ total: events.length, limit, offset, items: events.slice(offset, offset + limit) })));
    }
  }
  // Per dyad: the first block by month and by year (the next two queries are slices of them), the page across two
  // blocks, and the second block.
  expect(asked).toBe(dyads.length * 4);
});

it("walks a busy dyad's history page by page across blocks as dyadHistory lists it", async () => {
  const [busiest] = await store.dyadSummary(1);
  if (!busiest) throw new Error('no dyads');
  const { events } = await store.dyadHistory(busiest.a, busiest.b);
  expect(events.length).toBeGreaterThan(400);
  const ids: number[] = [];
  for (let offset = 0; offset < events.length; offset += 50) {
    const body = (await app.inject(`/api/dyads/${busiest.a}/${busiest.b}/history?offset=${offset}`)).json<DyadHistoryBody>();
    ids.push(...body.events.items.map((e) => e.id));
  }
  expect(ids).toEqual(events.map((e) => e.id));
  const across = (await app.inject(`/api/dyads/${busiest.a}/${busiest.b}/history?offset=390&limit=20`)).json<DyadHistoryBody>();
  expect(across.events.items.map((e) => e.id)).toEqual(events.slice(390, 410).map((e) => e.id));
});
