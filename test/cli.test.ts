// End to end through the built CLI (`node bin/rasad.js`), as a user runs it. Few and fast: one build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventJsonSchemaText } from '../src/cli/schema.js';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'io');
let dir: string;

function rasad(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'rasad.js'), ...args], { cwd: dir, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // tsc emits even when some other file has a type error; these tests only need the JavaScript.
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe' });
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('npm run build produced no dist/cli/main.js');
  dir = mkdtempSync(join(tmpdir(), 'rasad-cli-'));
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('rasad ingest', () => {
  it('stores good files, reports bad ones, and is idempotent', () => {
    const paths = [join(FIXTURES, 'front.txt'), join(FIXTURES, 'binary.txt'), join(FIXTURES, 'articles.jsonl')];
    const first = rasad(['ingest', ...paths, '--db', 'cli.db']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/articles read: 3, stored: 3, duplicates: 0, events: \d+, errors: 3/);
    expect(first.stderr).toContain('binary.txt: binary file');
    expect(first.stderr).toContain('articles.jsonl:2: malformed JSON');
    const again = rasad(['ingest', join(FIXTURES, 'front.txt'), '--db', 'cli.db']);
    expect(again.stdout).toMatch(/stored: 0, duplicates: 1/);
  });

  it('reads stdin and fails only when nothing could be read', () => {
    const piped = rasad(['ingest', '-', '--db', 'cli.db', '--published', '2024-02'], 'The Kuwaiti emir received the Bahraini king in Kuwait City.\n');
    expect(piped.stdout).toMatch(/articles read: 1, stored: 1/);
    const nothing = rasad(['ingest', join(FIXTURES, 'empty.txt'), '--db', 'cli.db']);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain('empty.txt: empty file');
  });
});

describe('read commands', () => {
  it('give clear errors for a missing database and a bad date', () => {
    const missing = rasad(['events', '--db', 'missing.db']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no database at missing\.db/);
    const badDate = rasad(['events', '--db', 'cli.db', '--from', '2021-02-30']);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toMatch(/expected a date/);
  });

  it('events prints CSV with a header and dyad answers in JSON', () => {
    const csv = rasad(['events', '--reports', '--db', 'cli.db', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/^doc,source_id,/);
    const dyad = rasad(['dyad', 'omn', 'jor', '--db', 'cli.db', '--format', 'json', '--by', 'year']);
    expect(dyad.code).toBe(0);
    expect(JSON.parse(dyad.stdout)).toMatchObject({ a: 'OMN', b: 'JOR', by: 'year' });
  });
});

describe('rasad demo', () => {
  it('codes the demo articles once and prints the dyad summary', () => {
    const first = rasad(['demo', '--db', 'demo.db']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/stored: [1-9]\d*, duplicates: 0/);
    expect(first.stdout).toMatch(/dyad|no dyads yet/);
    const second = rasad(['demo', '--db', 'demo.db']);
    expect(second.stdout).toMatch(/stored: 0, duplicates: [1-9]/);
  });
});

describe('JSON Schema', () => {
  it('the committed schema equals what EventRecordSchema generates', () => {
    expect(readFileSync(join(ROOT, 'schema', 'event.schema.json'), 'utf8')).toBe(eventJsonSchemaText());
  });
});
