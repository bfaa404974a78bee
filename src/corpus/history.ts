// Relations over time from merged events: a dyad's history by period, an actor's partners with their trend.
// Pure functions over MergedEventRecord lists, so the CLI, the API and tests share them.
import type { Period } from '../store/store.js';
import type { MergedEventRecord } from './records.js';

export type { Period };

export interface EvidenceRef {
  id: number;
  cameo: string;
  date: string | null;
  goldstein: number | null;
  articles: number;
  outlets: number;
  source: string | null;
  target: string | null;
  evidence: string;
  doc: string;
}

export interface PeriodStats {
  /** YYYY-MM or YYYY (coarser dates stay as they are: 2015 under --by month), or `undated`. */
  period: string;
  events: number;
  goldstein: number;
  /** Mean Goldstein over events that have a score. */
  mean: number | null;
  /** Counts by QuadClass: verbal coop, material coop, verbal conflict, material conflict. */
  quad: [number, number, number, number];
  cooperation: number;
  conflict: number;
  /** (cooperation - conflict) / events, -1..1. */
  balance: number;
  /** Events with the first actor as source, and with the second. */
  aToB: number;
  bToA: number;
  /** The best-corroborated event of the period (most articles, then outlets, then |Goldstein|). */
  strongest: EvidenceRef | null;
}

export interface DyadHistory {
  a: string;
  b: string;
  by: Period;
  periods: PeriodStats[];
  total: PeriodStats & { first: EvidenceRef | null; last: EvidenceRef | null };
  events: MergedEventRecord[];
}

function round(n: number, places = 2): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

export function periodOf(value: string | null, by: Period): string {
  if (value === null) return 'undated';
  return value.slice(0, by === 'month' ? 7 : 4);
}

function sortPeriods(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'undated') return 1;
  if (b === 'undated') return -1;
  return a < b ? -1 : 1;
}

export function evidenceRef(e: MergedEventRecord): EvidenceRef {
  return {
    id: e.id,
    cameo: e.cameo,
    date: e.date.value,
    goldstein: e.goldstein,
    articles: e.counts.articles,
    outlets: e.counts.outlets,
    source: e.source?.id ?? null,
    target: e.target?.id ?? null,
    evidence: e.evidence.text,
    doc: e.evidence.doc,
  };
}

function stronger(x: MergedEventRecord, y: MergedEventRecord): number {
  return (
    y.counts.articles - x.counts.articles ||
    y.counts.outlets - x.counts.outlets ||
    Math.abs(y.goldstein ?? 0) - Math.abs(x.goldstein ?? 0) ||
    y.confidence - x.confidence ||
    (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)
  );
}

function matches(actor: MergedEventRecord['source'], name: string): boolean {
  return actor !== null && (actor.id === name || actor.cameo === name);
}

/** Totals of a set of events; `a` decides the direction counts. */
export function periodStats(period: string, events: readonly MergedEventRecord[], a: string): PeriodStats {
  const quad: [number, number, number, number] = [0, 0, 0, 0];
  let goldstein = 0;
  let scored = 0;
  let aToB = 0;
  for (const e of events) {
    if (e.quad >= 1 && e.quad <= 4) quad[e.quad - 1] = (quad[e.quad - 1] ?? 0) + 1;
    if (e.goldstein !== null) {
      goldstein += e.goldstein;
      scored++;
    }
    if (matches(e.source, a)) aToB++;
  }
  const cooperation = quad[0] + quad[1];
  const conflict = quad[2] + quad[3];
  const strongest = [...events].sort(stronger)[0];
  return {
    period,
    events: events.length,
    goldstein: round(goldstein),
    mean: scored > 0 ? round(goldstein / scored) : null,
    quad,
    cooperation,
    conflict,
    balance: events.length > 0 ? round((cooperation - conflict) / events.length) : 0,
    aToB,
    bToA: events.length - aToB,
    strongest: strongest ? evidenceRef(strongest) : null,
  };
}

function byPeriod(events: readonly MergedEventRecord[], by: Period): Map<string, MergedEventRecord[]> {
  const out = new Map<string, MergedEventRecord[]>();
  for (const e of events) {
    const p = periodOf(e.date.value, by);
    out.set(p, [...(out.get(p) ?? []), e]);
  }
  return out;
}

