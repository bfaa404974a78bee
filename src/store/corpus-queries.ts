// Reads over merged events and framing: portable Kysely (SQLite and PostgreSQL), used by KyselyStore.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { ROLES, type Lang, type Role } from '../document.js';
import { dateRange } from '../io/published.js';
import { labelOf, type FramingLabel, type FramingWord } from '../corpus/framing.js';
import { finishEdges } from '../corpus/relation-edges.js';
import type { MergedActor, MergedEventRecord, ReportRecord } from '../corpus/records.js';
import { eventRecord } from './rows.js';
import type { EventFilter } from './store.js';
import type { Database, MergedEventRow } from './tables.js';

export interface MergedFilter extends EventFilter {
  /** Events told by at least one article of this outlet (case-insensitive). */
  outlet?: string;
  /** Events told by at least this many distinct articles. */
  minArticles?: number;
  /** `exclude`: drop events that only rest on attributed claims; `only`: keep just those. */
  claims?: 'exclude' | 'only';
  offset?: number;
  /** Include each event's reports. */
  withReports?: boolean;
  /** Keyset paging for exports: events with a larger id, in id order (instead of date order). */
  afterId?: number;
}

type MergedEb = ExpressionBuilder<Database & { me: Database['merged_events'] }, 'me'>;

const ID_CHUNK = 500;

function role(value: string | null): Role | null {
  return value !== null && (ROLES as readonly string[]).includes(value) ? (value as Role) : null;
}

function mergedActor(id: string | null, cameo: string | null, r: string | null, name: string | null): MergedActor | null {
  return id === null ? null : { id, cameo: cameo ?? '', role: role(r), name: name ?? id };
}

const PRECISIONS = ['day', 'month', 'year'] as const;
const BASES = ['text', 'relative', 'anaphoric', 'published', 'none'] as const;

export function mergedRecord(row: MergedEventRow): MergedEventRecord {
  return {
    id: row.id,
    key: row.key,
    source: mergedActor(row.source_id, row.source_cameo, row.source_role, row.source_name),
    target: mergedActor(row.target_id, row.target_cameo, row.target_role, row.target_name),
    cameo: row.code,
    root: row.root,
    quad: row.quad,
    goldstein: row.goldstein,
    plover: row.plover,
    date: {
      value: row.date_value,
      precision: PRECISIONS.find((p) => p === row.date_precision) ?? null,
      basis: BASES.find((b) => b === row.date_basis) ?? 'none',
    },
    counts: { reports: row.reports, articles: row.articles, outlets: row.outlets },
    langs: row.langs === '' ? [] : row.langs.split(','),
    any_claim: row.any_claim === 1,
    all_claims: row.all_claims === 1,
    negated: row.negated === 1,
    hypothetical: row.hypothetical === 1,
    confidence: row.confidence,
    tone: row.tone,
    evidence: { text: row.evidence_text, doc: row.evidence_doc, report: row.evidence_report },
    first_published: row.first_published,
  };
}

function actorIs(eb: MergedEb, side: 'source' | 'target', actor: string) {
  return eb.or([eb(`me.${side}_id`, '=', actor), eb(`me.${side}_cameo`, '=', actor)]);
}

export async function queryMergedEvents(db: Kysely<Database>, filter: MergedFilter = {}): Promise<MergedEventRecord[]> {
  let query = db.selectFrom('merged_events as me').selectAll('me');
  const { actor, dyad, root, code, from, to, lang, outlet, minArticles, claims, limit, offset } = filter;
  if (actor) query = query.where((eb) => eb.or([actorIs(eb, 'source', actor), actorIs(eb, 'target', actor)]));
  if (dyad) {
    const [x, y] = dyad;
    // The same match as (source is x and target is y) or the reverse, written as an OR of plain conjunctions so
    // each one is an index search (SQLite's multi-index OR, PostgreSQL's bitmap OR) instead of a scan.
    query = query.where((eb) =>
      eb.or(
        [[x, y], [y, x]].flatMap(([s, t]) =>
          (['source_id', 'source_cameo'] as const).flatMap((sc) => (['target_id', 'target_cameo'] as const).map((tc) => eb.and([eb(`me.${sc}`, '=', s ?? ''), eb(`me.${tc}`, '=', t ?? '')]))),
        ),
      ),
    );
  }
  if (root) query = query.where('me.root', '=', root);
  if (code) query = query.where('me.code', 'like', `${code}%`);
  const fromRange = from ? dateRange(from) : null;
  if (fromRange) query = query.where('me.date_last', '>=', fromRange.first);
  const toRange = to ? dateRange(to) : null;
  if (toRange) query = query.where('me.date_first', '<=', toRange.last);
  if (lang) query = query.where('me.langs', 'like', `%${lang}%`);
  if (minArticles !== undefined) query = query.where('me.articles', '>=', minArticles);
  if (claims === 'exclude') query = query.where('me.all_claims', '=', 0);
  if (claims === 'only') query = query.where('me.any_claim', '=', 1);
  if (outlet) {
    const wanted = outlet.trim().toLowerCase();
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('merge_reports as m')
          .innerJoin('events as e', 'e.id', 'm.event_id')
          .innerJoin('articles as a', 'a.id', 'e.article_id')
          .select('m.event_id')
          .whereRef('m.merged_id', '=', 'me.id')
          .where((eb) => eb(eb.fn('lower', ['a.outlet']), '=', wanted)),
      ),
    );
  }
  if (filter.afterId !== undefined) query = query.where('me.id', '>', filter.afterId).orderBy('me.id');
  else query = query.orderBy(sql`case when me.date_first is null then 1 else 0 end`).orderBy('me.date_first').orderBy('me.key');
  if (limit !== undefined) query = query.limit(limit);
  if (offset !== undefined) query = query.offset(offset).limit(limit ?? 1_000_000_000);
  const records = (await query.execute()).map(mergedRecord);
  if (filter.withReports && records.length > 0) {
    const reports = await reportsOfMerged(db, records.map((r) => r.id));
    for (const r of records) r.reports = reports.get(r.id) ?? [];
  }
  return records;
}

