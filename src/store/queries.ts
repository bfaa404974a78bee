// The Store over any Kysely database with the tables in tables.ts. Only portable SQL here (no SQLite-only
// functions), so a PostgreSQL dialect can reuse this class unchanged.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { dateRange } from '../io/published.js';
import type { EventRecord } from '../output.js';
import { insertArticleRows, type NewArticleRows } from './corpus-rows.js';
import { actorProfile, dyadHistory, type ActorProfile, type DyadHistory } from '../corpus/history.js';
import type { MergedEventRecord } from '../corpus/records.js';
import {
  queryFraming,
  queryMergedEvent,
  queryMergedEvents,
  queryMergedIdOfReport,
  queryOutletFraming,
  queryRelations,
  type ArticleFraming,
  type FramingFilter,
  type MergedFilter,
  type OutletFraming,
  type RelationEdge,
  type RelationWindow,
} from './corpus-queries.js';
import { mergeNewReports, remergeAll, type LockBlocks } from './merging.js';
import { queryReportScan, type ExportReport, type ReportScan } from './export-queries.js';
import {
  deleteArticleByHash,
  queryActorEventCounts,
  queryActorNameForms,
  queryActorStats,
  queryArticle,
  queryArticleCount,
  queryArticlePage,
  queryContentMarker,
  queryEventMonths,
  queryPartners,
  queryReportEdges,
  queryReportCount,
  queryReportPage,
  queryReportPeriods,
  queryReportsByIds,
  type ActorStats,
  type ArticleQuery,
  type PartnerRow,
  type ReportCount,
  type ReportEdge,
  type ReportFilter,
  type ReportQuery,
  type StoredArticle,
  type StoredReport,
} from './api-queries.js';
import { portableWriter, type RowWriter } from './row-writer.js';
import { eventRecord } from './rows.js';
import { queryDyadHistoryPage, type DyadHistoryPage, type DyadHistoryQuery } from './api-history.js';
import {
  contentHash,
  type ArticleSummary,
  type DyadPeriod,
  type DyadReport,
  type DyadSummaryRow,
  type DyadTotals,
  type EventFilter,
  type Period,
  type SaveResult,
  type StorableDocument,
  type Store,
} from './store.js';
import type { Database } from './tables.js';

/** The two actors of an event in alphabetical order (a < b): the key of an unordered dyad. */
export function unorderedPair(eb: ExpressionBuilder<Database, 'events'>) {
  return [
    eb.case().when('source_id', '<', eb.ref('target_id')).then(eb.ref('source_id')).else(eb.ref('target_id')).end().as('a'),
    eb.case().when('source_id', '<', eb.ref('target_id')).then(eb.ref('target_id')).else(eb.ref('source_id')).end().as('b'),
  ] as const;
}

/** Event count, Goldstein sum and cooperation/conflict counts (QuadClass 1-2 / 3-4) of a group of events. */
export function eventTotals(eb: ExpressionBuilder<Database, 'events'>) {
  return [
    eb.fn.countAll<number>().as('events'),
    eb.fn.coalesce(eb.fn.sum<number>('goldstein'), sql<number>`0`).as('goldstein'),
    eb.fn.sum<number>(eb.case().when('quad', '<=', 2).then(1).else(0).end()).as('cooperation'),
    eb.fn.sum<number>(eb.case().when('quad', '>=', 3).then(1).else(0).end()).as('conflict'),
  ] as const;
}

type EventsEb = ExpressionBuilder<Database & { e: Database['events']; a: Database['articles'] }, 'e' | 'a'>;

function emptyTotals(): DyadTotals {
  return { events: 0, goldstein: 0, quad: [0, 0, 0, 0], aToB: 0, bToA: 0 };
}

function periodOf(value: string | null, by: Period): string {
  if (value === null) return 'undated';
  return value.slice(0, by === 'month' ? 7 : 4);
}

function addTo(totals: DyadTotals, r: EventRecord, a: string): void {
  totals.events++;
  totals.goldstein = Math.round((totals.goldstein + (r.goldstein ?? 0)) * 100) / 100;
  const q = r.quad - 1;
  if (q >= 0 && q < 4) totals.quad[q] = (totals.quad[q] ?? 0) + 1;
  if (r.source?.id === a) totals.aToB++;
  else totals.bToA++;
}

/**
 * Insert the articles not stored yet, in the order given (the first of two equal texts wins, as when they come in
 * two batches); returns them with their new ids.
 */
async function insertArticles(db: Kysely<Database>, docs: StorableDocument[], hashes: string[], writer: RowWriter): Promise<NewArticleRows[]> {
  const now = new Date().toISOString();
  const firstOfHash = new Map<string, StorableDocument>();
  docs.forEach((doc, i) => {
    const hash = hashes[i] ?? contentHash(doc.text);
    if (!firstOfHash.has(hash)) firstOfHash.set(hash, doc);
  });
  const unique = [...firstOfHash];
  const rows = unique.map(([hash, doc]) => ({
    doc: doc.meta.id,
    hash,
    title: doc.meta.title,
    outlet: doc.meta.outlet,
    published: doc.meta.published,
    url: doc.meta.url,
    lang: doc.lang,
    origin: doc.meta.origin,
    text: doc.text,
    ingested_at: now,
  }));
  const idOf = await writer.insertArticles(db, rows);
  return unique.flatMap(([hash, doc]) => {
    const articleId = idOf.get(hash);
    return articleId === undefined ? [] : [{ doc, hash, articleId }];
  });
}

