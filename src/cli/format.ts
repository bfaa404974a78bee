// Output helpers shared by the commands: aligned tables, CSV, and the flat views of an event record.
import type { EventRecord } from '../output.js';

/** Display width: combining marks and bidi controls take no column (Arabic diacritics, RLM). */
function width(s: string): number {
  return s.replace(/[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').length;
}

export function renderTable(headers: string[], rows: string[][], align: ('left' | 'right')[] = []): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c)));
        return align[i] === 'right' ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n') + '\n';
}

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: (string | number | boolean | null)[]): string {
  return cells.map(csvCell).join(',') + '\n';
}

export const EVENT_CSV_HEADERS = [
  'doc', 'source_id', 'source_cameo', 'source_role', 'source_name', 'source_text', 'target_id', 'target_cameo', 'target_role', 'target_name',
  'target_text', 'cameo', 'root', 'quad', 'goldstein', 'plover', 'date', 'date_precision', 'date_text', 'date_basis', 'evidence',
  'evidence_start', 'evidence_end', 'attributed_to', 'negated', 'hypothetical', 'confidence',
];

export function eventCsvCells(r: EventRecord): (string | number | boolean | null)[] {
  const s = r.source;
  const t = r.target;
  return [
    r.doc, s?.id ?? null, s?.cameo ?? null, s?.role ?? null, s?.name ?? null, s?.text ?? null, t?.id ?? null, t?.cameo ?? null, t?.role ?? null,
    t?.name ?? null, t?.text ?? null, r.cameo, r.root, r.quad, r.goldstein, r.plover, r.date.value, r.date.precision, r.date.text,
    r.date.basis, r.evidence.text, r.evidence.start, r.evidence.end, r.attributed_to, r.negated, r.hypothetical, r.confidence,
  ];
}

export function actorLabel(a: EventRecord['source']): string {
  return a ? `${a.id}${a.role ? '/' + a.role : ''}` : '-';
}

export function eventFlags(r: EventRecord): string {
  return `${r.negated ? ' NEG' : ''}${r.hypothetical ? ' HYP' : ''}${r.attributed_to ? ` [${r.attributed_to}]` : ''}`.trim();
}

export const EVENT_TABLE_HEADERS = ['doc', 'source', 'cameo', 'target', 'date', 'goldstein', 'flags'];

export function eventTableCells(r: EventRecord): string[] {
  return [r.doc, actorLabel(r.source), r.cameo, actorLabel(r.target), r.date.value ?? '-', r.goldstein === null ? '-' : String(r.goldstein), eventFlags(r)];
}

/** Goldstein sums print with one decimal and a sign, so cooperation and conflict read at a glance. */
export function signed(n: number): string {
  const s = (Math.round(n * 10) / 10).toFixed(1);
  return n > 0 ? `+${s}` : s;
}
