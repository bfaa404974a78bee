// Where a command's store lives: --db, else RASAD_DB, else ./rasad.db.
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { dbOption } from '../src/cli/db-option.js';

function locationFrom(args: string[]): string {
  const command = new Command().exitOverride().addOption(dbOption());
  command.parse(args, { from: 'user' });
  return String(command.opts().db);
}

describe('--db', () => {
  const saved = process.env.RASAD_DB;
  afterEach(() => {
    if (saved === undefined) delete process.env.RASAD_DB;
    else process.env.RASAD_DB = saved;
  });

  it('defaults to ./rasad.db, takes RASAD_DB when set, and an explicit --db wins over both', () => {
    delete process.env.RASAD_DB;
    expect(locationFrom([])).toBe('./rasad.db');
    process.env.RASAD_DB = 'postgres://rasad@db.internal:5432/rasad';
    expect(locationFrom([])).toBe('postgres://rasad@db.internal:5432/rasad');
    expect(locationFrom(['--db', 'local.db'])).toBe('local.db');
  });
});
