// `rasad export`: stored events as JSON Lines, CSV, the GDELT 2.0 event table (docs/gdelt-mapping.md), or the
// relations graph of the matching events as GraphML or GEXF. Merged events by default, single reports with
// --reports; rows stream from the store a page at a time.
import type { Command } from 'commander';
import { EXPORT_FORMATS, exportChunks, type ExportFormat, type ExportRequest } from '../io/export/run.js';
import { writeExport } from '../io/export/sink.js';
import { openStore } from '../store/store.js';
import { addEventFilters, checkRange, mergedFilter, parseFormat, type EventFilterOptions } from './events.js';

const parseExportFormat = parseFormat(EXPORT_FORMATS);

interface ExportOptions extends EventFilterOptions {
  format: ExportFormat;
  merged?: boolean;
  reports?: boolean;
  out?: string;
}

export function exportRequest(opts: ExportOptions): ExportRequest {
  checkRange(opts);
  const { format, merged, reports, out: _out, ...filters } = opts;
  if (merged && reports) throw new Error('choose --merged (the default) or --reports, not both');
  if (!reports) return { view: 'merged', format, filter: mergedFilter(filters) };
  if (filters.minArticles !== undefined || filters.claims !== undefined) throw new Error('--min-articles and --claims apply to merged events, not to --reports');
  const { actor, dyad, root, code, from, to, lang, outlet, limit } = filters;
  return { view: 'reports', format, filter: { actor, dyad, root, code, from, to, lang, outlet, limit } };
}

export function register(command: Command): void {
  addEventFilters(command)
    .option('--format <format>', EXPORT_FORMATS.join(', '), parseExportFormat, 'jsonl' as const)
    .option('--merged', 'merged events, one per real-world event (the default)')
    .option('--reports', 'single event reports, one per article sentence')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: ExportOptions) => {
      const request = exportRequest(opts);
      const store = await openStore(opts.db, { mustExist: true });
      try {
        await writeExport(opts.out, exportChunks(store, request));
        if (opts.out) process.stderr.write(`wrote ${opts.out}\n`);
      } finally {
        await store.close();
      }
    });
}
