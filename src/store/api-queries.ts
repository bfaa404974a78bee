// Reads the HTTP API needs beyond the CLI's, and deleting an article: report pages with totals, articles with
// their text, actor statistics, partners and windowed edges over reports, the search index's forms. Portable
// Kysely only (SQLite and PostgreSQL), used by KyselyStore.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { dateRange } from '../io/published.js';
import type { EventRecord } from '../output.js';
import { chunks, mergeNewReports, type LockBlocks } from './merging.js';
import { eventTotals, unorderedPair } from './queries.js';
import { eventRecord } from './rows.js';
import type { ArticleSummary, DyadPeriod, DyadSummaryRow, Period } from './store.js';
import type { Database, EventRow } from './tables.js';

export interface ReportFilter {
  /** Actor id (IRN, ORG:UN) or CAMEO actor code (IRNGOV), on either side. */
  actor?: string;
  /** Any of these actor ids, on either side. */
  actors?: string[];
  /** Both actors, in either direction. */
  dyad?: [string, string];
  root?: string;
  /** CAMEO code or a prefix of it. */
  code?: string;
  from?: string;
  to?: string;
  lang?: string;
  outlet?: string;
  /** Reports of one article, by its hash. */
  article?: string;
}

export interface ReportQuery extends ReportFilter {
  /** By date; undated reports last either way. Default newest first. */
  order?: 'asc' | 'desc';
  limit: number;
  /** Rows skipped (read and thrown away by the database); not used with `after`. */
  offset: number;
  /** Keyset paging: the page starts just after this report, in the page's order, without reading the rows before it. */
  after?: ReportPosition;
}

/** A report's place in the date order of a page: its date_first (null when undated) and its id. */
export interface ReportPosition {
  date: string | null;
  id: number;
}

/** A stored report: the public event record plus where it is stored and which article told it. */
export interface StoredReport extends EventRecord {
  id: number;
  /** The article's hash. */
  article: string;
  outlet: string | null;
  lang: string;
  published: string | null;
  title: string | null;
}

export interface ReportCount {
  /** Matches, counted up to REPORT_COUNT_CAP. */
  total: number;
  /** More reports match than `total` says. */
  capped: boolean;
}

export interface ArticleQuery {
  limit: number;
  offset: number;
  /**
   * Keyset paging: the articles stored before the one with this hash (the list is newest first), instead of skipping
   * `offset` rows. An article deleted since ends the list there.
   */
  before?: string;
  lang?: string;
  outlet?: string;
}

export interface StoredArticle {
  hash: string;
  doc: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  lang: string;
  origin: string;
  text: string;
}

export interface ActorStats {
  events: number;
  asSource: number;
  asTarget: number;
  first: string | null;
  last: string | null;
}

export interface PartnerRow {
  id: string;
  events: number;
  goldstein: number;
  cooperation: number;
  conflict: number;
}

export interface ReportEdge extends DyadSummaryRow {
  /** (cooperation - conflict) / events, -1..1. */
  balance: number;
}

/** Counts stop here: a page says "1,000 or more" rather than counting a hundred thousand rows per request. */
export const REPORT_COUNT_CAP = 1_000;

type EventsQb = SelectQueryBuilder<Database & { e: Database['events'] }, 'e', object>;
type Where = (qb: EventsQb) => EventsQb;
type JoinedRow = EventRow & { doc: string; hash: string; outlet: string | null; lang: string; published: string | null; title: string | null };

const ID_CHUNK = 500;

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Actor ids are three letters (ISO 3166) or PREFIX:NAME; any other value is a CAMEO actor code (IRNGOV). */
function actorColumn(value: string, side: 'source' | 'target'): 'source_id' | 'target_id' | 'source_cameo' | 'target_cameo' {
  const isId = value.length === 3 || value.includes(':');
  return `${side}_${isId ? 'id' : 'cameo'}`;
}

