// GET /api/reference: the tables a client needs to name what it shows: CAMEO codes and actors in both languages.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { addRoute } from '../route.js';
import { Reference } from '../schemas.js';

export function register(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/reference',
    summary: 'CAMEO event codes (name, root, QuadClass, Goldstein) and actor names in Arabic and English',
    tags: ['reference'],
    access: 'public',
    response: Reference,
    usesStore: false,
    handler: async () => ({
      actors: ctx.directory.all().map(({ forms: _forms, ...names }) => names),
      cameo: ctx.cameo.codes().map(({ code, name, root, quad, goldstein }) => ({ code, name, root, quad, goldstein })),
    }),
  });
}
