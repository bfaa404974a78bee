// The rows saved with a batch of new articles: mentions, events, each report's merge bookkeeping (block, canonical
// key, cues, tone, date window; src/corpus/merge.ts) and its weighted cues, and each article's framing of its actors
// (src/corpus/annotate.ts). The rows of the whole batch go to the store's RowWriter together, table by table.
import type { Insertable, Kysely } from 'kysely';
import { annotate } from '../corpus/annotate.js';
import { blockOf, mergeWindow, reportKey } from '../corpus/merge.js';
import type { Document } from '../document.js';
import { cueRowsOf, windowColumns } from './merge-rows.js';
import { freshReport, type FactsRow, type FreshReport, type LinkRow } from './merge-facts.js';
import { portableWriter, type RowWriter } from './row-writer.js';
import { eventRow, mentionRows } from './rows.js';
import type { StorableDocument } from './store.js';
import type { Database, MergeCuesTable, NewEvent } from './tables.js';

/** An article just inserted, with its id. */
export interface NewArticleRows {
  doc: StorableDocument;
  hash: string;
  articleId: number;
}

/**
 * Insert everything the new articles carry besides themselves; returns the new event ids (to be merged) and their
 * reports as merging reads them.
 */
export async function insertArticleRows(
  db: Kysely<Database>,
  articles: NewArticleRows[],
  writer: RowWriter = portableWriter,
): Promise<{ ids: number[]; fresh: Map<number, FreshReport> }> {
  await writer.insert(db, 'mentions', articles.flatMap(({ doc, articleId }) => mentionRows(doc, articleId)));
  const events = articles.flatMap(({ doc, articleId }) => doc.events.map((e) => eventRow(doc, articleId, e)));
  const ids = await writer.insertEvents(db, events);
  const reports: Insertable<Database['merge_reports']>[] = [];
  const framing: Insertable<Database['framing']>[] = [];
  const fresh = new Map<number, FreshReport>();
  let at = 0;
  for (const { doc, hash, articleId } of articles) {
    const notes = doc.annotations ?? annotate(doc);
    doc.events.forEach((e, i) => {
      const row = events[at] as NewEvent;
      const id = ids[at++] as number;
      const report = {
        event_id: id,
        block: blockOf({ source: row.source_id ?? null, target: row.target_id ?? null, code: row.code }),
        key: reportKey(hash, row.sentence, row.trigger_start, row.code, row.source_id ?? null, row.target_id ?? null),
        cues: (notes.reports[i]?.cues ?? []).join(' '),
        tone: notes.reports[i]?.tone ?? null,
        merged_id: null,
        ...windowColumns(mergeWindow(e.date)),
      };
      reports.push(report);
      fresh.set(id, freshReport(linkRowOf(report, row), factsRowOf(report, row, doc, hash)));
    });
    for (const f of notes.framing) {
      framing.push({ article_id: articleId, actor_id: f.actor, mentions: f.mentions, score: f.score, label: f.label, evidence: JSON.stringify(f.evidence) });
    }
  }
  await writer.insert(db, 'merge_reports', reports);
  await writer.insert(db, 'merge_cues', cuesInKeyOrder(reports.flatMap(cueRowsOf)));
  await writer.insert(db, 'framing', framing);
  return { ids, fresh };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Cue rows sorted by merge_cues' key. The table is that key (WITHOUT ROWID) and a batch's cues fall all over it, so
 * in key order each insert lands beside the last one, on a page already in hand, instead of anywhere; the table's
 * content is the same whatever the order. (Sorting merge_reports by its window index instead measured slower: its
 * rows then reach the table out of id order, and the table is the larger tree.)
 */
function cuesInKeyOrder(rows: MergeCuesTable[]): MergeCuesTable[] {
  return rows.sort(
    (a, b) =>
      compare(a.block, b.block) || compare(a.cue, b.cue) || compare(a.window_kind, b.window_kind) || compare(a.window_first, b.window_first) || a.event_id - b.event_id,
  );
}

type NewReport = Pick<Database['merge_reports'], 'event_id' | 'block' | 'key' | 'cues' | 'tone'>;

/** The row linksWhere would read for a report just inserted (no merged event or component yet). */
function linkRowOf(r: NewReport, e: NewEvent): LinkRow {
  return {
    event_id: r.event_id, block: r.block, key: r.key, cues: r.cues, merged_id: null, component: null, sentence: e.sentence,
    source_id: e.source_id ?? null, target_id: e.target_id ?? null, code: e.code, date_value: e.date_value ?? null,
    date_precision: e.date_precision ?? null, date_basis: e.date_basis, negated: e.negated, hypothetical: e.hypothetical,
  };
}

/** The row reportFactsQuery would read for a report just inserted with its article. */
function factsRowOf(r: NewReport, e: NewEvent, doc: Document, hash: string): FactsRow {
  return {
    id: r.event_id, key: r.key, cues: r.cues, tone: r.tone, merged_id: null, hash, doc: doc.meta.id, outlet: doc.meta.outlet,
    lang: doc.lang, published: doc.meta.published, sentence: e.sentence,
    source_id: e.source_id ?? null, source_cameo: e.source_cameo ?? null, source_role: e.source_role ?? null, source_name: e.source_name ?? null,
    target_id: e.target_id ?? null, target_cameo: e.target_cameo ?? null, target_role: e.target_role ?? null, target_name: e.target_name ?? null,
    code: e.code, quad: e.quad, goldstein: e.goldstein ?? null, plover: e.plover ?? null, date_value: e.date_value ?? null,
    date_precision: e.date_precision ?? null, date_basis: e.date_basis, negated: e.negated, hypothetical: e.hypothetical,
    attributed_to: e.attributed_to ?? null, confidence: e.confidence, evidence_text: e.evidence_text,
  };
}