function toReport(row: JoinedRow): StoredReport {
  // Assign onto the fresh record rather than spread it: a page builds hundreds of these per second.
  return Object.assign(eventRecord(row), { id: row.id, article: row.hash, outlet: row.outlet, lang: row.lang, published: row.published, title: row.title });
}

/**
 * The branches whose UNION ALL is the set of matching reports: one per side of an actor or dyad match, disjoint,
 * each answerable from one index in date order, so the database merges them instead of sorting every match.
 */
function branches(q: Pick<ReportFilter, 'actor' | 'actors' | 'dyad'>): Where[] {
  if (q.dyad) {
    const [x, y] = q.dyad;
    const way = (a: string, b: string): Where => (qb) => qb.where(`e.${actorColumn(a, 'source')}`, '=', a).where(`e.${actorColumn(b, 'target')}`, '=', b);
    return x === y ? [way(x, y)] : [way(x, y), way(y, x)];
  }
  if (q.actor) {
    const a = q.actor;
    const src = actorColumn(a, 'source');
    return [(qb) => qb.where(`e.${src}`, '=', a), (qb) => qb.where(`e.${actorColumn(a, 'target')}`, '=', a).where((eb) => eb.or([eb(`e.${src}`, 'is', null), eb(`e.${src}`, '<>', a)]))];
  }
  if (q.actors) {
    const ids = q.actors.length > 0 ? q.actors : [''];
    return [(qb) => qb.where('e.source_id', 'in', ids), (qb) => qb.where('e.target_id', 'in', ids).where((eb) => eb.or([eb('e.source_id', 'is', null), eb('e.source_id', 'not in', ids)]))];
  }
  return [(qb) => qb];
}

/** One branch of the match: its own condition plus the filters every branch shares. */
function branch(db: Kysely<Database>, q: ReportFilter, own: Where): EventsQb {
  let qb = own(db.selectFrom('events as e'));
  if (q.root) qb = qb.where('e.root', '=', q.root);
  if (q.code) qb = qb.where('e.code', 'like', `${q.code}%`);
  const from = q.from ? dateRange(q.from) : null;
  if (from) qb = qb.where('e.date_last', '>=', from.first);
  const to = q.to ? dateRange(q.to) : null;
  if (to) qb = qb.where('e.date_first', '<=', to.last);
  const { article } = q;
  if (article !== undefined) qb = qb.where('e.article_id', '=', (eb) => eb.selectFrom('articles').select('id').where('hash', '=', article));
  // Article filters look up each candidate's article by its key, so the events' own index drives the query.
  if (q.lang || q.outlet) {
    const { lang, outlet } = q;
    qb = qb.where((eb) => {
      let a = eb.selectFrom('articles as a').select('a.id').whereRef('a.id', '=', 'e.article_id');
      if (lang) a = a.where('a.lang', '=', lang);
      if (outlet) a = a.where('a.outlet', '=', outlet);
      return eb.exists(a);
    });
  }
  return qb;
}

/** Reports by id, in the order given (ids that are gone are left out). */
export async function queryReportsByIds(db: Kysely<Database>, order: number[]): Promise<StoredReport[]> {
  if (order.length === 0) return [];
  const byId = new Map<number, JoinedRow>();
  for (const ids of chunks(order, ID_CHUNK)) {
    const rows = await db
      .selectFrom('events as e')
      .innerJoin('articles as a', 'a.id', 'e.article_id')
      .selectAll('e')
      .select(['a.doc', 'a.hash', 'a.outlet', 'a.lang', 'a.published', 'a.title'])
      .where('e.id', 'in', ids)
      .execute();
    for (const r of rows) byId.set(r.id, r);
  }
  return order.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toReport(row)] : [];
  });
}

/** Where a report sits in the date order of a page: date_first is the first day of its date, as rows.ts stores it. */
export function reportPosition(report: Pick<StoredReport, 'id' | 'date'>): ReportPosition {
  const range = report.date.value ? dateRange(report.date.value) : null;
  return { date: range?.first ?? null, id: report.id };
}

