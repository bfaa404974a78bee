// The dyad-history route over a store that sums the history in the database (dyadHistoryPage) and over one that
// gives the whole history (dyadHistory): the same answers, page by page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestPaths } from '../src/cli/ingest.js';
import { loadResources } from '../src/lexicon/index.js';
import { createPipeline } from '../src/pipeline.js';
import { loadActorDirectory } from '../src/server/actor-directory.js';
import { buildServer } from '../src/server/app.js';
import { createContext } from '../src/server/context.js';
import type { DyadHistoryBody } from '../src/server/schemas.js';
import { queryDyadHistoryPage, type DyadHistoryQuery } from '../src/store/api-history.js';
import { openStore, type Store } from '../src/store/store.js';
import type { Database } from '../src/store/tables.js';

let dir: string;
let store: Store;
let db: Kysely<Database>;
const apps: FastifyInstance[] = [];
let paged = 0;

async function serverOver(s: Store): Promise<FastifyInstance> {
  const resources = loadResources();
  const ctx = createContext({ store: s, pipeline: createPipeline(resources), cameo: resources.cameo, directory: loadActorDirectory(), access: { token: null, readsOpen: true } });
  const app = await buildServer(ctx, { webRoot: null });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rasad-history-'));
  const file = join(dir, 'h.db');
  store = await openStore(file);
  await ingestPaths(store, ['demo']);
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
}, 60_000);

afterAll(async () => {
  for (const app of apps) await app.close();
  await db?.destroy();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('answers the same over a store that pages the history as over one that gives it whole', async () => {
  const dyadHistoryPage = (a: string, b: string, q: DyadHistoryQuery) => {
    paged++;
    return queryDyadHistoryPage(db, a, b, q);
  };
  const pages = new Proxy(store, { get: (target, name, receiver) => (name === 'dyadHistoryPage' ? dyadHistoryPage : Reflect.get(target, name, receiver)) as unknown });
  const [whole, paging] = [await serverOver(store), await serverOver(pages)];
  const dyads = (await store.dyadSummary(8)).map((d) => [d.a, d.b]);
  expect(dyads.length).toBeGreaterThan(3);
  for (const [a, b] of dyads) {
    for (const query of ['', '?by=year', '?limit=2&offset=1', '?by=year&limit=1&offset=3']) {
      const url = `/api/dyads/${a}/${b}/history${query}`;
      const expected = (await whole.inject(url)).json<DyadHistoryBody>();
      expect(expected.total.events, url).toBeGreaterThan(0);
      expect((await paging.inject(url)).json<DyadHistoryBody>(), url).toEqual(expected);
    }
  }
  expect(paged).toBe(dyads.length * 4);
});
