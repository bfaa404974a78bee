// `rasad events`: query stored events. jsonl prints the same record as `rasad code`.
import { InvalidArgumentError, type Command } from 'commander';
import { normalisePublished } from '../io/published.js';
import { openStore, type EventFilter } from '../store/store.js';
import { DEFAULT_DB } from './ingest.js';
import { parseLangOption } from './options.js';
import { csvLine, EVENT_CSV_HEADERS, EVENT_TABLE_HEADERS, eventCsvCells, eventTableCells, renderTable } from './format.js';

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

function parseLimitOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number, 1 or more');
  return n;
}

function parseFormat<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    const found = allowed.find((f) => f === value);
    if (found === undefined) throw new InvalidArgumentError(`expected ${allowed.join(', ')}`);
    return found;
  };
}

export const parseEventFormat = parseFormat(['jsonl', 'csv', 'table'] as const);
export const parseDyadFormat = parseFormat(['table', 'json'] as const);
export const parsePeriod = parseFormat(['month', 'year'] as const);

interface EventsOptions extends Omit<EventFilter, 'dyad'> {
  db: string;
  dyad?: [string, string];
  format: 'jsonl' | 'csv' | 'table';
}

export function register(program: Command): void {
  program
    .command('events')
    .description('query stored events')
    .option('--db <file>', 'SQLite database file', DEFAULT_DB)
    .option('--actor <id>', 'events with this actor on either side (IRN, ORG:UN, IRNGOV)', parseActorOption)
    .option('--dyad <a,b>', 'events between two actors, either direction', parseDyadOption)
    .option('--root <root>', 'CAMEO root (04)', parseRootOption)
    .option('--code <code>', 'CAMEO code or its prefix (042)', parseCodeOption)
    .option('--from <date>', 'events on or after this date', parseDateOption)
    .option('--to <date>', 'events on or before this date', parseDateOption)
    .option('--lang <lang>', 'articles in this language (ar|en)', parseLangOption)
    .option('--format <format>', 'jsonl, csv or table', parseEventFormat, 'jsonl' as const)
    .option('--limit <n>', 'at most this many events', parseLimitOption)
    .action(async (opts: EventsOptions) => {
      if (opts.from && opts.to && opts.from > opts.to) throw new Error(`--from ${opts.from} is after --to ${opts.to}`);
      const store = await openStore(opts.db, { mustExist: true });
      try {
        const { db: _db, format, ...filter } = opts;
        const records = await store.events(filter);
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
      } finally {
        await store.close();
      }
    });
}
