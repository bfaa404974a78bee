// `rasad framing`: how articles and outlets frame the actors they name (hostile, neutral, favourable), with
// the words that decided it.
import type { Command } from 'commander';
import { openStore } from '../store/store.js';
import type { ArticleFraming, OutletFraming } from '../store/corpus-queries.js';
import { parseActorOption, parseFormat } from './events.js';
import { renderTable, signed } from './format.js';
import { dbOption } from './db-option.js';

const parseBy = parseFormat(['article', 'outlet'] as const);
const parseFramingFormat = parseFormat(['table', 'json'] as const);

interface FramingOptions {
  db: string;
  actor?: string;
  outlet?: string;
  doc?: string;
  by: 'article' | 'outlet';
  all?: boolean;
  format: 'table' | 'json';
}

function articleRows(rows: ArticleFraming[]): string {
  if (rows.length === 0) return 'no framing matches\n';
  return renderTable(
    ['doc', 'outlet', 'actor', 'mentions', 'score', 'label', 'deciding words'],
    rows.map((r) => [r.doc, r.outlet ?? '-', r.actor, String(r.mentions), signed(r.score), r.label, r.evidence.slice(0, 6).map((w) => `${w.text} (${signed(w.weight)})`).join(', ')]),
    ['left', 'left', 'left', 'right', 'right', 'left', 'left'],
  );
}

function outletRows(rows: OutletFraming[]): string {
  if (rows.length === 0) return 'no framing matches\n';
  return renderTable(
    ['outlet', 'actor', 'articles', 'mean score', 'label', 'hostile', 'favourable'],
    rows.map((r) => [r.outlet ?? '-', r.actor, String(r.articles), signed(r.score), r.label, String(r.hostile), String(r.favourable)]),
    ['left', 'left', 'right', 'right', 'left', 'right', 'right'],
  );
}

export function register(command: Command): void {
  command
    .addOption(dbOption())
    .option('--actor <id>', 'only this actor', parseActorOption)
    .option('--outlet <name>', 'only this outlet')
    .option('--doc <id>', 'only this article (its id or file stem)')
    .option('--by <what>', 'article or outlet', parseBy, 'article' as const)
    .option('--all', 'per article: include neutral framings too')
    .option('--format <format>', 'table or json', parseFramingFormat, 'table' as const)
    .action(async (opts: FramingOptions) => {
      const store = await openStore(opts.db, { mustExist: true });
      try {
        if (opts.by === 'outlet') {
          const rows = await store.outletFraming({ actor: opts.actor, outlet: opts.outlet });
          process.stdout.write(opts.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : outletRows(rows));
        } else {
          const rows = await store.framing({ actor: opts.actor, outlet: opts.outlet, doc: opts.doc, framedOnly: !opts.all });
          process.stdout.write(opts.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : articleRows(rows));
        }
      } finally {
        await store.close();
      }
    });
}
