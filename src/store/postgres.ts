// The shared store: the same KyselyStore over a `pg` Pool, for many processes writing one PostgreSQL at once.
// Writers serialise on advisory locks (per article hash, then per merge block) held until their transaction ends,
// so concurrent ingests neither store an article twice nor lose or duplicate a merge.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { LockBlocks } from './merging.js';
import { migrateToLatest } from './migrations.js';
import { isRetryable, mapQueryErrors, storeErrorOf } from './pg-errors.js';
import { KyselyStore } from './queries.js';
import { StoreError, type OpenOptions, type SaveResult, type StorableDocument, type Store } from './store.js';
import type { Database } from './tables.js';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export interface PostgresLocation {
  /** The URL as pg takes it (without Rasad's own `schema` parameter). */
  connectionString: string;
  /** The schema holding the tables (`?schema=NAME`); the login's default schema when null. */
  schema: string | null;
  /** The URL without its password, for messages. */
  label: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function parsePostgresUrl(location: string): PostgresLocation {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new StoreError(`not a PostgreSQL URL: ${location.replace(/:[^:@/]*@/, ':***@')} (expected postgres://user@host:5432/db)`);
  }
  const schema = url.searchParams.get('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) throw new StoreError(`schema must be lower-case letters, digits and _, not "${schema}"`);
  url.searchParams.delete('schema');
  const connectionString = url.toString();
  url.password = '';
  url.search = '';
  const label = `${url.toString()}${schema === null ? '' : ` (schema ${schema})`}`;
  return { connectionString, schema, label };
}

// pg hands int8 (count, sum of integers) and numeric (sum of int8, avg) over as strings, so that no digit is lost
// beyond 2^53; Rasad's counts and scores are far below that, so they become numbers like SQLite's.
const NUMBER_TYPES = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const types: pg.CustomTypesConfig = {
  getTypeParser: (id, format) => (NUMBER_TYPES.has(id) && format !== 'binary' ? Number : pg.types.getTypeParser(id, format)),
};

/** Advisory-lock namespaces (the two-key form), so an article hash and a merge block never share a lock. */
const ARTICLE_LOCKS = 5301;
const BLOCK_LOCKS = 5302;

/**
 * Take transaction-scoped locks on keys, in the order of their lock numbers: every writer takes them in that order.
 * Transactions run at READ COMMITTED, so each statement after the lock sees everything the previous holder committed.
 */
function lockKeys(namespace: number): LockBlocks {
  return async (db, keys) => {
    if (keys.length === 0) return;
    await sql`select pg_advisory_xact_lock(${sql.lit(namespace)}, k)
      from (select distinct hashtext(key) as k from unnest(${keys}::text[]) as key order by k) as locks`.execute(db);
  };
}

const TRANSACTION_ATTEMPTS = 5;

/**
 * A marker that moves with the data, for the server's read cache, without counting rows: the newest article and
 * merged-event ids catch every insert and re-merge at once; this store's own writes count locally, and another
 * process's deletions show through PostgreSQL's table statistics (which lag by up to a second).
 */
async function dataMarker(db: Kysely<Database>, ownWrites: number): Promise<string> {
  const { rows } = await sql<{ a: number | null; m: number | null; d: number | null }>`select
      (select max(id) from articles) as a, (select max(id) from merged_events) as m,
      (select n_tup_del from pg_stat_all_tables where relid = 'articles'::regclass) as d`.execute(db);
  const [r] = rows;
  return `pg:${ownWrites}:${r?.a ?? 0}:${r?.m ?? 0}:${r?.d ?? 0}`;
}

/** The tables ingest grows, whose query plans go wrong on statistics from when they were small. */
const GROWING_TABLES = ['articles', 'mentions', 'events', 'merge_reports', 'merge_cues', 'merged_events', 'framing'];
/** Saved batches between two looks at the statistics. */
const STATISTICS_CHECK_EVERY = 25;

/**
 * ANALYZE the growing tables changed by more than a fifth since their last statistics (autovacuum's own rule, for
 * servers that run without it): without it the merge probes' index lookups turn into scans as the store grows.
 */
async function refreshStatistics(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ table: string }>`select relname as table from pg_stat_user_tables
    where schemaname = current_schema() and relname in (${sql.join(GROWING_TABLES)})
      and n_mod_since_analyze > 50 + 0.2 * n_live_tup`.execute(db);
  for (const { table } of rows) await sql`analyze ${sql.id(table)}`.execute(db);
}

