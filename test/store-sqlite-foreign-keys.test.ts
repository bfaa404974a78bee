// A SQLite batch runs with foreign-key checks off (src/store/sqlite-writes.ts). Other work on the same connection
// must never see them off, and they must be back on after the batch even when another transaction was waiting.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteWriter } from '../src/store/sqlite-writes.js';
import type { Database } from '../src/store/tables.js';

const open: Array<Kysely<Database>> = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.destroy();
});

function connection(): { sqlite: BetterSqlite3.Database; db: Kysely<Database> } {
  const sqlite = new BetterSqlite3(':memory:');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  open.push(db);
  return { sqlite, db };
}

const foreignKeys = async (db: Kysely<Database>): Promise<number> => Number((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0]?.foreign_keys);
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('foreign-key checks around a SQLite batch', () => {
  it('are off inside the batch only, and on for work queued behind it and after it', async () => {
    const { sqlite, db } = connection();
    const writer = sqliteWriter(sqlite);
    const seen: Record<string, number> = {};
    const batch = writer.aroundBatch?.(db, (conn) =>
      conn.transaction().execute(async (trx) => {
        seen.batch = await foreignKeys(trx);
        await pause();
      }),
    );
    // Both queue for the connection while the batch holds it: a transaction that starts as soon as the batch's
    // commits, and a plain statement.
    const other = db.transaction().execute(async (trx) => {
      seen.transaction = await foreignKeys(trx);
      await pause();
    });
    const plain = foreignKeys(db).then((v) => (seen.plain = v));
    await Promise.all([batch, other, plain]);
    expect(seen).toEqual({ batch: 0, transaction: 1, plain: 1 });
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('are back on after a batch that failed', async () => {
    const { sqlite, db } = connection();
    const writer = sqliteWriter(sqlite);
    const failing = writer.aroundBatch?.(db, (conn) =>
      conn.transaction().execute(async () => {
        await pause();
        throw new Error('batch failed');
      }),
    );
    await expect(failing).rejects.toThrow('batch failed');
    expect(await foreignKeys(db)).toBe(1);
  });
});
