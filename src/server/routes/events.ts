// Events: filtered, paged reports; one report's evidence (its article, spans, and other reports of the event).
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { eventPage } from '../event-page.js';
import { HttpError } from '../errors.js';
import { dateSpan } from '../evidence.js';
import { addRoute } from '../route.js';
import { type ActorHit, EventPage, EventParams, EventsQuery, Evidence } from '../schemas.js';

const ACTORS_PER_QUERY = 5;

/** The actors a query names: those it names exactly, or else every actor whose name it begins. */
function searchedActors(hits: ActorHit[]): string[] {
  const exact = hits.filter((h) => h.exact);
  return (exact.length > 0 ? exact : hits).map((h) => h.id);
}

export function register(app: FastifyInstance, ctx: ServerContext): void {
  const tags = ['events'];
  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/events',
    summary: 'Event reports matching the filters, newest first (order=asc for oldest first), paged: pass back `next` as `cursor` for the next page',
    tags,
    access: 'read',
    query: EventsQuery,
    response: EventPage,
    handler: async ({ query }) => {
      const { from, to, q, cursor, ...filter } = query;
      if (from && to && from > to) throw new HttpError(400, `query.from ${from} is after query.to ${to}`);
      const actors = q === undefined ? undefined : searchedActors((await ctx.actorSearch()).search(q, ACTORS_PER_QUERY));
      return eventPage(ctx, { ...filter, from, to, actors }, cursor);
    },
  });

  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/events/:id',
    summary: "One report's evidence: the article text, the spans to highlight, the outlet, the attribution, other reports",
    tags,
    access: 'read',
    params: EventParams,
    response: Evidence,
    handler: async ({ params }) => {
      const [event] = await ctx.store.reportsByIds([params.id]);
      if (!event) throw new HttpError(404, `no event ${params.id}`);
      const article = await ctx.store.article(event.article);
      if (!article) throw new HttpError(404, `the article of event ${params.id} is gone`);
      const mergedId = await ctx.store.mergedIdOfReport(event.id);
      const found = mergedId === null ? null : await ctx.store.mergedEvent(mergedId);
      if (!found) return { event, article, dateSpan: dateSpan(article.text, event), merged: null, reports: [] };
      const { reports = [], ...merged } = found;
      const others = reports.map((r) => r.id).filter((id) => id !== event.id);
      return { event, article, dateSpan: dateSpan(article.text, event), merged, reports: await ctx.store.reportsByIds(others) };
    },
  });
}
