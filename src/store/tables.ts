// Table shapes as Kysely sees them. Column types are chosen to exist in both SQLite and PostgreSQL:
// integers for booleans (0/1), text for dates (YYYY, YYYY-MM, YYYY-MM-DD), real for scores.
import type { Generated, Insertable, Selectable } from 'kysely';

export interface ArticlesTable {
  id: Generated<number>;
  /** The article's own id (JSONL id or file stem); not unique across sources. */
  doc: string;
  /** sha256 of the text: the same article twice is stored once. */
  hash: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  lang: string;
  origin: string;
  text: string;
  ingested_at: string;
}

export interface MentionsTable {
  id: Generated<number>;
  article_id: number;
  sentence: number;
  start: number;
  end: number;
  kind: string;
  /** One row per resolved actor; null when the mention was not resolved. */
  actor_id: string | null;
  actor_cameo: string | null;
  role: string | null;
  text: string;
}

export interface EventsTable {
  id: Generated<number>;
  article_id: number;
  sentence: number;
  source_id: string | null;
  source_role: string | null;
  source_cameo: string | null;
  source_name: string | null;
  source_text: string | null;
  source_start: number | null;
  source_end: number | null;
  target_id: string | null;
  target_role: string | null;
  target_cameo: string | null;
  target_name: string | null;
  target_text: string | null;
  target_start: number | null;
  target_end: number | null;
  code: string;
  root: string;
  quad: number;
  goldstein: number | null;
  plover: string | null;
  date_value: string | null;
  date_precision: string | null;
  date_text: string | null;
  date_basis: string;
  /** First and last day the date covers, for range filters on dates of any precision. */
  date_first: string | null;
  date_last: string | null;
  trigger_start: number;
  trigger_end: number;
  evidence_start: number;
  evidence_end: number;
  evidence_text: string;
  attributed_to: string | null;
  negated: number;
  hypothetical: number;
  confidence: number;
}

/** Merge bookkeeping for one event report (src/corpus/merge.ts): its block, canonical key and cues. */
export interface MergeReportsTable {
  event_id: number;
  /** Unordered actor pair and CAMEO root: reports in different blocks never merge. */
  block: string;
  /** Canonical, ingest-order-free report key (content hash, sentence, offset, code, actors). */
  key: string;
  /** Supporting cues, space-separated, sorted. */
  cues: string;
  /** How the article frames the report's actors, -1..1; null when it says nothing evaluative. */
  tone: number | null;
  merged_id: number | null;
  /** The report's date window for merging (src/corpus/merge.ts mergeWindow): kind s(tated), p(ublished) or u(nknown). */
  window_kind: string;
  window_first: string;
  window_last: string;
  /**
   * Its linked component, named by the smallest event id in it when it was last clustered: reports that are linked
   * always share it (a deletion may leave a name over a component that has since come apart).
   */
  component: number | null;
}

/** One weighted cue of one report, for finding the reports that share it (src/store/merge-candidates.ts). */
export interface MergeCuesTable {
  block: string;
  cue: string;
  window_kind: string;
  window_first: string;
  window_last: string;
  event_id: number;
}

/** One event as told by one or more reports (the `rasad events` default view). */
export interface MergedEventsTable {
  id: Generated<number>;
  /** The key of its first report: stable while the event keeps that report. */
  key: string;
  block: string;
  source_id: string | null;
  source_cameo: string | null;
  source_role: string | null;
  source_name: string | null;
  target_id: string | null;
  target_cameo: string | null;
  target_role: string | null;
  target_name: string | null;
  code: string;
  root: string;
  quad: number;
  goldstein: number | null;
  plover: string | null;
  date_value: string | null;
  date_precision: string | null;
  date_basis: string;
  date_first: string | null;
  date_last: string | null;
  reports: number;
  articles: number;
  outlets: number;
  /** Languages of its reports, comma-separated (ar,en). */
  langs: string;
  any_claim: number;
  all_claims: number;
  negated: number;
  hypothetical: number;
  confidence: number;
  tone: number | null;
  evidence_text: string;
  evidence_doc: string;
  evidence_report: number;
  first_published: string | null;
}

/** How one article frames one actor (src/corpus/framing.ts). */
export interface FramingTable {
  id: Generated<number>;
  article_id: number;
  actor_id: string;
  mentions: number;
  /** -1 (hostile) .. 1 (favourable). */
  score: number;
  label: string;
  /** The deciding words, JSON array of {text, weight, start, end}. */
  evidence: string;
}

export interface Database {
  articles: ArticlesTable;
  mentions: MentionsTable;
  events: EventsTable;
  merge_reports: MergeReportsTable;
  merge_cues: MergeCuesTable;
  merged_events: MergedEventsTable;
  framing: FramingTable;
}

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEvent = Insertable<EventsTable>;
export type NewMention = Insertable<MentionsTable>;
export type MergedEventRow = Selectable<MergedEventsTable>;
export type NewMergedEvent = Insertable<MergedEventsTable>;
export type NewFraming = Insertable<FramingTable>;
