// What a store holds, read with plain SQL beside the CLI processes under test: how many articles, and per article
// how many rows of each kind hang off it. A half-written or twice-written article shows up as a difference from a
// run that was never disturbed.
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { parsePostgresUrl } from '../src/store/postgres.js';
import type { Backend } from './backends.js';

/** A read-only SQL connection to a store. */
export interface Probe {
  rows<T>(query: string): Promise<T[]>;
  close(): Promise<void>;
}

export async function probe(backend: Backend, location: string): Promise<Probe> {
  if (backend.name === 'sqlite') {
    const db = new BetterSqlite3(location, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return { rows: async <T>(q: string) => db.prepare(q).all() as T[], close: async () => void db.close() };
  }
  const { connectionString, schema } = parsePostgresUrl(location);
  const client = new pg.Client({ connectionString, ...(schema === null ? {} : { options: `-c search_path=${schema}` }) });
  await client.connect();
  return { rows: async <T>(q: string) => (await client.query(q)).rows as T[], close: () => client.end() };
}

/** Articles stored so far, or -1 while the database or its tables do not exist yet. */
export async function storedCount(backend: Backend, location: string): Promise<number> {
  let p: Probe | null = null;
  try {
    p = await probe(backend, location);
    const [row] = await p.rows<{ n: number | string }>('select count(*) as n from articles');
    return Number(row?.n ?? -1);
  } catch {
    return -1;
  } finally {
    await p?.close().catch(() => undefined);
  }
}

export interface ArticleShape {
  hash: string;
  mentions: number;
  events: number;
  reports: number;
  merged: number;
  framing: number;
}

export interface StoreShape {
  articles: ArticleShape[];
  mergedEvents: number;
  mergedReports: number;
  /** Rows whose parent is missing: events without their article, merge rows without their event or merged event. */
  orphans: number;
}

export async function shapes(backend: Backend, location: string): Promise<StoreShape> {
  const p = await probe(backend, location);
  try {
    const articles = await p.rows<ArticleShape>(`
      select a.hash,
        (select count(*) from mentions m where m.article_id = a.id) as mentions,
        (select count(*) from events e where e.article_id = a.id) as events,
        (select count(*) from merge_reports r join events e on e.id = r.event_id where e.article_id = a.id) as reports,
        (select count(*) from merge_reports r join events e on e.id = r.event_id where e.article_id = a.id and r.merged_id is not null) as merged,
        (select count(*) from framing f where f.article_id = a.id) as framing
      from articles a order by a.hash`);
    const [merged] = await p.rows<{ n: number; reports: number }>('select count(*) as n, coalesce(sum(reports), 0) as reports from merged_events');
    const [orphans] = await p.rows<{ n: number }>(`
      select (select count(*) from events e where not exists (select 1 from articles a where a.id = e.article_id))
           + (select count(*) from merge_reports r where not exists (select 1 from events e where e.id = r.event_id))
           + (select count(*) from merge_reports r where r.merged_id is not null and not exists (select 1 from merged_events g where g.id = r.merged_id)) as n`);
    const num = (v: unknown): number => Number(v);
    return {
      articles: articles.map((a) => ({ hash: a.hash, mentions: num(a.mentions), events: num(a.events), reports: num(a.reports), merged: num(a.merged), framing: num(a.framing) })),
      mergedEvents: num(merged?.n),
      mergedReports: num(merged?.reports),
      orphans: num(orphans?.n),
    };
  } finally {
    await p.close();
  }
}
