// Merging event reports into events. Two reports are LINKED when nothing rules them out (same dyad, either
// order for mutual codes but never reversed inside one article, which tells such acts apart itself; the
// same CAMEO root; dates that can hold the same day; same negation and modality; never two reports of one
// sentence of one article) and the evidence that they are one event scores at least LINK_THRESHOLD: agreeing
// dates (the finer both are, the more), the same code (codes on sibling branches count against), and shared
// supporting cues (src/corpus/cues.ts); the same orientation breaks ties.
//
// Order independence: links depend on the two reports only, so the linked components are a function of the
// set of reports. Inside a component, reports are joined greedily along links in a canonical order (score,
// then report keys made of content hashes and offsets, not database ids), refusing any join that would put
// two incompatible reports together. Re-clustering only the components a new report touches therefore gives
// exactly what clustering the whole corpus would, whatever order the articles came in.
import { dateRange } from '../io/published.js';
import { comparableCodes, isMutualCode, rootOf } from './codes.js';

export type ReportPrecision = 'day' | 'month' | 'year';
export type ReportBasis = 'text' | 'relative' | 'anaphoric' | 'published' | 'none';

/** What merging needs to know about one event report. */
export interface MergeReport {
  /** Canonical identity, the same whatever the ingest order (see reportKey). */
  key: string;
  /** The article's identity: its content hash. */
  article: string;
  sentence: number;
  source: string | null;
  target: string | null;
  code: string;
  date: { value: string | null; precision: ReportPrecision | null; basis: ReportBasis };
  /** The article's publication date (YYYY, YYYY-MM or YYYY-MM-DD), if known. */
  published: string | null;
  negated: boolean;
  hypothetical: boolean;
  /** Sorted supporting cues (src/corpus/cues.ts). */
  cues: readonly string[];
}

export const LINK_THRESHOLD = 3;

/** Weight of one shared cue by kind, and the most a kind can add. */
const CUE_WEIGHTS: Record<string, { weight: number; cap: number }> = {
  p: { weight: 2, cap: 4 }, // a named person
  n: { weight: 2, cap: 4 }, // a number
  a: { weight: 1, cap: 2 }, // a third-party actor
  g: { weight: 1, cap: 1 }, // a capital named as a place
  c: { weight: 1, cap: 2 }, // a topical concept
  w: { weight: 1, cap: 2 }, // a pair of adjacent content words (same language)
};

/** A report key from content-derived parts; pad offsets so keys sort like the text. */
export function reportKey(article: string, sentence: number, start: number, code: string, source: string | null, target: string | null): string {
  const pad = (n: number): string => String(n).padStart(7, '0');
  return `${article}:${pad(sentence)}:${pad(start)}:${code}:${source ?? '-'}:${target ?? '-'}`;
}

/** Reports that could ever merge share a block: the unordered actor pair and the CAMEO root. */
export function blockOf(r: Pick<MergeReport, 'source' | 'target' | 'code'>): string {
  const [a, b] = [r.source ?? '-', r.target ?? '-'].sort();
  return `${a}|${b}|${rootOf(r.code)}`;
}

interface Window {
  kind: 'stated' | 'published' | 'unknown';
  first: string;
  last: string;
  precision: ReportPrecision;
}

const UNKNOWN: Window = { kind: 'unknown', first: '0000-01-01', last: '9999-12-31', precision: 'year' };

function windowOf(r: MergeReport): Window {
  const { value, precision, basis } = r.date;
  const range = value ? dateRange(value) : null;
  if (!range || !precision) return UNKNOWN;
  if (basis === 'published' || basis === 'none') return { kind: 'published', first: range.first, last: range.last, precision };
  return { kind: 'stated', first: range.first, last: range.last, precision };
}

