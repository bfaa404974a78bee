// The relations graph in a time window: actors as nodes with centrality and communities (src/corpus/graph.ts),
// dyads as edges weighted by events and signed by their cooperation/conflict balance.
import type { FastifyInstance } from 'fastify';
import { buildRelationsGraph, type RelationEdge } from '../../corpus/graph.js';
import type { ReportEdge } from '../../store/api-queries.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import { addRoute } from '../route.js';
import { GraphBody, GraphQuery } from '../schemas.js';

/** A dyad over reports in the shape the graph takes (its press is its reports: each comes from one article). */
function asRelation(ctx: ServerContext, e: ReportEdge): RelationEdge {
  return { ...e, aName: ctx.directory.names(e.a).name, bName: ctx.directory.names(e.b).name, articles: e.events, sign: e.balance > 0 ? 1 : e.balance < 0 ? -1 : 0 };
}

/** The busiest edges of the window: over merged events (one per real event) or over reports. */
async function edgesOf(ctx: ServerContext, view: 'reports' | 'merged', window: { from?: string; to?: string }, limit: number): Promise<RelationEdge[]> {
  if (view === 'merged') return (await ctx.store.relations(window)).slice(0, limit);
  return (await ctx.store.reportEdges(window, limit)).map((e) => asRelation(ctx, e));
}

export function register(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/graph',
    summary: 'Actors (with centrality and communities) and dyads with events overlapping [from, to], the busiest edges first',
    tags: ['graph'],
    access: 'read',
    query: GraphQuery,
    response: GraphBody,
    handler: async ({ query }) => {
      const { from, to, limit, view } = query;
      if (from && to && from > to) throw new HttpError(400, `query.from ${from} is after query.to ${to}`);
      const [body, months] = await Promise.all([
        ctx.cache.get(`graph:${view}:${from ?? ''}:${to ?? ''}:${limit}`, async () => {
          const { nodes, edges, communities } = buildRelationsGraph(await edgesOf(ctx, view, { from, to }, limit));
          return {
            nodes: nodes.map(({ id, events, degree, weightedDegree, betweenness, eigenvector, community }) => {
              const names = ctx.directory.names(id);
              return { id, name: names.name, nameAr: names.ar[0] ?? null, events, degree, weightedDegree, betweenness, eigenvector, community };
            }),
            edges: edges.map(({ a, b, events, goldstein, cooperation, conflict, balance }) => ({ a, b, events, goldstein, cooperation, conflict, balance })),
            communities: { count: communities.count, modularity: communities.modularity },
          };
        }),
        ctx.cache.get('months', () => ctx.store.eventMonths()),
      ]);
      return { from: from ?? null, to: to ?? null, months, ...body };
    },
  });
}
