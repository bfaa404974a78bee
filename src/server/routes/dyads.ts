// Dyads: the busiest pairs, and one pair's history (as `rasad dyad`) with its events paged.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context.js';
import type { DyadPeriodRow } from '../reads.js';
import { addRoute } from '../route.js';
import { DyadBody, DyadList, DyadListQuery, DyadParams, DyadQuery } from '../schemas.js';

function totalOf(periods: DyadPeriodRow[]): Omit<DyadPeriodRow, 'period'> {
  const total: Omit<DyadPeriodRow, 'period'> = { events: 0, goldstein: 0, quad: [0, 0, 0, 0], aToB: 0, bToA: 0 };
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
  addRoute(app, ctx.access, {
    method: 'GET',
    url: '/api/dyads',
    summary: 'The dyads with the most events',
    tags,
    access: 'read',
    query: DyadListQuery,
    response: DyadList,
    handler: async ({ query }) => ({ items: await ctx.store.dyadSummary(query.limit) }),
  });

  addRoute(app, ctx.access, {
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
        ctx.cache.get(`dyad:${a}:${b}:${query.by}`, () => ctx.reads.dyadPeriods(a, b, query.by)),
        ctx.reads.events({ dyad: [a, b], limit: query.limit, offset: query.offset, order: 'asc' }),
      ]);
      return { a: ctx.directory.names(a), b: ctx.directory.names(b), by: query.by, periods, total: totalOf(periods), events };
    },
  });
}
