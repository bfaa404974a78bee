// The one storage interface. Commands talk to a Store; SQLite is the embedded implementation, and a
// PostgreSQL one can sit behind the same interface (the queries in queries.ts are portable Kysely).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { CorpusAnnotations } from '../corpus/annotate.js';
import type { Document, Lang } from '../document.js';
import type { ActorProfile, DyadHistory } from '../corpus/history.js';
import type { MergedEventRecord } from '../corpus/records.js';
import type { EventRecord } from '../output.js';
import type { ArticleFraming, FramingFilter, MergedFilter, OutletFraming, RelationEdge, RelationWindow } from './corpus-queries.js';
import type { ExportReport, ReportScan } from './export-queries.js';
import type { DyadHistoryPage, DyadHistoryQuery } from './api-history.js';
import type { ActorStats, ArticleQuery, PartnerRow, ReportCount, ReportEdge, ReportFilter, ReportQuery, StoredArticle, StoredReport } from './api-queries.js';

/**
 * A coded document as the store takes it. `annotations`, when given, must be annotate(doc) of the full document: a
 * coding thread makes them beside the coding (src/cli/coding-worker.ts) and then sends only what storing reads (text,
 * meta, language, mentions, events), without the tokens, sentences and times annotate needed.
 */
export type StorableDocument = Document & { annotations?: CorpusAnnotations };

export interface SaveResult {
  /** Articles newly stored. */
  stored: number;
  /** Articles already in the store (same text), skipped. */
  duplicates: number;
  /** Events stored with the new articles. */
  events: number;
}

export interface EventFilter {
  /** Actor id (IRN, ORG:UN) or CAMEO actor code (IRNGOV), on either side. */
  actor?: string;
  /** Both actors, in either direction. */
  dyad?: [string, string];
  /** CAMEO root, two digits. */
  root?: string;
  /** CAMEO code or a prefix of it (042 matches 042 and 0421). */
  code?: string;
  /** Events whose date overlaps [from, to]; dates of any precision (YYYY, YYYY-MM, YYYY-MM-DD). */
  from?: string;
  to?: string;
  lang?: Lang;
  limit?: number;
}

export type Period = 'month' | 'year';

export interface DyadTotals {
  events: number;
  goldstein: number;
  /** Counts by QuadClass: [1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict]. */
  quad: [number, number, number, number];
  /** Events with a first -> b second, and b -> a. */
  aToB: number;
  bToA: number;
}

export interface DyadPeriod extends DyadTotals {
  /** YYYY-MM or YYYY (a coarser date stays as it is), or `undated`. */
  period: string;
}

export interface DyadReport {
  a: string;
  b: string;
  by: Period;
  periods: DyadPeriod[];
  total: DyadTotals;
  events: EventRecord[];
}

export interface DyadSummaryRow {
  /** The two actor ids in alphabetical order. */
  a: string;
  b: string;
  events: number;
  goldstein: number;
  /** QuadClass 1-2 and 3-4. */
  cooperation: number;
  conflict: number;
}

export interface ArticleSummary {
  doc: string;
  hash: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  lang: string;
  origin: string;
  ingestedAt: string;
  events: number;
}

export interface Store {
  /** Store new articles with their mentions and events, all in one transaction: a failure stores none of the batch. */
  saveDocuments(docs: StorableDocument[]): Promise<SaveResult>;
  hasArticle(hash: string): Promise<boolean>;
  /**
   * For a large ingest: drop the indexes only queries read (merging and the duplicate check keep theirs), to be built
   * once by restoreQueryIndexes at its end; how many. Queries stay correct meanwhile, only slower. Crash-safe: a store
   * opened after the ingest was killed builds them (src/store/sqlite-indexes.ts). Stores without it keep every index.
   */
  deferQueryIndexes?(): Promise<number>;
  /** Build every index deferQueryIndexes dropped (by this process or one that was killed); how many. */
  restoreQueryIndexes?(): Promise<number>;
  events(filter?: EventFilter): Promise<EventRecord[]>;
  dyad(a: string, b: string, options?: { by?: Period }): Promise<DyadReport>;
  dyadSummary(limit?: number): Promise<DyadSummaryRow[]>;
  articles(options?: { limit?: number; offset?: number }): Promise<ArticleSummary[]>;
  /** Merged events: one per real-world event, however many reports tell it (src/corpus/merge.ts). */
  mergedEvents(filter?: MergedFilter): Promise<MergedEventRecord[]>;
  /** One merged event with all its reports, or null. */
  mergedEvent(id: number): Promise<MergedEventRecord | null>;
  /** The merged event a stored report (ReportRecord.id) belongs to, or null. */
  mergedIdOfReport(reportId: number): Promise<number | null>;
  /** A dyad's merged events by period: Goldstein sum and mean, QuadClass counts, balance, strongest evidence. */
  dyadHistory(a: string, b: string, options?: { by?: Period }): Promise<DyadHistory>;
  /** One page of a dyad's merged history: the same figures as dyadHistory, without loading every merged event (src/store/api-history.ts). */
  dyadHistoryPage(a: string, b: string, query: DyadHistoryQuery): Promise<DyadHistoryPage>;
  /** An actor's partners ranked by volume and by balance, each with its trend. */
  actorProfile(actor: string, options?: { by?: Period; from?: string; to?: string }): Promise<ActorProfile>;
  /** The relations network in a window: one edge per dyad over merged events (src/corpus/graph.ts builds the graph). */
  relations(window?: RelationWindow): Promise<RelationEdge[]>;
  /** How each article frames each actor it names. */
  framing(filter?: FramingFilter): Promise<ArticleFraming[]>;
  /** Each outlet's average framing of each actor. */
  outletFraming(filter?: { actor?: string; outlet?: string }): Promise<OutletFraming[]>;
  /** Re-cluster all reports from scratch (after a change of merge rules). */
  remerge(): Promise<void>;

