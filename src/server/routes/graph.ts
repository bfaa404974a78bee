// The relations graph in a time window: actors as nodes, dyads as edges weighted by events and signed by balance.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import { addRoute } from '../route.js';
import { GraphBody, GraphQuery, type GraphEdge } from '../schemas.js';

/** Edges over merged events (the corpus layer's relations network), busiest first. */
async function mergedEdges(ctx: ServerContext, window: { from?: string; to?: string }, limit: number): Promise<GraphEdge[]> {
  const relations = await ctx.store.relations(window);
  return relations.slice(0, limit).map(({ a, b, events, goldstein, cooperation, conflict, balance }) => ({ a, b, events, goldstein, cooperation, conflict, balance }));
}

export function register(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(app, ctx.access, {
    method: 'GET',
    url: '/api/graph',
    summary: 'Actors and dyads with events overlapping [from, to], the busiest edges first',
    tags: ['graph'],
    access: 'read',
    query: GraphQuery,
    response: GraphBody,
    handler: async ({ query }) => {
      const { from, to, limit, view } = query;
      if (from && to && from > to) throw new HttpError(400, `query.from ${from} is after query.to ${to}`);
      const [edges, months] = await Promise.all([
        ctx.cache.get(`graph:${view}:${from ?? ''}:${to ?? ''}:${limit}`, () => (view === 'merged' ? mergedEdges(ctx, { from, to }, limit) : ctx.reads.graphEdges({ from, to }, limit))),
        ctx.cache.get('months', () => ctx.reads.months()),
      ]);
      const volume = new Map<string, number>();
      for (const e of edges) for (const id of [e.a, e.b]) volume.set(id, (volume.get(id) ?? 0) + e.events);
      const nodes = [...volume.entries()].map(([id, events]) => {
        const names = ctx.directory.names(id);
        return { id, name: names.name, nameAr: names.ar[0] ?? null, events };
      });
      return { from: from ?? null, to: to ?? null, months, nodes, edges };
    },
  });
}
