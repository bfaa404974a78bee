// What a merged event says, from its reports: the most specific code, the best date, who did it to whom (the
// majority orientation for mutual acts), how many articles and outlets tell it, and whether any report is
// only somebody's claim.
import type { Role } from '../document.js';
import { dateRange } from '../io/published.js';
import { depth, rootOf } from './codes.js';
import { blockOf, type MergeReport, type ReportBasis, type ReportPrecision } from './merge.js';

export interface ActorRef {
  id: string;
  cameo: string;
  role: Role | null;
  name: string;
}

/** A stored report with everything a merged event is summarised from. */
export interface ReportFacts extends MergeReport {
  id: number;
  doc: string;
  outlet: string | null;
  lang: string;
  sourceActor: ActorRef | null;
  targetActor: ActorRef | null;
  quad: number;
  goldstein: number | null;
  plover: string | null;
  attributedTo: string | null;
  confidence: number;
  evidence: string;
  /** How the article frames the report's actors, -1..1 (src/corpus/framing.ts), when known. */
  tone: number | null;
}

export interface MergedFacts {
  key: string;
  block: string;
  source: ActorRef | null;
  target: ActorRef | null;
  code: string;
  root: string;
  quad: number;
  goldstein: number | null;
  plover: string | null;
  date: { value: string | null; precision: ReportPrecision | null; basis: ReportBasis; first: string | null; last: string | null };
  reports: number;
  articles: number;
  outlets: number;
  langs: string[];
  anyClaim: boolean;
  allClaims: boolean;
  negated: boolean;
  hypothetical: boolean;
  confidence: number;
  tone: number | null;
  evidence: { text: string; doc: string; report: number };
  firstPublished: string | null;
}

const PRECISION_RANK: Record<ReportPrecision, number> = { day: 3, month: 2, year: 1 };

function basisRank(b: ReportBasis): number {
  return b === 'text' || b === 'relative' || b === 'anaphoric' ? 2 : b === 'published' ? 1 : 0;
}

function mostFrequent<T>(items: T[], key: (t: T) => string): T | undefined {
  const counts = new Map<string, { item: T; n: number }>();
  for (const item of items) {
    const k = key(item);
    const entry = counts.get(k);
    if (entry) entry.n++;
    else counts.set(k, { item, n: 1 });
  }
  // Ties go to the smallest key, so the choice does not depend on report order.
  return [...counts.entries()].sort((x, y) => y[1].n - x[1].n || (x[0] < y[0] ? -1 : 1))[0]?.[1].item;
}

/** Stated dates beat the publication fallback; then the finest precision; then the most reported value. */
function bestDate(reports: ReportFacts[]): MergedFacts['date'] {
  const dated = reports.filter((r) => r.date.value !== null && r.date.precision !== null);
  const top = Math.max(-1, ...dated.map((r) => basisRank(r.date.basis) * 10 + PRECISION_RANK[r.date.precision as ReportPrecision]));
  const best = mostFrequent(
    dated.filter((r) => basisRank(r.date.basis) * 10 + PRECISION_RANK[r.date.precision as ReportPrecision] === top),
    (r) => r.date.value as string,
  );
  if (!best || best.date.value === null) return { value: null, precision: null, basis: 'none', first: null, last: null };
  const range = dateRange(best.date.value);
  return { value: best.date.value, precision: best.date.precision, basis: best.date.basis, first: range?.first ?? null, last: range?.last ?? null };
}

function pickActor(refs: Array<ActorRef | null>, id: string | null): ActorRef | null {
  if (id === null) return null;
  const same = refs.filter((a): a is ActorRef => a !== null && a.id === id);
  const withRole = same.filter((a) => a.role !== null);
  return mostFrequent(withRole.length > 0 ? withRole : same, (a) => `${a.role ?? ''}|${a.cameo}`) ?? null;
}

function noisyOr(values: number[]): number {
  return 1 - values.reduce((p, v) => p * (1 - Math.max(0, Math.min(1, v))), 1);
}

function round(n: number, places: number): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

export function summarise(reports: readonly ReportFacts[]): MergedFacts {
  const members = [...reports].sort((a, b) => (a.key < b.key ? -1 : 1));
  const first = members[0];
  if (!first) throw new Error('a merged event needs at least one report');
  // The most specific code wins; among equally specific (sibling) codes, the most reported, then the lowest.
  const top = Math.max(...members.map((r) => depth(r.code)));
  const deepest = mostFrequent(members.filter((r) => depth(r.code) === top), (r) => r.code) ?? first;
  const orientation = mostFrequent(members, (r) => `${r.source ?? '-'}>${r.target ?? '-'}`) ?? first;
  const [sourceId, targetId] = [orientation.source, orientation.target];
  // An actor's forms across reports, whichever side each report put it on.
  const refs = members.flatMap((r) => [r.sourceActor, r.targetActor]);
  const perArticle = new Map<string, ReportFacts[]>();
  for (const r of members) perArticle.set(r.article, [...(perArticle.get(r.article) ?? []), r]);
  const outlets = new Set(members.map((r) => r.outlet?.trim().toLowerCase()).filter((o): o is string => !!o));
  const tones = [...perArticle.values()].map((rs) => rs.find((r) => r.tone !== null)?.tone).filter((t): t is number => t !== undefined && t !== null);
  const strongest = [...members].sort(
    (a, b) =>
      Number(a.attributedTo !== null) - Number(b.attributedTo !== null) ||
      basisRank(b.date.basis) - basisRank(a.date.basis) ||
      b.confidence - a.confidence ||
      (a.key < b.key ? -1 : 1),
  )[0] as ReportFacts;
  const published = members.map((r) => r.published).filter((p): p is string => p !== null).sort();
  return {
    key: first.key,
    block: blockOf(first),
    source: pickActor(refs, sourceId),
    target: pickActor(refs, targetId),
    code: deepest.code,
    root: rootOf(deepest.code),
    quad: deepest.quad,
    goldstein: deepest.goldstein,
    plover: deepest.plover,
    date: bestDate(members),
    reports: members.length,
    articles: perArticle.size,
    outlets: outlets.size,
    langs: [...new Set(members.map((r) => r.lang))].sort(),
    anyClaim: members.some((r) => r.attributedTo !== null),
    allClaims: members.every((r) => r.attributedTo !== null),
    negated: first.negated,
    hypothetical: first.hypothetical,
    confidence: round(noisyOr([...perArticle.values()].map((rs) => Math.max(...rs.map((r) => r.confidence)))), 3),
    tone: tones.length > 0 ? round(tones.reduce((s, t) => s + t, 0) / tones.length, 3) : null,
    evidence: { text: strongest.evidence, doc: strongest.doc, report: strongest.id },
    firstPublished: published[0] ?? null,
  };
}
