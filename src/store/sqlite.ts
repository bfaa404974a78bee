// The embedded store: SQLite through Kysely over better-sqlite3, in WAL mode so readers do not block ingest.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrations.js';
import { KyselyStore } from './queries.js';
import { StoreError, type Store } from './store.js';
import type { Database } from './tables.js';

export async function openSqliteStore(path: string): Promise<Store> {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (err) {
    throw new StoreError(`cannot open database ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db, 'sqlite');
  } catch (err) {
    await db.destroy();
    throw new StoreError(`${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return new KyselyStore(db);
}