/** The reports of the given merged events, each list in text order (article, then offset). */
export async function reportsOfMerged(db: Kysely<Database>, mergedIds: number[]): Promise<Map<number, ReportRecord[]>> {
  const out = new Map<number, ReportRecord[]>();
  for (let i = 0; i < mergedIds.length; i += ID_CHUNK) {
    const rows = await db
      .selectFrom('merge_reports as m')
      .innerJoin('events as e', 'e.id', 'm.event_id')
      .innerJoin('articles as a', 'a.id', 'e.article_id')
      .selectAll('e')
      .select(['a.doc', 'a.outlet', 'a.lang', 'a.published', 'a.url', 'm.merged_id', 'm.key'])
      .where('m.merged_id', 'in', mergedIds.slice(i, i + ID_CHUNK))
      .orderBy('m.key')
      .execute();
    for (const row of rows) {
      if (row.merged_id === null) continue;
      const record: ReportRecord = { ...eventRecord(row), id: row.id, merged_id: row.merged_id, outlet: row.outlet, lang: row.lang, published: row.published, url: row.url };
      out.set(row.merged_id, [...(out.get(row.merged_id) ?? []), record]);
    }
  }
  return out;
}

export async function queryMergedEvent(db: Kysely<Database>, id: number): Promise<MergedEventRecord | null> {
  const row = await db.selectFrom('merged_events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const record = mergedRecord(row);
  record.reports = (await reportsOfMerged(db, [id])).get(id) ?? [];
  return record;
}

/** The merged event a stored report belongs to (an API's "other reports of this event"). */
export async function queryMergedIdOfReport(db: Kysely<Database>, reportId: number): Promise<number | null> {
  const row = await db.selectFrom('merge_reports').select('merged_id').where('event_id', '=', reportId).executeTakeFirst();
  return row?.merged_id ?? null;
}

export interface ArticleFraming {
  doc: string;
  outlet: string | null;
  lang: Lang | string;
  published: string | null;
  actor: string;
  mentions: number;
  score: number;
  label: FramingLabel;
  evidence: FramingWord[];
}

export interface FramingFilter {
  actor?: string;
  outlet?: string;
  doc?: string;
  /** Only articles that frame the actor hostile or favourable (not neutral). */
  framedOnly?: boolean;
  limit?: number;
}

function parseWords(json: string): FramingWord[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as FramingWord[]) : [];
  } catch {
    return [];
  }
}

export async function queryFraming(db: Kysely<Database>, filter: FramingFilter = {}): Promise<ArticleFraming[]> {
  let query = db
    .selectFrom('framing as f')
    .innerJoin('articles as a', 'a.id', 'f.article_id')
    .select(['a.doc', 'a.outlet', 'a.lang', 'a.published', 'f.actor_id', 'f.mentions', 'f.score', 'f.label', 'f.evidence']);
  if (filter.actor) query = query.where('f.actor_id', '=', filter.actor);
  if (filter.doc) query = query.where('a.doc', '=', filter.doc);
  if (filter.outlet) {
    const wanted = filter.outlet.trim().toLowerCase();
    query = query.where((eb) => eb(eb.fn('lower', ['a.outlet']), '=', wanted));
  }
  if (filter.framedOnly) query = query.where('f.label', '<>', 'neutral');
  query = query.orderBy('a.id').orderBy('f.actor_id');
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    doc: r.doc,
    outlet: r.outlet,
    lang: r.lang,
    published: r.published,
    actor: r.actor_id,
    mentions: r.mentions,
    score: r.score,
    label: labelOf(r.score),
    evidence: parseWords(r.evidence),
  }));
}