type Segment = 'dated' | 'undated';

/**
 * One side of the page order (dated reports by date then id, or the undated ones after them by id), from just after
 * `after`. The date bound is a range on each branch's (actor, date_first) index, so no row before the cursor is read;
 * the second condition drops only the rows of the cursor's own day that come before it.
 */
function inSegment(segment: Segment, dir: 'asc' | 'desc', after: ReportPosition | undefined): Where {
  const [upTo, past] = dir === 'desc' ? (['<=', '<'] as const) : (['>=', '>'] as const);
  return (qb) => {
    if (segment === 'undated') {
      const undated = qb.where('e.date_first', 'is', null);
      return after?.date === null ? undated.where('e.id', past, after.id) : undated;
    }
    const dated = qb.where('e.date_first', 'is not', null);
    if (after === undefined || after.date === null) return dated;
    const { date, id } = after;
    return dated.where('e.date_first', upTo, date).where((eb) => eb.or([eb('e.date_first', past, date), eb('e.id', past, id)]));
  };
}

/** The page's reports joined to their articles: `page` selects the ids (and date_first) in page order. */
async function pageRows(db: Kysely<Database>, page: SelectQueryBuilder<Database, never, { id: number; date_first: string | null }>, dir: 'asc' | 'desc'): Promise<StoredReport[]> {
  const rows = await db
    .selectFrom(page.as('p'))
    .innerJoin('events as e', 'e.id', 'p.id')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .selectAll('e')
    .select(['a.doc', 'a.hash', 'a.outlet', 'a.lang', 'a.published', 'a.title'])
    .orderBy('p.date_first', (ob) => (dir === 'desc' ? ob.desc() : ob.asc()).nullsLast())
    .orderBy('p.id', dir)
    .execute();
  return rows.map(toReport);
}

/** The matching ids of every branch, merged in date order. */
function unionPage(db: Kysely<Database>, q: ReportQuery, extra: Where) {
  return branches(q)
    .map((own) => branch(db, q, (qb) => extra(own(qb))).select(['e.id as id', 'e.date_first as date_first']))
    .reduce((all, next) => all.unionAll(next));
}

/** One page of the matching reports: the branches merged in date order, then each page row joined to its article. */
export async function queryReportPage(db: Kysely<Database>, q: ReportQuery): Promise<StoredReport[]> {
  const dir = q.order ?? 'desc';
  if (q.after) return keysetPage(db, q, q.after, dir);
  const page = unionPage(db, q, (qb) => qb)
    // Undated reports last either way; then by report id, for a stable page order.
    .orderBy(sql.ref('date_first'), (ob) => (dir === 'desc' ? ob.desc() : ob.asc()).nullsLast())
    .orderBy(sql.ref('id'), dir)
    .limit(q.limit)
    .offset(q.offset);
  return pageRows(db, page, dir);
}

/**
 * The page after a position: the dated reports after it, then (when the page is not full) the undated ones. Each
 * branch takes its own first `limit` rows from an ordered index range and only those are merged: PostgreSQL would
 * otherwise read every match of each branch and sort them (it does not merge a UNION ALL in index order).
 */
async function keysetPage(db: Kysely<Database>, q: ReportQuery, after: ReportPosition, dir: 'asc' | 'desc'): Promise<StoredReport[]> {
  const segments: Segment[] = after.date === null ? ['undated'] : ['dated', 'undated'];
  const out: StoredReport[] = [];
  for (const segment of segments) {
    const want = q.limit - out.length;
    if (want <= 0) break;
    const within = inSegment(segment, dir, after);
    const page = branches(q)
      .map((own) =>
        db
          .selectFrom(
            branch(db, q, (qb) => within(own(qb)))
              .select(['e.id as id', 'e.date_first as date_first'])
              .$if(segment === 'dated', (qb) => qb.orderBy('e.date_first', dir))
              .orderBy('e.id', dir)
              .limit(want)
              .as('b'),
          )
          .select(['b.id', 'b.date_first']),
      )
      .reduce((all, next) => all.unionAll(next))
      .orderBy(sql.ref('date_first'), dir)
      .orderBy(sql.ref('id'), dir)
      .limit(want);
    out.push(...(await pageRows(db, page, dir)));
  }
  return out;
}

