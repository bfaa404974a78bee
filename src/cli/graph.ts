// `rasad graph`: the relations network in a time window over merged events, with centrality and communities
// (src/corpus/graph.ts), as tables, JSON, GraphML or GEXF (both open in Gephi).
import { InvalidArgumentError, type Command } from 'commander';
import { buildRelationsGraph, windowAround, type RelationsGraph } from '../corpus/graph.js';
import { gexfDocument } from '../io/export/gexf.js';
import { graphmlDocument } from '../io/export/graphml.js';
import { writeExport, type Chunks } from '../io/export/sink.js';
import { openStore } from '../store/store.js';
import { parseDateOption, parseFormat, parseLimitOption } from './events.js';
import { renderTable, signed } from './format.js';
import { dbOption } from './db-option.js';

const parseGraphFormat = parseFormat(['table', 'json', 'graphml', 'gexf'] as const);
type GraphFormat = ReturnType<typeof parseGraphFormat>;

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return n;
}

export interface GraphWindow {
  from?: string;
  to?: string;
}

function windowText(w: GraphWindow): string {
  return w.from || w.to ? `${w.from ?? '…'} .. ${w.to ?? '…'}` : 'all dates (undated events included)';
}

export function renderGraphTables(g: RelationsGraph, window: GraphWindow, top: number): string {
  if (g.nodes.length === 0) return `no dyads with merged events in ${windowText(window)}\n`;
  const { count, modularity } = g.communities;
  const head = `${g.nodes.length} actors, ${g.edges.length} dyads, ${count} communities (Louvain, modularity ${modularity ?? '-'}) in ${windowText(window)}\n`;
  const nodes = renderTable(
    ['actor', 'name', 'events', 'partners', 'degree', 'betweenness', 'eigenvector', 'community'],
    g.nodes.slice(0, top).map((n) => [n.id, n.name, String(n.weightedDegree), String(g.graph.degree(n.id)), n.degree.toFixed(3), n.betweenness.toFixed(3), n.eigenvector === null ? '-' : n.eigenvector.toFixed(3), String(n.community)]),
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const edges = renderTable(
    ['a', 'b', 'events', 'articles', 'goldstein', 'coop', 'conflict', 'balance'],
    g.edges.slice(0, top).map((e) => [e.a, e.b, String(e.events), String(e.articles), signed(e.goldstein), String(e.cooperation), String(e.conflict), e.balance.toFixed(2)]),
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const more = (n: number, what: string) => (n > top ? `(${n - top} more ${what}; --top N)\n` : '');
  return `${head}\nactors (events = weighted degree; degree and betweenness normalised 0..1)\n${nodes}${more(g.nodes.length, 'actors')}\ndyads (balance = (coop - conflict) / events)\n${edges}${more(g.edges.length, 'dyads')}`;
}

export function graphJson(g: RelationsGraph, window: GraphWindow): string {
  return `${JSON.stringify({ window: { from: window.from ?? null, to: window.to ?? null }, communities: g.communities, nodes: g.nodes, edges: g.edges }, null, 2)}\n`;
}

function output(g: RelationsGraph, window: GraphWindow, format: GraphFormat, top: number): Chunks {
  if (format === 'graphml') return graphmlDocument(g);
  if (format === 'gexf') return gexfDocument(g, `Rasad relations network, ${windowText(window)}`);
  return [format === 'json' ? graphJson(g, window) : renderGraphTables(g, window, top)];
}

interface GraphOptions {
  db: string;
  at?: string;
  span: number;
  from?: string;
  to?: string;
  format: GraphFormat;
  seed: number;
  top: number;
  out?: string;
}

/** --at DATE is the window DATE ± --span months; it cannot be combined with --from/--to. */
export function graphWindow(opts: Pick<GraphOptions, 'at' | 'span' | 'from' | 'to'>): GraphWindow {
  if (opts.at !== undefined) {
    if (opts.from || opts.to) throw new Error('--at gives the window itself: use either --at DATE [--span N] or --from/--to');
    const around = windowAround(opts.at, opts.span);
    if (around === null) throw new Error(`--at ${opts.at} is not a date`);
    return around;
  }
  if (opts.from && opts.to && opts.from > opts.to) throw new Error(`--from ${opts.from} is after --to ${opts.to}`);
  return { from: opts.from, to: opts.to };
}

export function register(command: Command): void {
  command
    .addOption(dbOption())
    .option('--at <date>', 'window around a date: DATE minus --span months to DATE plus --span months', parseDateOption)
    .option('--span <months>', 'half-width of the --at window in months', parseLimitOption, 6)
    .option('--from <date>', 'events on or after this date', parseDateOption)
    .option('--to <date>', 'events on or before this date', parseDateOption)
    .option('--format <format>', 'table, json, graphml or gexf', parseGraphFormat, 'table' as const)
    .option('--seed <n>', "seed of Louvain's random source (same seed, same communities)", parseSeed, 1)
    .option('--top <n>', 'rows of each table', parseLimitOption, 20)
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: GraphOptions) => {
      const window = graphWindow(opts);
      const store = await openStore(opts.db, { mustExist: true });
      try {
        const graph = buildRelationsGraph(await store.relations(window), { seed: opts.seed });
        await writeExport(opts.out, output(graph, window, opts.format, opts.top));
      } finally {
        await store.close();
      }
    });
}
