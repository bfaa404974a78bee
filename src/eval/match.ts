// The gold matcher (shared/eval/SCHEMA.md "Matching"): greedy pairing of system events with gold events,
// required gold first, then optional, each event used once. Pure functions so tests can feed fake events.

/** A gold event as the scorer needs it (a subset of the gold line's EVENT). */
export interface GoldEvent {
  source: string;
  source_role: string | null;
  target: string;
  target_role: string | null;
  cameo: string;
  date: string | null;
  evidence: string;
  optional: boolean;
}

/** A system event as the scorer needs it (built from an EventRecord). */
export interface SystemEvent {
  source: string | null;
  sourceRole: string | null;
  target: string | null;
  targetRole: string | null;
  code: string;
  date: string | null;
  evidence: string;
}

export type MatchLevel = 'root' | 'code';

export interface Pair {
  gold: number;
  system: number;
  /** True when a mutual code matched with source and target swapped. */
  reversed: boolean;
}

/** Roots whose acts are symmetric: intent to cooperate, consult/meet, diplomatic and material cooperation. */
export const MUTUAL_ROOTS: ReadonlySet<string> = new Set(['03', '04', '05', '06']);

export function rootOf(code: string): string {
  return code.slice(0, 2);
}

function typeMatches(gold: GoldEvent, sys: SystemEvent, level: MatchLevel): boolean {
  return level === 'code' ? gold.cameo === sys.code : rootOf(gold.cameo) === rootOf(sys.code);
}

/** 'direct', 'reversed' (mutual roots only) or null when the dyad does not match. */
export function dyadMatch(gold: GoldEvent, sys: SystemEvent): 'direct' | 'reversed' | null {
  if (sys.source === gold.source && sys.target === gold.target) return 'direct';
  if (MUTUAL_ROOTS.has(rootOf(gold.cameo)) && sys.source === gold.target && sys.target === gold.source) return 'reversed';
  return null;
}

/** Gold indices in pairing order: required events first, then optional ones, each group in file order. */
export function goldOrder(gold: readonly GoldEvent[]): number[] {
  const idx = gold.map((_, i) => i);
  return [...idx.filter((i) => !gold[i]?.optional), ...idx.filter((i) => gold[i]?.optional)];
}

/**
 * Pair greedily: each gold event (in goldOrder) takes one unused matching system event. Among several
 * candidates it prefers the same full code, then the stated direction, then the earliest system event,
 * so that a root-level pair does not steal an exact match from a later gold event needlessly.
 */
export function pairEvents(gold: readonly GoldEvent[], system: readonly SystemEvent[], level: MatchLevel): Pair[] {
  const used = new Set<number>();
  const pairs: Pair[] = [];
  for (const g of goldOrder(gold)) {
    const ge = gold[g];
    if (!ge) continue;
    let best: { index: number; score: number; reversed: boolean } | null = null;
    for (let s = 0; s < system.length; s++) {
      const se = system[s];
      if (!se || used.has(s) || !typeMatches(ge, se, level)) continue;
      const dyad = dyadMatch(ge, se);
      if (!dyad) continue;
      const score = (se.code === ge.cameo ? 2 : 0) + (dyad === 'direct' ? 1 : 0);
      if (!best || score > best.score) best = { index: s, score, reversed: dyad === 'reversed' };
    }
    if (best) {
      used.add(best.index);
      pairs.push({ gold: g, system: best.index, reversed: best.reversed });
    }
  }
  return pairs;
}

/** Same year, and same month when gold gives a month (the day is not compared). */
export function dateMatches(gold: string, system: string | null): boolean {
  if (!system) return false;
  if (gold.slice(0, 4) !== system.slice(0, 4)) return false;
  return gold.length < 7 || gold.slice(5, 7) === system.slice(5, 7);
}

