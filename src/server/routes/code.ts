// POST /api/code: code a posted article and return its events; nothing is stored.
import type { FastifyInstance } from 'fastify';
import { eventRecords } from '../../output.js';
import { toArticle } from '../article-input.js';
import type { ServerContext } from '../context.js';
import { addRoute } from '../route.js';
import { ArticleInput, CodeResult } from '../schemas.js';

export function register(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(app, ctx, {
    method: 'POST',
    url: '/api/code',
    summary: 'Code an article without storing it (the text may start with front matter as in a .txt file)',
    tags: ['code'],
    access: 'read',
    usesStore: false,
    body: ArticleInput,
    response: CodeResult,
    handler: async ({ body }) => {
      const doc = ctx.pipeline.run(toArticle(body));
      return { lang: doc.lang, published: doc.meta.published, text: doc.text, events: eventRecords(doc) };
    },
  });
}
