// The PostgreSQL store refreshes the planner's statistics of the tables ingest grows, for servers that run without
// autovacuum: a table changed by more than a fifth since its last ANALYZE is analysed again, looked at on the first
// saved batch and then every 25th, never on the others.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emptyDocument, type Document } from '../src/document.js';
import { parsePostgresUrl } from '../src/store/postgres.js';
import { openStore, type Store } from '../src/store/store.js';
import { describePostgres, postgresBackend, type Backend } from './backends.js';
import { sleep } from './wait.js';

function article(id: string): Document {
  return emptyDocument(`Kuwait and Bahrain renewed their trade pact, note ${id}.`, { id, title: null, outlet: null, published: '2023-03-01', url: null, lang: 'en', origin: id }, 'en');
}

describePostgres('planner statistics', (url) => {
  let backend: Backend;
  let location: string;
  let store: Store;
  let client: pg.Client;

  beforeAll(async () => {
    backend = postgresBackend(url);
    location = backend.fresh('statistics');
    store = await openStore(location);
    client = new pg.Client({ connectionString: parsePostgresUrl(location).connectionString });
    await client.connect();
  });

  afterAll(async () => {
    await store.close();
    await client.end();
    await backend.cleanup();
  });

  /** The tables of the store's schema that ANALYZE (not autovacuum) has seen. */
  async function analysed(): Promise<string[]> {
    const { schema } = parsePostgresUrl(location);
    const { rows } = await client.query<{ table: string }>(
      'select relname as table from pg_stat_user_tables where schemaname = $1 and last_analyze is not null order by relname',
      [schema],
    );
    return rows.map((r) => r.table);
  }

  it('analyses a table that grew past a fifth on the 26th batch, not before, and leaves unchanged tables alone', async () => {
    await store.saveDocuments([article('first')]); // batch 1 is looked at, but one row is below the threshold
    await store.saveDocuments(Array.from({ length: 80 }, (_, i) => article(`bulk-${i}`))); // batch 2: not looked at
    await sleep(1200); // the writer's table statistics reach the shared counters within a second
    expect(await analysed()).toEqual([]);
    for (let batch = 3; batch <= 25; batch++) await store.saveDocuments([article(`single-${batch}`)]);
    expect(await analysed()).toEqual([]);
    await store.saveDocuments([article('twenty-sixth')]);
    // Only articles changed (these documents have no mentions or events).
    expect(await analysed()).toEqual(['articles']);
    expect(await store.articleCount()).toBe(105);
  });
});
