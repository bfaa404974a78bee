// `rasad eval --external FILE`: sentence-level gold records (shared/data/README.md). Each record's text is
// coded on its own; gold types are CAMEO roots (when `cameo` is set) or PLOVER categories; gold actors are
// CAMEO actor codes checked through actor-codes.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Article, Lang } from '../document.js';
import { DEFAULT_DATA_DIR } from '../lexicon/index.js';
import { eventRecords, type EventRecord } from '../output.js';
import type { Pipeline } from '../pipeline.js';
import { actorCheck, actorSatisfies, type ActorCheck, type StateCodes } from './actor-codes.js';
import { prf, type Prf } from './match.js';
import { loadPloverNames, type PloverNames } from './plover-names.js';

const ExternalEventSchema = z.object({
  source: z.string().nullable().optional(),
  target: z.string().nullable().optional(),
  cameo: z.string().nullable().optional(),
  cameo_known: z.boolean().optional(),
  plover: z.string().nullable().optional(),
  /** PLOVER GSR: one of the ordered pairs the origin's compound SRC/TAR actor was expanded into. */
  derived_reciprocal: z.boolean().optional(),
});

const ExternalRecordSchema = z.object({
  id: z.string(),
  lang: z.enum(['ar', 'en']),
  text: z.string(),
  date: z.string().nullable().optional(),
  events: z.array(ExternalEventSchema),
  skip: z.boolean().optional(),
  /** event_type: the one PLOVER category the record was annotated for (arabic_event_gsr_spans: PROTEST or ASSAULT). */
  meta: z.object({ event_type: z.string().optional() }).optional(),
});

export type ExternalRecord = z.infer<typeof ExternalRecordSchema>;
type ExternalEvent = z.infer<typeof ExternalEventSchema>;

/** A PLOVER gold type in our (2021) names: the event, and the modes it is limited to when an old name was merged. */
export type GoldType = { kind: 'root'; root: string } | { kind: 'plover'; plover: string; modes: ReadonlySet<string> };

let defaultNames: PloverNames | undefined;
function ploverNames(): PloverNames {
  defaultNames ??= loadPloverNames(DEFAULT_DATA_DIR);
  return defaultNames;
}

export interface ExternalGold {
  type: GoldType;
  source: ActorCheck | null;
  target: ActorCheck | null;
  /** The codes as written in the gold, for details. */
  label: string;
  /** One mutual act told both ways in the gold (A->B and B->A): matched by our one event in either order. */
  mutual?: boolean;
}

/** The part of our event the external scorer looks at. */
export interface ExternalSystem {
  root: string;
  code: string;
  plover: string | null;
  source: { id: string; cameo: string } | null;
  target: { id: string; cameo: string } | null;
}

/** The gold event to score, or null when it cannot be scored (test-only CAMEO code, no type at all). */
export function externalGold(e: ExternalEvent, states: StateCodes): ExternalGold | null {
  let type: GoldType;
  if (e.cameo) {
    if (e.cameo_known === false) return null;
    type = { kind: 'root', root: e.cameo.slice(0, 2) };
  } else if (e.plover) {
    // 2016 records say DEMAND, DISAPPROVE, INVESTIGATE, FIGHT: compare in the names our events carry.
    const category = ploverNames().category(e.plover);
    type = { kind: 'plover', plover: category.event, modes: category.modes };
  } else return null;
  const label = `${e.cameo ?? e.plover ?? '?'} ${e.source ?? '-'} -> ${e.target ?? '-'}`;
  return { type, source: actorCheck(e.source, states), target: actorCheck(e.target, states), label };
}

export function typeMatches(g: ExternalGold, s: ExternalSystem): boolean {
  if (g.type.kind === 'root') return g.type.root === s.root;
  if (g.type.plover !== (s.plover ?? '').toUpperCase()) return false;
  return g.type.modes.size === 0 || g.type.modes.has(ploverNames().modeOf(s.code));
}

function sidesMatch(source: ActorCheck | null, target: ActorCheck | null, s: ExternalSystem): boolean {
  return (!source || actorSatisfies(source, s.source)) && (!target || actorSatisfies(target, s.target));
}

/** Type matches and every actor the gold names is ours on the same side (either side for a mutual act). */
export function fullMatches(g: ExternalGold, s: ExternalSystem): boolean {
  if (!typeMatches(g, s)) return false;
  return sidesMatch(g.source, g.target, s) || (g.mutual === true && sidesMatch(g.target, g.source, s));
}

/** Roots whose acts are mutual in shared/eval/SCHEMA.md (intent, consult, diplomatic and material cooperation). */
const MUTUAL_ROOTS: ReadonlySet<string> = new Set(['03', '04', '05', '06']);

function sameType(a: GoldType, b: GoldType): boolean {
  if (a.kind === 'root' && b.kind === 'root') return a.root === b.root;
  return a.kind === 'plover' && b.kind === 'plover' && a.plover === b.plover;
}

/**
 * PETRARCH codes a mutual act ("X and Y met") as two events, X->Y and Y->X, and the PLOVER GSR expands a compound
 * SRC/TAR actor the same way (derived_reciprocal); the project's convention (shared/eval/SCHEMA.md) is one event
 * matched in either order. Each such pair becomes one mutual gold event, so one event of ours can match it.
 */
