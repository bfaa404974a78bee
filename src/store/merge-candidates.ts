// Which stored reports a batch of reports could link with, read through indexes instead of whole blocks. A link
// needs either dates that add to it (overlapping stated windows, publication days close together: cuelessPartners)
// or a shared weighted cue (src/corpus/merge.ts, "Where links can be"); so two probes find every possible partner:
// merge_reports by (block, window kind, first day), and merge_cues by (block, cue, window kind, first day), the
// latter kept only when mayLink says the shared cues could carry the pair over the threshold.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { cueWeight, cuelessPartners, mayLink, type MergeWindow, type ReportPrecision, type WindowKind } from '../corpus/merge.js';
import { chunks } from './merge-facts.js';
import { kindLetter, windowOfColumns } from './merge-rows.js';
import type { Database } from './tables.js';

/** A report whose partners are wanted. */
export interface Seed {
  id: number;
  block: string;
  window: MergeWindow;
  precision: ReportPrecision | null;
  cues: readonly string[];
}

export interface Probe {
  block: string;
  cue?: string;
  kind: WindowKind;
  from: string;
  to: string;
}

const ANY: Pick<Probe, 'from' | 'to'> = { from: '0000-01-01', to: '9999-12-31' };

/** Probes per statement: five bound values each, far under either database's limit. */
const PROBE_CHUNK = 500;

/** The cue partners a window can have: which kinds, from which first days (a window lies inside one calendar year). */
function cuePartnerKinds(w: MergeWindow): Array<Pick<Probe, 'kind' | 'from' | 'to'>> {
  // Stated partners of a stated report overlap it, so the cueless probe finds them already.
  if (w.kind === 'stated') return [{ kind: 'published', from: `${w.first.slice(0, 4)}-01-01`, to: ANY.to }, { kind: 'unknown', ...ANY }];
  if (w.kind === 'published') return [{ kind: 'stated', from: ANY.from, to: w.last }, { kind: 'published', ...ANY }, { kind: 'unknown', ...ANY }];
  return [{ kind: 'stated', ...ANY }, { kind: 'published', ...ANY }, { kind: 'unknown', ...ANY }];
}

/** Probes of the same block, cue and kind whose ranges overlap become one. */
function merged(probes: Probe[]): Probe[] {
  const byKey = new Map<string, Probe[]>();
  for (const p of probes) {
    const key = `${p.block}\u0000${p.cue ?? ''}\u0000${p.kind}`;
    const list = byKey.get(key);
    if (list) list.push(p);
    else byKey.set(key, [p]);
  }
  const out: Probe[] = [];
  for (const list of byKey.values()) {
    list.sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
    let open: Probe | null = null;
    for (const p of list) {
      if (open && p.from <= open.to) {
        if (p.to > open.to) open.to = p.to;
      } else out.push((open = { ...p }));
    }
  }
  return out;
}

/**
 * Where a seed's possible partners are: stored reports of its block in one of the `cueless` ranges (kind and first
 * day), and reports holding one of the `cue` probes' cues in their range (whose shared cues mayLink then weighs).
 */
export function partnerProbes(s: Seed): { cueless: Probe[]; cue: Probe[] } {
  const weighted = s.cues.filter((cue) => cueWeight(cue) > 0);
  return {
    cueless: cuelessPartners(s.window, s.precision).map((range) => ({ block: s.block, ...range })),
    cue: weighted.flatMap((cue) => cuePartnerKinds(s.window).map((k) => ({ block: s.block, cue, ...k }))),
  };
}

/** A probe list as a VALUES table, joined to the table it reads. */
function probeValues(probes: Probe[], withCue: boolean): RawBuilder<unknown> {
  return sql.join(
    probes.map((p) =>
      withCue ? sql`(${p.block}, ${p.cue ?? ''}, ${kindLetter(p.kind)}, ${p.from}, ${p.to})` : sql`(${p.block}, ${kindLetter(p.kind)}, ${p.from}, ${p.to})`,
    ),
  );
}

async function cuelessPartnerIds(db: Kysely<Database>, seeds: readonly Seed[]): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunks(merged(seeds.flatMap((s) => partnerProbes(s).cueless)), PROBE_CHUNK)) {
    const { rows } = await sql<{ event_id: number }>`with p (block, kind, lo, hi) as (values ${probeValues(part, false)})
      select m.event_id from p join merge_reports m
        on m.block = p.block and m.window_kind = p.kind and m.window_first >= p.lo and m.window_first <= p.hi`.execute(db);
    for (const r of rows) ids.push(Number(r.event_id));
  }
  return ids;
}

interface Posting {
  event_id: number;
  block: string;
  cue: string;
  window_kind: string;
  window_first: string;
  window_last: string;
}

async function cuePartnerIds(db: Kysely<Database>, seeds: readonly Seed[]): Promise<number[]> {
  const postings = new Map<string, Posting[]>();
  for (const part of chunks(merged(seeds.flatMap((s) => partnerProbes(s).cue)), PROBE_CHUNK)) {
    const { rows } = await sql<Posting>`with p (block, cue, kind, lo, hi) as (values ${probeValues(part, true)})
      select c.event_id, c.block, c.cue, c.window_kind, c.window_first, c.window_last from p join merge_cues c
        on c.block = p.block and c.cue = p.cue and c.window_kind = p.kind and c.window_first >= p.lo and c.window_first <= p.hi`.execute(db);
    for (const r of rows) {
      const key = `${r.block}\u0000${r.cue}`;
      const list = postings.get(key);
      if (list) list.push(r);
      else postings.set(key, [r]);
    }
  }
  const ids: number[] = [];
  for (const s of seeds) {
    // What the cues a stored report shares with the seed weigh together (uncapped: never less than they score).
    const shared = new Map<number, { weight: number; window: MergeWindow }>();
    for (const cue of s.cues) {
      const weight = cueWeight(cue);
      if (weight === 0) continue;
      for (const p of postings.get(`${s.block}\u0000${cue}`) ?? []) {
        const id = Number(p.event_id);
        const seen = shared.get(id);
        if (seen) seen.weight += weight;
        else shared.set(id, { weight, window: windowOfColumns(p) });
      }
    }
    for (const [id, { weight, window }] of shared) if (mayLink(s.window, window, weight)) ids.push(id);
  }
  return ids;
}

/** Ids of every stored report that may link with a seed (a superset: linked() decides), seeds included. */
export async function possiblePartners(db: Kysely<Database>, seeds: readonly Seed[]): Promise<Set<number>> {
  const ids = new Set<number>(seeds.map((s) => s.id));
  for (const id of await cuelessPartnerIds(db, seeds)) ids.add(id);
  for (const id of await cuePartnerIds(db, seeds)) ids.add(id);
  return ids;
}