function days(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

const PRECISION_SCORE: Record<ReportPrecision, number> = { day: 3, month: 2, year: 1 };
const COARSER: Record<ReportPrecision, number> = { day: 0, month: 1, year: 2 };
const RECENT_DAYS = 31;

/** null when the dates rule the pair out, else what they add to the link score. */
function dateScore(a: Window, b: Window): number | null {
  if (a.kind === 'unknown' || b.kind === 'unknown') return 0;
  if (a.kind === 'stated' && b.kind === 'stated') {
    if (a.first > b.last || b.first > a.last) return null;
    return PRECISION_SCORE[COARSER[a.precision] >= COARSER[b.precision] ? a.precision : b.precision];
  }
  if (a.kind === 'published' && b.kind === 'published') {
    const gap = Math.abs(days(a.first) - days(b.first));
    if (a.precision === 'day' && b.precision === 'day' && gap <= 3) return 1;
    return gap <= RECENT_DAYS ? 0 : -2;
  }
  // One stated, one known only by its article's publication date: the event cannot follow the article.
  const [stated, published] = a.kind === 'stated' ? [a, b] : [b, a];
  if (stated.first > published.last) return null;
  return days(stated.last) >= days(published.first) - RECENT_DAYS ? 0 : -1;
}

function sameOrientation(a: MergeReport, b: MergeReport): boolean {
  return a.source === b.source && a.target === b.target;
}

function dyadAllows(a: MergeReport, b: MergeReport): boolean {
  if (sameOrientation(a, b)) return true;
  return isMutualCode(a.code) && a.article !== b.article && a.source === b.target && a.target === b.source;
}

/** Hard rules: true when the two reports can never be one event. */
export function incompatible(a: MergeReport, b: MergeReport): boolean {
  if (a.article === b.article && a.sentence === b.sentence) return true;
  if (a.negated !== b.negated || a.hypothetical !== b.hypothetical) return true;
  if (rootOf(a.code) !== rootOf(b.code) || !dyadAllows(a, b)) return true;
  return dateScore(windowOf(a), windowOf(b)) === null;
}

/** +2 the same code, 0 one code under the other (040 and 042), -1 sibling codes (041 and 046). */
function codeScore(a: string, b: string): number {
  if (a === b) return 2;
  return comparableCodes(a, b) ? 0 : -1;
}

/** Same orientation only breaks ties: "the two countries signed" puts either one first. */
const SAME_ORIENTATION = 0.5;

function sharedCueScore(a: readonly string[], b: readonly string[]): number {
  const byKind = new Map<string, number>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as string;
    const y = b[j] as string;
    if (x === y) {
      const kind = x.slice(0, x.indexOf(':'));
      byKind.set(kind, (byKind.get(kind) ?? 0) + (CUE_WEIGHTS[kind]?.weight ?? 0));
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  let score = 0;
  for (const [kind, total] of byKind) score += Math.min(total, CUE_WEIGHTS[kind]?.cap ?? 0);
  return score;
}

/** How strongly two compatible reports look like one event (see LINK_THRESHOLD). */
export function linkScore(a: MergeReport, b: MergeReport): number {
  const date = dateScore(windowOf(a), windowOf(b)) ?? 0;
  const orientation = sameOrientation(a, b) ? SAME_ORIENTATION : 0;
  return date + codeScore(a.code, b.code) + orientation + sharedCueScore(a.cues, b.cues);
}

export function linked(a: MergeReport, b: MergeReport): boolean {
  return !incompatible(a, b) && linkScore(a, b) >= LINK_THRESHOLD;
}

function byKey(a: MergeReport, b: MergeReport): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The linked component(s) reachable from `seeds` inside `pool` (which must hold the seeds and every report
 * of their blocks). Each component comes back sorted by key.
 */
export function componentsFrom<R extends MergeReport>(seeds: readonly R[], pool: readonly R[]): R[][] {
  const seen = new Set<R>();
  const out: R[][] = [];
  for (const seed of seeds) {
    if (seen.has(seed)) continue;
    seen.add(seed);
    const component: R[] = [seed];
    for (let k = 0; k < component.length; k++) {
      const at = component[k] as R;
      for (const other of pool) {
        if (!seen.has(other) && linked(at, other)) {
          seen.add(other);
          component.push(other);
        }
      }
    }
    out.push(component.sort(byKey));
  }
  return out;
}

/** Split one linked component into events: greedy joins along the strongest links, never joining incompatible reports. */
export function clusterComponent<R extends MergeReport>(component: readonly R[]): R[][] {
  const members = [...component].sort(byKey);
  if (members.length === 1) return [members];
  const edges: Array<{ i: number; j: number; score: number; sameCode: number }> = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i] as R;
      const b = members[j] as R;
      if (!linked(a, b)) continue;
      edges.push({ i, j, score: linkScore(a, b), sameCode: a.code === b.code ? 1 : 0 });
    }
  }
  // Canonical order: strongest first, the same code before related codes, then by member position
  // (positions follow the keys).
  edges.sort((x, y) => y.score - x.score || y.sameCode - x.sameCode || x.i - y.i || x.j - y.j);
  const clusterOf = members.map((_, i) => i);
  const clusters = new Map<number, number[]>(members.map((_, i) => [i, [i]]));
  for (const { i, j } of edges) {
    const ci = clusterOf[i] as number;
    const cj = clusterOf[j] as number;
    if (ci === cj) continue;
    const left = clusters.get(ci) as number[];
    const right = clusters.get(cj) as number[];
    if (left.some((x) => right.some((y) => incompatible(members[x] as R, members[y] as R)))) continue;
    const [keep, drop] = ci < cj ? [ci, cj] : [cj, ci];
    const joined = [...(clusters.get(keep) as number[]), ...(clusters.get(drop) as number[])].sort((x, y) => x - y);
    clusters.set(keep, joined);
    clusters.delete(drop);
    for (const x of joined) clusterOf[x] = keep;
  }
  return [...clusters.values()].map((idx) => idx.map((x) => members[x] as R));
}

/** Cluster a whole set of reports (eval, tests, rebuilds): the reference the incremental store must equal. */
export function clusterReports<R extends MergeReport>(reports: readonly R[]): R[][] {
  const blocks = new Map<string, R[]>();
  for (const r of reports) {
    const b = blockOf(r);
    const list = blocks.get(b) ?? [];
    list.push(r);
    blocks.set(b, list);
  }
  const out: R[][] = [];
  for (const block of blocks.values()) {
    for (const component of componentsFrom(block, block)) out.push(...clusterComponent(component));
  }
  return out.sort((x, y) => byKey(x[0] as R, y[0] as R));
}
