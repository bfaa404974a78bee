// Between the Document model and table rows: flatten a coded document for storage, and rebuild the public
// event record (the same one `rasad code` prints) from a stored row.
import { ROLES, slice, type CodedEvent, type Document, type Role } from '../document.js';
import { dateRange } from '../io/published.js';
import type { EventRecord } from '../output.js';
import type { EventRow, NewEvent, NewMention } from './tables.js';

export function eventRow(doc: Document, articleId: number, e: CodedEvent): NewEvent {
  const range = e.date.value ? dateRange(e.date.value) : null;
  return {
    article_id: articleId,
    sentence: e.sentence,
    source_id: e.source?.id ?? null,
    source_role: e.source?.role ?? null,
    source_cameo: e.source?.cameo ?? null,
    source_name: e.source?.name ?? null,
    source_text: e.source?.text ?? null,
    source_start: e.source?.start ?? null,
    source_end: e.source?.end ?? null,
    target_id: e.target?.id ?? null,
    target_role: e.target?.role ?? null,
    target_cameo: e.target?.cameo ?? null,
    target_name: e.target?.name ?? null,
    target_text: e.target?.text ?? null,
    target_start: e.target?.start ?? null,
    target_end: e.target?.end ?? null,
    code: e.code,
    root: e.root,
    quad: e.quad,
    goldstein: e.goldstein,
    plover: e.plover,
    date_value: e.date.value,
    date_precision: e.date.precision,
    date_text: e.date.text,
    date_basis: e.date.basis,
    date_first: range?.first ?? null,
    date_last: range?.last ?? null,
    trigger_start: e.trigger.start,
    trigger_end: e.trigger.end,
    evidence_start: e.evidence.start,
    evidence_end: e.evidence.end,
    evidence_text: slice(doc, e.evidence),
    attributed_to: e.attributedTo,
    negated: e.negated ? 1 : 0,
    hypothetical: e.hypothetical ? 1 : 0,
    confidence: e.confidence,
  };
}

// One literal per row, all of one shape, in one loop: spreading a shared base into each row, as flatMap callbacks,
// cost more than inserting the row (some 25 mentions an article, bench:scale).
export function mentionRows(doc: Document, articleId: number): NewMention[] {
  const rows: NewMention[] = [];
  for (const m of doc.mentions) {
    const text = slice(doc, m);
    if (m.actors.length === 0) {
      rows.push({ article_id: articleId, sentence: m.sentence, start: m.start, end: m.end, kind: m.kind, text, actor_id: null, actor_cameo: null, role: null });
    }
    for (const a of m.actors) {
      rows.push({ article_id: articleId, sentence: m.sentence, start: m.start, end: m.end, kind: m.kind, text, actor_id: a.id, actor_cameo: a.cameo, role: a.role });
    }
  }
  return rows;
}

function role(value: string | null): Role | null {
  return value !== null && (ROLES as readonly string[]).includes(value) ? (value as Role) : null;
}

type StoredActor = Pick<EventRow, 'source_id' | 'source_role' | 'source_cameo' | 'source_name' | 'source_text' | 'source_start' | 'source_end'>;

function actorRecord(a: StoredActor): EventRecord['source'] {
  if (a.source_id === null) return null;
  return {
    id: a.source_id,
    cameo: a.source_cameo ?? '',
    role: role(a.source_role),
    name: a.source_name ?? a.source_id,
    text: a.source_text ?? '',
    start: a.source_start ?? 0,
    end: a.source_end ?? 0,
  };
}

const PRECISIONS = ['day', 'month', 'year'] as const;
const BASES = ['text', 'relative', 'anaphoric', 'published', 'none'] as const;

export function eventRecord(row: EventRow & { doc: string }): EventRecord {
  const precision = PRECISIONS.find((p) => p === row.date_precision) ?? null;
  const basis = BASES.find((b) => b === row.date_basis) ?? 'none';
  return {
    doc: row.doc,
    source: actorRecord(row),
    target: actorRecord({
      source_id: row.target_id,
      source_role: row.target_role,
      source_cameo: row.target_cameo,
      source_name: row.target_name,
      source_text: row.target_text,
      source_start: row.target_start,
      source_end: row.target_end,
    }),
    cameo: row.code,
    root: row.root,
    quad: row.quad,
    goldstein: row.goldstein,
    plover: row.plover,
    date: { value: row.date_value, precision, text: row.date_text, basis },
    evidence: { text: row.evidence_text, start: row.evidence_start, end: row.evidence_end },
    attributed_to: row.attributed_to,
    negated: row.negated === 1,
    hypothetical: row.hypothetical === 1,
    confidence: Math.round(row.confidence * 1000) / 1000,
  };
}
