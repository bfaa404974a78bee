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
//
// Where links can be (for speed only; the rules above decide): with no shared weighted cue a link needs the
// dates to add at least 1, which only two stated dates that overlap or two publication days at most 3 days apart
// do (see dateBound). So a report's possible partners are those reports, plus the reports sharing a weighted cue
// with it; the store reads both through indexes (src/store/merge-candidates.ts) and linkEdges enumerates them in
// memory, instead of comparing every pair of a block.
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

/** The article part of a report key (its content hash). */
export function articleOfKey(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

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

/** What the link rules read of a report: merge reports without the article's publication date. */
export type LinkFacts = Omit<MergeReport, 'published'>;

export type WindowKind = 'stated' | 'published' | 'unknown';

/** The days a report's date can be: within one calendar year at most (dateRange), or anything when unknown. */
export interface MergeWindow {
  kind: WindowKind;
  first: string;
  last: string;
}

interface Window extends MergeWindow {
  precision: ReportPrecision;
  firstDay: number;
  lastDay: number;
}

function days(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

const UNKNOWN_RANGE = { first: '0000-01-01', last: '9999-12-31' };
const UNKNOWN: Window = { kind: 'unknown', ...UNKNOWN_RANGE, precision: 'year', firstDay: days(UNKNOWN_RANGE.first), lastDay: days(UNKNOWN_RANGE.last) };

function computeWindow(date: LinkFacts['date']): Window {
  const { value, precision, basis } = date;
  const range = value ? dateRange(value) : null;
  if (!range || !precision) return UNKNOWN;
  const kind = basis === 'published' || basis === 'none' ? 'published' : 'stated';
  return { kind, first: range.first, last: range.last, precision, firstDay: days(range.first), lastDay: days(range.last) };
}

// Reports are compared many times each; their windows are worked out once (reports are never mutated).
const windows = new WeakMap<LinkFacts['date'], Window>();

function windowOf(r: LinkFacts): Window {
  let w = windows.get(r.date);
  if (!w) windows.set(r.date, (w = computeWindow(r.date)));
  return w;
}

/** The window of a report's date, as the store indexes it. */
export function mergeWindow(date: LinkFacts['date']): MergeWindow {
  const { kind, first, last } = computeWindow(date);
  return { kind, first, last };
}

const PRECISION_SCORE: Record<ReportPrecision, number> = { day: 3, month: 2, year: 1 };
const COARSER: Record<ReportPrecision, number> = { day: 0, month: 1, year: 2 };
const RECENT_DAYS = 31;
/** Two publication days at most this far apart add 1 (when both are days). */
const NEAR_DAYS = 3;

/** null when the dates rule the pair out, else what they add to the link score. */
function dateScore(a: Window, b: Window): number | null {
  if (a.kind === 'unknown' || b.kind === 'unknown') return 0;
  if (a.kind === 'stated' && b.kind === 'stated') {
    if (a.first > b.last || b.first > a.last) return null;
    return PRECISION_SCORE[COARSER[a.precision] >= COARSER[b.precision] ? a.precision : b.precision];
  }
  if (a.kind === 'published' && b.kind === 'published') {
    const gap = Math.abs(a.firstDay - b.firstDay);
    if (a.precision === 'day' && b.precision === 'day' && gap <= NEAR_DAYS) return 1;
    return gap <= RECENT_DAYS ? 0 : -2;
  }
  // One stated, one known only by its article's publication date: the event cannot follow the article.
  const [stated, published] = a.kind === 'stated' ? [a, b] : [b, a];
  if (stated.first > published.last) return null;
  return stated.lastDay >= published.firstDay - RECENT_DAYS ? 0 : -1;
}

/** The most dateScore can give for two windows whatever their precisions, null when the windows rule the pair out. */
function dateBound(a: MergeWindow, b: MergeWindow): number | null {
  if (a.kind === 'unknown' || b.kind === 'unknown') return 0;
  if (a.kind === 'stated' && b.kind === 'stated') return a.first > b.last || b.first > a.last ? null : PRECISION_SCORE.day;
  if (a.kind === 'published' && b.kind === 'published') {
    const gap = Math.abs(days(a.first) - days(b.first));
    return gap <= NEAR_DAYS ? 1 : gap <= RECENT_DAYS ? 0 : -2;
  }
  const [stated, published] = a.kind === 'stated' ? [a, b] : [b, a];
  if (stated.first > published.last) return null;
  return days(stated.last) >= days(published.first) - RECENT_DAYS ? 0 : -1;
}

/** The weight a cue can add to a link (0 for a kind the rules do not weigh). */
export function cueWeight(cue: string): number {
  return CUE_WEIGHTS[cue.slice(0, cue.indexOf(':'))]?.weight ?? 0;
}

/** The most the code and the orientation can add to a link score. */
const BEST_CODE_AND_ORIENTATION = 2.5;

/**
 * A necessary condition for a link, from the two windows and the summed weight of the cues the reports share:
 * false means the two can never be linked, true that they may be (linked() decides).
 */
export function mayLink(a: MergeWindow, b: MergeWindow, sharedCueWeight: number): boolean {
  const date = dateBound(a, b);
  return date !== null && date + BEST_CODE_AND_ORIENTATION + sharedCueWeight >= LINK_THRESHOLD;
}

/**
 * Partners a report can link with without sharing a weighted cue, as ranges of their kind and first day (see
 * dateBound). A date window is a day, a month or a calendar year (dateRange), so a stated window overlapping w is
 * the year w falls in (first day 1 January), or a month or a day starting between the first of w's month and w's end.
 */
export function cuelessPartners(w: MergeWindow, precision: ReportPrecision | null): Array<{ kind: WindowKind; from: string; to: string }> {
  if (w.kind === 'stated') {
    const year = `${w.first.slice(0, 4)}-01-01`;
    return [{ kind: 'stated', from: year, to: year }, { kind: 'stated', from: `${w.first.slice(0, 7)}-01`, to: w.last }];
  }
  if (w.kind === 'published' && precision === 'day') return [{ kind: 'published', from: shiftDays(w.first, -NEAR_DAYS), to: shiftDays(w.first, NEAR_DAYS) }];
  return [];
}

function shiftDays(date: string, by: number): string {
  return new Date((days(date) + by) * 86_400_000).toISOString().slice(0, 10);
}

function sameOrientation(a: LinkFacts, b: LinkFacts): boolean {
  return a.source === b.source && a.target === b.target;
}

function dyadAllows(a: LinkFacts, b: LinkFacts): boolean {
  if (sameOrientation(a, b)) return true;
  return isMutualCode(a.code) && a.article !== b.article && a.source === b.target && a.target === b.source;
}

/** Hard rules: true when the two reports can never be one event. */
export function incompatible(a: LinkFacts, b: LinkFacts): boolean {
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
export function linkScore(a: LinkFacts, b: LinkFacts): number {
  const date = dateScore(windowOf(a), windowOf(b)) ?? 0;
  const orientation = sameOrientation(a, b) ? SAME_ORIENTATION : 0;
  return date + codeScore(a.code, b.code) + orientation + sharedCueScore(a.cues, b.cues);
}

export function linked(a: LinkFacts, b: LinkFacts): boolean {
  return !incompatible(a, b) && linkScore(a, b) >= LINK_THRESHOLD;
}

function byKey(a: LinkFacts, b: LinkFacts): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The linked component(s) reachable from `seeds` inside `pool` (which must hold the seeds and every report
 * of their blocks). Each component comes back sorted by key.
 */
export function componentsFrom<R extends LinkFacts>(seeds: readonly R[], pool: readonly R[]): R[][] {
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

export interface LinkEdge {
  /** Positions in the member list, i < j. */
  i: number;
  j: number;
  score: number;
  sameCode: number;
}

/** Below this many members comparing every pair costs less than indexing them. */
const ALL_PAIRS_BELOW = 32;

/** Pairs of positions that may be linked (a superset of the links; see "Where links can be" above). */
function candidatePairs(members: readonly LinkFacts[]): Iterable<[number, number]> {
  const n = members.length;
  if (n < ALL_PAIRS_BELOW) {
    const all: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) all.push([i, j]);
    return all;
  }
  const seen = new Set<number>();
  const out: Array<[number, number]> = [];
  const add = (x: number, y: number): void => {
    const [i, j] = x < y ? [x, y] : [y, x];
    const id = i * n + j;
    if (i === j || seen.has(id)) return;
    seen.add(id);
    out.push([i, j]);
  };
  const w = members.map(windowOf);
  // Overlapping stated windows: sorted by first day, a window overlaps the later ones that start before it ends.
  const stated = w.flatMap((x, i) => (x.kind === 'stated' ? [i] : [])).sort((a, b) => (w[a] as Window).firstDay - (w[b] as Window).firstDay);
  for (let a = 0; a < stated.length; a++) {
    const lastDay = (w[stated[a] as number] as Window).lastDay;
    for (let b = a + 1; b < stated.length && (w[stated[b] as number] as Window).firstDay <= lastDay; b++) add(stated[a] as number, stated[b] as number);
  }
  // Publication days close together.
  const published = w.flatMap((x, i) => (x.kind === 'published' ? [i] : [])).sort((a, b) => (w[a] as Window).firstDay - (w[b] as Window).firstDay);
  for (let a = 0; a < published.length; a++) {
    const firstDay = (w[published[a] as number] as Window).firstDay;
    for (let b = a + 1; b < published.length && (w[published[b] as number] as Window).firstDay - firstDay <= NEAR_DAYS; b++) add(published[a] as number, published[b] as number);
  }
  // A shared weighted cue: two stated reports sharing one are already above if they can link at all.
  const byCue = new Map<string, number[]>();
  members.forEach((r, i) => {
    for (const cue of r.cues) {
      if (cueWeight(cue) === 0) continue;
      const list = byCue.get(cue);
      if (list) list.push(i);
      else byCue.set(cue, [i]);
    }
  });
  for (const list of byCue.values()) {
    for (const i of list) {
      if ((w[i] as Window).kind === 'stated') continue;
      for (const j of list) add(i, j);
    }
  }
  return out;
}

/** Every linked pair among the members, with what the greedy join orders them by. */
export function linkEdges(members: readonly LinkFacts[]): LinkEdge[] {
  const edges: LinkEdge[] = [];
  for (const [i, j] of candidatePairs(members)) {
    const a = members[i] as LinkFacts;
    const b = members[j] as LinkFacts;
    if (!linked(a, b)) continue;
    edges.push({ i, j, score: linkScore(a, b), sameCode: a.code === b.code ? 1 : 0 });
  }
  return edges;
}

/** Greedy joins along the strongest links of members sorted by key, never joining incompatible reports. */
function joinAlongLinks<R extends LinkFacts>(members: readonly R[], edges: LinkEdge[]): R[][] {
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

/** Split one linked component into events: greedy joins along the strongest links, never joining incompatible reports. */
export function clusterComponent<R extends LinkFacts>(component: readonly R[]): R[][] {
  const members = [...component].sort(byKey);
  if (members.length === 1) return [members];
  return joinAlongLinks(members, linkEdges(members));
}

/**
 * Components and events of a set of reports closed under links (every report linked to a member is a member):
 * a union of whole components. Components never share a link, so the greedy joins of each are those of the
 * whole set; both lists come back sorted by their first key.
 */
export function clusterLinkClosed<R extends LinkFacts>(reports: readonly R[]): { components: R[][]; events: R[][] } {
  const members = [...reports].sort(byKey);
  const edges = linkEdges(members);
  const root = members.map((_, i) => i);
  const find = (x: number): number => {
    while (root[x] !== x) x = root[x] = root[root[x] as number] as number;
    return x;
  };
  for (const { i, j } of edges) {
    const [a, b] = [find(i), find(j)];
    if (a !== b) root[Math.max(a, b)] = Math.min(a, b);
  }
  const parts = new Map<number, R[]>();
  members.forEach((r, i) => {
    const part = parts.get(find(i));
    if (part) part.push(r);
    else parts.set(find(i), [r]);
  });
  return { components: [...parts.values()], events: joinAlongLinks(members, edges) };
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
