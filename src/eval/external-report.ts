// Printing external scores: one line per file with the target beside it, and per-record misses/spurious.
import { basename } from 'node:path';
import { pct } from './gold-report.js';
import type { ExternalRun, ExternalSystem, RecordResult } from './external.js';

/** F1 targets (type + actors) per external file, from the project brief. */
export const EXTERNAL_TARGETS: Record<string, number> = {
  'up_petr2_gsr_validation.jsonl': 0.75,
  'arabic_event_gsr_spans.jsonl': 0.7,
  'plover_gsr_cameo_manual.jsonl': 0.7,
};

export function externalSummary(runs: ExternalRun[]): string {
  const lines = [['file'.padEnd(36), 'recs', 'gold', ' sys', '     P      R     F1', 'type P      R     F1', 'target'].join(' | ')];
  for (const r of runs) {
    const name = basename(r.file);
    const target = EXTERNAL_TARGETS[name];
    const verdict = target === undefined ? '-' : `F1 >= ${target.toFixed(2)} ${r.full.f1 >= target ? 'met' : 'NOT met'}`;
    lines.push(
      [
        name.padEnd(36),
        String(r.counts.records).padStart(4),
        String(r.counts.gold).padStart(4),
        String(r.counts.system).padStart(4),
        `${pct(r.full.precision)} ${pct(r.full.recall)} ${pct(r.full.f1)}`,
        `${pct(r.typeOnly.precision)} ${pct(r.typeOnly.recall)} ${pct(r.typeOnly.f1)}`,
        verdict,
      ].join(' | '),
    );
    const c = r.counts;
    lines.push(
      `  (${c.skippedRecords} records skipped by the origin, ${c.skippedEvents} gold events with test-only codes left out, ` +
        `${c.noEventRecords} no-event records${c.reciprocalPairs > 0 ? `, ${c.reciprocalPairs} mutual acts told both ways counted once` : ''}; ` +
        `matched ${c.matched}, type-only ${c.typeMatched}` +
        `${c.outOfScope > 0 ? `; ${c.outOfScope} system events of other categories than a record was annotated for left out` : ''})`,
    );
  }
  return lines.join('\n');
}

function systemLabel(s: ExternalSystem): string {
  return `${s.code}/${s.plover ?? '-'} ${s.source?.id ?? '-'} -> ${s.target?.id ?? '-'}`;
}

export function externalDetails(r: RecordResult): string | null {
  const goldHit = new Set(r.full.map(([g]) => g));
  const sysHit = new Set(r.full.map(([, s]) => s));
  const typeHit = new Set(r.typeOnly.map(([g]) => g));
  const misses = r.gold.map((g, i) => ({ g, i })).filter(({ i }) => !goldHit.has(i));
  const spurious = r.system.filter((_, i) => !sysHit.has(i));
  if (misses.length === 0 && spurious.length === 0) return null;
  const text = r.record.text.length > 160 ? `${r.record.text.slice(0, 159)}…` : r.record.text;
  const out = [`== ${r.record.id}: ${text}`];
  for (const { g, i } of misses) out.push(`  MISS ${g.label}${typeHit.has(i) ? '  (type found, actors differ)' : ''}`);
  for (const s of spurious) out.push(`  SPUR ${systemLabel(s)}`);
  return out.join('\n');
}
