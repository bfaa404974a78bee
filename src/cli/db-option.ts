// The one --db option every storing or reading command takes: a SQLite file or a postgres:// URL. An explicit
// --db wins, then RASAD_DB (so a fleet of workers and the server can share one PostgreSQL without repeating it).
import { Option } from 'commander';

export const DEFAULT_DB = './rasad.db';

export function dbOption(note?: string): Option {
  const what = 'SQLite database file or postgres://user@host:5432/db URL';
  return new Option('--db <location>', note ? `${what} (${note})` : what).env('RASAD_DB').default(DEFAULT_DB);
}
