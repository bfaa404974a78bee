// The rows saved with a batch of new articles: mentions, events, each report's merge bookkeeping (block, canonical
// key, cues, tone, date window; src/corpus/merge.ts) and its weighted cues, and each article's framing of its actors
// (src/corpus/annotate.ts). Each table gets multi-row INSERTs over the whole batch, a few statements per table
// rather than a few per article (a round trip each on PostgreSQL).
import type { Insertable, Kysely } from 'kysely';
import { annotate } from '../corpus/annotate.js';
import { blockOf, mergeWindow, reportKey } from '../corpus/merge.js';
import type { Document } from '../document.js';
import { cueRowsOf, windowColumns } from './merge-rows.js';
import { eventRow, mentionRows } from './rows.js';
import type { Database, NewEvent } from './tables.js';

/** An article just inserted, with its id. */
export interface NewArticleRows {
  doc: Document;
  hash: string;
  articleId: number;
}

/**
 * Bound parameters per statement: SQLite's limit is 32,766 and PostgreSQL's 65,535; a statement of this size also
 * keeps Kysely's compile time and the server's parse time small.
 */
const PARAMETERS_PER_STATEMENT = 16_000;

/** Insert rows in multi-row statements sized to the parameter budget. */
export async function insertMany<T extends keyof Database & string>(db: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += size) await db.insertInto(table).values(rows.slice(i, i + size)).execute();
}

type Identity = Pick<NewEvent, 'article_id' | 'sentence' | 'trigger_start' | 'evidence_start' | 'code' | 'source_id' | 'target_id'>;

function identity(e: Identity): string {
  return [e.article_id, e.sentence, e.trigger_start, e.evidence_start, e.code, e.source_id ?? '-', e.target_id ?? '-'].join('|');
}

/**
 * Insert the events of the articles and match the new ids back to them by content, since RETURNING gives no row
 * order guarantee; returns one id per event row, in order.
 */
async function insertEvents(db: Kysely<Database>, events: NewEvent[]): Promise<number[]> {
  const first = events[0];
  if (!first) return [];
  const size = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / Object.keys(first).length));
  const byIdentity = new Map<string, number[]>();
  for (let i = 0; i < events.length; i += size) {
    const returned = await db
      .insertInto('events')
      .values(events.slice(i, i + size))
      .returning(['id', 'article_id', 'sentence', 'trigger_start', 'evidence_start', 'code', 'source_id', 'target_id'])
      .execute();
    for (const r of returned) {
      const ids = byIdentity.get(identity(r));
      if (ids) ids.push(r.id);
      else byIdentity.set(identity(r), [r.id]);
    }
  }
  for (const ids of byIdentity.values()) ids.sort((a, b) => a - b);
  return events.map((row, i) => {
    const id = byIdentity.get(identity(row))?.shift();
    if (id === undefined) throw new Error(`stored event ${i} of article ${row.article_id} came back without its id`);
    return id;
  });
}

/** Insert everything the new articles carry besides themselves; returns the new event ids (to be merged). */
export async function insertArticleRows(db: Kysely<Database>, articles: NewArticleRows[]): Promise<number[]> {
  await insertMany(db, 'mentions', articles.flatMap(({ doc, articleId }) => mentionRows(doc, articleId)));
  const events = articles.flatMap(({ doc, articleId }) => doc.events.map((e) => eventRow(doc, articleId, e)));
  const ids = await insertEvents(db, events);
  const reports: Insertable<Database['merge_reports']>[] = [];
  const framing: Insertable<Database['framing']>[] = [];
  let at = 0;
  for (const { doc, hash, articleId } of articles) {
    const notes = annotate(doc);
    doc.events.forEach((e, i) => {
      const row = events[at] as NewEvent;
      reports.push({
        event_id: ids[at++] as number,
        block: blockOf({ source: row.source_id ?? null, target: row.target_id ?? null, code: row.code }),
        key: reportKey(hash, row.sentence, row.trigger_start, row.code, row.source_id ?? null, row.target_id ?? null),
        cues: (notes.reports[i]?.cues ?? []).join(' '),
        tone: notes.reports[i]?.tone ?? null,
        merged_id: null,
        ...windowColumns(mergeWindow(e.date)),
      });
    });
    for (const f of notes.framing) {
      framing.push({ article_id: articleId, actor_id: f.actor, mentions: f.mentions, score: f.score, label: f.label, evidence: JSON.stringify(f.evidence) });
    }
  }
  await insertMany(db, 'merge_reports', reports);
  await insertMany(db, 'merge_cues', reports.flatMap(cueRowsOf));
  await insertMany(db, 'framing', framing);
  return ids;
}