/** Roles of the paired actors agree (for a reversed mutual pair, each role is compared with its own actor). */
export function rolesMatch(gold: GoldEvent, sys: SystemEvent, reversed: boolean): boolean {
  const [sSrc, sTgt] = reversed ? [sys.targetRole, sys.sourceRole] : [sys.sourceRole, sys.targetRole];
  return (gold.source_role ?? null) === (sSrc ?? null) && (gold.target_role ?? null) === (sTgt ?? null);
}

/** Additive counts for one document; sum them over documents, then derive the figures. */
export interface GoldCounts {
  docs: number;
  system: number;
  /** System events lacking a source or a target (they can never match a dyadic gold event). */
  systemNonDyadic: number;
  goldRequired: number;
  goldOptional: number;
  rootMatchedSystem: number;
  rootMatchedRequired: number;
  codeMatchedSystem: number;
  codeMatchedRequired: number;
  actorPairs: number;
  actorCorrect: number;
  datePairs: number;
  dateCorrect: number;
}

export function zeroCounts(): GoldCounts {
  return {
    docs: 0, system: 0, systemNonDyadic: 0, goldRequired: 0, goldOptional: 0, rootMatchedSystem: 0,
    rootMatchedRequired: 0, codeMatchedSystem: 0, codeMatchedRequired: 0, actorPairs: 0, actorCorrect: 0,
    datePairs: 0, dateCorrect: 0,
  };
}

export function addCounts(a: GoldCounts, b: GoldCounts): GoldCounts {
  const out = zeroCounts();
  for (const key of Object.keys(out) as Array<keyof GoldCounts>) out[key] = a[key] + b[key];
  return out;
}

export interface DocScore {
  counts: GoldCounts;
  rootPairs: Pair[];
  codePairs: Pair[];
}

export function scoreDocument(gold: readonly GoldEvent[], system: readonly SystemEvent[]): DocScore {
  const rootPairs = pairEvents(gold, system, 'root');
  const codePairs = pairEvents(gold, system, 'code');
  const counts = zeroCounts();
  counts.docs = 1;
  counts.system = system.length;
  counts.systemNonDyadic = system.filter((e) => !e.source || !e.target).length;
  counts.goldRequired = gold.filter((g) => !g.optional).length;
  counts.goldOptional = gold.length - counts.goldRequired;
  counts.rootMatchedSystem = rootPairs.length;
  counts.rootMatchedRequired = rootPairs.filter((p) => !gold[p.gold]?.optional).length;
  counts.codeMatchedSystem = codePairs.length;
  counts.codeMatchedRequired = codePairs.filter((p) => !gold[p.gold]?.optional).length;
  for (const p of rootPairs) {
    const g = gold[p.gold];
    const s = system[p.system];
    if (!g || !s) continue;
    counts.actorPairs++;
    if (rolesMatch(g, s, p.reversed)) counts.actorCorrect++;
    if (g.date !== null) {
      counts.datePairs++;
      if (dateMatches(g.date, s.date)) counts.dateCorrect++;
    }
  }
  return { counts, rootPairs, codePairs };
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1; an empty denominator gives 0 (nothing claimed or nothing to find). */
export function prf(matchedSystem: number, system: number, matchedGold: number, gold: number): Prf {
  const precision = system === 0 ? 0 : matchedSystem / system;
  const recall = gold === 0 ? 0 : matchedGold / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export interface GoldFigures {
  root: Prf;
  code: Prf;
  /** null when there is no pair to judge. */
  actorAccuracy: number | null;
  dateAccuracy: number | null;
  counts: GoldCounts;
}

export function figures(c: GoldCounts): GoldFigures {
  return {
    root: prf(c.rootMatchedSystem, c.system, c.rootMatchedRequired, c.goldRequired),
    code: prf(c.codeMatchedSystem, c.system, c.codeMatchedRequired, c.goldRequired),
    actorAccuracy: c.actorPairs === 0 ? null : c.actorCorrect / c.actorPairs,
    dateAccuracy: c.datePairs === 0 ? null : c.dateCorrect / c.datePairs,
    counts: c,
  };
}
