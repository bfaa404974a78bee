// The rows saved with a batch of new articles: mentions, events, each report's merge bookkeeping (block, canonical
// key, cues, tone, date window; src/corpus/merge.ts) and its weighted cues, and each article's framing of its actors
// (src/corpus/annotate.ts). The rows of the whole batch go to the store's RowWriter together, table by table.
import type { Insertable, Kysely } from 'kysely';
import { annotate } from '../corpus/annotate.js';
import { blockOf, mergeWindow, reportKey } from '../corpus/merge.js';
import type { Document } from '../document.js';
import { cueRowsOf, windowColumns } from './merge-rows.js';
import { portableWriter, type RowWriter } from './row-writer.js';
import { eventRow, mentionRows } from './rows.js';
import type { Database, NewEvent } from './tables.js';

/** An article just inserted, with its id. */
export interface NewArticleRows {
  doc: Document;
  hash: string;
  articleId: number;
}

/** Insert everything the new articles carry besides themselves; returns the new event ids (to be merged). */
export async function insertArticleRows(db: Kysely<Database>, articles: NewArticleRows[], writer: RowWriter = portableWriter): Promise<number[]> {
  await writer.insert(db, 'mentions', articles.flatMap(({ doc, articleId }) => mentionRows(doc, articleId)));
  const events = articles.flatMap(({ doc, articleId }) => doc.events.map((e) => eventRow(doc, articleId, e)));
  const ids = await writer.insertEvents(db, events);
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
  await writer.insert(db, 'merge_reports', reports);
  await writer.insert(db, 'merge_cues', reports.flatMap(cueRowsOf));
  await writer.insert(db, 'framing', framing);
  return ids;
}
