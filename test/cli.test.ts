// End to end through the built CLI (`node bin/rasad.js`), as a user runs it. Few and fast: one build.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureMessage } from '../src/cli/failure.js';
import { eventJsonSchemaText } from '../src/cli/schema.js';
import { buildCli } from './cli-child.js';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'io');
let dir: string;

function rasad(args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'rasad.js'), ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A user error: one line naming the problem, no stack. */
function expectOneLine(stderr: string, pattern: RegExp): void {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^rasad: /);
  expect(stderr).toMatch(pattern);
}

/** What `rasad ARGS` imports: dist/ files and packages, recorded by a module hook that sees every load. */
function importsOf(args: string[]): { dist: string[]; packages: string[] } {
  const log = join(dir, 'imports.log');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(log, '');
  writeFileSync(hooks, [
    "import { appendFileSync } from 'node:fs';",
    'export async function load(url, context, next) {',
    '  if (url.startsWith("file:")) appendFileSync(process.env.RASAD_IMPORT_LOG, url + "\\n");',
    '  return next(url, context);',
    '}',
  ].join('\n'));
  const register = `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, join(ROOT, 'bin', 'rasad.js'), ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, RASAD_IMPORT_LOG: log },
  });
  expect(r.status).toBe(0);
  const files = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((url) => relative(ROOT, new URL(url).pathname));
  const packages = files.flatMap((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1] ?? []);
  return { dist: files.filter((f) => f.startsWith('dist/')).map((f) => f.slice(5)), packages: [...new Set(packages)] };
}

beforeAll(() => {
  // Only the CLI's JavaScript, and only when a source is newer: a full build (web app too) every run cost CI a minute
  // of CPU and rewrote dist/ under the other files' running CLI processes.
  buildCli();
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

describe('startup', () => {
  it('--version and --help import only the command line itself, no command', () => {
    const version = rasad(['--version']);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    for (const args of [['--version'], ['--help']]) {
      const { dist, packages } = importsOf(args);
      expect(dist.sort()).toEqual(['cli/failure.js', 'cli/main.js', 'io/export/sink.js']);
      expect(packages).toEqual(['commander']);
    }
    expect(rasad(['--help']).stdout).toMatch(/worker +code article jobs queued/);
  });

  it('a command imports its own modules only, and HTML parsing only for HTML', () => {
    const coding = importsOf(['code', join(FIXTURES, 'front.txt')]);
    expect(coding.dist).toContain('lexicon/index.js');
    expect(coding.dist).toContain('cli/code.js');
    expect(coding.dist).not.toContain('cli/serve.js');
    expect(coding.packages.filter((p) => ['linkedom', 'fastify', 'bullmq', 'graphology'].includes(p))).toEqual([]);
    expect(importsOf(['code', join(FIXTURES, 'page.html')]).packages).toContain('linkedom');
  });
});

describe('errors', () => {
  it('a wrong command line exits 2 with one line', () => {
    const unknownOption = rasad(['events', '--frm', '2020']);
    expect(unknownOption.code).toBe(2);
    expectOneLine(unknownOption.stderr, /unknown option '--frm' \(Did you mean --from\?\)/);
    const unknownCommand = rasad(['cod', 'x.txt']);
    expect(unknownCommand.code).toBe(2);
    expectOneLine(unknownCommand.stderr, /unknown command 'cod'/);
    const missing = rasad(['dyad', 'IRN']);
    expect(missing.code).toBe(2);
    expectOneLine(missing.stderr, /missing required argument 'b'/);
  });

  it('a user error exits 1 with one line and no stack', () => {
    const badValue = rasad(['code', '--lang', 'fr', 'x.txt']);
    expect(badValue.code).toBe(1);
    expectOneLine(badValue.stderr, /'--lang <lang>' argument 'fr' is invalid\. expected ar or en/);
    const badFile = rasad(['code', join(dir, 'no-such.txt')]);
    expect(badFile.code).toBe(1);
    expectOneLine(badFile.stderr, /no-such\.txt: no such file/);
    const unknownActor = rasad(['dyad', 'Atlantis', 'KWT', '--db', 'cli.db']);
    expect(unknownActor.code).toBe(1);
    expectOneLine(unknownActor.stderr, /no actor matches "Atlantis"/);
    // Port 1 refuses at once: nothing listens there.
    const unreachable = rasad(['events', '--db', 'postgres://rasad:secret@127.0.0.1:1/rasad']);
    expect(unreachable.code).toBe(1);
    expectOneLine(unreachable.stderr, /cannot reach PostgreSQL at postgres:\/\/rasad@127\.0\.0\.1:1\/rasad/);
    expect(unreachable.stderr).not.toContain('secret');
  });

  it('RASAD_DEBUG=1 shows the stack', () => {
    const debug = rasad(['events', '--db', 'missing.db'], undefined, { RASAD_DEBUG: '1' });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/no database at missing\.db[^]*\n +at /);
  });

  it('a bug is told as one, and never as the user\'s mistake', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(failureMessage(bug, false)).toBe("rasad: internal error: Cannot read properties of undefined (reading 'id') (RASAD_DEBUG=1 shows where)\n");
    expect(failureMessage(bug, true)).toMatch(/^rasad: TypeError: Cannot read[^]*\n +at /);
    expect(failureMessage(new Error('no database at x.db'), false)).toBe('rasad: no database at x.db\n');
  });

  it('a reader that goes away (rasad code ... | head) ends the run quietly with 0', async () => {
    const demo = join(ROOT, 'demo');
    // Several passes over the demo articles: output keeps coming long after the reader has gone.
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'rasad.js'), 'code', demo, demo, demo, demo], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});

describe('JSON Schema', () => {
  it('the committed schema equals what EventRecordSchema generates', () => {
    expect(readFileSync(join(ROOT, 'schema', 'event.schema.json'), 'utf8')).toBe(eventJsonSchemaText());
  });
});
