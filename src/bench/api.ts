// `npm run bench:api`: write a store of 100,000 synthetic events, start `rasad serve` on it in a child process
// on loopback, and load the events, dyad and dyad-history endpoints with autocannon from this process: requests/s and
// p50/p99 latency per endpoint, against a p99 target of 50 ms. Every run is bounded in time and stops itself.
// Env: RASAD_BENCH_API_EVENTS (100000), RASAD_BENCH_API_SECONDS (10 per endpoint and connection count),
// RASAD_BENCH_API_CONNECTIONS (1,8: one client alone, then eight at once),
// RASAD_BENCH_API_DB (a database file to keep and reuse across runs; default a temp file removed after the run),
// RASAD_BENCH_API_BIN (the rasad launcher to serve with, e.g. another build's, for before/after runs).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openStore } from '../store/store.js';
import { writeApiCorpus } from './api-corpus.js';
import { envInt } from './env.js';

const TARGET_P99_MS = 50;
const BIN = process.env['RASAD_BENCH_API_BIN'] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'rasad.js');

/** Start the server and resolve with its address once it says it is listening. */
function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error('the server did not start within 60 s'));
    }, 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? 'signal'}) before listening`));
    });
  });
}

/** CPU seconds (user + system) a process has used, from /proc; null where there is none. */
function cpuSeconds(pid: number | undefined): number | null {
  const stat = pid === undefined ? null : `/proc/${pid}/stat`;
  if (stat === null || !existsSync(stat)) return null;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
  const fields = readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Scenario {
  name: string;
  paths: string[];
  /** The paths the first-request figure visits (default all): not those the load must find uncached. */
  coldPaths?: string[];
  /** Each request takes the next path across all connections (autocannon otherwise walks the list per connection). */
  shared?: boolean;
  /** Instead of paths: each connection pages through lists as a client does, by the `next` cursor of each page. */
  chains?: () => autocannon.Request[];
}

/** A page's `next` cursor: the first one in the body is the page's own (it comes before the items). */
const NEXT = /"next":(?:null|"([A-Za-z0-9_-]+)")/;
/** Pages a connection follows before autocannon starts its request list again (and resets its context). */
const CHAIN_PAGES = 500;

interface ChainState {
  /** The list being paged: its first page's path. */
  list?: string;
  path?: string;
}

/**
 * Requests that page through lists by cursor: each connection takes a list no one has asked for (newList gives a
 * new one each call), follows `next` to its end, then takes another, so every request is a page never asked before.
 */
function pagingRequests(newList: () => string): autocannon.Request[] {
  const request: autocannon.Request = {
    method: 'GET',
    setupRequest: (req, context) => {
      const state = context as ChainState;
      if (state.path === undefined) state.path = state.list = newList();
      return { ...req, path: state.path };
    },
    onResponse: (_status, body, context) => {
      const state = context as ChainState;
      const next = NEXT.exec(body)?.[1];
      if (next && state.list) state.path = `${state.list}&cursor=${next}`;
      else state.path = state.list = newList();
    },
  };
  return Array.from({ length: CHAIN_PAGES }, () => request);
}

function requestsOf(s: Scenario): autocannon.Request[] {
  if (s.chains) return s.chains();
  if (!s.shared) return s.paths.map((path) => ({ method: 'GET', path }));
  let next = 0;
  return [{ method: 'GET', setupRequest: (req) => ({ ...req, path: s.paths[next++ % s.paths.length] ?? '/' }) }];
}

interface Row {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  bad: number;
  /** Server CPU per request: what a request costs when it need not queue for a core. */
  cpuMs: number | null;
  /** The slowest first request (nothing cached yet for it). */
  cold: number;
}

/** The slowest single request over the scenario's paths, each asked once: a first visit, before any cache holds it. */
async function coldMs(url: string, s: Scenario): Promise<number> {
  let worst = 0;
  for (const path of s.coldPaths ?? s.paths) {
    const t0 = performance.now();
    const res = await fetch(`${url}${path}`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    worst = Math.max(worst, performance.now() - t0);
  }
  return Math.round(worst * 10) / 10;
}

async function loadTest(url: string, s: Scenario, seconds: number, connections: number, server: ChildProcess): Promise<Row> {
  const cold = await coldMs(url, s);
  const cpu0 = cpuSeconds(server.pid);
  const result = await autocannon({ url, connections, duration: seconds, requests: requestsOf(s) });
  return {
    name: s.name,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
    cold,
    cpuMs: cpu0 === null || result.requests.total === 0 ? null : (((cpuSeconds(server.pid) ?? cpu0) - cpu0) * 1000) / result.requests.total,
  };
}

async function main(): Promise<void> {
  const events = envInt('RASAD_BENCH_API_EVENTS', 100_000);
  const seconds = envInt('RASAD_BENCH_API_SECONDS', 10);
  const connectionCounts = (process.env['RASAD_BENCH_API_CONNECTIONS'] ?? '1,8').split(',').map((c) => Number(c.trim()));
  if (connectionCounts.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('RASAD_BENCH_API_CONNECTIONS must list whole numbers, 1 or more: 1,8');
  const kept = process.env['RASAD_BENCH_API_DB'];
  const dir = mkdtempSync(join(tmpdir(), 'rasad-bench-api-'));
  const db = kept ?? join(dir, 'bench.db');
  let child: ChildProcess | undefined;
  try {
    const t0 = performance.now();
    const reuse = kept !== undefined && existsSync(kept);
    const store = await openStore(db);
    const written = reuse ? { events: (await store.events()).length, articles: 0 } : await writeApiCorpus(store, { events, eventsPerArticle: 20, seed: 1 });
    const top = await store.dyadSummary(200);
    await store.close();
    console.log(reuse ? `store: ${db} reused, ${written.events} events` : `store: ${written.events} events in ${written.articles} articles, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const server = await startServer(db);
    child = server.child;
    const busiest = top[0];
    const middle = top[Math.floor(top.length / 2)];
    if (!busiest || !middle) throw new Error('the bench store has no dyads');
    console.log(`dyads: busiest ${busiest.a}-${busiest.b} (${busiest.events} events), middle ${middle.a}-${middle.b} (${middle.events})`);
    const sample = top.filter((_, i) => i % 10 === 0).slice(0, 20);
    const scenarios: Scenario[] = [
      { name: 'GET /api/events (page 1, no filter)', paths: ['/api/events?limit=50'] },
      { name: 'GET /api/events?actor (20 actors)', paths: sample.map((d) => `/api/events?actor=${encodeURIComponent(d.a)}&limit=50`) },
      { name: 'GET /api/events?dyad&from&to', paths: sample.map((d, i) => `/api/events?dyad=${encodeURIComponent(`${d.a},${d.b}`)}&from=${2000 + i}&to=${2010 + i}&limit=50`) },
      { name: 'GET /api/events?root&lang&offset', paths: ['01', '04', '11', '19'].map((root, i) => `/api/events?root=${root}&lang=${i % 2 ? 'ar' : 'en'}&offset=${i * 100}&limit=50`) },
      { name: 'GET /api/dyads/{a}/{b} (20 dyads)', paths: sample.map((d) => `/api/dyads/${encodeURIComponent(d.a)}/${encodeURIComponent(d.b)}?limit=50`) },
      { name: `GET /api/dyads/{a}/{b} (busiest, ${busiest.events} events)`, paths: [`/api/dyads/${encodeURIComponent(busiest.a)}/${encodeURIComponent(busiest.b)}?limit=50`] },
      // The web app's dyad view: merged history by month.
      { name: 'GET /api/dyads/{a}/{b}/history (20 dyads)', paths: sample.map((d) => `/api/dyads/${encodeURIComponent(d.a)}/${encodeURIComponent(d.b)}/history?limit=50`) },
      { name: 'GET /api/dyads/{a}/{b}/history (busiest)', paths: [`/api/dyads/${encodeURIComponent(busiest.a)}/${encodeURIComponent(busiest.b)}/history?limit=50`] },
    ];
    // Every scenario above repeats a few URLs, so after the first visit it measures the server's answer cache. This one
    // asks a page never asked before on every request (distinct offsets per connection count): the cost of a miss.
    const page = (i: number, connections: number): string => `/api/events?limit=50&offset=${i * 17 + connections}`;
    const byOffset = (connections: number): Scenario => ({
      name: 'GET /api/events?offset (uncached, a new page each time)',
      paths: Array.from({ length: 5000 }, (_, i) => page(i, connections)),
      coldPaths: [page(5000, connections)],
      shared: true,
    });
    // What a client paging deep does: follow each page's cursor. Every list is new (a distinct start day, actor, root
    // and language), so no page is in the server's answer cache; the lists never repeat across runs.
    const days = 25 * 365;
    const dayOf = (k: number): string => new Date(Date.UTC(2000, 0, 1) + ((k * 2_731) % days) * 86_400_000).toISOString().slice(0, 10);
    const actors = [...new Set(top.flatMap((d) => [d.a, d.b]))];
    const roots = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0'));
    let eventLists = 0;
    const newEventList = (): string => {
      const k = eventLists++;
      const day = dayOf(k);
      const actor = encodeURIComponent(actors[k % actors.length] ?? 'USA');
      const root = roots[k % roots.length] ?? '01';
      return [`/api/events?limit=50&to=${day}`, `/api/events?limit=50&order=asc&actor=${actor}&from=${day}`, `/api/events?limit=50&root=${root}&lang=${k % 2 ? 'ar' : 'en'}&to=${day}`][k % 3] ?? '';
    };
    let dyadLists = 0;
    const newDyadList = (): string => {
      const k = dyadLists++;
      const d = top[k % top.length] ?? busiest;
      // A dyad's second round of lists asks another page size, so its URLs are new too.
      return `/api/dyads/${encodeURIComponent(d.a)}/${encodeURIComponent(d.b)}?by=${k % 2 ? 'year' : 'month'}&limit=${50 - Math.floor(k / top.length)}`;
    };
    const byCursor = (): Scenario => ({ name: 'GET /api/events?cursor (uncached, paging new lists)', paths: [], coldPaths: [newEventList()], chains: () => pagingRequests(newEventList) });
    const dyadByCursor = (): Scenario => ({ name: 'GET /api/dyads/{a}/{b}?cursor (uncached, paging new dyads)', paths: [], coldPaths: [newDyadList()], chains: () => pagingRequests(newDyadList) });
    // A dyad's history asked for the first time: a new dyad, period or page each time.
    const histories = (run: number): Scenario => {
      const paths = top.flatMap((d) =>
        ['month', 'year'].flatMap((by) => [0, 50, 100, 150, 200].map((offset) => `/api/dyads/${encodeURIComponent(d.a)}/${encodeURIComponent(d.b)}/history?by=${by}&offset=${offset}&limit=${50 - run}`)),
      );
      return { name: 'GET /api/dyads/{a}/{b}/history (uncached, a new dyad or page each time)', paths: paths.slice(1), coldPaths: paths.slice(0, 1), shared: true };
    };
    const uncached = (connections: number, run: number): Scenario[] => [byOffset(connections), byCursor(), dyadByCursor(), histories(run)];
    const rows: (Row & { connections: number })[] = [];
    const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' ');
    for (const [run, connections] of connectionCounts.entries()) {
      for (const s of [...scenarios, ...uncached(connections, run)]) {
        const row = await loadTest(server.url, s, seconds, connections, server.child);
        if (row.requests === 0) row.p99 = Number.POSITIVE_INFINITY; // nothing answered in time
        rows.push({ ...row, connections });
        console.log(`${connections} conn, ${row.name}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, server CPU ${row.cpuMs?.toFixed(2) ?? '?'} ms/req, first request ${row.cold} ms${row.bad > 0 ? `, ${row.bad} failed` : ''}`);
      }
    }
    // Latency on a shared machine is mostly queueing for a core: print the load the figures were taken under.
    const load = loadavg().map((l) => l.toFixed(1)).join(' ');
    console.log(`\n${seconds} s per endpoint and connection count, ${written.events} events, load average ${loadBefore} before, ${load} after; target p99 < ${TARGET_P99_MS} ms`);
    console.table(
      rows.map((r) => ({
        conn: r.connections,
        endpoint: r.name,
        'req/s': Math.round(r.rps),
        'p50 ms': r.p50,
        'p99 ms': r.p99,
        'CPU ms/req': r.cpuMs === null ? '?' : Number(r.cpuMs.toFixed(2)),
        'first ms': r.cold,
        failed: r.bad,
        'p99 target': r.p99 < TARGET_P99_MS ? 'met' : 'MISSED',
      })),
    );
    if (rows.some((r) => r.bad > 0)) process.exitCode = 1;
  } finally {
    child?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench:api: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
