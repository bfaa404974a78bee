// Incremental merging inside the ingest transaction: new reports join the linked components they touch, and
// only those components are re-clustered (src/corpus/merge.ts explains why that equals clustering the whole
// corpus). A batch reads only the reports it could link with (src/store/merge-candidates.ts) and the components of
// those it does link with, never whole blocks, and writes only the events that changed. Portable Kysely only; a
// PostgreSQL store passes `lockBlocks` so concurrent writers serialise per block.
import type { Kysely } from 'kysely';
import { ROLES, type Role } from '../document.js';
import { articleOfKey, clusterLinkClosed, linked, mergeWindow, type LinkFacts, type ReportBasis, type ReportPrecision } from '../corpus/merge.js';
import { possiblePartners, type Seed } from './merge-candidates.js';
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

/** What clustering reads of a stored report: the link facts, without what only a summary needs. */
export interface StoredLink extends LinkFacts {
  id: number;
  block: string;
  mergedId: number | null;
  component: number | null;
}

function linkFactsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('merge_reports as m')
    .innerJoin('events as e', 'e.id', 'm.event_id')
    .select([
      'm.event_id', 'm.block', 'm.key', 'm.cues', 'm.merged_id', 'm.component', 'e.sentence', 'e.source_id', 'e.target_id', 'e.code',
      'e.date_value', 'e.date_precision', 'e.date_basis', 'e.negated', 'e.hypothetical',
    ]);
}

type LinkRow = Awaited<ReturnType<ReturnType<typeof linkFactsQuery>['execute']>>[number];

function toLink(r: LinkRow): StoredLink {
  return {
    id: r.event_id,
    block: r.block,
    key: r.key,
    article: articleOfKey(r.key),
    sentence: r.sentence,
    source: r.source_id,
    target: r.target_id,
    code: r.code,
    date: {
      value: r.date_value,
      precision: PRECISIONS.find((p) => p === r.date_precision) ?? null,
      basis: BASES.find((b) => b === r.date_basis) ?? 'none',
    },
    negated: r.negated === 1,
    hypothetical: r.hypothetical === 1,
    cues: r.cues === '' ? [] : r.cues.split(' '),
    mergedId: r.merged_id,
    component: r.component,
  };
}

/** Reports by a column's values, a chunk of values per query. */
async function linksWhere(db: Kysely<Database>, column: 'm.event_id' | 'm.component' | 'm.block', values: Array<number | string>): Promise<StoredLink[]> {
  const out: StoredLink[] = [];
  for (const part of chunks(values, ID_CHUNK)) out.push(...(await linkFactsQuery(db).where(column, 'in', part).execute()).map(toLink));
  return out;
}

/** The summaries of new events, from their reports' full facts. */
async function summaries(db: Kysely<Database>, events: StoredLink[][]): Promise<NewMergedEvent[]> {
  const facts = new Map<number, StoredFacts>();
  for (const ids of chunks(events.flat().map((r) => r.id), ID_CHUNK)) {
    for (const row of await reportFactsQuery(db).where('e.id', 'in', ids).execute()) facts.set(row.id, toFacts(row));
  }
  return events.map((members) =>
    mergedRow(
      summarise(
        members.map((r) => {
          const f = facts.get(r.id);
          if (!f) throw new Error(`report ${r.id} vanished while merging`);
          return f;
        }),
      ),
    ),
  );
}

/** Point reports at their events and components: one CASE UPDATE per chunk, for the rows that change only. */
async function assign(db: Kysely<Database>, rows: Array<{ id: number; mergedId: number; component: number }>): Promise<void> {
  for (const [first, ...rest] of chunks(rows, ID_CHUNK)) {
    if (!first) continue;
    await db
      .updateTable('merge_reports')
      .set((eb) => ({
        merged_id: rest.reduce((value, a) => value.when(a.id).then(a.mergedId), eb.case('event_id').when(first.id).then(first.mergedId)).end(),
        component: rest.reduce((value, a) => value.when(a.id).then(a.component), eb.case('event_id').when(first.id).then(first.component)).end(),
      }))
      .where('event_id', 'in', [first, ...rest].map((a) => a.id))
      .execute();
  }
}

/**
 * Re-cluster a set of reports closed under links (whole components) and write what changed: an event whose reports
 * are those it had keeps its row, the others are replaced (old rows deleted, new ones inserted together and matched
 * back by their unique key), and reports whose event or component changed are pointed at the new ones.
 */
async function recluster(db: Kysely<Database>, reports: StoredLink[]): Promise<void> {
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
  const rows = await summaries(db, changed);
  const idOfKey = new Map<string, number>();
  for (const part of chunks(rows, MERGED_CHUNK)) {
    for (const r of await db.insertInto('merged_events').values(part).returning(['id', 'key']).execute()) idOfKey.set(r.key, r.id);
  }
  const eventOf = new Map<number, number>();
  changed.forEach((members, i) => {
    const id = idOfKey.get(rows[i]?.key ?? '');
    if (id === undefined) throw new Error(`merged event ${rows[i]?.key} came back without its id`);
    for (const r of members) eventOf.set(r.id, id);
  });
  const updates = reports.flatMap((r) => {
    const mergedId = eventOf.get(r.id) ?? r.mergedId;
    const component = componentOf.get(r.id);
    if (mergedId === null || component === undefined) throw new Error(`report ${r.id} was left out of merging`);
    return mergedId === r.mergedId && component === r.component ? [] : [{ id: r.id, mergedId, component }];
  });
  await assign(db, updates);
}

function seedOf(r: StoredLink): Seed {
  return { id: r.id, block: r.block, window: mergeWindow(r.date), precision: r.date.precision, cues: r.cues };
}

/**
 * Merge these reports (new ones, or survivors of a deletion; their merge_reports and merge_cues rows must exist)
 * into the events of their blocks. Their possible partners come from the candidate probes; the partners they link
 * with bring their whole components (by name), which together with the seeds is closed under links.
 */
export async function mergeNewReports(db: Kysely<Database>, eventIds: number[], lockBlocks?: LockBlocks): Promise<void> {
  if (eventIds.length === 0) return;
  const blocks = new Set<string>();
  for (const ids of chunks(eventIds, ID_CHUNK)) {
    const rows = await db.selectFrom('merge_reports').select('block').where('event_id', 'in', ids).execute();
    for (const r of rows) blocks.add(r.block);
  }
  await lockBlocks?.(db, [...blocks].sort());
  const seeds = await linksWhere(db, 'm.event_id', eventIds);
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
  await recluster(db, [...set.values()]);
}

/** Blocks per rebuild step: their reports are read and clustered together. */
const BLOCK_CHUNK = 50;

/** Re-cluster every block from scratch (tests compare it with the incremental result; repairs after a rule change). */
export async function remergeAll(db: Kysely<Database>, lockBlocks?: LockBlocks): Promise<void> {
  // Every block first: a writer merging one block while this clears them all would otherwise deadlock with it.
  const blocks = (await db.selectFrom('merge_reports').select('block').distinct().execute()).map((b) => b.block).sort();
  await lockBlocks?.(db, blocks);
  await db.updateTable('merge_reports').set({ merged_id: null, component: null }).execute();
  await db.deleteFrom('merged_events').execute();
  for (const part of chunks(blocks, BLOCK_CHUNK)) await recluster(db, await linksWhere(db, 'm.block', part));
}
