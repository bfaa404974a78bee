// The compiled CLI as a child process, for tests that must kill it or run several at once.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const RASAD = join(ROOT, 'bin', 'rasad.js');

/** Compile src/ into dist/ (tsc emits even when some other file has a type error; no web build). */
export function buildCli(): void {
  spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('tsc produced no dist/cli/main.js');
}
