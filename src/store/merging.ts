// Incremental merging inside the ingest transaction: new reports join the linked components they touch, and
// only those components are re-clustered (src/corpus/merge.ts explains why that equals clustering the whole
// corpus). A batch reads only the reports it could link with (src/store/merge-candidates.ts) and the components of
// those it does link with, never whole blocks, and writes only the events that changed. Portable Kysely, writing
// through the store's RowWriter; a PostgreSQL store passes `lockBlocks` so concurrent writers serialise per block.
import type { Kysely } from 'kysely';
import { clusterLinkClosed, linked, mergeWindow } from '../corpus/merge.js';
import { possiblePartners, type Seed } from './merge-candidates.js';
import { chunks, ID_CHUNK, linksWhere, summaries, type FreshReport, type StoredLink } from './merge-facts.js';
import { portableWriter, type RowWriter } from './row-writer.js';
import type { Database } from './tables.js';

/** Take exclusive hold of these merge blocks for the rest of the transaction (sorted, to avoid deadlocks). */
export type LockBlocks = (db: Kysely<Database>, blocks: string[]) => Promise<void>;

export { chunks };

/**
 * Re-cluster a set of reports closed under links (whole components) and write what changed: an event whose reports
 * are those it had keeps its row, the others are replaced (old rows deleted, new ones inserted together), and reports whose event or component changed are pointed at the new ones.
 */
async function recluster(db: Kysely<Database>, reports: StoredLink[], writer: RowWriter, fresh?: ReadonlyMap<number, FreshReport>): Promise<void> {
  const byBlock = new Map<string, StoredLink[]>();
  for (const r of reports) {
    const list = byBlock.get(r.block);
    if (list) list.push(r);
    else byBlock.set(r.block, [r]);
  }
  const componentOf = new Map<number, number>();
  const events: StoredLink[][] = [];
  for (const members of byBlock.values()) {
    const result = clusterLinkClosed(members);
    for (const component of result.components) {
      const name = component.reduce((least, r) => Math.min(least, r.id), Number.POSITIVE_INFINITY);
      for (const r of component) componentOf.set(r.id, name);
    }
    events.push(...result.events);
  }
  const sizeOf = new Map<number, number>();
  for (const r of reports) if (r.mergedId !== null) sizeOf.set(r.mergedId, (sizeOf.get(r.mergedId) ?? 0) + 1);
  const kept = new Set<number>();
  const changed: StoredLink[][] = [];
  for (const members of events) {
    const id = members[0]?.mergedId ?? null;
    if (id !== null && sizeOf.get(id) === members.length && members.every((r) => r.mergedId === id)) kept.add(id);
    else changed.push(members);
  }
  const stale = [...sizeOf.keys()].filter((id) => !kept.has(id));
  for (const ids of chunks(stale, ID_CHUNK)) {
    await db.updateTable('merge_reports').set({ merged_id: null }).where('merged_id', 'in', ids).execute();
    await db.deleteFrom('merged_events').where('id', 'in', ids).execute();
  }
  const ids = await writer.insertMerged(db, await summaries(db, changed, fresh));
  const eventOf = new Map<number, number>();
  changed.forEach((members, i) => {
    for (const r of members) eventOf.set(r.id, ids[i] as number);
  });
  const updates = reports.flatMap((r) => {
    const mergedId = eventOf.get(r.id) ?? r.mergedId;
    const component = componentOf.get(r.id);
    if (mergedId === null || component === undefined) throw new Error(`report ${r.id} was left out of merging`);
    return mergedId === r.mergedId && component === r.component ? [] : [{ id: r.id, mergedId, component }];
  });
  await writer.assign(db, updates);
}

function seedOf(r: StoredLink): Seed {
  return { id: r.id, block: r.block, window: mergeWindow(r.date), precision: r.date.precision, cues: r.cues };
}

/**
 * Merge these reports (new ones, or survivors of a deletion; their merge_reports and merge_cues rows must exist)
 * into the events of their blocks. Their possible partners come from the candidate probes; the partners they link
 * with bring their whole components (by name), which together with the seeds is closed under links.
 */
export async function mergeNewReports(
  db: Kysely<Database>,
  eventIds: number[],
  lockBlocks?: LockBlocks,
  writer: RowWriter = portableWriter,
  fresh?: ReadonlyMap<number, FreshReport>,
): Promise<void> {
  if (eventIds.length === 0) return;
  // Reports the batch has just stored are known already; others (survivors of a deletion) are read.
  const known = fresh && eventIds.every((id) => fresh.has(id)) ? eventIds.map((id) => (fresh.get(id) as FreshReport).link) : null;
  const blocks = new Set<string>(known?.map((r) => r.block));
  for (const ids of known ? [] : chunks(eventIds, ID_CHUNK)) {
    const rows = await db.selectFrom('merge_reports').select('block').where('event_id', 'in', ids).execute();
    for (const r of rows) blocks.add(r.block);
  }
  await lockBlocks?.(db, [...blocks].sort());
  const seeds = known ?? (await linksWhere(db, 'm.event_id', eventIds));
  const loaded = new Map(seeds.map((r) => [r.id, r]));
  const partners = [...(await possiblePartners(db, seeds.map(seedOf)))].filter((id) => !loaded.has(id));
  for (const r of await linksWhere(db, 'm.event_id', partners)) loaded.set(r.id, r);
  const seedIds = new Set(seeds.map((s) => s.id));
  const seedsOf = new Map<string, StoredLink[]>();
  for (const s of seeds) {
    const list = seedsOf.get(s.block);
    if (list) list.push(s);
    else seedsOf.set(s.block, [s]);
  }
  const reached = [...loaded.values()].filter((x) => seedIds.has(x.id) || (seedsOf.get(x.block) ?? []).some((s) => linked(s, x)));
  const components = [...new Set(reached.flatMap((r) => (r.component === null ? [] : [r.component])))];
  const set = new Map(reached.map((r) => [r.id, r]));
  for (const r of await linksWhere(db, 'm.component', components)) if (!set.has(r.id)) set.set(r.id, r);
  await recluster(db, [...set.values()], writer, fresh);
}

/** Blocks per rebuild step: their reports are read and clustered together. */
const BLOCK_CHUNK = 50;

/** Re-cluster every block from scratch (tests compare it with the incremental result; repairs after a rule change). */
export async function remergeAll(db: Kysely<Database>, lockBlocks?: LockBlocks, writer: RowWriter = portableWriter): Promise<void> {
  // Every block first: a writer merging one block while this clears them all would otherwise deadlock with it.
  const blocks = (await db.selectFrom('merge_reports').select('block').distinct().execute()).map((b) => b.block).sort();
  await lockBlocks?.(db, blocks);
  await db.updateTable('merge_reports').set({ merged_id: null, component: null }).execute();
  await db.deleteFrom('merged_events').execute();
  for (const part of chunks(blocks, BLOCK_CHUNK)) await recluster(db, await linksWhere(db, 'm.block', part), writer);
}
