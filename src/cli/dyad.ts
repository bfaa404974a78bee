// `rasad dyad A B`: how two actors have treated each other over time: events per period (either direction),
// Goldstein sums and QuadClass counts, then totals.
import type { Command } from 'commander';
import { openStore, type DyadReport, type DyadTotals, type Period } from '../store/store.js';
import { DEFAULT_DB } from './ingest.js';
import { parseActorOption, parseDyadFormat, parsePeriod } from './events.js';
import { actorLabel, eventFlags, renderTable, signed } from './format.js';

function cells(label: string, t: DyadTotals): string[] {
  return [label, String(t.events), signed(t.goldstein), ...t.quad.map(String), String(t.aToB), String(t.bToA)];
}

export function renderDyad(report: DyadReport): string {
  const { a, b } = report;
  if (report.total.events === 0) return `no events between ${a} and ${b}\n`;
  const headers = [report.by, 'events', 'goldstein', 'q1', 'q2', 'q3', 'q4', `${a}->${b}`, `${b}->${a}`];
  const rows = [...report.periods.map((p) => cells(p.period, p)), cells('total', report.total)];
  const right: ('left' | 'right')[] = headers.map((_, i) => (i === 0 ? 'left' : 'right'));
  const periods = renderTable(headers, rows, right);
  const events = renderTable(
    ['date', 'source', 'cameo', 'target', 'goldstein', 'doc', 'flags'],
    report.events.map((r) => [r.date.value ?? '-', actorLabel(r.source), r.cameo, actorLabel(r.target), r.goldstein === null ? '-' : signed(r.goldstein), r.doc, eventFlags(r)]),
  );
  return `${a} - ${b}: ${report.total.events} events (q1 verbal cooperation, q2 material cooperation, q3 verbal conflict, q4 material conflict)\n\n${periods}\n${events}`;
}

export function register(program: Command): void {
  program
    .command('dyad')
    .description("a dyad's events by date with Goldstein sums and QuadClass counts")
    .argument('<a>', 'actor id (IRN, ORG:UN) or CAMEO actor code', parseActorOption)
    .argument('<b>', 'the other actor', parseActorOption)
    .option('--db <file>', 'SQLite database file', DEFAULT_DB)
    .option('--by <period>', 'month or year', parsePeriod, 'month' as const)
    .option('--format <format>', 'table or json', parseDyadFormat, 'table' as const)
    .action(async (a: string, b: string, opts: { db: string; by: Period; format: 'table' | 'json' }) => {
      const store = await openStore(opts.db, { mustExist: true });
      try {
        const report = await store.dyad(a, b, { by: opts.by });
        process.stdout.write(opts.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderDyad(report));
      } finally {
        await store.close();
      }
    });
}
