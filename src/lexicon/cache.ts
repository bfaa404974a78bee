// Start-up cache: the lexicons that are slow to validate and compile (2,452 people and their name table, every
// event pattern's inflections, the actor tables) kept as one v8-serialised file, keyed by a hash of the data
// files and of the compiled code, so `rasad code FILE` reads one file instead of compiling them again.
// Why keyed by the code too: a new build may compile the same data differently.
// Only the compiled package (dist/) uses it; tests run from src/ and always compile.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

/** Bump when the cached shape changes without the code's files changing (never needed so far). */
const FORMAT = 1;
const PREFIX = 'lexicon-';

/** The compiled package root (dist/), or null when running from the TypeScript sources. */
function compiledRoot(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  return /[\\/]dist[\\/]lexicon$/.test(here) ? dirname(here) : null;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Data files by content; code files by size and modification time (a build rewrites them). */
function keyOf(dataDir: string, root: string): string {
  const hash = createHash('sha256').update(`${FORMAT}\0${process.versions.v8}\0`);
  for (const file of filesUnder(dataDir)) hash.update(`${relative(dataDir, file)}\0`).update(readFileSync(file)).update('\0');
  for (const file of filesUnder(root)) {
    if (!file.endsWith('.js')) continue;
    const s = statSync(file);
    hash.update(`${relative(root, file)}\0${s.size}\0${s.mtimeMs}\0`);
  }
  return hash.digest('hex').slice(0, 32);
}

function cacheDirs(root: string): string[] {
  const explicit = process.env.RASAD_CACHE_DIR;
  if (explicit) return [explicit];
  // The package's own dist/ first; a read-only install falls back to a per-user temporary folder.
  return [join(root, '.cache'), join(tmpdir(), `rasad-cache-${process.getuid?.() ?? 'user'}`)];
}

function readCache<T>(dirs: string[], name: string): T | undefined {
  for (const dir of dirs) {
    try {
      return deserialize(readFileSync(join(dir, name))) as T;
    } catch {
      // Missing or unreadable: try the next folder, then compile.
    }
  }
  return undefined;
}

/** Write atomically (a parallel reader sees the old file or the new one) and drop caches of older keys. */
function writeCache(dirs: string[], name: string, value: unknown): void {
  const bytes = serialize(value);
  for (const dir of dirs) {
    try {
      mkdirSync(dir, { recursive: true });
      const temp = join(dir, `${name}.${process.pid}.tmp`);
      writeFileSync(temp, bytes);
      renameSync(temp, join(dir, name));
      for (const old of readdirSync(dir)) if (old.startsWith(PREFIX) && old.endsWith('.bin') && old !== name) rmSync(join(dir, old), { force: true });
      return;
    } catch {
      // Not writable: try the next folder; with none, every run compiles.
    }
  }
}

/**
 * `compile()`'s result for these data files, from the cache when it holds them. The value must be plain data
 * (objects, arrays, Map, Set: what v8 serialises), and shared objects stay shared within it. `root`: the compiled
 * code whose files key the cache (null: no cache).
 */
export function cachedCompile<T>(dataDir: string, compile: () => T, root: string | null = compiledRoot()): T {
  if (root === null || process.env.RASAD_LEXICON_CACHE === '0') return compile();
  let key: string;
  try {
    key = keyOf(dataDir, root);
  } catch {
    return compile();
  }
  const dirs = cacheDirs(root);
  const name = `${PREFIX}${key}.bin`;
  const cached = readCache<T>(dirs, name);
  if (cached !== undefined) return cached;
  const value = compile();
  writeCache(dirs, name, value);
  return value;
}