class PostgresStore extends KyselyStore {
  private readonly writes: { count: number };
  /** Batches this store has committed, for the statistics check's cadence. */
  private savedBatches = 0;

  constructor(
    private readonly database: Kysely<Database>,
    private readonly label: string,
  ) {
    const writes = { count: 0 };
    super(database, { lockArticles: lockKeys(ARTICLE_LOCKS), lockBlocks: lockKeys(BLOCK_LOCKS), dataVersion: () => dataMarker(database, writes.count) });
    this.writes = writes;
  }

  /** PostgreSQL may end a writer in a deadlock it detected; the whole transaction rolled back, so it simply runs again. */
  private async retried<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await run();
        this.writes.count++;
        return result;
      } catch (err) {
        if (!isRetryable(err) || attempt >= TRANSACTION_ATTEMPTS) throw storeErrorOf(err, this.label);
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt * Math.random()));
      }
    }
  }

  override async saveDocuments(docs: StorableDocument[]): Promise<SaveResult> {
    const result = await this.retried(() => super.saveDocuments(docs));
    // The first batch, then every STATISTICS_CHECK_EVERY-th. The batch is committed whatever happens here: a failed
    // look at the statistics is only a missed optimisation (a lost connection shows on the next call).
    if (this.savedBatches++ % STATISTICS_CHECK_EVERY === 0) await refreshStatistics(this.database).catch(() => undefined);
    return result;
  }

  override remerge(): Promise<void> {
    return this.retried(() => super.remerge());
  }

  override deleteArticle(hash: string): Promise<boolean> {
    return this.retried(() => super.deleteArticle(hash));
  }
}

export async function openPostgresStore(location: string, options: OpenOptions = {}): Promise<Store> {
  const { connectionString, schema, label } = parsePostgresUrl(location);
  const pool = new pg.Pool({
    connectionString,
    types,
    connectionTimeoutMillis: 10_000,
    ...(schema === null ? {} : { options: `-c search_path=${schema}` }),
  });
  // A client losing its server, idle or checked out, must not crash the process: its queries fail (mid-query, with
  // a StoreUnavailableError), the next connection attempt reports the outage.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    mapQueryErrors(client, label);
  });
  // Every call takes its connection here, so a server that is down becomes one StoreUnavailableError naming it.
  const connecting = { connect: () => pool.connect().catch((err: unknown) => Promise.reject(storeErrorOf(err, label))), end: () => pool.end() };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: connecting }) });
  try {
    if (schema !== null && !options.mustExist) await sql`create schema if not exists ${sql.id(schema)}`.execute(db).catch(ignoreIfSchemaExists(db, schema));
    const current = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    const tablesIn = current.rows[0]?.schema ?? null;
    const missing = `no Rasad tables at ${label} (create them with: rasad ingest PATH --db URL)`;
    if (tablesIn === null) throw new StoreError(options.mustExist ? missing : `PostgreSQL at ${label}: no such schema`);
    if (options.mustExist) {
      const found = await sql<{ table: string | null }>`select to_regclass('rasad_migrations')::text as table`.execute(db);
      if ((found.rows[0]?.table ?? null) === null) throw new StoreError(missing);
    }
    await migrateToLatest(db, 'postgres', tablesIn);
  } catch (err) {
    await db.destroy();
    throw storeErrorOf(err, label);
  }
  return new PostgresStore(db, label);
}

/** Two processes creating one schema at once: the loser's error is harmless once the schema is there. */
function ignoreIfSchemaExists(db: Kysely<Database>, schema: string) {
  return async (err: unknown): Promise<void> => {
    const found = await sql<{ n: number }>`select count(*) as n from pg_namespace where nspname = ${schema}`.execute(db);
    if (Number(found.rows[0]?.n ?? 0) === 0) throw err;
  };
}
