// The compiled CLI as a child process, for tests that must kill it or run several at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const RASAD = join(ROOT, 'bin', 'rasad.js');
const BUILT = join(ROOT, 'dist', 'cli', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Compile src/ into dist/ unless dist/ is newer than every source (tsc emits even when some other file has a type error; no web build). */
export function buildCli(): void {
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs > newestSource(join(ROOT, 'src'))) return;
  spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  if (!existsSync(BUILT)) throw new Error('tsc produced no dist/cli/main.js');
}
