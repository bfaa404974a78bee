// `npm run bench:scale`: N generated articles through `rasad ingest` into SQLite (one process), then through
// `rasad enqueue` + 1, 2 and 4 `rasad worker` processes into PostgreSQL: articles/s, peak RSS per process, database
// size and dyad-query latency at that size. Every process is the real CLI, measured from outside.
// Env: RASAD_SCALE_N (1000000), RASAD_SCALE_WORDS (200), RASAD_SCALE_WORKERS (1,2,4), RASAD_SCALE_CONCURRENCY (2 jobs
// per worker), RASAD_SCALE_DIR (scratch space for the corpus and the SQLite file; default the system temp folder);
// the PostgreSQL runs need RASAD_PG_URL and RASAD_REDIS_URL (each run gets a schema and a queue of its own, dropped after).
import { spawn } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openQueue } from '../queue/queue.js';
import { openStore } from '../store/store.js';
import { writeCorpus } from './corpus.js';
import { envInt } from './env.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'rasad.js');
const TARGET_SQLITE_SECONDS_PER_MILLION = 3600;
const TARGET_PEAK_RSS_MB = 1024;

interface ProcessRun {
  seconds: number;
  /** Peak resident memory (VmHWM, sampled from /proc while it runs), MiB; null where /proc is missing. */
  peakRssMb: number | null;
  stdout: string;
}

