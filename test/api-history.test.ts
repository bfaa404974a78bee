// A dyad's merged history summed by the database (src/store/api-history.ts) against dyadHistory() over all its
// merged events (`rasad dyad`), on each backend: the same periods, totals, strongest, first and last events, and
// its events paged in the same order, for every dyad of a coded corpus and of one with many equally strong events.
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestPaths } from '../src/cli/ingest.js';
import { queryDyadHistoryPage } from '../src/store/api-history.js';
import { openStore, type Store } from '../src/store/store.js';
import type { Database } from '../src/store/tables.js';
import { pagingDocuments } from './api-fixtures.js';
import { describeBackends } from './backends.js';

/** A Kysely handle on the store's database, as KyselyStore holds one. */
function kyselyAt(location: string): Kysely<Database> {
  if (!location.startsWith('postgres')) return new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(location) }) });
  const url = new URL(location);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  const pool = new pg.Pool({ connectionString: url.toString(), ...(schema === null ? {} : { options: `-c search_path=${schema}` }) });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

describeBackends('dyad history by the database', (backend) => {
  let store: Store;
  let db: Kysely<Database>;

  beforeAll(async () => {
    const location = backend.fresh('history');
    store = await openStore(location);
    await ingestPaths(store, [join(import.meta.dirname, '..', 'demo')]);
    await store.saveDocuments(pagingDocuments(30, 6));
    db = kyselyAt(location);
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await store?.close();
  });

  it('gives what dyadHistory gives, for every dyad, by month and by year, with its events paged alike', async () => {
    const dyads = await store.dyadSummary(100);
    expect(dyads.length).toBeGreaterThan(10);
    // Pairs named by CAMEO actor code and mixed: the match takes an id or a code on either side.
    const pairs: [string, string][] = [...dyads.map((d): [string, string] => [d.b, d.a]), ['IRNGOV', 'SAU'], ['IGOUN', 'IRN'], ['QAT', 'QAT'], ['XYZ', 'IRN']];
    let compared = 0;
    for (const [a, b] of pairs) {
      for (const by of ['month', 'year'] as const) {
        const reference = await store.dyadHistory(a, b, { by });
        const page = await queryDyadHistoryPage(db, a, b, { by, limit: 10_000, offset: 0 });
        const { events, ...rest } = reference;
        expect({ ...page, events: page.events.items }, `${a}-${b} by ${by}`).toEqual({ ...rest, events });
        expect(page.events.total).toBe(events.length);
        if (events.length > 3) {
          const middle = await queryDyadHistoryPage(db, a, b, { by, limit: 2, offset: 1 });
          expect(middle.events.items).toEqual(events.slice(1, 3));
          expect(middle.total).toEqual(reference.total);
        }
        compared += events.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
