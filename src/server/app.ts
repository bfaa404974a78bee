// The HTTP server: the JSON API under /api, its OpenAPI document at /openapi.json with interactive docs at
// /docs, and the built web app (web/dist) at /.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerContext } from './context.js';
import { installErrorHandlers } from './errors.js';
import { register as articles } from './routes/articles.js';
import { register as actors } from './routes/actors.js';
import { register as reference } from './routes/reference.js';
import { register as code } from './routes/code.js';
import { register as dyads } from './routes/dyads.js';
import { register as events } from './routes/events.js';
import { register as graph } from './routes/graph.js';
import { register as health } from './routes/health.js';
import { register as merged } from './routes/merged.js';

/** web/dist at the package root, from src/server (tests) or dist/server (installed). */
export const DEFAULT_WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');
export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

/** The web app may load only its own scripts: even markup that slipped into the page could not run. */
const WEB_CSP = "default-src 'self'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export interface ServerOptions {
  bodyLimit?: number;
  /** Folder of the built web app; null serves none. */
  webRoot?: string | null;
  logger?: boolean | { level: string };
}

export async function buildServer(ctx: ServerContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, logger: options.logger ?? false });
  // Requests are validated by zod in each route (route.ts); responses go out as plain JSON.
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandlers(app);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Rasad API', version: '0.1.0', description: 'CAMEO events coded from Arabic and English news: articles, events, actors, dyads, graph.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const routes of [health, articles, events, merged, actors, dyads, graph, code, reference]) routes(app, ctx);

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  if (webRoot !== null && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      setHeaders: (reply) => {
        reply.header('Content-Security-Policy', WEB_CSP);
        reply.header('X-Content-Type-Options', 'nosniff');
      },
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('Rasad API: the web app is not built (run npm run build). API docs at /docs.\n'),
    );
  }
  return app;
}
