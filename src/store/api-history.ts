// A dyad's merged history for the API, one page of its events at a time: the same figures as dyadHistory() in
// src/corpus/history.ts (`rasad dyad`), without building a record for each of a busy dyad's thousands of merged
// events: it reads ten columns of each (summed and ranked here as history.ts does, in the list's order, so even the
// floating-point sums are the same), and only the page's events and the ones the figures cite come back whole.
// Portable Kysely (SQLite and PostgreSQL).
import type { ExpressionBuilder, Kysely } from 'kysely';
import { evidenceRef, periodOf, type DyadHistory, type EvidenceRef, type PeriodStats } from '../corpus/history.js';
import type { MergedEventRecord } from '../corpus/records.js';
import { mergedRecord } from './corpus-queries.js';
import type { Period } from './store.js';
import type { Database } from './tables.js';

const ID_CHUNK = 500;

export interface DyadHistoryQuery {
  by: Period;
  /** The page of merged events, oldest first. */
  limit: number;
  offset: number;
}

/** DyadHistory with one page of its events and how many there are. */
export interface DyadHistoryPage extends Omit<DyadHistory, 'events'> {
  events: { total: number; items: MergedEventRecord[] };
}

type MergedEb = ExpressionBuilder<Database & { me: Database['merged_events'] }, 'me'>;

/** The same match as queryMergedEvents' dyad filter: each actor by id or CAMEO code, in either direction. */
function dyadMatch(eb: MergedEb, x: string, y: string) {
  return eb.or(
    [[x, y] as const, [y, x] as const].flatMap(([s, t]) =>
      (['source_id', 'source_cameo'] as const).flatMap((sc) => (['target_id', 'target_cameo'] as const).map((tc) => eb.and([eb(`me.${sc}`, '=', s), eb(`me.${tc}`, '=', t)]))),
    ),
  );
}

interface Tally {
  events: number;
  goldstein: number;
  scored: number;
  quad: [number, number, number, number];
  aToB: number;
}

