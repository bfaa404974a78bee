// The relations network as a graph: actors are nodes, dyads are undirected edges weighted by their merged
// events and signed by their cooperation/conflict balance. Centrality comes from graphology-metrics and
// communities from Louvain with a seeded random source, so the same edges always give the same communities.
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import eigenvectorModule from 'graphology-metrics/centrality/eigenvector.js';
import { dateRange } from '../io/published.js';
import type { RelationEdge } from '../store/corpus-queries.js';
import { compareEdges } from './relation-edges.js';

export type { RelationEdge };

/**
 * These packages assign `module.exports = fn` while their typings declare `export default fn`, so under NodeNext
 * TypeScript types the default import as `{ default: fn }`; at run time it is `fn` itself. Take whichever is there.
 */
function cjsDefault<T>(imported: { default: T }): T {
  return (imported as { default?: T }).default ?? (imported as unknown as T);
}

const louvain = cjsDefault(louvainModule);
const betweennessCentrality = cjsDefault(betweennessModule);
const eigenvectorCentrality = cjsDefault(eigenvectorModule);

export interface NodeAttributes {
  name: string;
  /** Events on the actor's edges (an event counts once for each of its two actors). */
  events: number;
  articles: number;
  /** Partners / (nodes - 1), 0..1. */
  degree: number;
  /** Events summed over the actor's edges. */
  weightedDegree: number;
  /** Share of shortest paths (in hops) through the actor, normalised 0..1. */
  betweenness: number;
  /** Eigenvector centrality with events as weights; null when the power iteration does not settle. */
  eigenvector: number | null;
  /** Louvain community, numbered from 0 by size (largest first). */
  community: number;
}

export type EdgeAttributes = Omit<RelationEdge, 'a' | 'b' | 'aName' | 'bName'> & { weight: number };

export interface RelationsNode extends NodeAttributes {
  id: string;
}

export interface RelationsGraph {
  graph: UndirectedGraph<NodeAttributes, EdgeAttributes>;
  /** Most weighted degree first, then id. */
  nodes: RelationsNode[];
  /** The input edges, busiest first, then by pair. */
  edges: RelationEdge[];
  communities: { count: number; modularity: number | null; seed: number };
}

export interface GraphOptions {
  /** Seed of Louvain's random source (default 1). */
  seed?: number;
  /** Louvain resolution: above 1 gives more, smaller communities (default 1). */
  resolution?: number;
}

/** mulberry32: a small seeded generator, enough to make Louvain's node order reproducible. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function round(n: number, places = 4): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

function eigenvectorOf(graph: UndirectedGraph<NodeAttributes, EdgeAttributes>): Record<string, number> | null {
  try {
    return eigenvectorCentrality(graph, { getEdgeWeight: 'weight', maxIterations: 1000 });
  } catch {
    return null;
  }
}

/** Number communities by size, largest first (ties by their smallest node id), so labels do not depend on Louvain's. */
function renumber(raw: Record<string, number>): Map<string, number> {
  const members = new Map<number, string[]>();
  for (const [node, c] of Object.entries(raw)) members.set(c, [...(members.get(c) ?? []), node]);
  const order = [...members.values()].map((m) => m.sort()).sort((x, y) => y.length - x.length || ((x[0] ?? '') < (y[0] ?? '') ? -1 : 1));
  const out = new Map<string, number>();
  order.forEach((m, i) => m.forEach((node) => out.set(node, i)));
  return out;
}

/** Build the graph of the given dyads with centrality and communities on every node. */
export function buildRelationsGraph(input: readonly RelationEdge[], options: GraphOptions = {}): RelationsGraph {
  const seed = options.seed ?? 1;
  const edges = input
    .filter((e) => e.a !== e.b && e.events > 0)
    .map((e) => (e.a < e.b ? e : { ...e, a: e.b, b: e.a, aName: e.bName, bName: e.aName }))
    .sort(compareEdges);
  const graph = new UndirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });
  const blank = (name: string): NodeAttributes => ({ name, events: 0, articles: 0, degree: 0, weightedDegree: 0, betweenness: 0, eigenvector: null, community: 0 });
  // Nodes go in by id so every algorithm walks them in the same order.
  const names = new Map<string, string>();
  for (const e of edges) {
    if (!names.has(e.a)) names.set(e.a, e.aName);
    if (!names.has(e.b)) names.set(e.b, e.bName);
  }
  for (const id of [...names.keys()].sort()) graph.addNode(id, blank(names.get(id) ?? id));
  for (const { a, b, aName: _a, bName: _b, ...attrs } of edges) {
    graph.addUndirectedEdgeWithKey(`${a}|${b}`, a, b, { ...attrs, weight: attrs.events });
    for (const id of [a, b]) {
      graph.updateNodeAttribute(id, 'events', (n) => (n ?? 0) + attrs.events);
      graph.updateNodeAttribute(id, 'articles', (n) => (n ?? 0) + attrs.articles);
    }
  }

  const others = Math.max(1, graph.order - 1);
  // (graphology's Brandes index cannot be built over an empty graph)
  const betweenness = graph.order > 0 ? betweennessCentrality(graph, { normalized: true, getEdgeWeight: null }) : {};
  const eigenvector = eigenvectorOf(graph);
  const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seededRandom(seed), resolution: options.resolution ?? 1 });
  const community = renumber(detailed.communities);
  graph.forEachNode((id, attrs) => {
    graph.mergeNodeAttributes(id, {
      degree: round(graph.degree(id) / others),
      weightedDegree: attrs.events,
      betweenness: round(betweenness[id] ?? 0),
      eigenvector: eigenvector ? round(eigenvector[id] ?? 0) : null,
      community: community.get(id) ?? 0,
    });
  });

  const nodes = graph
    .mapNodes((id, attrs): RelationsNode => ({ id, ...attrs }))
    .sort((x, y) => y.weightedDegree - x.weightedDegree || (x.id < y.id ? -1 : 1));
  const modularity = Number.isFinite(detailed.modularity) ? round(detailed.modularity) : null;
  return { graph, nodes, edges, communities: { count: new Set(community.values()).size, modularity, seed } };
}

function shiftMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1 + months, 1));
  // Clamp the day to the target month's length (31 March - 1 month = 28/29 February).
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(d ?? 1, last));
  return date.toISOString().slice(0, 10);
}

/**
 * The window `--at DATE` stands for: `months` before the first day DATE covers to `months` after its last
 * (2015-10 with 6 months: 2015-04-01 .. 2016-04-30). Null when DATE is not a date.
 */
export function windowAround(date: string, months = 6): { from: string; to: string } | null {
  const range = dateRange(date);
  if (range === null) return null;
  return { from: shiftMonths(range.first, -months), to: shiftMonths(range.last, months) };
}
