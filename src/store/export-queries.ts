// Reads for `rasad export`: stored reports in id order, one page after another (keyset paging: each page
// starts after the last id of the one before, so a million rows cost one index walk, not a growing OFFSET).
// Portable Kysely (SQLite and PostgreSQL), used by KyselyStore.
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import { dateRange } from '../io/published.js';
import type { ReportRecord } from '../corpus/records.js';
import { eventRecord } from './rows.js';
import type { EventFilter } from './store.js';
import type { Database, EventRow } from './tables.js';

export interface ReportScan extends Omit<EventFilter, 'limit'> {
  /** Reports told by an article of this outlet (case-insensitive). */
  outlet?: string;
  /** Only the reports of these merged events (at most a few hundred ids: one page of merged events). */
  mergedIds?: number[];
  /** Continue after this report id (0 or absent: from the start). */
  afterId?: number;
  limit: number;
}

/** A stored report with what exports need beyond the public record: its sentence index and framing tone. */
export interface ExportReport extends ReportRecord {
  /** Index of its sentence in the article: 0 is the lead. */
  sentence: number;
  /** How its article frames its actors, -1..1, or null. */
  tone: number | null;
}

type ScanEb = ExpressionBuilder<Database & { e: Database['events']; a: Database['articles'] }, 'e' | 'a'>;

function actorIs(eb: ScanEb, side: 'source' | 'target', actor: string) {
  return eb.or([eb(`e.${side}_id`, '=', actor), eb(`e.${side}_cameo`, '=', actor)]);
}

type ScanQuery = SelectQueryBuilder<Database & { e: Database['events']; a: Database['articles']; m: Database['merge_reports'] }, 'e' | 'a' | 'm', ScanRow>;
type ScanRow = EventRow & { doc: string; outlet: string | null; lang: string; published: string | null; url: string | null; merged_id: number | null; tone: number | null };

function filtered(query: ScanQuery, q: ReportScan): ScanQuery {
  const { actor, dyad, root, code, from, to, lang, outlet } = q;
  if (actor) query = query.where((eb) => eb.or([actorIs(eb, 'source', actor), actorIs(eb, 'target', actor)]));
  if (dyad) {
    const [x, y] = dyad;
    query = query.where((eb) => eb.or([eb.and([actorIs(eb, 'source', x), actorIs(eb, 'target', y)]), eb.and([actorIs(eb, 'source', y), actorIs(eb, 'target', x)])]));
  }
  if (root) query = query.where('e.root', '=', root);
  if (code) query = query.where('e.code', 'like', `${code}%`);
  const fromRange = from ? dateRange(from) : null;
  if (fromRange) query = query.where('e.date_last', '>=', fromRange.first);
  const toRange = to ? dateRange(to) : null;
  if (toRange) query = query.where('e.date_first', '<=', toRange.last);
  if (lang) query = query.where('a.lang', '=', lang);
  if (outlet) {
    const wanted = outlet.trim().toLowerCase();
    query = query.where((eb) => eb(eb.fn('lower', ['a.outlet']), '=', wanted));
  }
  return query;
}

function exportReport(row: ScanRow): ExportReport {
  // Assign onto the fresh record rather than spread it: an export builds a million of these.
  return Object.assign(eventRecord(row), {
    id: row.id,
    merged_id: row.merged_id,
    outlet: row.outlet,
    lang: row.lang,
    published: row.published,
    url: row.url,
    sentence: row.sentence,
    tone: row.tone,
  });
}

export async function queryReportScan(db: Kysely<Database>, q: ReportScan): Promise<ExportReport[]> {
  const columns = ['a.doc', 'a.outlet', 'a.lang', 'a.published', 'a.url', 'm.merged_id', 'm.tone'] as const;
  if (q.mergedIds) {
    // The reports of one page of merged events: found through the merged_id index, not by walking all reports.
    if (q.mergedIds.length === 0) return [];
    const query = db
      .selectFrom('merge_reports as m')
      .innerJoin('events as e', 'e.id', 'm.event_id')
      .innerJoin('articles as a', 'a.id', 'e.article_id')
      .selectAll('e')
      .select(columns)
      .where('m.merged_id', 'in', q.mergedIds)
      .where('e.id', '>', q.afterId ?? 0);
    return (await filtered(query, q).orderBy('e.id').limit(q.limit).execute()).map(exportReport);
  }
  const query = db
    .selectFrom('events as e')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .leftJoin('merge_reports as m', 'm.event_id', 'e.id')
    .selectAll('e')
    .select(columns)
    .where('e.id', '>', q.afterId ?? 0);
  return (await filtered(query, q).orderBy('e.id').limit(q.limit).execute()).map(exportReport);
}
