// Bulk ingest on SQLite: the indexes that only queries read are dropped while a large ingest runs and built again at
// its end. Every report otherwise writes an entry into each of them at a place spread over the whole index, so the
// pages a commit rewrites grow with the store (bench:scale); one sorted build at the end costs a fraction of that.
//
// Crash safety: the indexes are dropped in the same transaction that records them (name, CREATE statement, the
// process that dropped them) in rasad_deferred_indexes, and each is built again in the transaction that deletes its
// record. So whatever moment a process is killed at, every index is either present or recorded; the next ingest,
// and the next open of the store once the recording process is gone, build the recorded ones. Queries are correct
// without them throughout, only slower.
import type BetterSqlite3 from 'better-sqlite3';

/** The table the records live in (migration 0007). */
const TABLE = 'rasad_deferred_indexes';

/**
 * Indexes a batch reads while it is stored: the merge probes' and merging's own (src/store/merge-candidates.ts,
 * merging.ts). Every other index with a CREATE statement is deferred, so one added later for a query is too; the
 * unique constraints (articles.hash, merged_events.key: SQLite's automatic indexes) and primary keys stay.
 */
const INGEST_INDEXES = new Set(['merge_reports_window', 'merge_reports_component', 'merge_reports_merged']);

interface Deferred {
  name: string;
  create_sql: string;
  owner: number;
}

function hasTable(sqlite: BetterSqlite3.Database): boolean {
  return sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(TABLE) !== undefined;
}

/** Whether the process that recorded a deferral still runs (on this machine: a SQLite file is local). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Drop the query-only indexes, recording them for `owner`; returns how many were dropped. */
export function deferQueryIndexes(sqlite: BetterSqlite3.Database, owner: number = process.pid): number {
  const drop = sqlite.transaction((): number => {
    const indexes = sqlite
      .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and name not like 'sqlite_%'`)
      .all() as Array<{ name: string; sql: string }>;
    const record = sqlite.prepare(`insert into ${TABLE} (name, create_sql, owner) values (?, ?, ?)`);
    let dropped = 0;
    for (const { name, sql } of indexes) {
      if (INGEST_INDEXES.has(name)) continue;
      record.run(name, sql, owner);
      sqlite.exec(`drop index "${name.replaceAll('"', '""')}"`);
      dropped++;
    }
    return dropped;
  });
  return drop.immediate();
}

/**
 * Build the recorded indexes again, one transaction each; with `orphanedOnly`, only those whose recording process has
 * ended (another process may be in the middle of its own bulk ingest). Returns how many were built.
 */
export function restoreDeferredIndexes(sqlite: BetterSqlite3.Database, options: { orphanedOnly?: boolean } = {}): number {
  if (!hasTable(sqlite)) return 0;
  const pending = (sqlite.prepare(`select name, create_sql, owner from ${TABLE} order by name`).all() as Deferred[]).filter(
    (d) => !options.orphanedOnly || !isRunning(d.owner),
  );
  let built = 0;
  for (const d of pending) {
    const restore = sqlite.transaction((): void => {
      // Another process may have built it since the list was read: the record is the claim.
      if (sqlite.prepare(`delete from ${TABLE} where name = ?`).run(d.name).changes === 0) return;
      const exists = sqlite.prepare(`select 1 from sqlite_master where type = 'index' and name = ?`).get(d.name) !== undefined;
      if (!exists) sqlite.exec(d.create_sql);
      built++;
    });
    restore.immediate();
    // Its planner statistics went with it; sampled, as at open (src/store/sqlite.ts), so this takes milliseconds.
    sqlite.pragma('analysis_limit = 1000');
    sqlite.exec(`analyze "${d.name.replaceAll('"', '""')}"`);
  }
  return built;
}
