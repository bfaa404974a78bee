// GET /api/health: is the server up, how much does it hold, and what may a caller do.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { addRoute } from '../route.js';
import { Health } from '../schemas.js';

export function register(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/health',
    summary: 'Server status and access rules',
    tags: ['health'],
    access: 'public',
    response: Health,
    handler: async () => ({ ok: true, articles: await ctx.store.articleCount(), writes: ctx.access.token !== null, readsOpen: ctx.access.readsOpen }),
  });
}