function peakRss(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * CPU ms its main thread has used (the thread that reads, stores and merges; coding threads aside), from
 * /proc/PID/task/PID/stat in clock ticks (100 a second); null where /proc is missing.
 */
function mainThreadCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Run the CLI to its end; its peak RSS is the high-water mark last seen before it exits. */
function runCli(args: string[], onStart?: (pid: number) => void): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) onStart?.(child.pid);
    let stdout = '';
    let stderr = '';
    let peak: number | null = null;
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    // Kept for a failure; a healthy run's messages (a worker saying it started) would only clutter the table.
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const sample = setInterval(() => {
      const now = child.pid === undefined ? null : peakRss(child.pid);
      if (now !== null) peak = Math.max(peak ?? 0, now);
    }, 200);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`rasad ${args[0]} exited with ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakRssMb: peak, stdout });
    });
  });
}

interface Latency {
  dyad: string;
  events: number;
  /** Median ms: the busiest dyads (dyadSummary), a dyad's merged history (`rasad dyad`), its reports by month (the
   * API's dyad endpoint), all its reports (`rasad dyad --reports`). */
  summaryMs: number;
  historyMs: number;
  periodsMs: number;
  reportsMs: number;
}

const NO_LATENCY: Latency = { dyad: '-', events: 0, summaryMs: 0, historyMs: 0, periodsMs: 0, reportsMs: 0 };

async function medianMs(run: () => Promise<unknown>, times = 5): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)] ?? 0;
}

/** The dyad queries a user runs, on the busiest dyad in the store. */
async function dyadLatency(location: string): Promise<Latency> {
  const store = await openStore(location, { mustExist: true });
  try {
    const summaryMs = await medianMs(() => store.dyadSummary(10), 3);
    const [top] = await store.dyadSummary(1);
    if (!top) return NO_LATENCY;
    return {
      dyad: `${top.a}-${top.b}`,
      events: top.events,
      summaryMs,
      historyMs: await medianMs(() => store.dyadHistory(top.a, top.b)),
      periodsMs: await medianMs(() => store.reportPeriods(top.a, top.b, 'month')),
      reportsMs: await medianMs(() => store.dyad(top.a, top.b), 3),
    };
  } finally {
    await store.close();
  }
}

interface Row {
  run: string;
  processes: number;
  seconds: number;
  rate: number;
  /** Articles/s over the last quarter of the articles (SQLite ingest). */
  lastQuarterRate?: number;
  /** SQLite ingest: main-thread CPU ms per article over the first and the last fifth of the articles, and the
   * seconds from the last batch stored to the end (building deferred indexes, closing). */
  mainCpu?: { first: number | null; last: number | null; tailSeconds: number };
  peakRssMb: (number | null)[];
  dbMb: number;
  latency: Latency;
}

function fileMb(path: string): number {
  return [path, `${path}-wal`].reduce((sum, p) => sum + (existsSync(p) ? statSync(p).size : 0), 0) / 1024 / 1024;
}

async function schemaMb(url: string, schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ bytes: string | null }>(
      `select sum(pg_total_relation_size(c.oid)) as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r'`,
      [schema],
    );
    return Number(r.rows[0]?.bytes ?? 0) / 1024 / 1024;
  } finally {
    await client.end();
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists "${schema}" cascade`).finally(() => client.end());
}

/** Articles stored so far in a SQLite file being written (0 until its tables exist). */
function storedSoFar(path: string): number {
  if (!existsSync(path)) return 0;
  try {
    const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      return Number((db.prepare('select coalesce(max(id), 0) as n from articles').get() as { n: number }).n);
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/**
 * Articles/s while the last quarter of the articles went in: the sustained rate, start-up and an empty store aside.
 * Null when that took under a minute: batches commit hundreds of articles at once, so a short window says little.
 */
function lastQuarterRate(samples: Array<{ seconds: number; stored: number }>, n: number): number | null {
  const from = samples.find((s) => s.stored >= n * 0.75);
  const to = samples[samples.length - 1];
  if (!from || !to || to.seconds - from.seconds < 60) return null;
  return (to.stored - from.stored) / (to.seconds - from.seconds);
}

interface Sample {
  seconds: number;
  stored: number;
  cpuMs: number | null;
}

/**
 * Main-thread CPU ms per article stored between the first sample past `from` and the last one up to `to`, among the
 * samples until every article was stored (after that the thread builds indexes).
 */
function cpuPerArticle(samples: Sample[], from: number, to: number, n: number): number | null {
  const done = samples.findIndex((s) => s.stored >= n);
  const storing = done < 0 ? samples : samples.slice(0, done + 1);
  const a = storing.find((s) => s.stored >= from && s.cpuMs !== null);
  const b = [...storing].reverse().find((s) => s.stored <= to && s.cpuMs !== null);
  if (!a || !b || a.cpuMs === null || b.cpuMs === null || b.stored - a.stored < 1000) return null;
  return (b.cpuMs - a.cpuMs) / (b.stored - a.stored);
}

async function sqliteRun(corpus: string, dir: string, n: number): Promise<Row> {
  const db = join(dir, 'scale.db');
  const started = performance.now();
  const samples: Sample[] = [];
  let pid: number | null = null;
  const sampler = setInterval(() => {
    const stored = storedSoFar(db);
    samples.push({ seconds: (performance.now() - started) / 1000, stored, cpuMs: pid === null ? null : mainThreadCpuMs(pid) });
  }, 5000);
  const run = await runCli(['ingest', corpus, '--db', db], (p) => (pid = p)).finally(() => clearInterval(sampler));
  const lastStored = samples.find((s) => s.stored >= n)?.seconds ?? run.seconds;
  const mainCpu = { first: cpuPerArticle(samples, 0, n * 0.2, n), last: cpuPerArticle(samples, n * 0.8, n, n), tailSeconds: run.seconds - lastStored };
  samples.push({ seconds: run.seconds, stored: n, cpuMs: null });
  if (!run.stdout.includes(`stored: ${n}`)) throw new Error(`ingest did not store every article: ${run.stdout.trim()}`);
  const sustained = lastQuarterRate(samples, n);
  return {
    run: 'sqlite, ingest',
    processes: 1,
    seconds: run.seconds,
    rate: n / run.seconds,
    ...(sustained === null ? {} : { lastQuarterRate: sustained }),
    mainCpu,
    peakRssMb: [run.peakRssMb],
    dbMb: fileMb(db),
    latency: await dyadLatency(db),
  };
}

async function postgresRun(corpus: string, n: number, workers: number, concurrency: number, pgUrl: string, redisUrl: string): Promise<Row[]> {
  const tag = `rasad_scale_${process.pid}_${workers}`;
  const location = new URL(pgUrl);
  location.searchParams.set('schema', tag);
  const db = location.toString();
  const queue = await openQueue(redisUrl, tag);
  try {
    const fill = await runCli(['enqueue', corpus, '--redis', redisUrl, '--queue', tag]);
    const started = performance.now();
    const runs = await Promise.all(
      Array.from({ length: workers }, () => runCli(['worker', '--db', db, '--redis', redisUrl, '--queue', tag, '--concurrency', String(concurrency), '--until-empty'])),
    );
    const seconds = (performance.now() - started) / 1000;
    const stored = runs.reduce((sum, r) => sum + Number(/stored: (\d+)/.exec(r.stdout)?.[1] ?? 0), 0);
    if (stored !== n) throw new Error(`${workers} worker(s) stored ${stored} of ${n} articles`);
    return [
      { run: 'redis, enqueue', processes: 1, seconds: fill.seconds, rate: n / fill.seconds, peakRssMb: [fill.peakRssMb], dbMb: 0, latency: NO_LATENCY },
      { run: `postgres, ${workers} worker(s)`, processes: workers, seconds, rate: n / seconds, peakRssMb: runs.map((r) => r.peakRssMb), dbMb: await schemaMb(pgUrl, tag), latency: await dyadLatency(db) },
    ];
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await dropSchema(pgUrl, tag).catch(() => undefined);
  }
}

const fmt = (x: number, digits = 1): string => x.toFixed(digits);

const HEADER = 'run                      procs  seconds  articles/s  peak RSS MiB (each)  db MiB  busiest dyad (reports)  summary  history  periods  reports (ms)';

/** One line per run, printed as soon as the run ends (a long bench keeps what it measured if a later run fails). */
function printRow(r: Row): void {
  const rss = r.peakRssMb.map((x) => (x === null ? '?' : fmt(x, 0))).join(',');
  const l = r.latency;
  const dyad = l.events > 0 ? `${l.dyad} (${l.events})` : '-';
  const ms = l.events > 0 ? [l.summaryMs, l.historyMs, l.periodsMs, l.reportsMs].map((x) => fmt(x).padStart(8)).join(' ') : '';
  console.log(`${r.run.padEnd(24)} ${String(r.processes).padStart(5)} ${fmt(r.seconds).padStart(8)} ${fmt(r.rate).padStart(11)}  ${rss.padEnd(19)} ${fmt(r.dbMb).padStart(7)}  ${dyad.padEnd(22)} ${ms}`);
}

async function main(): Promise<void> {
  const n = envInt('RASAD_SCALE_N', 1_000_000);
  const words = envInt('RASAD_SCALE_WORDS', 200);
  const concurrency = envInt('RASAD_SCALE_CONCURRENCY', 2);
  const workerCounts = (process.env.RASAD_SCALE_WORKERS ?? '1,2,4').split(',').map((w) => {
    const k = Number(w);
    if (!Number.isInteger(k) || k < 1) throw new Error(`RASAD_SCALE_WORKERS must list whole numbers, got "${w}"`);
    return k;
  });
  const dir = mkdtempSync(join(process.env.RASAD_SCALE_DIR ?? tmpdir(), 'rasad-scale-'));
  console.log(`bench:scale: ${n} articles of ~${words} words; ${cpus().length} cores, load ${loadavg().map((l) => fmt(l, 2)).join(' ')}; scratch ${dir}`);
  try {
    const corpus = join(dir, 'corpus.jsonl');
    const written = await writeCorpus(corpus, { n, words, seed: 1 });
    console.log(`corpus: ${fmt(written.bytes / 1024 / 1024)} MiB of JSONL`);
    console.log(`\n${HEADER}`);
    const sqlite = await sqliteRun(corpus, dir, n);
    printRow(sqlite);
    rmSync(join(dir, 'scale.db'), { force: true });
    const rows: Row[] = [sqlite];
    const pgUrl = process.env.RASAD_PG_URL;
    const redisUrl = process.env.RASAD_REDIS_URL;
    if (pgUrl && redisUrl) {
      for (const workers of workerCounts) {
        const runs = await postgresRun(corpus, n, workers, concurrency, pgUrl, redisUrl);
        runs.forEach(printRow);
        rows.push(...runs);
      }
    } else {
      console.log('postgres: skipped; set RASAD_PG_URL=postgres://... and RASAD_REDIS_URL=redis://... to time the workers');
    }
    const cpu = sqlite.mainCpu;
    const ms = (x: number | null | undefined): string => (x === null || x === undefined ? '?' : fmt(x, 2));
    if (cpu) {
      console.log(
        `sqlite main thread (reads, stores, merges): ${ms(cpu.first)} ms CPU per article over the first fifth, ${ms(cpu.last)} over the last; ${fmt(cpu.tailSeconds)} s from the last batch to exit (deferred indexes built)`,
      );
    }
    const perMillion = (sqlite.seconds / n) * 1_000_000;
    const rss = sqlite.peakRssMb[0] ?? null;
    const sustained = sqlite.lastQuarterRate === undefined ? '' : `, ${fmt(sqlite.lastQuarterRate)} articles/s over the last quarter (target >= ${fmt(1_000_000 / TARGET_SQLITE_SECONDS_PER_MILLION, 0)})`;
    console.log(
      `\nsqlite: ${fmt(perMillion / 60)} min per million articles at this rate (target < ${TARGET_SQLITE_SECONDS_PER_MILLION / 60})${sustained}, peak RSS ${rss === null ? '?' : fmt(rss, 0)} MiB (target < ${TARGET_PEAK_RSS_MB})`,
    );
    const pgRates = rows.filter((r) => r.run.startsWith('postgres'));
    const one = pgRates.find((r) => r.processes === 1);
    if (one) console.log(`postgres scaling: ${pgRates.map((r) => `${r.processes} -> ${fmt(r.rate / one.rate, 2)}x`).join(', ')} (near-linear until the cores run out)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench:scale: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
