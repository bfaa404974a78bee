// `rasad demo`: the quick start. Codes the bundled demo articles into ./rasad.db (again: nothing is
// stored twice) and prints the top dyads.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { openStore, type DyadSummaryRow } from '../store/store.js';
import { renderTable, signed } from './format.js';
import { formatSummary, ingestPaths } from './ingest.js';
import { dbOption } from './db-option.js';

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** demo/ ships the demo articles; the test fixtures stand in until it has any. */
const DEMO_DIRS = [join(PACKAGE_ROOT, 'demo'), join(PACKAGE_ROOT, 'test', 'fixtures', 'io', 'demo')];

export function demoDir(): string {
  const found = DEMO_DIRS.find((d) => existsSync(d) && readdirSync(d).some((f) => /\.(txt|jsonl|html?)$/i.test(f)));
  if (found === undefined) throw new Error(`no demo articles found (looked in ${DEMO_DIRS.join(', ')})`);
  return found;
}

export function renderDyadSummary(rows: DyadSummaryRow[]): string {
  if (rows.length === 0) return 'no dyads yet: no events with both a source and a target were coded\n';
  return renderTable(
    ['dyad', 'events', 'goldstein', 'cooperation', 'conflict'],
    rows.map((r) => [`${r.a} - ${r.b}`, String(r.events), signed(r.goldstein), String(r.cooperation), String(r.conflict)]),
    ['left', 'right', 'right', 'right', 'right'],
  );
}

export function register(command: Command): void {
  command
    .addOption(dbOption())
    .option('--top <n>', 'dyads to show', (v) => Math.max(1, Number.parseInt(v, 10) || 10), 10)
    .action(async (opts: { db: string; top: number }) => {
      const dir = demoDir();
      const store = await openStore(opts.db);
      try {
        const summary = await ingestPaths(store, [dir], { onError: (e) => console.error(`rasad: ${e.origin}: ${e.message}`) });
        process.stdout.write(`demo articles from ${relative(process.cwd(), dir) || dir} into ${opts.db}\n${formatSummary(summary)}\n`);
        process.stdout.write(renderDyadSummary(await store.dyadSummary(opts.top)));
        process.stdout.write(`\nnext: rasad events --db ${opts.db} --format table   |   rasad dyad A B --db ${opts.db}\n`);
      } finally {
        await store.close();
      }
    });
}
