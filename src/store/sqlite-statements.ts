// Kysely prepares every query afresh; a server runs the same few query shapes over and over, so keep the
// prepared statements (least recently used dropped first).
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export function withStatementCache(sqlite: BetterSqlite3.Database, size = 256): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text); // re-inserted below: most recently used last
      } else {
        stmt = sqlite.prepare(text);
        if (cache.size >= size) cache.delete(cache.keys().next().value ?? '');
      }
      cache.set(text, stmt);
      return stmt;
    },
  };
}

/**
 * Changes when any connection commits (data_version sees the others, total_changes this one's own writes):
 * read straight from the connection, it costs microseconds.
 */
export function sqliteDataVersion(sqlite: BetterSqlite3.Database): () => Promise<string> {
  const stmt = sqlite.prepare('select (select data_version from pragma_data_version()) as v, total_changes() as c').raw();
  return () => {
    const [v, c] = stmt.get() as [number, number];
    return Promise.resolve(`${v}:${c}`);
  };
}