export interface KyselyStoreOptions {
  /** Serialise concurrent writers per merge block (PostgreSQL: advisory locks); SQLite needs none. */
  lockBlocks?: LockBlocks;
  /** The same per article hash, taken before any insert, so two writers of overlapping batches cannot deadlock. */
  lockArticles?: LockBlocks;
  /** A cheap marker that changes with the data (SQLite: data_version); default a portable query over ids. */
  dataVersion?: () => Promise<string>;
  /** How batches' rows are inserted (SQLite: prepared statements); default portable multi-row INSERTs. */
  writer?: RowWriter;
}

export class KyselyStore implements Store {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: KyselyStoreOptions = {},
  ) {}

  async saveDocuments(docs: StorableDocument[]): Promise<SaveResult> {
    const writer = this.options.writer ?? portableWriter;
    const save = (db: Kysely<Database>) =>
      db.transaction().execute(async (trx) => {
        const hashes = docs.map((doc) => contentHash(doc.text));
        await this.options.lockArticles?.(trx, hashes);
        const articles = await insertArticles(trx, docs, hashes, writer);
        const { ids, fresh } = await insertArticleRows(trx, articles, writer);
        await mergeNewReports(trx, ids, this.options.lockBlocks, writer, fresh);
        return { stored: articles.length, duplicates: docs.length - articles.length, events: ids.length };
      });
    return writer.aroundBatch ? writer.aroundBatch(this.db, save) : save(this.db);
  }

  async hasArticle(hash: string): Promise<boolean> {
    const row = await this.db.selectFrom('articles').select('id').where('hash', '=', hash).executeTakeFirst();
    return row !== undefined;
  }

  async events(filter: EventFilter = {}): Promise<EventRecord[]> {
    const actorIs = (eb: EventsEb, side: 'source' | 'target', actor: string) =>
      eb.or([eb(`e.${side}_id`, '=', actor), eb(`e.${side}_cameo`, '=', actor)]);
    let query = this.db
      .selectFrom('events as e')
      .innerJoin('articles as a', 'a.id', 'e.article_id')
      .selectAll('e')
      .select('a.doc');
    const { actor, dyad, root, code, from, to, lang, limit } = filter;
    if (actor) query = query.where((eb) => eb.or([actorIs(eb, 'source', actor), actorIs(eb, 'target', actor)]));
    if (dyad) {
      const [x, y] = dyad;
      query = query.where((eb) =>
        eb.or([eb.and([actorIs(eb, 'source', x), actorIs(eb, 'target', y)]), eb.and([actorIs(eb, 'source', y), actorIs(eb, 'target', x)])]),
      );
    }
    if (root) query = query.where('e.root', '=', root);
    if (code) query = query.where('e.code', 'like', `${code}%`);
    if (from) {
      const range = dateRange(from);
      if (range) query = query.where('e.date_last', '>=', range.first);
    }
    if (to) {
      const range = dateRange(to);
      if (range) query = query.where('e.date_first', '<=', range.last);
    }
    if (lang) query = query.where('a.lang', '=', lang);
    query = query
      .orderBy(sql`case when e.date_first is null then 1 else 0 end`)
      .orderBy('e.date_first')
      .orderBy('e.article_id')
      .orderBy('e.id');
    if (limit !== undefined) query = query.limit(limit);
    const rows = await query.execute();
    return rows.map(eventRecord);
  }

  async dyad(a: string, b: string, options: { by?: Period } = {}): Promise<DyadReport> {
    const by = options.by ?? 'month';
    const events = await this.events({ dyad: [a, b] });
    const periods = new Map<string, DyadPeriod>();
    const total = emptyTotals();
    for (const r of events) {
      const period = periodOf(r.date.value, by);
      let bucket = periods.get(period);
      if (!bucket) periods.set(period, (bucket = { period, ...emptyTotals() }));
      // Count direction by actor id or CAMEO code, whichever the user named.
      const first = r.source && (r.source.id === a || r.source.cameo === a) ? r.source.id : '';
      addTo(bucket, r, first);
      addTo(total, r, first);
    }
    const sorted = [...periods.values()].sort((x, y) => (x.period === 'undated' ? 1 : y.period === 'undated' ? -1 : x.period.localeCompare(y.period)));
    return { a, b, by, periods: sorted, total, events };
  }

  async dyadSummary(limit = 10): Promise<DyadSummaryRow[]> {
    const rows = await this.db
      .selectFrom('events')
      .where('source_id', 'is not', null)
      .where('target_id', 'is not', null)
      .whereRef('source_id', '<>', 'target_id')
      .select((eb) => [...unorderedPair(eb), ...eventTotals(eb)])
      .groupBy(['a', 'b'])
      .orderBy('events', 'desc')
      .orderBy('a')
      .orderBy('b')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      a: String(r.a),
      b: String(r.b),
      events: Number(r.events),
      goldstein: Math.round(Number(r.goldstein) * 100) / 100,
      cooperation: Number(r.cooperation),
      conflict: Number(r.conflict),
    }));
  }

  async articles(options: { limit?: number; offset?: number } = {}): Promise<ArticleSummary[]> {
    const rows = await this.db
      .selectFrom('articles as a')
      .leftJoin('events as e', 'e.article_id', 'a.id')
      .select(['a.doc', 'a.hash', 'a.title', 'a.outlet', 'a.published', 'a.lang', 'a.origin', 'a.ingested_at'])
      .select((eb) => eb.fn.count<number>('e.id').as('events'))
      .groupBy(['a.id', 'a.doc', 'a.hash', 'a.title', 'a.outlet', 'a.published', 'a.lang', 'a.origin', 'a.ingested_at'])
      .orderBy('a.id')
      .limit(options.limit ?? 1000)
      .offset(options.offset ?? 0)
      .execute();
    return rows.map((r) => ({
      doc: r.doc,
      hash: r.hash,
      title: r.title,
      outlet: r.outlet,
      published: r.published,
      lang: r.lang,
      origin: r.origin,
      ingestedAt: r.ingested_at,
      events: Number(r.events),
    }));
  }

  mergedEvents(filter: MergedFilter = {}): Promise<MergedEventRecord[]> {
    return queryMergedEvents(this.db, filter);
  }

  mergedEvent(id: number): Promise<MergedEventRecord | null> {
    return queryMergedEvent(this.db, id);
  }

  mergedIdOfReport(reportId: number): Promise<number | null> {
    return queryMergedIdOfReport(this.db, reportId);
  }

  async dyadHistory(a: string, b: string, options: { by?: Period } = {}): Promise<DyadHistory> {
    return dyadHistory(a, b, await queryMergedEvents(this.db, { dyad: [a, b] }), options.by ?? 'month');
  }

  dyadHistoryPage(a: string, b: string, query: DyadHistoryQuery): Promise<DyadHistoryPage> {
    return queryDyadHistoryPage(this.db, a, b, query);
  }

  async actorProfile(actor: string, options: { by?: Period; from?: string; to?: string } = {}): Promise<ActorProfile> {
    const { by, ...window } = options;
    return actorProfile(actor, await queryMergedEvents(this.db, { actor, ...window }), by ?? 'year');
  }

  relations(window: RelationWindow = {}): Promise<RelationEdge[]> {
    return queryRelations(this.db, window);
  }

  framing(filter: FramingFilter = {}): Promise<ArticleFraming[]> {
    return queryFraming(this.db, filter);
  }

  outletFraming(filter: { actor?: string; outlet?: string } = {}): Promise<OutletFraming[]> {
    return queryOutletFraming(this.db, filter);
  }

  async remerge(): Promise<void> {
    await this.db.transaction().execute((trx) => remergeAll(trx, this.options.lockBlocks, this.options.writer));
  }

  reportPage(query: ReportQuery): Promise<StoredReport[]> {
    return queryReportPage(this.db, query);
  }

  reportCount(filter: ReportFilter): Promise<ReportCount> {
    return queryReportCount(this.db, filter);
  }

  reportsByIds(ids: number[]): Promise<StoredReport[]> {
    return queryReportsByIds(this.db, ids);
  }

  reportPeriods(a: string, b: string, by: Period): Promise<DyadPeriod[]> {
    return queryReportPeriods(this.db, a, b, by);
  }

  reportEdges(window: { from?: string; to?: string }, limit: number): Promise<ReportEdge[]> {
    return queryReportEdges(this.db, window, limit);
  }

  eventMonths(): Promise<string[]> {
    return queryEventMonths(this.db);
  }

  articleCount(): Promise<number> {
    return queryArticleCount(this.db);
  }

  articlePage(query: ArticleQuery): Promise<{ total: number; items: ArticleSummary[] }> {
    return queryArticlePage(this.db, query);
  }

  article(hash: string): Promise<StoredArticle | null> {
    return queryArticle(this.db, hash);
  }

  async deleteArticle(hash: string): Promise<boolean> {
    return this.db.transaction().execute((trx) => deleteArticleByHash(trx, hash, this.options.lockBlocks));
  }

  actorStats(actor: string): Promise<ActorStats> {
    return queryActorStats(this.db, actor);
  }

  partners(actor: string, limit: number): Promise<PartnerRow[]> {
    return queryPartners(this.db, actor, limit);
  }

  actorNameForms(): Promise<{ actor: string; text: string }[]> {
    return queryActorNameForms(this.db);
  }

  actorEventCounts(): Promise<Map<string, number>> {
    return queryActorEventCounts(this.db);
  }

  dataVersion(): Promise<string> {
    return this.options.dataVersion?.() ?? queryContentMarker(this.db);
  }

  reportScan(scan: ReportScan): Promise<ExportReport[]> {
    return queryReportScan(this.db, scan);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