export function collapseReciprocal(events: ReadonlyArray<{ raw: ExternalEvent; gold: ExternalGold }>): ExternalGold[] {
  const out: ExternalGold[] = [];
  const used = new Set<number>();
  events.forEach(({ raw, gold }, i) => {
    if (used.has(i)) return;
    const mutualType = raw.derived_reciprocal === true || (gold.type.kind === 'root' && MUTUAL_ROOTS.has(gold.type.root));
    const j = !mutualType
      ? -1
      : events.findIndex(
          (o, k) =>
            k > i && !used.has(k) && sameType(o.gold.type, gold.type) && (o.raw.source ?? null) === (raw.target ?? null) && (o.raw.target ?? null) === (raw.source ?? null),
        );
    if (j < 0) {
      out.push(gold);
      return;
    }
    used.add(j);
    out.push({ ...gold, mutual: true, label: `${gold.label} (either way)` });
  });
  return out;
}

/** Greedy pairing in gold order; returns [gold index, system index] pairs. */
export function pairExternal(
  gold: readonly ExternalGold[],
  system: readonly ExternalSystem[],
  matches: (g: ExternalGold, s: ExternalSystem) => boolean,
): Array<[number, number]> {
  const used = new Set<number>();
  const pairs: Array<[number, number]> = [];
  gold.forEach((g, gi) => {
    const si = system.findIndex((s, i) => !used.has(i) && matches(g, s));
    if (si >= 0) {
      used.add(si);
      pairs.push([gi, si]);
    }
  });
  return pairs;
}

export function externalSystem(r: EventRecord): ExternalSystem {
  const actor = (a: EventRecord['source']): ExternalSystem['source'] => (a ? { id: a.id, cameo: a.cameo } : null);
  return { root: r.root, code: r.cameo, plover: r.plover, source: actor(r.source), target: actor(r.target) };
}

export interface ExternalCounts {
  records: number;
  skippedRecords: number;
  /** Gold events left out (test-only codes). */
  skippedEvents: number;
  noEventRecords: number;
  gold: number;
  system: number;
  /** System events left out because the record was annotated for one category only and they are of another. */
  outOfScope: number;
  matched: number;
  typeMatched: number;
  /** Gold events told both ways (A->B, B->A) and counted as one mutual event. */
  reciprocalPairs: number;
}

export interface RecordResult {
  record: ExternalRecord;
  gold: ExternalGold[];
  system: ExternalSystem[];
  full: Array<[number, number]>;
  typeOnly: Array<[number, number]>;
}

export interface ExternalRun {
  file: string;
  counts: ExternalCounts;
  full: Prf;
  typeOnly: Prf;
  records: RecordResult[];
}

export function readExternal(file: string): ExternalRecord[] {
  const out: ExternalRecord[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = ExternalRecordSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid record'}`);
      out.push(parsed.data);
    });
  return out;
}

/** FILE arguments as given, folders replaced by the *.jsonl files directly in them. */
export function expandExternalPaths(paths: string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.jsonl'))
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
}

export function recordArticle(r: ExternalRecord): Article {
  return {
    text: r.text,
    meta: { id: r.id, title: null, outlet: null, published: r.date ?? null, url: null, lang: r.lang as Lang, origin: r.id },
  };
}

/** Score records whose system events are already known (the CLI codes them; tests pass fakes). */
export function scoreExternal(
  file: string,
  items: Array<{ record: ExternalRecord; system: ExternalSystem[] }>,
  states: StateCodes,
  skippedRecords = 0,
): ExternalRun {
  const counts: ExternalCounts = {
    records: 0, skippedRecords, skippedEvents: 0, noEventRecords: 0, gold: 0, system: 0, outOfScope: 0, matched: 0, typeMatched: 0, reciprocalPairs: 0,
  };
  const records: RecordResult[] = [];
  for (const { record, system: all } of items) {
    // A sentence annotated only for its protest says nothing about the statement or arrest it also tells.
    const scope = record.meta?.event_type ? ploverNames().category(record.meta.event_type).event : null;
    const system = scope === null ? all : all.filter((s) => (s.plover ?? '').toUpperCase() === scope);
    const scored: Array<{ raw: ExternalEvent; gold: ExternalGold }> = [];
    for (const e of record.events) {
      const g = externalGold(e, states);
      if (g) scored.push({ raw: e, gold: g });
      else counts.skippedEvents++;
    }
    // A record whose every event was skipped says nothing about what should be found: leave it out.
    if (record.events.length > 0 && scored.length === 0) continue;
    const gold = collapseReciprocal(scored);
    counts.reciprocalPairs += scored.length - gold.length;
    const full = pairExternal(gold, system, fullMatches);
    const typeOnly = pairExternal(gold, system, typeMatches);
    counts.records++;
    if (record.events.length === 0) counts.noEventRecords++;
    counts.gold += gold.length;
    counts.system += system.length;
    counts.outOfScope += all.length - system.length;
    counts.matched += full.length;
    counts.typeMatched += typeOnly.length;
    records.push({ record, gold, system, full, typeOnly });
  }
  return {
    file,
    counts,
    full: prf(counts.matched, counts.system, counts.matched, counts.gold),
    typeOnly: prf(counts.typeMatched, counts.system, counts.typeMatched, counts.gold),
    records,
  };
}

export function runExternal(file: string, pipeline: Pipeline, states: StateCodes, limit?: number): ExternalRun {
  const all = readExternal(file);
  const scorable = all.filter((r) => !r.skip);
  const chosen = limit !== undefined ? scorable.slice(0, limit) : scorable;
  const items = chosen.map((record) => ({
    record,
    system: eventRecords(pipeline.run(recordArticle(record))).map(externalSystem),
  }));
  return scoreExternal(file, items, states, all.length - scorable.length);
}
