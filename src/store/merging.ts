// Incremental merging inside the ingest transaction: new reports join the linked components they touch, and
// only those components are re-clustered (src/corpus/merge.ts explains why that equals clustering the whole
// corpus). Portable Kysely only; a PostgreSQL store passes `lockBlocks` so concurrent writers serialise per block.
import type { Kysely } from 'kysely';
import { ROLES, type Role } from '../document.js';
import { clusterComponent, componentsFrom, type ReportBasis, type ReportPrecision } from '../corpus/merge.js';
import { summarise, type ActorRef, type MergedFacts, type ReportFacts } from '../corpus/summary.js';
import type { Database, NewMergedEvent } from './tables.js';

/** Take exclusive hold of these merge blocks for the rest of the transaction (sorted, to avoid deadlocks). */
export type LockBlocks = (db: Kysely<Database>, blocks: string[]) => Promise<void>;

export interface StoredFacts extends ReportFacts {
  mergedId: number | null;
}

const ID_CHUNK = 500;

/** Items in runs of `size`: keeps an IN list's bound parameters under SQLite's limit. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function role(value: string | null): Role | null {
  return value !== null && (ROLES as readonly string[]).includes(value) ? (value as Role) : null;
}

function actor(id: string | null, cameo: string | null, r: string | null, name: string | null): ActorRef | null {
  return id === null ? null : { id, cameo: cameo ?? '', role: role(r), name: name ?? id };
}

const PRECISIONS: readonly ReportPrecision[] = ['day', 'month', 'year'];
const BASES: readonly ReportBasis[] = ['text', 'relative', 'anaphoric', 'published', 'none'];

/** Reports with what merging and summaries need; narrow it with a where clause. */
export function reportFactsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('merge_reports as m')
    .innerJoin('events as e', 'e.id', 'm.event_id')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .select([
      'e.id', 'm.key', 'm.cues', 'm.tone', 'm.merged_id', 'a.hash', 'a.doc', 'a.outlet', 'a.lang', 'a.published', 'e.sentence',
      'e.source_id', 'e.source_cameo', 'e.source_role', 'e.source_name', 'e.target_id', 'e.target_cameo', 'e.target_role', 'e.target_name',
      'e.code', 'e.quad', 'e.goldstein', 'e.plover', 'e.date_value', 'e.date_precision', 'e.date_basis', 'e.negated', 'e.hypothetical',
      'e.attributed_to', 'e.confidence', 'e.evidence_text',
    ]);
}

type FactsRow = Awaited<ReturnType<ReturnType<typeof reportFactsQuery>['execute']>>[number];

export function toFacts(r: FactsRow): StoredFacts {
  return {
    id: r.id,
    key: r.key,
    article: r.hash,
    sentence: r.sentence,
    source: r.source_id,
    target: r.target_id,
    code: r.code,
    date: {
      value: r.date_value,
      precision: PRECISIONS.find((p) => p === r.date_precision) ?? null,
      basis: BASES.find((b) => b === r.date_basis) ?? 'none',
    },
    published: r.published,
    negated: r.negated === 1,
    hypothetical: r.hypothetical === 1,
    cues: r.cues === '' ? [] : r.cues.split(' '),
    doc: r.doc,
    outlet: r.outlet,
    lang: r.lang,
    sourceActor: actor(r.source_id, r.source_cameo, r.source_role, r.source_name),
    targetActor: actor(r.target_id, r.target_cameo, r.target_role, r.target_name),
    quad: r.quad,
    goldstein: r.goldstein,
    plover: r.plover,
    attributedTo: r.attributed_to,
    confidence: r.confidence,
    evidence: r.evidence_text,
    tone: r.tone,
    mergedId: r.merged_id,
  };
}

export function mergedRow(m: MergedFacts): NewMergedEvent {
  return {
    key: m.key,
    block: m.block,
    source_id: m.source?.id ?? null,
    source_cameo: m.source?.cameo ?? null,
    source_role: m.source?.role ?? null,
    source_name: m.source?.name ?? null,
    target_id: m.target?.id ?? null,
    target_cameo: m.target?.cameo ?? null,
    target_role: m.target?.role ?? null,
    target_name: m.target?.name ?? null,
    code: m.code,
    root: m.root,
    quad: m.quad,
    goldstein: m.goldstein,
    plover: m.plover,
    date_value: m.date.value,
    date_precision: m.date.precision,
    date_basis: m.date.basis,
    date_first: m.date.first,
    date_last: m.date.last,
    reports: m.reports,
    articles: m.articles,
    outlets: m.outlets,
    langs: m.langs.join(','),
    any_claim: m.anyClaim ? 1 : 0,
    all_claims: m.allClaims ? 1 : 0,
    negated: m.negated ? 1 : 0,
    hypothetical: m.hypothetical ? 1 : 0,
    confidence: m.confidence,
    tone: m.tone,
    evidence_text: m.evidence.text,
    evidence_doc: m.evidence.doc,
    evidence_report: m.evidence.report,
    first_published: m.firstPublished,
  };
}

