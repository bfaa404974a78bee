// Dyads: the busiest pairs; one pair's reports by period with its reports paged; its merged history (`rasad dyad`).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DyadPeriod, DyadTotals } from '../../store/store.js';
import type { ServerContext } from '../context.js';
import { eventPage } from '../event-page.js';
import { historyPage } from '../history-page.js';
import { addRoute } from '../route.js';
import { DyadBody, DyadHistoryBody, DyadList, DyadListQuery, DyadParams, DyadQuery, HistoryQuery } from '../schemas.js';

function totalOf(periods: DyadPeriod[]): DyadTotals {
  const total: DyadTotals = { events: 0, goldstein: 0, quad: [0, 0, 0, 0], aToB: 0, bToA: 0 };
  for (const p of periods) {
    total.events += p.events;
    total.goldstein = Math.round((total.goldstein + p.goldstein) * 100) / 100;
    p.quad.forEach((n, i) => (total.quad[i] = (total.quad[i] ?? 0) + n));
    total.aToB += p.aToB;
    total.bToA += p.bToA;
  }
  return total;
}

export function register(app: FastifyInstance, ctx: ServerContext): void {
  const tags = ['dyads'];
  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/dyads',
    summary: 'The dyads with the most events',
    tags,
    access: 'read',
    query: DyadListQuery,
    response: DyadList,
    handler: async ({ query }) => ({ items: await ctx.store.dyadSummary(query.limit) }),
  });

  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/dyads/:a/:b',
    summary: "A dyad's history: Goldstein sums and QuadClass counts by month or year, totals, and its events (oldest first, paged)",
    tags,
    access: 'read',
    params: DyadParams,
    query: DyadQuery,
    response: DyadBody,
    handler: async ({ params, query }): Promise<z.infer<typeof DyadBody>> => {
      const { a, b } = params;
      // The same counts as store.dyad (`rasad dyad`), aggregated in SQL: a busy dyad has thousands of reports.
      const [periods, events] = await Promise.all([
        ctx.cache.get(`dyad:${a}:${b}:${query.by}`, () => ctx.store.reportPeriods(a, b, query.by)),
        eventPage(ctx, { dyad: [a, b], limit: query.limit, offset: query.offset, order: 'asc' }, query.cursor),
      ]);
      return { a: ctx.directory.names(a), b: ctx.directory.names(b), by: query.by, periods, total: totalOf(periods), events };
    },
  });

  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/dyads/:a/:b/history',
    summary:
      "A dyad's merged events by month or year, as `rasad dyad` prints them: Goldstein sum and mean, QuadClass counts, balance, strongest evidence per period; first and last event; its merged events (oldest first, paged)",
    tags,
    access: 'read',
    params: DyadParams,
    query: HistoryQuery,
    response: DyadHistoryBody,
    handler: async ({ params, query }): Promise<DyadHistoryBody> => {
      const { a, b } = params;
      const history = await historyPage(ctx, a, b, { by: query.by, limit: query.limit, offset: query.offset });
      return {
        a: ctx.directory.names(a),
        b: ctx.directory.names(b),
        by: history.by,
        periods: history.periods,
        total: history.total,
        events: { total: history.events.total, limit: query.limit, offset: query.offset, items: history.events.items },
      };
    },
  });
}
