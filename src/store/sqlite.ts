// The embedded store: SQLite through Kysely over better-sqlite3, in WAL mode so readers do not block ingest.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrations.js';
import { KyselyStore } from './queries.js';
import { deferQueryIndexes, restoreDeferredIndexes } from './sqlite-indexes.js';
import { sqliteDataVersion, withStatementCache } from './sqlite-statements.js';
import { sqliteWriter } from './sqlite-writes.js';
import { StoreError, type Store } from './store.js';
import type { Database } from './tables.js';

export async function openSqliteStore(path: string): Promise<Store> {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(path);
    sqlite.pragma('journal_mode = WAL');
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process loses nothing it committed (the
    // WAL is in the OS's hands) and a power cut at worst the last commits, never consistency. A sync per batch
    // otherwise costs more than storing the batch.
    sqlite.pragma('synchronous = NORMAL');
    // Checkpoint every ~40 MiB of WAL rather than 4 MiB: each checkpoint syncs, and a page written by several commits
    // in between is copied into the database once (bench:scale: a large store's index pages are rewritten by each batch).
    sqlite.pragma('wal_autocheckpoint = 10000');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Hot pages in memory: a 64 MiB cache, and reads through a 128 MiB map. Mapped pages the process has read count in
    // its resident memory, so a larger map would push an ingest of a large store past 1 GiB (bench:scale).
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('mmap_size = 134217728');
  } catch (err) {
    throw new StoreError(`cannot open database ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  try {
    // A bulk ingest killed before it built its deferred indexes again left them recorded: build them now (before
    // migrating, so a migration meets the indexes it was written for).
    restoreDeferredIndexes(sqlite, { orphanedOnly: true });
    await migrateRacing(db);
  } catch (err) {
    await db.destroy();
    throw new StoreError(`${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  // Planner statistics where missing or stale, sampled so that a large store opens quickly.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
  return new SqliteStore(db, sqlite);
}

/** The Kysely store on one better-sqlite3 connection, with bulk ingest's deferred indexes (src/store/sqlite-indexes.ts). */
class SqliteStore extends KyselyStore {
  constructor(
    private readonly database: Kysely<Database>,
    private readonly sqlite: BetterSqlite3.Database,
  ) {
    super(database, { dataVersion: sqliteDataVersion(sqlite), writer: sqliteWriter(sqlite) });
  }

  /** Holding the store's one connection, so never inside another call's transaction. */
  private exclusive(run: () => number): Promise<number> {
    return this.database.connection().execute(() => Promise.resolve(run()));
  }

  deferQueryIndexes(): Promise<number> {
    return this.exclusive(() => deferQueryIndexes(this.sqlite));
  }

  restoreQueryIndexes(): Promise<number> {
    return this.exclusive(() => restoreDeferredIndexes(this.sqlite));
  }
}

/**
 * Several processes may open a new file at once (workers). Kysely takes no lock on SQLite, so a process can lose the
 * race to another one's migration; each migration is one transaction, so trying again sees the winner's schema.
 */
async function migrateRacing(db: Kysely<Database>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateToLatest(db, 'sqlite');
    } catch (err) {
      const raced = err instanceof Error && /already exists|SQLITE_BUSY|database is locked/i.test(err.message);
      if (!raced || attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
