// A page of event reports with the number of matches. The count depends only on the filter, not on the page,
// so it is kept until the data changes: paging through a result counts it once. Each page says where the next one
// starts (`next`), so a client pages by key instead of by an ever larger offset.
import { reportPosition, type ReportQuery } from '../store/api-queries.js';
import type { ServerContext } from './context.js';
import { reportCursor, type ReportCursor } from './cursor.js';
import { HttpError } from './errors.js';
import type { EventPage } from './schemas.js';

export async function eventPage(ctx: ServerContext, query: Omit<ReportQuery, 'after'>, cursor?: ReportCursor): Promise<EventPage> {
  const { order: _order, limit, offset, ...filter } = query;
  const order = query.order ?? 'desc';
  if (cursor && offset > 0) throw new HttpError(400, 'query.offset: cannot be combined with query.cursor (the cursor says where the page starts)');
  if (cursor && cursor.order !== order) throw new HttpError(400, `query.cursor: belongs to pages in order=${cursor.order}, not order=${order}`);
  // One row more than the page tells whether there is a next page.
  const page: ReportQuery = { ...query, limit: limit + 1, ...(cursor && { after: { date: cursor.date, id: cursor.id } }) };
  const [rows, count] = await Promise.all([ctx.store.reportPage(page), ctx.cache.get(`count:${JSON.stringify(filter)}`, () => ctx.store.reportCount(filter))]);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const next = rows.length > limit && last ? reportCursor(order, reportPosition(last)) : null;
  return { total: count.total, totalCapped: count.capped, limit, offset, next, items };
}
