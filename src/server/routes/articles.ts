// Articles: list, one with its text and its events' spans, store a posted article, delete one.
import type { FastifyInstance } from 'fastify';
import { eventRecords } from '../../output.js';
import { contentHash } from '../../store/store.js';
import { toArticle } from '../article-input.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import { addRoute } from '../route.js';
import { articleCursor } from '../cursor.js';
import { ArticleDetail, ArticleInput, ArticleParams, ArticlePage, ArticlesQuery, DeleteResult, StoreResult } from '../schemas.js';

/** More reports than any article holds. */
const ARTICLE_EVENTS = 10_000;

export function register(app: FastifyInstance, ctx: ServerContext): void {
  const tags = ['articles'];
  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/articles',
    summary: 'Stored articles, newest first, paged: pass back `next` as `cursor` for the next page',
    tags,
    access: 'read',
    query: ArticlesQuery,
    response: ArticlePage,
    handler: async ({ query }) => {
      const { cursor, ...rest } = query;
      if (cursor && query.offset > 0) throw new HttpError(400, 'query.offset: cannot be combined with query.cursor (the cursor says where the page starts)');
      // One article more than the page tells whether there is a next page.
      const page = await ctx.store.articlePage({ ...rest, ...cursor, limit: query.limit + 1 });
      const items = page.items.slice(0, query.limit);
      const last = items[items.length - 1];
      const next = page.items.length > query.limit && last ? articleCursor(last.hash) : null;
      return { total: page.total, limit: query.limit, offset: query.offset, next, items };
    },
  });

  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/articles/:hash',
    summary: 'One article: its text and its events with their spans (offsets into the text)',
    tags,
    access: 'read',
    params: ArticleParams,
    response: ArticleDetail,
    handler: async ({ params }) => {
      const article = await ctx.store.article(params.hash);
      if (!article) throw new HttpError(404, `no article with hash ${params.hash}`);
      const events = await ctx.store.reportPage({ article: params.hash, order: 'asc', limit: ARTICLE_EVENTS, offset: 0 });
      // Reading order in the article, not date order.
      return { ...article, events: events.sort((x, y) => x.evidence.start - y.evidence.start || x.id - y.id) };
    },
  });

  addRoute(app, ctx, {
    method: 'POST',
    url: '/api/articles',
    summary: 'Code an article and store it (the same text twice is stored once)',
    tags,
    access: 'write',
    body: ArticleInput,
    response: StoreResult,
    status: 201,
    handler: async ({ body }, _req, reply) => {
      const article = toArticle(body);
      const hash = contentHash(article.text);
      if (await ctx.store.hasArticle(hash)) {
        reply.code(200);
        return { hash, stored: false, events: 0 };
      }
      const doc = ctx.pipeline.run(article);
      const saved = await ctx.store.saveDocuments([doc]);
      return { hash, stored: saved.stored > 0, events: saved.stored > 0 ? eventRecords(doc).length : 0 };
    },
  });

  addRoute(app, ctx, {
    method: 'DELETE',
    url: '/api/articles/:hash',
    summary: 'Delete an article with its mentions and events; the merged events it told are merged again from their other reports',
    tags,
    access: 'write',
    params: ArticleParams,
    response: DeleteResult,
    handler: async ({ params }) => {
      const deleted = await ctx.store.deleteArticle(params.hash);
      if (!deleted) throw new HttpError(404, `no article with hash ${params.hash}`);
      return { hash: params.hash, deleted };
    },
  });
}
