// `rasad dyad A B`: how two actors have treated each other over time, over merged events (one per real event,
// however many articles tell it): per period the Goldstein sum and mean, QuadClass counts, the
// cooperation/conflict balance and the best-corroborated event; then the first and last event. `--reports`
// counts single reports instead, as before merging existed.
import type { Command } from 'commander';
import type { DyadHistory, EvidenceRef, PeriodStats } from '../corpus/history.js';
import { openStore, type DyadReport, type DyadTotals, type Period } from '../store/store.js';
import { resolveActor } from './actor.js';
import { parseDyadFormat, parsePeriod } from './events.js';
import { actorLabel, eventFlags, renderTable, signed } from './format.js';
import { dbOption } from './db-option.js';

const QUADS = '(q1 verbal cooperation, q2 material cooperation, q3 verbal conflict, q4 material conflict)';
const EVIDENCE_CHARS = 160;

function cells(label: string, t: DyadTotals): string[] {
  return [label, String(t.events), signed(t.goldstein), ...t.quad.map(String), String(t.aToB), String(t.bToA)];
}

/** The report view (`--reports`): every report counts, even when several articles tell one event. */
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
  return `${a} - ${b}: ${report.total.events} reports ${QUADS}\n\n${periods}\n${events}`;
}

function historyCells(p: PeriodStats): string[] {
  return [
    p.period, String(p.events), signed(p.goldstein), p.mean === null ? '-' : signed(p.mean), ...p.quad.map(String),
    String(p.cooperation), String(p.conflict), p.balance.toFixed(2), String(p.aToB), String(p.bToA),
  ];
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EVIDENCE_CHARS ? `${flat.slice(0, EVIDENCE_CHARS - 1)}…` : flat;
}

/** `2015-10  #12 2015-10-05 042 +1.9  IRN->QAT  3 articles, 2 outlets  seed-004: "..."` */
function evidenceLine(label: string, e: EvidenceRef): string {
  const score = e.goldstein === null ? '-' : signed(e.goldstein);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${label}  #${e.id} ${e.date ?? 'undated'} ${e.cameo} ${score}  ${e.source ?? '-'}->${e.target ?? '-'}  ${plural(e.articles, 'article')}, ${plural(e.outlets, 'outlet')}  ${e.doc}: "${clip(e.evidence)}"\n`;
}

export function renderDyadHistory(h: DyadHistory): string {
  const { a, b, total } = h;
  if (total.events === 0) return `no merged events between ${a} and ${b}\n`;
  const headers = [h.by, 'events', 'goldstein', 'mean', 'q1', 'q2', 'q3', 'q4', 'coop', 'conflict', 'balance', `${a}->${b}`, `${b}->${a}`];
  const table = renderTable(headers, [...h.periods.map(historyCells), historyCells(total)], headers.map((_, i) => (i === 0 ? 'left' : 'right')));
  const width = Math.max(...h.periods.map((p) => p.period.length), 'first'.length);
  const strongest = h.periods.flatMap((p) => (p.strongest ? [evidenceLine(p.period.padEnd(width), p.strongest)] : [])).join('');
  const ends = [total.first ? evidenceLine('first'.padEnd(width), total.first) : '', total.last ? evidenceLine('last'.padEnd(width), total.last) : ''].join('');
  return (
    `${a} - ${b}: ${total.events} merged events ${QUADS}; balance = (coop - conflict) / events\n\n${table}\n` +
    `strongest evidence per period (most articles, then outlets, then |Goldstein|)\n${strongest}\n${ends}`
  );
}

interface DyadOptions {
  db: string;
  by: Period;
  format: 'table' | 'json';
  reports?: boolean;
}

export function register(command: Command): void {
  command
    .argument('<a>', 'actor id (IRN, ORG:UN), CAMEO actor code (IRNGOV) or name in Arabic or English', resolveActor)
    .argument('<b>', 'the other actor', resolveActor)
    .addOption(dbOption())
    .option('--by <period>', 'month or year', parsePeriod, 'month' as const)
    .option('--reports', 'count single reports (one per article sentence) instead of merged events')
    .option('--format <format>', 'table or json', parseDyadFormat, 'table' as const)
    .action(async (a: string, b: string, opts: DyadOptions) => {
      const store = await openStore(opts.db, { mustExist: true });
      try {
        const print = <T>(value: T, render: (v: T) => string): void => {
          process.stdout.write(opts.format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : render(value));
        };
        if (opts.reports) print(await store.dyad(a, b, { by: opts.by }), renderDyad);
        else print(await store.dyadHistory(a, b, { by: opts.by }), renderDyadHistory);
      } finally {
        await store.close();
      }
    });
}
