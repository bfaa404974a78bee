// Reads the API needs that the Store interface does not offer (yet): report ids, article text by hash, paging
// with totals, outlet filters, actor statistics, a windowed dyad graph, and article deletion. Typed Kysely over
// the store's own tables, on a second connection to the same SQLite file (WAL lets both read at once).
// Seam: when the Store grows these (src/store/store.ts), route them there and shrink this file.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SelectQueryBuilder, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { dateRange } from '../io/published.js';
import { eventTotals, unorderedPair } from '../store/queries.js';
import { eventRecord } from '../store/rows.js';
import type { Database, EventRow } from '../store/tables.js';
import type { ApiEvent, ArticleDetail, ArticleSummaryBody, EventPage, GraphEdge } from './schemas.js';

export interface EventQuery {
  actor?: string;
  /** Any of these actor ids, on either side. */
  actors?: string[];
  dyad?: [string, string];
  root?: string;
  code?: string;
  from?: string;
  to?: string;
  lang?: string;
  outlet?: string;
  article?: number;
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface DyadPeriodRow {
  period: string;
  events: number;
  goldstein: number;
  quad: [number, number, number, number];
  aToB: number;
  bToA: number;
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

type EventsQb = SelectQueryBuilder<Database & { e: Database['events'] }, 'e', object>;
type EventJoin = SelectQueryBuilder<Database & { e: Database['events']; a: Database['articles'] }, 'e' | 'a', object>;
type JoinedRow = EventRow & { doc: string; hash: string; outlet: string | null; lang: string; published: string | null; title: string | null };
type Where = (qb: EventsQb) => EventsQb;

/** Counts stop here: a page says "1,000 or more" rather than counting a hundred thousand rows per request. */
export const COUNT_CAP = 1_000;

/** Actor ids are three letters (ISO 3166) or PREFIX:NAME; any other value is a CAMEO actor code (IRNGOV). */
export function actorColumn(value: string, side: 'source' | 'target'): 'source_id' | 'target_id' | 'source_cameo' | 'target_cameo' {
  const isId = value.length === 3 || value.includes(':');
  return `${side}_${isId ? 'id' : 'cameo'}`;
}

function toApiEvent(row: JoinedRow): ApiEvent {
  // Assign onto the fresh record rather than spread it: a page builds hundreds of these per second.
  return Object.assign(eventRecord(row), { id: row.id, article: row.hash, outlet: row.outlet, lang: row.lang, published: row.published, title: row.title });
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The branches whose UNION ALL is the set of matching reports: one per side of an actor or dyad match, disjoint,
 * each answerable from one index in date order, so SQLite merges them instead of sorting every match.
 */
function branches(q: EventQuery): Where[] {
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

/** Kysely prepares every query afresh; the API runs the same few shapes over and over, so keep them prepared. */
function withStatementCache(sqlite: BetterSqlite3.Database, size = 256): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text); // re-inserted below: most recently used last
      } else {
        stmt = sqlite.prepare(text);
        if (cache.size >= size) cache.delete(cache.keys().next().value ?? '');
      }
      cache.set(text, stmt);
      return stmt;
    },
  };
}

export class ServerReads {
  private constructor(private readonly db: Kysely<Database>) {}

