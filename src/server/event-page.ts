// A page of event reports with the number of matches. The count depends only on the filter, not on the page,
// so it is kept until the data changes: paging through a result counts it once.
import type { ReportQuery } from '../store/api-queries.js';
import type { ServerContext } from './context.js';
import type { EventPage } from './schemas.js';

export async function eventPage(ctx: ServerContext, query: ReportQuery): Promise<EventPage> {
  const { order: _order, limit, offset, ...filter } = query;
  const [items, count] = await Promise.all([ctx.store.reportPage(query), ctx.cache.get(`count:${JSON.stringify(filter)}`, () => ctx.store.reportCount(filter))]);
  return { total: count.total, totalCapped: count.capped, limit, offset, items };
}
