// `rasad eval --merge DIR...`: how well reports are merged into events. The gold folders' texts are pooled;
// clusters.jsonl in the first folder lists the gold events told by more than one report, as `doc#index:code`
// references into the folders' gold.jsonl (every other gold event is an event of its own). Scored twice:
//   gold reports:  the gold events themselves are the reports (their evidence, dates, actors) — merging alone;
//   coded reports: the coder's reports, each aligned with a gold event (alignReports); pairs are scored over
//                  aligned reports — merging on real coder output, coder errors included.
// Pairwise precision = report pairs put together that gold puts together / pairs put together; recall the
// other way round.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { reportCues } from '../corpus/cues.js';
import { clusterReports, reportKey, type MergeReport } from '../corpus/merge.js';
import type { Document, Span } from '../document.js';
import { eventRecords } from '../output.js';
import type { Pipeline } from '../pipeline.js';
import { contentHash } from '../store/store.js';
import { goldArticle, readGoldDir, systemEvent, type GoldInput } from './gold.js';
import { dateMatches, dyadMatch, prf, rootOf, type Prf } from './match.js';

const ClusterSchema = z.object({
  id: z.string(),
  note: z.string().optional(),
  members: z.array(z.string().regex(/^[^#]+#\d+:\d{2,4}$/, 'expected doc#index:code')).min(2),
});
export type GoldCluster = z.infer<typeof ClusterSchema>;

export interface MergeGold {
  inputs: GoldInput[];
  clusters: GoldCluster[];
  /** `doc#index` -> gold cluster id (singletons get their own reference as id). */
  clusterOf: Map<string, string>;
}

export function readMergeGold(dirs: string[]): MergeGold {
  const [first] = dirs;
  if (first === undefined) throw new Error('give at least one gold folder');
  const inputs = dirs.flatMap((d) => readGoldDir(d));
  const events = new Map<string, string>();
  for (const input of inputs) input.gold.events.forEach((e, i) => events.set(`${input.gold.doc}#${i}`, e.cameo));
  const path = join(first, 'clusters.jsonl');
  const clusters: GoldCluster[] = [];
  const clusterOf = new Map<string, string>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = ClusterSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid cluster'}`);
      for (const member of parsed.data.members) {
        const [ref = '', code] = member.split(':');
        const found = events.get(ref);
        if (found === undefined) throw new Error(`${path}:${i + 1}: ${ref} is not a gold event of the given folders`);
        if (found !== code) throw new Error(`${path}:${i + 1}: ${ref} is coded ${found} in gold, not ${code}`);
        if (clusterOf.has(ref)) throw new Error(`${path}:${i + 1}: ${ref} is in two clusters`);
        clusterOf.set(ref, parsed.data.id);
      }
      clusters.push(parsed.data);
    });
  for (const ref of events.keys()) if (!clusterOf.has(ref)) clusterOf.set(ref, ref);
  return { inputs, clusters, clusterOf };
}

export interface PairCounts {
  /** Items scored (reports with a gold event). */
  items: number;
  goldPairs: number;
  systemPairs: number;
  agreed: number;
}

export interface PairScore extends PairCounts, Prf {}

function pairsIn(groups: Iterable<number>): number {
  let n = 0;
  for (const size of groups) n += (size * (size - 1)) / 2;
  return n;
}

/** Pairwise clustering agreement over items labelled with a system cluster and a gold cluster. */
export function pairwise(items: ReadonlyArray<{ system: string; gold: string }>): PairScore {
  const count = (key: (i: { system: string; gold: string }) => string): number[] => {
    const m = new Map<string, number>();
    for (const item of items) m.set(key(item), (m.get(key(item)) ?? 0) + 1);
    return [...m.values()];
  };
  const goldPairs = pairsIn(count((i) => i.gold));
  const systemPairs = pairsIn(count((i) => i.system));
  const agreed = pairsIn(count((i) => `${i.system}\u0000${i.gold}`));
  return { items: items.length, goldPairs, systemPairs, agreed, ...prf(agreed, systemPairs, agreed, goldPairs) };
}

interface Labelled extends MergeReport {
  /** `doc#index` of the gold event, or null for an unaligned coded report. */
  gold: string | null;
}

function sentenceAt(doc: Document, offset: number): number {
  return doc.sentences.find((s) => s.start <= offset && offset < s.end)?.index ?? 0;
}

function dated(value: string | null): MergeReport['date'] {
  if (value === null) return { value: null, precision: null, basis: 'none' };
  return { value, precision: value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year', basis: 'text' };
}

function goldReports(input: GoldInput, doc: Document): Labelled[] {
  const hash = contentHash(input.text);
  return input.gold.events.map((e, i) => {
    const start = Math.max(0, input.text.indexOf(e.evidence));
    const span: Span = { start, end: start + e.evidence.length };
    return {
      key: `${reportKey(hash, sentenceAt(doc, start), start, e.cameo, e.source, e.target)}:${String(i).padStart(4, '0')}`,
      article: hash,
      sentence: sentenceAt(doc, start),
      source: e.source,
      target: e.target,
      code: e.cameo,
      date: dated(e.date),
      published: input.gold.published,
      negated: e.negated ?? false,
      hypothetical: e.hypothetical ?? false,
      cues: reportCues(doc, span, [e.source, e.target]),
      gold: `${input.gold.doc}#${i}`,
    };
  });
}

/** Below this, a report that only shares dyad and root with a gold event is left unaligned. */
const MIN_ALIGNMENT = 2;

/**
 * Align coder reports with gold events of the same document: the SCHEMA.md rule (dyad, either order for
 * mutual codes, and root) decides who may pair; among those, overlapping evidence, the same code and the
 * same date decide who does. Several reports may align with one gold event: a coder that tells an event
 * twice (headline and body) should merge the two, and is scored on it.
 */
export function alignReports(input: GoldInput, doc: Document): Map<number, number> {
  const located = input.gold.events.map((g) => {
    const start = input.text.indexOf(g.evidence);
    return start < 0 ? null : { start, end: start + g.evidence.length };
  });
  const candidates: Array<{ s: number; g: number; score: number }> = [];
  eventRecords(doc).forEach((r, s) => {
    const sys = systemEvent(r);
    input.gold.events.forEach((g, gi) => {
      const gold = { ...g, optional: g.optional };
      if (rootOf(g.cameo) !== rootOf(sys.code) || dyadMatch(gold, sys) === null) return;
      const span = located[gi];
      const overlap = span !== null && span !== undefined && r.evidence.start < span.end && span.start < r.evidence.end;
      const score = (overlap ? 4 : 0) + (g.cameo === sys.code ? 2 : 0) + (g.date !== null && dateMatches(g.date, sys.date) ? 1 : 0) + (dyadMatch(gold, sys) === 'direct' ? 1 : 0);
      candidates.push({ s, g: gi, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.s - y.s || x.g - y.g);
  const bySystem = new Map<number, number>();
  for (const c of candidates) if (c.score >= MIN_ALIGNMENT && !bySystem.has(c.s)) bySystem.set(c.s, c.g);
  return bySystem;
}

function codedReports(input: GoldInput, doc: Document): Labelled[] {
  const hash = contentHash(input.text);
  const aligned = alignReports(input, doc);
  return doc.events.map((e, i) => {
    const g = aligned.get(i);
    return {
      key: reportKey(hash, e.sentence, e.trigger.start, e.code, e.source?.id ?? null, e.target?.id ?? null),
      article: hash,
      sentence: e.sentence,
      source: e.source?.id ?? null,
      target: e.target?.id ?? null,
      code: e.code,
      date: { value: e.date.value, precision: e.date.precision, basis: e.date.basis },
      published: input.gold.published,
      negated: e.negated,
      hypothetical: e.hypothetical,
      cues: reportCues(doc, e.evidence, [e.source?.id ?? null, e.target?.id ?? null]),
      gold: g === undefined ? null : `${input.gold.doc}#${g}`,
    };
  });
}

export interface MergeEvalRun {
  docs: number;
  goldReports: number;
  goldClusters: number;
  gold: PairScore;
  coded: PairScore & { systemReports: number };
  /** Gold-report pairs merged wrongly or missed, for --details. */
  errors: Array<{ kind: 'spurious' | 'missed'; a: string; b: string }>;
}

function score(reports: Labelled[], clusterOf: Map<string, string>): { score: PairScore; clusterOfReport: Map<Labelled, number> } {
  const clusterOfReport = new Map<Labelled, number>();
  clusterReports(reports).forEach((cluster, i) => cluster.forEach((r) => clusterOfReport.set(r, i)));
  const items = reports
    .filter((r): r is Labelled & { gold: string } => r.gold !== null)
    .map((r) => ({ system: String(clusterOfReport.get(r)), gold: clusterOf.get(r.gold) ?? r.gold }));
  return { score: pairwise(items), clusterOfReport };
}

export function runMergeEval(gold: MergeGold, pipeline: Pipeline): MergeEvalRun {
  const goldSide: Labelled[] = [];
  const codedSide: Labelled[] = [];
  for (const input of gold.inputs) {
    const doc = pipeline.run(goldArticle(input));
    goldSide.push(...goldReports(input, doc));
    codedSide.push(...codedReports(input, doc));
  }
  const g = score(goldSide, gold.clusterOf);
  const c = score(codedSide, gold.clusterOf);
  const errors: MergeEvalRun['errors'] = [];
  for (let i = 0; i < goldSide.length; i++) {
    for (let j = i + 1; j < goldSide.length; j++) {
      const [a, b] = [goldSide[i] as Labelled, goldSide[j] as Labelled];
      const sys = g.clusterOfReport.get(a) === g.clusterOfReport.get(b);
      const same = gold.clusterOf.get(a.gold ?? '') === gold.clusterOf.get(b.gold ?? '');
      if (sys !== same) errors.push({ kind: sys ? 'spurious' : 'missed', a: a.gold ?? '', b: b.gold ?? '' });
    }
  }
  return {
    docs: gold.inputs.length,
    goldReports: goldSide.length,
    goldClusters: gold.clusters.length,
    gold: g.score,
    coded: { ...c.score, systemReports: codedSide.length },
    errors,
  };
}

function row(label: string, s: PairScore): string {
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(5) + '%';
  return `${label.padEnd(15)} | ${String(s.items).padStart(5)} | ${String(s.goldPairs).padStart(5)} | ${String(s.systemPairs).padStart(5)} | ${String(s.agreed).padStart(6)} | ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`;
}

export function mergeSummary(run: MergeEvalRun): string {
  return [
    `merge: ${run.docs} documents, ${run.goldReports} gold reports, ${run.goldClusters} gold events told more than once`,
    `${'reports'.padEnd(15)} | items | gold  | sys   | agreed | pairwise P  R      F1`,
    row('gold reports', run.gold),
    row('coded reports', run.coded),
    `coded: ${run.coded.items} of ${run.coded.systemReports} coder reports aligned with a gold event`,
  ].join('\n');
}

export function mergeDetails(run: MergeEvalRun): string {
  return run.errors.map((e) => `${e.kind.padEnd(8)} ${e.a}  ${e.b}`).join('\n');
}
