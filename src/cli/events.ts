// `rasad events`: query stored events — merged events by default; `--reports` prints single reports, the same
// record as `rasad code`.
import { InvalidArgumentError, type Command } from 'commander';
import { normalisePublished } from '../io/published.js';
import type { MergedEventRecord } from '../corpus/records.js';
import { MERGED_CSV_HEADERS, MERGED_TABLE_HEADERS, mergedCsvCells, mergedTableCells } from '../corpus/formats.js';
import type { EventRecord } from '../output.js';
import type { MergedFilter } from '../store/corpus-queries.js';
import { openStore, type EventFilter } from '../store/store.js';
import { parseLangOption } from './options.js';
import { csvLine, EVENT_CSV_HEADERS, EVENT_TABLE_HEADERS, eventCsvCells, eventTableCells, renderTable } from './format.js';
import { dbOption } from './db-option.js';

export function parseDateOption(value: string): string {
  const date = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) ? normalisePublished(value) : null;
  if (date === null) throw new InvalidArgumentError('expected a date: YYYY-MM-DD, YYYY-MM or YYYY');
  return date;
}

export function parseActorOption(value: string): string {
  const actor = value.trim().toUpperCase();
  if (!/^[A-Z0-9:_.-]+$/.test(actor)) throw new InvalidArgumentError('expected an actor id (IRN, ORG:UN) or CAMEO actor code (IRNGOV)');
  return actor;
}

function parseDyadOption(value: string): [string, string] {
  const parts = value.split(',');
  const [a, b] = parts;
  if (parts.length !== 2 || a === undefined || b === undefined) throw new InvalidArgumentError('expected two actors separated by a comma: A,B');
  return [parseActorOption(a), parseActorOption(b)];
}

function parseCodeOption(value: string): string {
  if (!/^\d{2,4}$/.test(value)) throw new InvalidArgumentError('expected a CAMEO code of 2 to 4 digits (leading zero kept): 042');
  return value;
}

function parseRootOption(value: string): string {
  if (!/^\d{2}$/.test(value)) throw new InvalidArgumentError('expected a CAMEO root of 2 digits: 04');
  return value;
}

export function parseLimitOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number, 1 or more');
  return n;
}

export function parseFormat<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    const found = allowed.find((f) => f === value);
    if (found === undefined) throw new InvalidArgumentError(`expected ${allowed.join(', ')}`);
    return found;
  };
}

export const parseEventFormat = parseFormat(['jsonl', 'csv', 'table'] as const);
export const parseDyadFormat = parseFormat(['table', 'json'] as const);
export const parsePeriod = parseFormat(['month', 'year'] as const);

export function parseMinArticles(value: string): number {
  return parseLimitOption(value);
}

export const parseClaims = parseFormat(['exclude', 'only'] as const);

/** Filters shared by `rasad events` and `rasad export`. */
export function addEventFilters(command: Command): Command {
  return command
    .addOption(dbOption())
    .option('--actor <id>', 'events with this actor on either side (IRN, ORG:UN, IRNGOV)', parseActorOption)
    .option('--dyad <a,b>', 'events between two actors, either direction', parseDyadOption)
    .option('--root <root>', 'CAMEO root (04)', parseRootOption)
    .option('--code <code>', 'CAMEO code or its prefix (042)', parseCodeOption)
    .option('--from <date>', 'events on or after this date', parseDateOption)
    .option('--to <date>', 'events on or before this date', parseDateOption)
    .option('--lang <lang>', 'told in this language (ar|en)', parseLangOption)
    .option('--outlet <name>', 'merged events told by this outlet')
    .option('--min-articles <n>', 'merged events told by at least N articles', parseMinArticles)
    .option('--claims <which>', 'merged events: exclude those resting only on attributed claims, or only those with a claim', parseClaims)
    .option('--limit <n>', 'at most this many events', parseLimitOption);
}

export interface EventFilterOptions extends Omit<MergedFilter, 'dyad' | 'withReports'> {
  db: string;
  dyad?: [string, string];
}

export function checkRange(opts: { from?: string; to?: string }): void {
  if (opts.from && opts.to && opts.from > opts.to) throw new Error(`--from ${opts.from} is after --to ${opts.to}`);
}

/** The report-level filter: merged-only options do not apply to single reports. */
export function reportFilter(opts: EventFilterOptions): EventFilter {
  const { actor, dyad, root, code, from, to, lang, limit } = opts;
  return { actor, dyad, root, code, from, to, lang, limit };
}

export function mergedFilter(opts: EventFilterOptions): MergedFilter {
  const { db: _db, ...filter } = opts;
  return filter;
}

interface EventsOptions extends EventFilterOptions {
  format: 'jsonl' | 'csv' | 'table';
  reports?: boolean;
  withReports?: boolean;
}

function printReports(records: EventRecord[], format: EventsOptions['format']): void {
  if (format === 'jsonl') {
    for (const r of records) process.stdout.write(`${JSON.stringify(r)}\n`);
  } else if (format === 'csv') {
    process.stdout.write(csvLine(EVENT_CSV_HEADERS));
    for (const r of records) process.stdout.write(csvLine(eventCsvCells(r)));
  } else if (records.length === 0) {
    process.stderr.write('no events match\n');
  } else {
    process.stdout.write(renderTable(EVENT_TABLE_HEADERS, records.map(eventTableCells), ['left', 'left', 'left', 'left', 'left', 'right', 'left']));
  }
}

function printMerged(records: MergedEventRecord[], format: EventsOptions['format']): void {
  if (format === 'jsonl') {
    for (const r of records) process.stdout.write(`${JSON.stringify(r)}\n`);
  } else if (format === 'csv') {
    process.stdout.write(csvLine(MERGED_CSV_HEADERS));
    for (const r of records) process.stdout.write(csvLine(mergedCsvCells(r)));
  } else if (records.length === 0) {
    process.stderr.write('no events match\n');
  } else {
    const right = new Set([0, 5, 6, 7, 8]);
    process.stdout.write(renderTable(MERGED_TABLE_HEADERS, records.map(mergedTableCells), MERGED_TABLE_HEADERS.map((_, i) => (right.has(i) ? 'right' : 'left'))));
  }
}

export function register(command: Command): void {
  addEventFilters(command)
    .option('--reports', 'single event reports, one per article sentence, instead of merged events')
    .option('--with-reports', 'jsonl: include each merged event\'s reports')
    .option('--format <format>', 'jsonl, csv or table', parseEventFormat, 'jsonl' as const)
    .action(async (opts: EventsOptions) => {
      checkRange(opts);
      const store = await openStore(opts.db, { mustExist: true });
      try {
        if (opts.reports) printReports(await store.events(reportFilter(opts)), opts.format);
        else {
          const { format, reports: _r, withReports, ...rest } = opts;
          printMerged(await store.mergedEvents({ ...mergedFilter(rest), withReports: withReports === true && format === 'jsonl' }), format);
        }
      } finally {
        await store.close();
      }
    });
}
