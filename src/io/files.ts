// Which files a list of paths stands for: files as named, folders recursively (sorted, readable kinds only).
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { InputError } from './types.js';

export const ARTICLE_EXTENSIONS = new Set(['.txt', '.jsonl', '.html', '.htm']);
export const STDIN = '-';

export function isArticleFile(path: string): boolean {
  return ARTICLE_EXTENSIONS.has(extname(path).toLowerCase());
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile() && isArticleFile(path)) out.push(path);
  }
}

export interface ExpandedPaths {
  /** Files (and `-` for stdin) in the order they will be read. */
  files: string[];
  errors: InputError[];
}

export async function expandPaths(paths: string[]): Promise<ExpandedPaths> {
  const files: string[] = [];
  const errors: InputError[] = [];
  for (const path of paths) {
    if (path === STDIN) {
      files.push(path);
      continue;
    }
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const found: string[] = [];
        await walk(path, found);
        if (found.length === 0) errors.push({ origin: path, message: `no .txt, .jsonl or .html files in this folder` });
        files.push(...found);
      } else files.push(path);
    } catch (err) {
      errors.push({ origin: path, message: describeFsError(err) });
    }
  }
  return { files, errors };
}

export function describeFsError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return `cannot read (${err instanceof Error ? err.message : String(err)})`;
}
