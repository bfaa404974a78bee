// One page of a dyad's merged history. The store sums it in the database (dyadHistoryPage) without building a record
// for each of a busy dyad's merged events; its answers are kept (until the data changes) for a block of pages at a
// time, so paging on through the block costs nothing more.
import type { DyadHistoryPage, DyadHistoryQuery } from '../store/api-history.js';
import type { ServerContext } from './context.js';

/** Merged events fetched and kept per request to the store: four pages of the web app's 50. */
const BLOCK = 200;

export async function historyPage(ctx: ServerContext, a: string, b: string, query: DyadHistoryQuery): Promise<DyadHistoryPage> {
  const { by, limit, offset } = query;
  const start = offset - (offset % BLOCK);
  // A page across two blocks (an offset off the usual grid) is asked for as it is.
  if (offset + limit > start + BLOCK) return ctx.store.dyadHistoryPage(a, b, query);
  const block = await ctx.cache.get(`history:${a}:${b}:${by}:${start}`, () => ctx.store.dyadHistoryPage(a, b, { by, limit: BLOCK, offset: start }));
  return { ...block, events: { total: block.events.total, items: block.events.items.slice(offset - start, offset - start + limit) } };
}
