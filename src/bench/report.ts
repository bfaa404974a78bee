// What `npm run bench` prints: one row per pass, then the targets of issue 2, each judged by wall-clock time and
// by CPU time (on a machine shared with other work, wall time measures the neighbours too).
import type { PassResult } from './measure.js';

/** Articles per second for `code` on one core. */
export const TARGET_CODE_RATE = 300;
/** Code time over bare-pass time. */
export const TARGET_RATIO = 4;

const COLUMNS = ['pass', 'articles', 'wall s', 'articles/s', 'sentences/s', 'CPU s', 'articles/CPU-s', 'events', 'peak heap MiB', 'peak RSS MiB'];

const fixed = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');

function cells(r: PassResult): string[] {
  return [
    r.name,
    String(r.articles),
    fixed(r.wallSeconds, 2),
    fixed(r.articles / r.wallSeconds),
    fixed(r.sentences / r.wallSeconds),
    fixed(r.cpuSeconds, 2),
    fixed(r.articles / r.cpuSeconds),
    String(r.events),
    fixed(r.peakHeapMb),
    fixed(r.peakRssMb),
  ];
}

/** The passes as an aligned table (header first). */
export function passTable(results: readonly PassResult[]): string[] {
  const rows = [COLUMNS, ...results.map(cells)];
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  '));
}

const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');

/** The code rate and the code/bare ratio against their targets. */
export function targetLines(code: PassResult, bare: PassResult): string[] {
  const wallRate = code.articles / code.wallSeconds;
  const cpuRate = code.articles / code.cpuSeconds;
  const wallRatio = code.wallSeconds / bare.wallSeconds;
  const cpuRatio = code.cpuSeconds / bare.cpuSeconds;
  return [
    `code rate   ${fixed(wallRate)} articles/s wall, ${fixed(cpuRate)} per CPU-second   target >= ${TARGET_CODE_RATE} on one core: ` +
      `${verdict(wallRate >= TARGET_CODE_RATE)} by wall time, ${verdict(cpuRate >= TARGET_CODE_RATE)} by CPU time`,
    `ratio       code/bare ${fixed(wallRatio, 2)} wall, ${fixed(cpuRatio, 2)} CPU   target <= ${TARGET_RATIO}: ` +
      `${verdict(wallRatio <= TARGET_RATIO)} by wall time, ${verdict(cpuRatio <= TARGET_RATIO)} by CPU time`,
  ];
}
