// What merging reads of stored reports: the link facts clustering needs (merge_reports with a few event columns),
// the full facts a merged event is summarised from, and the merged_events row of a summary.
import type { Kysely } from 'kysely';
import { articleOfKey, type LinkFacts, type ReportBasis, type ReportPrecision } from '../corpus/merge.js';
import { summarise, type ActorRef, type MergedFacts, type ReportFacts } from '../corpus/summary.js';
import { ROLES, type Role } from '../document.js';
import type { Database, NewMergedEvent } from './tables.js';

/** Ids per IN list: keeps bound parameters under SQLite's limit. */
export const ID_CHUNK = 500;

/** Items in runs of `size`: keeps an IN list's bound parameters under SQLite's limit. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface StoredFacts extends ReportFacts {
  mergedId: number | null;
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

export type FactsRow = Awaited<ReturnType<ReturnType<typeof reportFactsQuery>['execute']>>[number];

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

export type LinkRow = Awaited<ReturnType<ReturnType<typeof linkFactsQuery>['execute']>>[number];

export function toLink(r: LinkRow): StoredLink {
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
export async function linksWhere(db: Kysely<Database>, column: 'm.event_id' | 'm.component' | 'm.block', values: Array<number | string>): Promise<StoredLink[]> {
  const out: StoredLink[] = [];
  for (const part of chunks(values, ID_CHUNK)) out.push(...(await linkFactsQuery(db).where(column, 'in', part).execute()).map(toLink));
  return out;
}

/**
 * A report its batch has just stored, as merging would read it back: the same rows through the same conversions, so
 * merging the batch need not read its own reports again.
 */
export interface FreshReport {
  link: StoredLink;
  facts: StoredFacts;
}

export function freshReport(link: LinkRow, facts: FactsRow): FreshReport {
  return { link: toLink(link), facts: toFacts(facts) };
}

/** The summaries of new events, from their reports' full facts (those of `fresh` reports without reading them). */
export async function summaries(db: Kysely<Database>, events: StoredLink[][], fresh?: ReadonlyMap<number, FreshReport>): Promise<NewMergedEvent[]> {
  const facts = new Map<number, StoredFacts>();
  const unread: number[] = [];
  for (const r of events.flat()) {
    const known = fresh?.get(r.id);
    if (known) facts.set(r.id, known.facts);
    else unread.push(r.id);
  }
  for (const ids of chunks(unread, ID_CHUNK)) {
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