  static open(path: string): ServerReads {
    const sqlite = new BetterSqlite3(path);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // A read-mostly server: keep hot pages in memory (64 MiB cache, reads through a 256 MiB map).
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('mmap_size = 268435456');
    // Planner statistics where missing or stale, sampled so that a large store opens quickly.
    sqlite.pragma('analysis_limit = 1000');
    sqlite.pragma('optimize = 0x10002');
    return new ServerReads(new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }));
  }

  private joined(): EventJoin {
    return this.db.selectFrom('events as e').innerJoin('articles as a', 'a.id', 'e.article_id');
  }

  /** One branch of the match: its own condition plus the filters every branch shares. */
  private branch(q: EventQuery, own: Where): EventsQb {
    let qb = own(this.db.selectFrom('events as e'));
    if (q.root) qb = qb.where('e.root', '=', q.root);
    if (q.code) qb = qb.where('e.code', 'like', `${q.code}%`);
    const from = q.from ? dateRange(q.from) : null;
    if (from) qb = qb.where('e.date_last', '>=', from.first);
    const to = q.to ? dateRange(q.to) : null;
    if (to) qb = qb.where('e.date_first', '<=', to.last);
    if (q.article !== undefined) qb = qb.where('e.article_id', '=', q.article);
    // Article filters look up each candidate's article by its key, so the events' own index drives the query.
    if (q.lang || q.outlet) {
      const { lang, outlet } = q;
      qb = qb.where((eb) => {
        let article = eb.selectFrom('articles as a').select('a.id').whereRef('a.id', '=', 'e.article_id');
        if (lang) article = article.where('a.lang', '=', lang);
        if (outlet) article = article.where('a.outlet', '=', outlet);
        return eb.exists(article);
      });
    }
    return qb;
  }

  async events(q: EventQuery): Promise<EventPage> {
    const dir = q.order ?? 'desc';
    const parts = branches(q).map((own) => this.branch(q, own));
    const union = <O>(select: (qb: EventsQb) => SelectQueryBuilder<Database & { e: Database['events'] }, 'e', O>) =>
      parts.map(select).reduce((all, next) => all.unionAll(next));
    const [first] = parts;
    if (!first) throw new Error('no query branches');
    const ids = await union((qb) => qb.select(['e.id as id', 'e.date_first as date_first']))
      // Undated reports last either way; then by report id, for a stable page order.
      .orderBy(sql.ref('date_first'), (ob) => (dir === 'desc' ? ob.desc() : ob.asc()).nullsLast())
      .orderBy(sql.ref('id'), dir)
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    const counted = await this.db
      .selectFrom(union((qb) => qb.select('e.id')).limit(COUNT_CAP + 1).as('matches'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const n = Number(counted.n);
    const items = await this.eventsByIds(ids.map((r) => r.id));
    return { total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP, limit: q.limit, offset: q.offset, items };
  }

  /** Reports by id, in the order given (ids that are gone are left out). */
  async eventsByIds(order: number[]): Promise<ApiEvent[]> {
    if (order.length === 0) return [];
    const rows = await this.joined().selectAll('e').select(['a.doc', 'a.hash', 'a.outlet', 'a.lang', 'a.published', 'a.title']).where('e.id', 'in', order).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return order.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toApiEvent(row)] : [];
    });
  }

  /** A dyad by period, as `rasad dyad` counts it: either direction, Goldstein sums, QuadClass counts. */
  async dyadPeriods(a: string, b: string, by: 'month' | 'year'): Promise<DyadPeriodRow[]> {
    const aSource = actorColumn(a, 'source');
    const parts = branches({ dyad: [a, b], limit: 0, offset: 0 }).map((own) =>
      own(this.db.selectFrom('events as e')).select(['e.date_value', 'e.goldstein', 'e.quad', `e.${aSource} as a_side`]),
    );
    const [first, ...rest] = parts;
    if (!first) return [];
    const all = rest.reduce((u, next) => u.unionAll(next), first);
    const rows = await this.db
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
      .sort((x, y) => (x.period === 'undated' ? 1 : y.period === 'undated' ? -1 : x.period.localeCompare(y.period)));
  }

  async event(id: number): Promise<ApiEvent | null> {
    const row = await this.joined()
      .selectAll('e')
      .select(['a.doc', 'a.hash', 'a.outlet', 'a.lang', 'a.published', 'a.title'])
      .where('e.id', '=', id)
      .executeTakeFirst();
    return row ? toApiEvent(row) : null;
  }

  async articleCount(): Promise<number> {
    const row = await this.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async articles(q: { limit: number; offset: number; lang?: string; outlet?: string }): Promise<{ total: number; items: ArticleSummaryBody[] }> {
    let base = this.db.selectFrom('articles as a');
    if (q.lang) base = base.where('a.lang', '=', q.lang);
    if (q.outlet) base = base.where('a.outlet', '=', q.outlet);
    const [count, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base
        .select(['a.doc', 'a.hash', 'a.title', 'a.outlet', 'a.published', 'a.lang', 'a.origin', 'a.ingested_at'])
        .select((eb) => eb.selectFrom('events as e').whereRef('e.article_id', '=', 'a.id').select(eb.fn.countAll<number>().as('n')).as('events'))
        .orderBy('a.id', 'desc')
        .limit(q.limit)
        .offset(q.offset)
        .execute(),
    ]);
    const items = rows.map((r) => ({
      hash: r.hash,
      doc: r.doc,
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

  async article(hash: string): Promise<ArticleDetail | null> {
    const a = await this.db.selectFrom('articles').selectAll().where('hash', '=', hash).executeTakeFirst();
    if (!a) return null;
    const page = await this.events({ article: a.id, order: 'asc', limit: 10_000, offset: 0 });
    // Reading order in the article, not date order.
    const events = page.items.sort((x, y) => x.evidence.start - y.evidence.start || x.id - y.id);
    return { hash: a.hash, doc: a.doc, title: a.title, outlet: a.outlet, published: a.published, url: a.url, lang: a.lang, origin: a.origin, text: a.text, events };
  }

  /** Deletes an article; its mentions and events go with it (foreign keys cascade). */
  async deleteArticle(hash: string): Promise<boolean> {
    const result = await this.db.deleteFrom('articles').where('hash', '=', hash).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Distinct (actor, words) pairs the coder resolved, for searching actors by the forms articles use. */
  async mentionForms(): Promise<{ actor: string; text: string }[]> {
    const rows = await this.db
      .selectFrom('mentions')
      .select(['actor_id', 'text'])
      .where('actor_id', 'is not', null)
      .where('kind', '<>', 'anaphor')
      .distinct()
      .execute();
    return rows.flatMap((r) => (r.actor_id === null ? [] : [{ actor: r.actor_id, text: r.text }]));
  }

  /** Events per actor id, either side. */
  async eventCounts(): Promise<Map<string, number>> {
    const side = (col: 'source_id' | 'target_id') =>
      this.db.selectFrom('events').select([`${col} as id`, (eb) => eb.fn.countAll<number>().as('n')]).where(col, 'is not', null).groupBy(col).execute();
    const counts = new Map<string, number>();
    for (const rows of await Promise.all([side('source_id'), side('target_id')])) {
      for (const r of rows) if (r.id !== null) counts.set(r.id, (counts.get(r.id) ?? 0) + Number(r.n));
    }
    return counts;
  }

  async actorStats(actor: string): Promise<ActorStats> {
    const row = await this.db
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

  /** The actor's partners by volume, either direction. */
  async partners(actor: string, limit: number): Promise<PartnerRow[]> {
    const rows = await this.db
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

  /** Dyads (unordered) with events overlapping [from, to], by volume. */
  async graphEdges(window: { from?: string; to?: string }, limit: number): Promise<GraphEdge[]> {
    let query = this.db
      .selectFrom('events')
      .where('source_id', 'is not', null)
      .where('target_id', 'is not', null)
      .whereRef('source_id', '<>', 'target_id');
    const from = window.from ? dateRange(window.from) : null;
    if (from) query = query.where('date_last', '>=', from.first);
    const to = window.to ? dateRange(window.to) : null;
    if (to) query = query.where('date_first', '<=', to.last);
    const rows = await query
      .select((eb) => [
        ...unorderedPair(eb),
        ...eventTotals(eb),
      ])
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

  /** The months (YYYY-MM) that hold events dated to a month or a day, oldest first. */
  async months(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn<string>('substr', ['date_first', sql.lit(1), sql.lit(7)]).as('m'))
      .where('date_first', 'is not', null)
      .distinct()
      .orderBy('m')
      .execute();
    return rows.map((r) => r.m);
  }

  /** Changes whenever another connection commits to the database (SQLite's data_version). */
  async dataVersion(): Promise<number> {
    const result = await sql<{ data_version: number }>`pragma data_version`.execute(this.db);
    return Number(result.rows[0]?.data_version ?? 0);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
