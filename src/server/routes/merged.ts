// Merged events: one per real-world event, however many articles report it (src/corpus/merge.ts), with their
// reports; filters as for reports, plus corroboration (minArticles) and attributed claims.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import { addRoute } from '../route.js';
import { EventParams, MergedDetail, MergedPage, MergedQuery } from '../schemas.js';

export function register(app: FastifyInstance, ctx: ServerContext): void {
  const tags = ['merged events'];
  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/merged-events',
    summary: 'Merged events matching the filters, oldest first, paged',
    tags,
    access: 'read',
    query: MergedQuery,
    response: MergedPage,
    handler: async ({ query }) => {
      if (query.from && query.to && query.from > query.to) throw new HttpError(400, `query.from ${query.from} is after query.to ${query.to}`);
      return { limit: query.limit, offset: query.offset, items: await ctx.store.mergedEvents(query) };
    },
  });

  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/merged-events/:id',
    summary: 'One merged event with all its reports',
    tags,
    access: 'read',
    params: EventParams,
    response: MergedDetail,
    handler: async ({ params }) => {
      const merged = await ctx.store.mergedEvent(params.id);
      if (!merged) throw new HttpError(404, `no merged event ${params.id}`);
      return merged;
    },
  });
}