/** How many reports match, counted up to REPORT_COUNT_CAP: a page says "1,000 or more" rather than counting them all. */
export async function queryReportCount(db: Kysely<Database>, q: ReportFilter): Promise<ReportCount> {
  const matches = branches(q)
    .map((own) => branch(db, q, own).select('e.id'))
    .reduce((all, next) => all.unionAll(next))
    .limit(REPORT_COUNT_CAP + 1);
  const row = await db
    .selectFrom(matches.as('matches'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return { total: Math.min(n, REPORT_COUNT_CAP), capped: n > REPORT_COUNT_CAP };
}

/** A dyad's reports by period, as `rasad dyad --reports` counts them, summed by the database. */
export async function queryReportPeriods(db: Kysely<Database>, a: string, b: string, by: Period): Promise<DyadPeriod[]> {
  const aSource = actorColumn(a, 'source');
  const parts = branches({ dyad: [a, b] }).map((own) => own(db.selectFrom('events as e')).select(['e.date_value', 'e.goldstein', 'e.quad', `e.${aSource} as a_side`]));
  const [first, ...rest] = parts;
  if (!first) return [];
  const all = rest.reduce((u, next) => u.unionAll(next), first);
  const rows = await db
    .selectFrom(all.as('d'))
    .select((eb) => [
      eb
        .case()
        .when('d.date_value', 'is', null)
        .then(sql.lit('undated'))
        .else(eb.fn<string>('substr', ['d.date_value', sql.lit(1), sql.lit(by === 'month' ? 7 : 4)]))
        .end()
        .as('period'),
      eb.fn.countAll<number>().as('events'),
      eb.fn.coalesce(eb.fn.sum<number>('d.goldstein'), sql<number>`0`).as('goldstein'),
      ...([1, 2, 3, 4] as const).map((quad) => eb.fn.sum<number>(eb.case().when('d.quad', '=', quad).then(1).else(0).end()).as(`q${quad}`)),
      eb.fn.sum<number>(eb.case().when('d.a_side', '=', a).then(1).else(0).end()).as('aToB'),
    ])
    .groupBy('period')
    .execute();
  return rows
    .map((r) => {
      const events = Number(r.events);
      const aToB = Number(r.aToB);
      const quad: [number, number, number, number] = [Number(r.q1), Number(r.q2), Number(r.q3), Number(r.q4)];
      return { period: String(r.period), events, goldstein: round2(Number(r.goldstein)), quad, aToB, bToA: events - aToB };
    })
    .sort((x, y) => (x.period === 'undated' ? 1 : y.period === 'undated' ? -1 : x.period < y.period ? -1 : x.period > y.period ? 1 : 0));
}

export async function queryArticleCount(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Articles newest first (by storage order), with the number of matches. */
export async function queryArticlePage(db: Kysely<Database>, q: ArticleQuery): Promise<{ total: number; items: ArticleSummary[] }> {
  let base = db.selectFrom('articles as a');
  if (q.lang) base = base.where('a.lang', '=', q.lang);
  if (q.outlet) base = base.where('a.outlet', '=', q.outlet);
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['a.doc', 'a.hash', 'a.title', 'a.outlet', 'a.published', 'a.lang', 'a.origin', 'a.ingested_at'])
    .select((eb) => eb.selectFrom('events as e').whereRef('e.article_id', '=', 'a.id').select(eb.fn.countAll<number>().as('n')).as('events'))
    .$if(q.before !== undefined, (qb) => qb.where('a.id', '<', (eb) => eb.selectFrom('articles as c').select('c.id').where('c.hash', '=', q.before ?? '')))
    .orderBy('a.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const items = rows.map((r) => ({
    doc: r.doc,
    hash: r.hash,
    title: r.title,
    outlet: r.outlet,
    published: r.published,
    lang: r.lang,
    origin: r.origin,
    ingestedAt: r.ingested_at,
    events: Number(r.events ?? 0),
  }));
  return { total: Number(count.n), items };
}