/** What the figures need of each merged event: five columns to sum, five to rank by. */
interface Fact {
  id: number;
  key: string;
  date_first: string | null;
  date_value: string | null;
  goldstein: number | null;
  quad: number;
  source_id: string | null;
  source_cameo: string | null;
  articles: number;
  outlets: number;
  confidence: number;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function emptyTally(): Tally {
  return { events: 0, goldstein: 0, scored: 0, quad: [0, 0, 0, 0], aToB: 0 };
}

/** Count one event as periodStats does: its QuadClass, its score when it has one, and whether `a` is its source. */
function add(t: Tally, f: Fact, a: string): void {
  t.events++;
  if (f.quad >= 1 && f.quad <= 4) t.quad[f.quad - 1] = (t.quad[f.quad - 1] ?? 0) + 1;
  if (f.goldstein !== null) {
    t.goldstein += f.goldstein;
    t.scored++;
  }
  // A merged actor exists when it has an id (mergedRecord), and matches by id or CAMEO code.
  if (f.source_id !== null && (f.source_id === a || (f.source_cameo ?? '') === a)) t.aToB++;
}

function stats(period: string, t: Tally, strongest: EvidenceRef | null): PeriodStats {
  const cooperation = t.quad[0] + t.quad[1];
  const conflict = t.quad[2] + t.quad[3];
  return {
    period,
    events: t.events,
    goldstein: round2(t.goldstein),
    mean: t.scored > 0 ? round2(t.goldstein / t.scored) : null,
    quad: t.quad,
    cooperation,
    conflict,
    balance: t.events > 0 ? round2((cooperation - conflict) / t.events) : 0,
    aToB: t.aToB,
    bToA: t.events - t.aToB,
    strongest,
  };
}

function periodOrder(x: string, y: string): number {
  if (x === y) return 0;
  if (x === 'undated') return 1;
  if (y === 'undated') return -1;
  return x < y ? -1 : 1;
}

/** history.ts's `stronger`: most articles, then outlets, then |Goldstein|, then confidence, then key (a total order). */
function stronger(x: Fact, y: Fact): number {
  return (
    y.articles - x.articles ||
    y.outlets - x.outlets ||
    Math.abs(y.goldstein ?? 0) - Math.abs(x.goldstein ?? 0) ||
    y.confidence - x.confidence ||
    (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)
  );
}

/**
 * queryMergedEvents' order: undated last, then by date_first, then by key (unique). Keys and dates are ASCII, so
 * JavaScript's comparison agrees with SQLite's and PostgreSQL's (COLLATE "C") byte order.
 */
function listOrder(x: Fact, y: Fact): number {
  if (x.date_first !== y.date_first) {
    if (x.date_first === null || y.date_first === null) return x.date_first === null ? 1 : -1;
    return x.date_first < y.date_first ? -1 : 1;
  }
  return x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
}

/** firstAndLast's order: dated events by date, ties by strength. */
function byDate(x: Fact, y: Fact): number {
  const [a, b] = [x.date_value ?? '', y.date_value ?? ''];
  return a < b ? -1 : a > b ? 1 : stronger(x, y);
}

/** The first of `candidate` and `best` in an order (the running minimum). */
function first(best: Fact | undefined, candidate: Fact, order: (x: Fact, y: Fact) => number): Fact {
  return best === undefined || order(candidate, best) < 0 ? candidate : best;
}

export async function queryDyadHistoryPage(db: Kysely<Database>, a: string, b: string, q: DyadHistoryQuery): Promise<DyadHistoryPage> {
  const facts: Fact[] = await db
    .selectFrom('merged_events as me')
    .select(['me.id', 'me.key', 'me.date_first', 'me.date_value', 'me.goldstein', 'me.quad', 'me.source_id', 'me.source_cameo', 'me.articles', 'me.outlets', 'me.confidence'])
    .where((eb) => dyadMatch(eb, a, b))
    .execute();
  // Sorted here rather than by the database, which would sort whole rows (PostgreSQL spent more on that than on the search).
  facts.sort(listOrder);
  const tallies = new Map<string, { tally: Tally; strongest?: Fact }>();
  const total = emptyTally();
  let strongest: Fact | undefined;
  let earliest: Fact | undefined;
  let latest: Fact | undefined;
  for (const f of facts) {
    const period = periodOf(f.date_value, q.by);
    let p = tallies.get(period);
    if (!p) tallies.set(period, (p = { tally: emptyTally() }));
    add(p.tally, f, a);
    p.strongest = first(p.strongest, f, stronger);
    add(total, f, a);
    strongest = first(strongest, f, stronger);
    if (f.date_value !== null) {
      earliest = first(earliest, f, byDate);
      latest = first(latest, f, (x, y) => byDate(y, x));
    }
  }
  const page = facts.slice(q.offset, q.offset + q.limit);
  const picked = [...tallies.values()].map((p) => p.strongest).concat(strongest, earliest, latest);
  const records = await mergedById(db, [...page, ...picked].flatMap((f) => (f ? [f.id] : [])));
  const ref = (f: Fact | undefined): EvidenceRef | null => {
    const record = f && records.get(f.id);
    return record ? evidenceRef(record) : null;
  };
  const periods = [...tallies.entries()].sort(([x], [y]) => periodOrder(x, y)).map(([period, p]) => stats(period, p.tally, ref(p.strongest)));
  return {
    a,
    b,
    by: q.by,
    periods,
    total: { ...stats('total', total, ref(strongest)), first: ref(earliest), last: ref(latest) },
    events: { total: facts.length, items: page.flatMap((f) => records.get(f.id) ?? []) },
  };
}

/** Merged events by id. */
async function mergedById(db: Kysely<Database>, ids: number[]): Promise<Map<number, MergedEventRecord>> {
  const out = new Map<number, MergedEventRecord>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += ID_CHUNK) {
    const rows = await db.selectFrom('merged_events').selectAll().where('id', 'in', unique.slice(i, i + ID_CHUNK)).execute();
    for (const row of rows) out.set(row.id, mergedRecord(row));
  }
  return out;
}
