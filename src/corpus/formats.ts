// Flat views of merged events for CSV and tables (rasad events, rasad export).
import type { MergedEventRecord } from './records.js';

export const MERGED_CSV_HEADERS = [
  'id', 'key', 'source_id', 'source_cameo', 'source_role', 'source_name', 'target_id', 'target_cameo', 'target_role', 'target_name',
  'cameo', 'root', 'quad', 'goldstein', 'plover', 'date', 'date_precision', 'date_basis', 'reports', 'articles', 'outlets', 'langs',
  'any_claim', 'all_claims', 'negated', 'hypothetical', 'confidence', 'tone', 'evidence', 'evidence_doc', 'first_published',
];

export function mergedCsvCells(e: MergedEventRecord): (string | number | boolean | null)[] {
  const s = e.source;
  const t = e.target;
  return [
    e.id, e.key, s?.id ?? null, s?.cameo ?? null, s?.role ?? null, s?.name ?? null, t?.id ?? null, t?.cameo ?? null, t?.role ?? null,
    t?.name ?? null, e.cameo, e.root, e.quad, e.goldstein, e.plover, e.date.value, e.date.precision, e.date.basis, e.counts.reports,
    e.counts.articles, e.counts.outlets, e.langs.join(','), e.any_claim, e.all_claims, e.negated, e.hypothetical, e.confidence, e.tone,
    e.evidence.text, e.evidence.doc, e.first_published,
  ];
}

function actor(a: MergedEventRecord['source']): string {
  return a ? `${a.id}${a.role ? '/' + a.role : ''}` : '-';
}

export const MERGED_TABLE_HEADERS = ['id', 'date', 'source', 'cameo', 'target', 'goldstein', 'reports', 'articles', 'outlets', 'langs', 'flags'];

export function mergedFlags(e: MergedEventRecord): string {
  return [e.negated ? 'NEG' : '', e.hypothetical ? 'HYP' : '', e.all_claims ? 'CLAIM' : e.any_claim ? 'claim' : ''].filter((f) => f !== '').join(' ');
}

export function mergedTableCells(e: MergedEventRecord): string[] {
  return [
    String(e.id), e.date.value ?? '-', actor(e.source), e.cameo, actor(e.target), e.goldstein === null ? '-' : String(e.goldstein),
    String(e.counts.reports), String(e.counts.articles), String(e.counts.outlets), e.langs.join(','), mergedFlags(e),
  ];
}