export async function queryArticle(db: Kysely<Database>, hash: string): Promise<StoredArticle | null> {
  const a = await db
    .selectFrom('articles')
    .select(['hash', 'doc', 'title', 'outlet', 'published', 'url', 'lang', 'origin', 'text'])
    .where('hash', '=', hash)
    .executeTakeFirst();
  return a ?? null;
}

/**
 * Delete an article with its mentions, framing, reports and their merge rows, then cluster again the rest of
 * every merged event it told (a report gone may split an event in two). One transaction; children are deleted
 * before their parents, so nothing rests on the database's cascades.
 */
export async function deleteArticleByHash(db: Kysely<Database>, hash: string, lockBlocks?: LockBlocks): Promise<boolean> {
  const article = await db.selectFrom('articles').select('id').where('hash', '=', hash).executeTakeFirst();
  if (!article) return false;
  const reports = db.selectFrom('events').select('id').where('article_id', '=', article.id);
  const blocks = await db.selectFrom('merge_reports').select('block').distinct().where('event_id', 'in', reports).execute();
  await lockBlocks?.(db, blocks.map((r) => r.block).sort());
  const touched = await db.selectFrom('merge_reports').select('merged_id').distinct().where('event_id', 'in', reports).where('merged_id', 'is not', null).execute();
  const mergedIds = touched.flatMap((r) => (r.merged_id === null ? [] : [r.merged_id]));
  await db.deleteFrom('merge_reports').where('event_id', 'in', reports).execute();
  await db.deleteFrom('events').where('article_id', '=', article.id).execute();
  await db.deleteFrom('mentions').where('article_id', '=', article.id).execute();
  await db.deleteFrom('framing').where('article_id', '=', article.id).execute();
  const deleted = await db.deleteFrom('articles').where('id', '=', article.id).executeTakeFirst();
  const rest: number[] = [];
  for (const ids of chunks(mergedIds, ID_CHUNK)) {
    const rows = await db.selectFrom('merge_reports').select('event_id').where('merged_id', 'in', ids).execute();
    rest.push(...rows.map((r) => r.event_id));
    await db.updateTable('merge_reports').set({ merged_id: null }).where('merged_id', 'in', ids).execute();
    await db.deleteFrom('merged_events').where('id', 'in', ids).execute();
  }
  await mergeNewReports(db, rest, lockBlocks);
  return Number(deleted.numDeletedRows) > 0;
}

/** Distinct (actor, words) pairs the coder resolved, for searching actors by the forms articles use. */
export async function queryActorNameForms(db: Kysely<Database>): Promise<{ actor: string; text: string }[]> {
  const rows = await db.selectFrom('mentions').select(['actor_id', 'text']).where('actor_id', 'is not', null).where('kind', '<>', 'anaphor').distinct().execute();
  return rows.flatMap((r) => (r.actor_id === null ? [] : [{ actor: r.actor_id, text: r.text }]));
}

/** Reports per actor id, either side. */
export async function queryActorEventCounts(db: Kysely<Database>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const col of ['source_id', 'target_id'] as const) {
    const rows = await db.selectFrom('events').select([`${col} as id`, (eb) => eb.fn.countAll<number>().as('n')]).where(col, 'is not', null).groupBy(col).execute();
    for (const r of rows) if (r.id !== null) counts.set(r.id, (counts.get(r.id) ?? 0) + Number(r.n));
  }
  return counts;
}

