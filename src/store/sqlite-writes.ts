// SQLite's RowWriter: one prepared statement per table, run once per row on the store's own connection. better-sqlite3
// is synchronous and the connection is the one Kysely's transaction holds, so these rows are part of that
// transaction; a run costs microseconds, where building and compiling a multi-row Kysely INSERT costs more than
// SQLite takes to store the rows. New ids come straight from each run (lastInsertRowid).
//
// A batch is stored with foreign-key checks off. Every row it inserts hangs off a row inserted just before in the same
// transaction (ids taken from those inserts), so the checks could never fail, and they cost a parent lookup per row
// and per changed reference: a fifth of storing a batch at 20,000 articles (bench:scale). Deletions do not rely on
// them either (children are deleted first, src/store/api-queries.ts). The setting cannot change inside a
// transaction (a PRAGMA there is silently ignored), so the batch holds the store's one connection from before its
// transaction begins until after it ends: no other statement can run with the checks off, and no other transaction
// can be open when they are switched back on (which would leave them off for good).
import type BetterSqlite3 from 'better-sqlite3';
import type { RowWriter } from './row-writer.js';

type Value = string | number | bigint | null;

/** A row as SQLite binds it: its values in the statement's column order (undefined, an omitted column, as null). */
function valuesOf(row: object, columns: readonly string[]): Value[] {
  const record = row as Record<string, Value | undefined>;
  return columns.map((c) => record[c] ?? null);
}

export function sqliteWriter(sqlite: BetterSqlite3.Database): RowWriter {
  const statements = new Map<string, BetterSqlite3.Statement<Value[]>>();
  /** The INSERT for a table and the columns of its rows, prepared once. */
  const insertFor = (table: string, columns: readonly string[], tail = ''): BetterSqlite3.Statement<Value[]> => {
    const text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})${tail}`;
    let stmt = statements.get(text);
    if (!stmt) statements.set(text, (stmt = sqlite.prepare<Value[]>(text)));
    return stmt;
  };
  const insertAll = (table: string, rows: object[], tail = ''): Array<{ changes: number; id: number }> => {
    const first = rows[0];
    if (!first) return [];
    const columns = Object.keys(first);
    const stmt = insertFor(table, columns, tail);
    return rows.map((row) => {
      const r = stmt.run(...valuesOf(row, columns));
      return { changes: r.changes, id: Number(r.lastInsertRowid) };
    });
  };
  let assignStmt: BetterSqlite3.Statement<Value[]> | null = null;
  const setForeignKeys = (on: boolean): void => {
    sqlite.pragma(`foreign_keys = ${on ? 'ON' : 'OFF'}`);
    if (sqlite.pragma('foreign_keys', { simple: true }) !== (on ? 1 : 0)) throw new Error(`foreign-key checks could not be switched ${on ? 'on' : 'off'}`);
  };
  return {
    aroundBatch(db, save) {
      return db.connection().execute(async (connection) => {
        setForeignKeys(false);
        try {
          return await save(connection);
        } finally {
          setForeignKeys(true);
        }
      });
    },
    insert(_db, table, rows) {
      insertAll(table, rows);
      return Promise.resolve();
    },
    insertArticles(_db, rows) {
      const idOf = new Map<string, number>();
      insertAll('articles', rows, ' on conflict ("hash") do nothing').forEach((r, i) => {
        const hash = rows[i]?.hash;
        if (r.changes > 0 && hash !== undefined) idOf.set(hash, r.id);
      });
      return Promise.resolve(idOf);
    },
    insertEvents(_db, rows) {
      return Promise.resolve(insertAll('events', rows).map((r) => r.id));
    },
    insertMerged(_db, rows) {
      return Promise.resolve(insertAll('merged_events', rows).map((r) => r.id));
    },
    assign(_db, rows) {
      assignStmt ??= sqlite.prepare<Value[]>('update merge_reports set merged_id = ?, component = ? where event_id = ?');
      for (const a of rows) assignStmt.run(a.mergedId, a.component, a.id);
      return Promise.resolve();
    },
  };
}
