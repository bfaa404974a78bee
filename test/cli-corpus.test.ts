// rasad dyad / actor / graph / export over a small ingested store, run in-process through main() (no build),
// with stdout captured.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveActor } from '../src/cli/actor.js';
import { graphWindow } from '../src/cli/graph.js';
import { ingestPaths } from '../src/cli/ingest.js';
import { main } from '../src/cli/main.js';
import { GDELT_COLUMNS } from '../src/io/export/gdelt.js';
import { openStore } from '../src/store/store.js';
import { elements, parseXml } from './xml-check.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'corpus');
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rasad-cli-corpus-'));
  db = join(dir, 'corpus.db');
  const store = await openStore(db);
  try {
    await ingestPaths(store, [FIXTURES]);
  } finally {
    await store.close();
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run `rasad ARGS --db <store>` and return what it printed. */
async function rasad(...args: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    await main(['node', 'rasad', ...args, '--db', db]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('actor names', () => {
  it('takes ids, CAMEO codes and names in either language', () => {
    expect(resolveActor('omn')).toBe('OMN');
    expect(resolveActor('ORG:UN')).toBe('ORG:UN');
    expect(resolveActor('IRNGOV')).toBe('IRNGOV');
    expect(resolveActor('Kuwait')).toBe('KWT');
    expect(resolveActor('الكويت')).toBe('KWT');
    expect(resolveActor('وعمان')).toBe('OMN');
    expect(resolveActor('United Nations')).toBe('ORG:UN');
    expect(resolveActor('irngov')).toBe('IRNGOV');
    expect(resolveActor('---')).toBe('---');
    expect(resolveActor('Kuwai')).toBe('KWT');
    expect(() => resolveActor('Atlantis')).toThrow(/no actor matches "Atlantis"/);
    expect(() => resolveActor('Atlantis Republic')).toThrow(/no actor matches "Atlantis Republic"/);
  });
});

describe('rasad dyad', () => {
  it('counts merged events, with the best-corroborated one per period', async () => {
    const table = await rasad('dyad', 'Kuwait', 'عمان');
    expect(table).toMatch(/^KWT - OMN: 2 merged events/);
    expect(table).toMatch(/2021-03 +2 +/);
    expect(table).toMatch(/2021-03 +#\d+ 2021-03-07 057 \+\d\.\d +KWT->OMN +2 articles, 2 outlets/);
    const json = JSON.parse(await rasad('dyad', 'KWT', 'OMN', '--format', 'json', '--by', 'year')) as { periods: { period: string; events: number }[]; total: { events: number; first: { cameo: string } | null } };
    expect(json.periods).toEqual([expect.objectContaining({ period: '2021', events: 2 })]);
    expect(json.total.first).not.toBeNull();
  });

  it('counts single reports with --reports', async () => {
    const reports = JSON.parse(await rasad('dyad', 'KWT', 'OMN', '--reports', '--format', 'json')) as { total: { events: number } };
    expect(reports.total.events).toBe(3);
  });
});

describe('rasad actor', () => {
  it('ranks partners by volume and by balance', async () => {
    const profile = JSON.parse(await rasad('actor', 'السعودية', '--format', 'json')) as { actor: string; byVolume: { partner: string }[]; byBalance: { partner: string; balance: number }[] };
    expect(profile.actor).toBe('SAU');
    expect(profile.byVolume.map((p) => p.partner).sort()).toEqual(['IRN', 'ORG:UN']);
    expect(profile.byBalance.map((p) => p.partner)).toEqual(['ORG:UN', 'IRN']);
    const table = await rasad('actor', 'SAU');
    expect(table).toContain('partners by volume');
    expect(table).toContain('partners by balance');
  });
});

describe('rasad graph', () => {
  it('prints the network with centrality and communities, in a window around a date', async () => {
    const all = JSON.parse(await rasad('graph', '--format', 'json')) as { nodes: { id: string; community: number; betweenness: number }[]; edges: unknown[]; communities: { count: number } };
    expect(all.nodes.map((n) => n.id).sort()).toEqual(['EGY', 'ETH', 'IRN', 'KWT', 'OMN', 'ORG:UN', 'SAU']);
    expect(all.edges).toHaveLength(4);
    expect(all.communities.count).toBe(3);
    expect(all.nodes.find((n) => n.id === 'SAU')?.betweenness).toBeGreaterThan(0);
    const around = JSON.parse(await rasad('graph', '--at', '2021-03-07', '--span', '1', '--format', 'json')) as { window: { from: string; to: string }; nodes: { id: string }[] };
    expect(around.window).toEqual({ from: '2021-02-07', to: '2021-04-07' });
    expect(around.nodes.map((n) => n.id).sort()).toEqual(['EGY', 'ETH', 'KWT', 'OMN']);
    expect(await rasad('graph', '--from', '2022-01')).toMatch(/^3 actors, 2 dyads/);
  });

  it('writes GEXF to a file', async () => {
    const out = join(dir, 'net.gexf');
    await rasad('graph', '--format', 'gexf', '--out', out);
    const { root, errors } = parseXml(readFileSync(out, 'utf8'));
    expect(errors).toEqual([]);
    expect(elements(root, 'node')).toHaveLength(7);
  });

  it('refuses --at together with --from or --to', () => {
    expect(() => graphWindow({ at: '2021', span: 6, from: '2020' })).toThrow(/either --at/);
  });
});

describe('rasad export', () => {
  it('writes the GDELT table to a file, and filtered CSV to stdout', async () => {
    const out = join(dir, 'events.tsv');
    await rasad('export', '--format', 'gdelt', '--out', out);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]?.split('\t')).toEqual([...GDELT_COLUMNS]);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.split('\t')).toHaveLength(61);
    const csv = (await rasad('export', '--format', 'csv', '--reports', '--lang', 'ar')).trim().split('\n');
    expect(csv[0]).toMatch(/^id,merged_id,doc,/);
    expect(csv.slice(1).every((l) => l.includes('kuwait-oman-ar'))).toBe(true);
  });

  it('rejects merged-only filters with --reports', async () => {
    await expect(rasad('export', '--reports', '--min-articles', '2')).rejects.toThrow(/apply to merged events/);
  });
});
