// The CAMEO event table (code, name, root, QuadClass, Goldstein) and its PLOVER mapping, from data/cameo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CameoCode {
  code: string;
  name: string;
  root: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number | null;
  plover: string | null;
}

export interface CameoTable {
  get(code: string): CameoCode | undefined;
  codes(): CameoCode[];
}

function readTsv(path: string): Array<Record<string, string>> {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

/** GDELT QuadClass by root: 01-05 verbal coop, 06-09 material coop, 10-14 verbal conflict, 15-20 material conflict. */
export function quadClassOf(root: string): 1 | 2 | 3 | 4 {
  const r = Number(root);
  if (r <= 5) return 1;
  if (r <= 9) return 2;
  if (r <= 14) return 3;
  return 4;
}

export function loadCameo(dataDir: string): CameoTable {
  const plover = new Map<string, string>();
  for (const row of readTsv(join(dataDir, 'cameo', 'cameo_to_plover.tsv'))) {
    if (row.cameo_code && row.plover_event) plover.set(row.cameo_code, row.plover_event);
  }
  const table = new Map<string, CameoCode>();
  for (const row of readTsv(join(dataDir, 'cameo', 'event_codes.tsv'))) {
    const code = row.code ?? '';
    if (!/^\d{2,4}$/.test(code)) continue;
    const root = code.slice(0, 2);
    // PLOVER has no rows for roots 01-02 and for some root-level codes: fall back to the root's mapping.
    const ploverEvent = plover.get(code) ?? plover.get(code.slice(0, 3)) ?? plover.get(`${root}0`) ?? defaultPlover(root);
    table.set(code, {
      code,
      name: row.name ?? '',
      root,
      quad: quadClassOf(root),
      goldstein: row.goldstein === '' || row.goldstein === undefined ? null : Number(row.goldstein),
      plover: ploverEvent,
    });
  }
  return { get: (code) => table.get(code), codes: () => [...table.values()] };
}

// PLOVER has no category for public statements (root 01); appeals (root 02) are its REQUEST.
function defaultPlover(root: string): string | null {
  return root === '02' ? 'REQUEST' : null;
}