  // Reads for the HTTP API (src/server), portable like the rest (src/store/api-queries.ts).
  /** One page of the event reports matching a query, by date. */
  reportPage(query: ReportQuery): Promise<StoredReport[]>;
  /** How many reports match a filter, counted up to REPORT_COUNT_CAP. */
  reportCount(filter: ReportFilter): Promise<ReportCount>;
  /** Stored reports by id, in the order given; ids that are gone are left out. */
  reportsByIds(ids: number[]): Promise<StoredReport[]>;
  /** A dyad's reports by period, summed by the database (the same counts as dyad()). */
  reportPeriods(a: string, b: string, by: Period): Promise<DyadPeriod[]>;
  /** Dyads with reports overlapping a window, most reports first. */
  reportEdges(window: { from?: string; to?: string }, limit: number): Promise<ReportEdge[]>;
  /** The months (YYYY-MM) that hold dated reports, oldest first. */
  eventMonths(): Promise<string[]>;
  articleCount(): Promise<number>;
  /** Articles newest first, filtered, with the number of matches. */
  articlePage(query: ArticleQuery): Promise<{ total: number; items: ArticleSummary[] }>;
  /** One article with its text, by hash. */
  article(hash: string): Promise<StoredArticle | null>;
  /** Delete an article with its mentions, framing and reports, and merge again the events it told. False when absent. */
  deleteArticle(hash: string): Promise<boolean>;
  /** An actor's reports: how many, on which side, first and last date. */
  actorStats(actor: string): Promise<ActorStats>;
  /** An actor's partners over reports, most reports first. */
  partners(actor: string, limit: number): Promise<PartnerRow[]>;
  /** Distinct (actor id, words) pairs of resolved mentions: the forms articles name actors by. */
  actorNameForms(): Promise<{ actor: string; text: string }[]>;
  /** Reports per actor id, either side. */
  actorEventCounts(): Promise<Map<string, number>>;
  /** Changes whenever the stored data does, by this store or another process: a key for cached answers. */
  dataVersion(): Promise<string>;

  /** Stored reports in id order, one page after `afterId` (exports stream with it; src/store/export-queries.ts). */
  reportScan(scan: ReportScan): Promise<ExportReport[]>;

  close(): Promise<void>;
}

/** The identity of an article: its text, whatever file or id it came under. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class StoreError extends Error {}

/** The database cannot be reached right now (server down, network): worth retrying later, unlike other StoreErrors. */
export class StoreUnavailableError extends StoreError {}

export interface OpenOptions {
  /** Read commands: fail with a clear message instead of creating an empty database. */
  mustExist?: boolean;
}

/**
 * A store at `location`: a PostgreSQL URL (postgres://user@host:5432/db, optionally `?schema=NAME`), or a SQLite file
 * path (or `:memory:`). The CLI's `--db` falls back to RASAD_DB, then ./rasad.db (src/cli/db-option.ts).
 */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  const { isPostgresUrl, openPostgresStore } = await import('./postgres.js');
  if (isPostgresUrl(location)) return openPostgresStore(location, options);
  if (options.mustExist && location !== ':memory:' && !existsSync(location)) {
    throw new StoreError(`no database at ${location} (create one with: rasad ingest PATH --db ${location})`);
  }
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore(location);
}
