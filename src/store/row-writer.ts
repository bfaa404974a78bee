// How a batch's rows go into the database. The portable writer is Kysely (multi-row INSERTs sized to the parameter
// budget: a few statements per table and batch, a round trip each on PostgreSQL); SQLite swaps in prepared statements
// on its own connection (src/store/sqlite-writes.ts), which skip building and compiling a query per statement.
import type { Insertable, Kysely } from 'kysely';
import { chunks, ID_CHUNK } from './merge-facts.js';
import type { Database, NewArticle, NewEvent, NewMergedEvent } from './tables.js';

/** Tables whose rows are inserted without wanting their ids back. */
export type PlainTable = 'mentions' | 'merge_reports' | 'merge_cues' | 'framing';

/** A report pointed at its merged event and linked component. */
export interface Assignment {
  id: number;
  mergedId: number;
  component: number;
}

/** Every method runs inside the caller's transaction on `db`. */
export interface RowWriter {
  insert<T extends PlainTable>(db: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]): Promise<void>;
  /** Articles whose hash is not stored yet (the first of equal hashes wins); the new ids by hash. */
  insertArticles(db: Kysely<Database>, rows: NewArticle[]): Promise<Map<string, number>>;
  /** One new id per row, in order. */
  insertEvents(db: Kysely<Database>, rows: NewEvent[]): Promise<number[]>;
  /** One new id per row, in order. */
  insertMerged(db: Kysely<Database>, rows: NewMergedEvent[]): Promise<number[]>;
  assign(db: Kysely<Database>, rows: Assignment[]): Promise<void>;
  /**
   * Runs around a whole batch's transaction, when the writer needs a setting that cannot change inside one: `save`
   * gets the database to open that transaction on (SQLite: the store's connection, held for the whole batch).
   */
  aroundBatch?<T>(db: Kysely<Database>, save: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

/**
 * Bound parameters per statement: SQLite's limit is 32,766 and PostgreSQL's 65,535; a statement of this size also
 * keeps Kysely's compile time and the server's parse time small.
 */
const PARAMETERS_PER_STATEMENT = 16_000;

function rowsPerStatement(first: object): number {
  return Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / Object.keys(first).length));
}

type Identity = Pick<NewEvent, 'article_id' | 'sentence' | 'trigger_start' | 'evidence_start' | 'code' | 'source_id' | 'target_id'>;

function identity(e: Identity): string {
  return [e.article_id, e.sentence, e.trigger_start, e.evidence_start, e.code, e.source_id ?? '-', e.target_id ?? '-'].join('|');
}

/** Over any Kysely database: multi-row statements, new ids matched back by content (RETURNING promises no order). */
export const portableWriter: RowWriter = {
  async insert(db, table, rows) {
    const first = rows[0];
    if (!first) return;
    for (const part of chunks(rows, rowsPerStatement(first))) await db.insertInto(table).values(part).execute();
  },

  async insertArticles(db, rows) {
    const idOf = new Map<string, number>();
    const first = rows[0];
    if (!first) return idOf;
    for (const part of chunks(rows, rowsPerStatement(first))) {
      const inserted = await db.insertInto('articles').values(part).onConflict((oc) => oc.column('hash').doNothing()).returning(['id', 'hash']).execute();
      for (const r of inserted) idOf.set(r.hash, r.id);
    }
    return idOf;
  },

  async insertEvents(db, rows) {
    const first = rows[0];
    if (!first) return [];
    const byIdentity = new Map<string, number[]>();
    for (const part of chunks(rows, rowsPerStatement(first))) {
      const returned = await db
        .insertInto('events')
        .values(part)
        .returning(['id', 'article_id', 'sentence', 'trigger_start', 'evidence_start', 'code', 'source_id', 'target_id'])
        .execute();
      for (const r of returned) {
        const ids = byIdentity.get(identity(r));
        if (ids) ids.push(r.id);
        else byIdentity.set(identity(r), [r.id]);
      }
    }
    for (const ids of byIdentity.values()) ids.sort((a, b) => a - b);
    return rows.map((row, i) => {
      const id = byIdentity.get(identity(row))?.shift();
      if (id === undefined) throw new Error(`stored event ${i} of article ${row.article_id} came back without its id`);
      return id;
    });
  },

  async insertMerged(db, rows) {
    const first = rows[0];
    if (!first) return [];
    const idOfKey = new Map<string, number>();
    for (const part of chunks(rows, rowsPerStatement(first))) {
      for (const r of await db.insertInto('merged_events').values(part).returning(['id', 'key']).execute()) idOfKey.set(r.key, r.id);
    }
    return rows.map((row) => {
      const id = idOfKey.get(row.key);
      if (id === undefined) throw new Error(`merged event ${row.key} came back without its id`);
      return id;
    });
  },

  // One CASE UPDATE per chunk.
  async assign(db, rows) {
    for (const [first, ...rest] of chunks(rows, ID_CHUNK)) {
      if (!first) continue;
      await db
        .updateTable('merge_reports')
        .set((eb) => ({
          merged_id: rest.reduce((value, a) => value.when(a.id).then(a.mergedId), eb.case('event_id').when(first.id).then(first.mergedId)).end(),
          component: rest.reduce((value, a) => value.when(a.id).then(a.component), eb.case('event_id').when(first.id).then(first.component)).end(),
        }))
        .where('event_id', 'in', [first, ...rest].map((a) => a.id))
        .execute();
    }
  },
};