export async function queryActorStats(db: Kysely<Database>, actor: string): Promise<ActorStats> {
  const row = await db
    .selectFrom('events as e')
    .where((eb) => eb.or([eb('e.source_id', '=', actor), eb('e.target_id', '=', actor)]))
    .select((eb) => [
      eb.fn.countAll<number>().as('events'),
      eb.fn.sum<number>(eb.case().when('e.source_id', '=', actor).then(1).else(0).end()).as('asSource'),
      eb.fn.sum<number>(eb.case().when('e.target_id', '=', actor).then(1).else(0).end()).as('asTarget'),
      eb.fn.min('e.date_first').as('first'),
      eb.fn.max('e.date_last').as('last'),
    ])
    .executeTakeFirstOrThrow();
  return { events: Number(row.events), asSource: Number(row.asSource ?? 0), asTarget: Number(row.asTarget ?? 0), first: row.first ?? null, last: row.last ?? null };
}

/** The actor's partners over reports, most reports first, either direction. */
export async function queryPartners(db: Kysely<Database>, actor: string, limit: number): Promise<PartnerRow[]> {
  const rows = await db
    .selectFrom('events')
    .where((eb) => eb.or([eb('source_id', '=', actor), eb('target_id', '=', actor)]))
    .where('source_id', 'is not', null)
    .where('target_id', 'is not', null)
    .whereRef('source_id', '<>', 'target_id')
    .select((eb) => [
      // Not `id`: GROUP BY would take the events table's own id column instead of this alias.
      eb.case().when('source_id', '=', actor).then(eb.ref('target_id')).else(eb.ref('source_id')).end().as('partner'),
      ...eventTotals(eb),
    ])
    .groupBy('partner')
    .orderBy('events', 'desc')
    .orderBy('partner')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: String(r.partner), events: Number(r.events), goldstein: round2(Number(r.goldstein)), cooperation: Number(r.cooperation), conflict: Number(r.conflict) }));
}

/** Dyads (unordered) with reports overlapping [from, to], most reports first. */
export async function queryReportEdges(db: Kysely<Database>, window: { from?: string; to?: string }, limit: number): Promise<ReportEdge[]> {
  let query = db.selectFrom('events').where('source_id', 'is not', null).where('target_id', 'is not', null).whereRef('source_id', '<>', 'target_id');
  const from = window.from ? dateRange(window.from) : null;
  if (from) query = query.where('date_last', '>=', from.first);
  const to = window.to ? dateRange(window.to) : null;
  if (to) query = query.where('date_first', '<=', to.last);
  const rows = await query
    .select((eb) => [...unorderedPair(eb), ...eventTotals(eb)])
    .groupBy(['a', 'b'])
    .orderBy('events', 'desc')
    .orderBy('a')
    .orderBy('b')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const events = Number(r.events);
    const cooperation = Number(r.cooperation);
    const conflict = Number(r.conflict);
    return { a: String(r.a), b: String(r.b), events, goldstein: round2(Number(r.goldstein)), cooperation, conflict, balance: round2((cooperation - conflict) / events) };
  });
}

/** The months (YYYY-MM) that hold reports dated to a month or a day, oldest first. */
export async function queryEventMonths(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('events')
    .select((eb) => eb.fn<string>('substr', ['date_first', sql.lit(1), sql.lit(7)]).as('m'))
    .where('date_first', 'is not', null)
    .distinct()
    .orderBy('m')
    .execute();
  return rows.map((r) => r.m);
}

/**
 * A portable change marker for databases without a cheap one: storing or deleting an article changes the count
 * or the highest id of articles, and every re-merge inserts merged events with higher ids.
 */
export async function queryContentMarker(db: Kysely<Database>): Promise<string> {
  const articles = await db.selectFrom('articles').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('top')]).executeTakeFirstOrThrow();
  const merged = await db.selectFrom('merged_events').select((eb) => eb.fn.max('id').as('top')).executeTakeFirstOrThrow();
  return `${Number(articles.n)}:${Number(articles.top ?? 0)}:${Number(merged.top ?? 0)}`;
}