export interface OutletFraming {
  outlet: string | null;
  actor: string;
  articles: number;
  /** Mean article score, -1..1. */
  score: number;
  label: FramingLabel;
  hostile: number;
  favourable: number;
}

/** Each outlet's average framing of each actor it names (articles without an outlet group under null). */
export async function queryOutletFraming(db: Kysely<Database>, filter: { actor?: string; outlet?: string } = {}): Promise<OutletFraming[]> {
  let query = db
    .selectFrom('framing as f')
    .innerJoin('articles as a', 'a.id', 'f.article_id')
    .select((eb) => [
      'a.outlet',
      'f.actor_id',
      eb.fn.countAll<number>().as('articles'),
      eb.fn.avg<number>('f.score').as('score'),
      eb.fn.sum<number>(eb.case().when('f.label', '=', 'hostile').then(1).else(0).end()).as('hostile'),
      eb.fn.sum<number>(eb.case().when('f.label', '=', 'favourable').then(1).else(0).end()).as('favourable'),
    ])
    .groupBy(['a.outlet', 'f.actor_id']);
  if (filter.actor) query = query.where('f.actor_id', '=', filter.actor);
  if (filter.outlet) {
    const wanted = filter.outlet.trim().toLowerCase();
    query = query.where((eb) => eb(eb.fn('lower', ['a.outlet']), '=', wanted));
  }
  // Articles without an outlet first on both backends (PostgreSQL would put nulls last).
  const rows = await query.orderBy('a.outlet', (ob) => ob.asc().nullsFirst()).orderBy('f.actor_id').execute();
  return rows.map((r) => {
    const score = Math.round(Number(r.score) * 1000) / 1000;
    return {
      outlet: r.outlet,
      actor: r.actor_id,
      articles: Number(r.articles),
      score,
      label: labelOf(score),
      hostile: Number(r.hostile),
      favourable: Number(r.favourable),
    };
  });
}

export interface RelationWindow {
  /** Events whose date overlaps [from, to] (any precision); undated events only when neither is given. */
  from?: string;
  to?: string;
}

/** One dyad in the relations network: both directions of merged events between two actors. */
export interface RelationEdge {
  /** The two actor ids in alphabetical order. */
  a: string;
  b: string;
  aName: string;
  bName: string;
  events: number;
  /** Distinct articles summed over the events: how much press the relation got. */
  articles: number;
  goldstein: number;
  cooperation: number;
  conflict: number;
  /** (cooperation - conflict) / events, -1..1. */
  balance: number;
  /** +1 cooperative, -1 conflictual, 0 even. */
  sign: -1 | 0 | 1;
}

export async function queryRelations(db: Kysely<Database>, window: RelationWindow = {}): Promise<RelationEdge[]> {
  let query = db
    .selectFrom('merged_events as me')
    .where('me.source_id', 'is not', null)
    .where('me.target_id', 'is not', null)
    .whereRef('me.source_id', '<>', 'me.target_id')
    .where('me.negated', '=', 0)
    .select((eb) => [
      'me.source_id',
      'me.target_id',
      eb.fn.min('me.source_name').as('source_name'),
      eb.fn.min('me.target_name').as('target_name'),
      eb.fn.countAll<number>().as('events'),
      eb.fn.sum<number>('me.articles').as('articles'),
      eb.fn.coalesce(eb.fn.sum<number>('me.goldstein'), sql<number>`0`).as('goldstein'),
      eb.fn.sum<number>(eb.case().when('me.quad', '<=', 2).then(1).else(0).end()).as('cooperation'),
      eb.fn.sum<number>(eb.case().when('me.quad', '>=', 3).then(1).else(0).end()).as('conflict'),
    ])
    .groupBy(['me.source_id', 'me.target_id']);
  const fromRange = window.from ? dateRange(window.from) : null;
  if (fromRange) query = query.where('me.date_last', '>=', fromRange.first);
  const toRange = window.to ? dateRange(window.to) : null;
  if (toRange) query = query.where('me.date_first', '<=', toRange.last);
  const edges = new Map<string, RelationEdge>();
  for (const r of await query.execute()) {
    const [s, t] = [r.source_id as string, r.target_id as string];
    const [a, b] = s < t ? [s, t] : [t, s];
    const names = s < t ? [r.source_name, r.target_name] : [r.target_name, r.source_name];
    const edge = edges.get(`${a}|${b}`) ?? { a, b, aName: String(names[0] ?? a), bName: String(names[1] ?? b), events: 0, articles: 0, goldstein: 0, cooperation: 0, conflict: 0, balance: 0, sign: 0 };
    edge.events += Number(r.events);
    edge.articles += Number(r.articles);
    edge.goldstein = Math.round((edge.goldstein + Number(r.goldstein)) * 100) / 100;
    edge.cooperation += Number(r.cooperation);
    edge.conflict += Number(r.conflict);
    edges.set(`${a}|${b}`, edge);
  }
  return finishEdges(edges.values());
}
