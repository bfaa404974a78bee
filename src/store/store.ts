// The one storage interface. Commands talk to a Store; SQLite is the embedded implementation, and a
// PostgreSQL one can sit behind the same interface (the queries in queries.ts are portable Kysely).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Document, Lang } from '../document.js';
import type { ActorProfile, DyadHistory } from '../corpus/history.js';
import type { MergedEventRecord } from '../corpus/records.js';
import type { EventRecord } from '../output.js';
import type { ArticleFraming, FramingFilter, MergedFilter, OutletFraming, RelationEdge, RelationWindow } from './corpus-queries.js';

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
  saveDocuments(docs: Document[]): Promise<SaveResult>;
  hasArticle(hash: string): Promise<boolean>;
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
  close(): Promise<void>;
}

/** The identity of an article: its text, whatever file or id it came under. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class StoreError extends Error {}

export interface OpenOptions {
  /** Read commands: fail with a clear message instead of creating an empty database. */
  mustExist?: boolean;
}

/** A store at `location`: a SQLite file path (or `:memory:`). */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) throw new StoreError('PostgreSQL stores are not available yet; use a SQLite file path');
  if (options.mustExist && location !== ':memory:' && !existsSync(location)) {
    throw new StoreError(`no database at ${location} (create one with: rasad ingest PATH --db ${location})`);
  }
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore(location);
}