function firstAndLast(events: readonly MergedEventRecord[]): { first: EvidenceRef | null; last: EvidenceRef | null } {
  const dated = events.filter((e) => e.date.value !== null).sort((x, y) => ((x.date.value ?? '') < (y.date.value ?? '') ? -1 : (x.date.value ?? '') > (y.date.value ?? '') ? 1 : stronger(x, y)));
  const first = dated[0];
  const last = dated[dated.length - 1];
  return { first: first ? evidenceRef(first) : null, last: last ? evidenceRef(last) : null };
}

export function dyadHistory(a: string, b: string, events: readonly MergedEventRecord[], by: Period = 'month'): DyadHistory {
  const periods = [...byPeriod(events, by).entries()].sort(([x], [y]) => sortPeriods(x, y)).map(([p, list]) => periodStats(p, list, a));
  return { a, b, by, periods, total: { ...periodStats('total', events, a), ...firstAndLast(events) }, events: [...events] };
}

export interface Trend {
  /** Change of the mean Goldstein score per period (least squares over the periods with events). */
  slope: number | null;
  label: 'warming' | 'cooling' | 'steady' | 'too few periods';
}

/** Slope of a series of (period index, mean) points; `warming`/`cooling` past half a Goldstein point per period. */
export function trendOf(points: ReadonlyArray<{ x: number; y: number }>): Trend {
  if (points.length < 2) return { slope: null, label: 'too few periods' };
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  return { slope: round(slope), label: slope > 0.5 ? 'warming' : slope < -0.5 ? 'cooling' : 'steady' };
}

/** Period index on one scale: years, or months counted from year 0. */
function periodIndex(period: string, by: Period): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  if (by === 'year') return year;
  return m[2] === undefined ? null : year * 12 + Number(m[2]) - 1;
}

export interface PartnerStats extends Omit<PeriodStats, 'period' | 'aToB' | 'bToA'> {
  partner: string;
  name: string;
  /** Events with the actor as source, and with the partner as source. */
  outgoing: number;
  incoming: number;
  first: string | null;
  last: string | null;
  series: Array<{ period: string; events: number; mean: number | null; balance: number }>;
  trend: Trend;
}

export interface ActorProfile {
  actor: string;
  name: string | null;
  by: Period;
  total: PeriodStats;
  /** Partners, most events first. */
  byVolume: PartnerStats[];
  /** Partners, most cooperative balance first (ties: more events first). */
  byBalance: PartnerStats[];
}

export function actorProfile(actor: string, events: readonly MergedEventRecord[], by: Period = 'year'): ActorProfile {
  const partners = new Map<string, { name: string; events: MergedEventRecord[] }>();
  let name: string | null = null;
  for (const e of events) {
    const mine = matches(e.source, actor) ? e.source : matches(e.target, actor) ? e.target : null;
    const other = mine === e.source ? e.target : e.source;
    if (mine) name = name ?? mine.name;
    if (!mine || !other || other.id === mine.id) continue;
    const entry = partners.get(other.id) ?? { name: other.name, events: [] };
    entry.events.push(e);
    partners.set(other.id, entry);
  }
  const stats = [...partners.entries()].map(([partner, { name: partnerName, events: list }]): PartnerStats => {
    const { period: _p, aToB, bToA, ...totals } = periodStats(partner, list, actor);
    const series = [...byPeriod(list, by).entries()]
      .filter(([p]) => p !== 'undated')
      .sort(([x], [y]) => sortPeriods(x, y))
      .map(([p, l]) => {
        const s = periodStats(p, l, actor);
        return { period: p, events: s.events, mean: s.mean, balance: s.balance };
      });
    const points = series.flatMap((s) => {
      const x = periodIndex(s.period, by);
      return x !== null && s.mean !== null ? [{ x, y: s.mean }] : [];
    });
    const { first, last } = firstAndLast(list);
    return { partner, name: partnerName, ...totals, outgoing: aToB, incoming: bToA, first: first?.date ?? null, last: last?.date ?? null, series, trend: trendOf(points) };
  });
  const byVolume = [...stats].sort((x, y) => y.events - x.events || (x.partner < y.partner ? -1 : 1));
  const byBalance = [...stats].sort((x, y) => y.balance - x.balance || y.events - x.events || (x.partner < y.partner ? -1 : 1));
  return { actor, name, by, total: periodStats('total', events, actor), byVolume, byBalance };
}