/** Rows per multi-row INSERT of merged events (~36 columns each: under SQLite's bound-parameter limit). */
const MERGED_CHUNK = 200;

/**
 * Replace the merged events of these components (disjoint: a block's components never share a report) with their
 * new clusters. The whole batch takes a few statements, not a few per cluster: every old event goes, the new ones
 * go in together (matched back by their unique key), and one UPDATE per chunk points each report at its event.
 */
async function replaceClusters(db: Kysely<Database>, components: StoredFacts[][]): Promise<void> {
  const old = [...new Set(components.flat().map((r) => r.mergedId).filter((id): id is number => id !== null))];
  for (const ids of chunks(old, ID_CHUNK)) {
    await db.updateTable('merge_reports').set({ merged_id: null }).where('merged_id', 'in', ids).execute();
    await db.deleteFrom('merged_events').where('id', 'in', ids).execute();
  }
  const clusters = components.flatMap((component) => clusterComponent(component)).map((reports) => ({ reports, row: mergedRow(summarise(reports)) }));
  const idOfKey = new Map<string, number>();
  for (const part of chunks(clusters, MERGED_CHUNK)) {
    const inserted = await db.insertInto('merged_events').values(part.map((c) => c.row)).returning(['id', 'key']).execute();
    for (const r of inserted) idOfKey.set(r.key, r.id);
  }
  const assignments = clusters.flatMap(({ reports, row }) => {
    const mergedId = idOfKey.get(row.key);
    if (mergedId === undefined) throw new Error(`merged event ${row.key} came back without its id`);
    return reports.map((r) => ({ eventId: r.id, mergedId }));
  });
  for (const [first, ...rest] of chunks(assignments, ID_CHUNK)) {
    if (!first) continue;
    await db
      .updateTable('merge_reports')
      .set((eb) => ({
        merged_id: rest.reduce((value, a) => value.when(a.eventId).then(a.mergedId), eb.case('event_id').when(first.eventId).then(first.mergedId)).end(),
      }))
      .where('event_id', 'in', [first, ...rest].map((a) => a.eventId))
      .execute();
  }
}

/** Blocks per SELECT of their reports: a batch's pools come in a few queries, yet never all at once. */
const BLOCK_CHUNK = 50;

/** Merge newly stored reports (their merge_reports rows must exist) into the events of their blocks. */
export async function mergeNewReports(db: Kysely<Database>, eventIds: number[], lockBlocks?: LockBlocks): Promise<void> {
  if (eventIds.length === 0) return;
  const blocks = new Set<string>();
  for (const ids of chunks(eventIds, ID_CHUNK)) {
    const rows = await db.selectFrom('merge_reports').select('block').where('event_id', 'in', ids).execute();
    for (const r of rows) blocks.add(r.block);
  }
  const sorted = [...blocks].sort();
  await lockBlocks?.(db, sorted);
  const fresh = new Set(eventIds);
  for (const part of chunks(sorted, BLOCK_CHUNK)) {
    const pools = new Map<string, StoredFacts[]>();
    for (const row of await reportFactsQuery(db).select('m.block').where('m.block', 'in', part).execute()) {
      const pool = pools.get(row.block);
      if (pool) pool.push(toFacts(row));
      else pools.set(row.block, [toFacts(row)]);
    }
    const components = part.flatMap((block) => {
      const pool = pools.get(block) ?? [];
      return componentsFrom(pool.filter((r) => fresh.has(r.id)), pool);
    });
    await replaceClusters(db, components);
  }
}

/** Re-cluster every block from scratch (tests compare it with the incremental result; repairs after a rule change). */
export async function remergeAll(db: Kysely<Database>, lockBlocks?: LockBlocks): Promise<void> {
  const rows = await db.selectFrom('merge_reports').select('event_id').execute();
  // Every block first: a writer merging one block while this clears them all would otherwise deadlock with it.
  const blocks = await db.selectFrom('merge_reports').select('block').distinct().execute();
  await lockBlocks?.(db, blocks.map((b) => b.block).sort());
  await db.updateTable('merge_reports').set({ merged_id: null }).execute();
  await db.deleteFrom('merged_events').execute();
  await mergeNewReports(
    db,
    rows.map((r) => r.event_id),
    lockBlocks,
  );
}
