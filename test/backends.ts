// The storage backends a store test runs against: SQLite always, PostgreSQL when RASAD_PG_URL names a server.
// Each fresh() database is new and empty (a temporary file, or a uniquely named schema), and cleanup() removes them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import type { Store } from '../src/store/store.js';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** The location of a new, empty database, for openStore(). */
  fresh(label: string): string;
  /** Remove every database fresh() gave out. */
  cleanup(): Promise<void>;
}

export const PG_URL = process.env.RASAD_PG_URL;

export const PG_SKIP_MESSAGE = 'postgres: skipped; set RASAD_PG_URL=postgres://user@127.0.0.1:5432/db to run these tests on PostgreSQL';

function sqliteBackend(): Backend {
  let dir: string | null = null;
  let made = 0;
  return {
    name: 'sqlite',
    fresh(label) {
      dir ??= mkdtempSync(join(tmpdir(), 'rasad-test-'));
      return join(dir, `${made++}-${label}.db`);
    },
    async cleanup() {
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
}

export function postgresBackend(url: string): Backend {
  const prefix = `rasad_t${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const schemas: string[] = [];
  return {
    name: 'postgres',
    fresh(label) {
      const schema = `${prefix}_${schemas.length}_${label.toLowerCase().replace(/[^a-z0-9]/g, '_')}`.slice(0, 63);
      schemas.push(schema);
      const location = new URL(url);
      location.searchParams.set('schema', schema);
      return location.toString();
    },
    async cleanup() {
      if (schemas.length === 0) return;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const schema of schemas.splice(0)) await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

export function backends(): Backend[] {
  return PG_URL ? [sqliteBackend(), postgresBackend(PG_URL)] : [sqliteBackend()];
}

/**
 * Run a block of store tests once per backend (`sqlite: title`, `postgres: title`); without RASAD_PG_URL the
 * PostgreSQL run shows as one skipped test that says how to enable it.
 */
export function describeBackends(title: string, body: (backend: Backend) => void): void {
  describe.each(backends().map((b) => [b.name, b] as const))(`%s: ${title}`, (_name, backend) => {
    afterAll(() => backend.cleanup());
    body(backend);
  });
  if (!PG_URL) it.skip(PG_SKIP_MESSAGE, () => undefined);
}

/** A store's merged events as sorted lists of their reports: equal for two stores that merged alike. */
export async function mergeSignature(store: Store): Promise<string[]> {
  const merged = await store.mergedEvents({ withReports: true });
  return merged.map((m) => (m.reports ?? []).map((r) => `${r.doc}@${r.evidence.start}:${r.cameo}:${r.source?.id}>${r.target?.id}`).sort().join(' ')).sort();
}

/** Tests that only make sense on PostgreSQL (concurrent writers, outages): skipped with the how-to message without it. */
export function describePostgres(title: string, body: (url: string) => void): void {
  if (PG_URL) describe(`postgres: ${title}`, () => body(PG_URL));
  else describe.skip(PG_SKIP_MESSAGE, () => it('runs on PostgreSQL only', () => undefined));
}
