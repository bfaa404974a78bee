// One page of a dyad's merged history. A store that sums it in the database (dyadHistoryPage) answers a first visit
// without building a record for each of a busy dyad's merged events; another store gives the whole history, kept
// until the data changes and sliced here.
import type { DyadHistoryPage, DyadHistoryQuery } from '../store/api-history.js';
import type { Store } from '../store/store.js';
import type { ServerContext } from './context.js';

interface HistoryPages {
  dyadHistoryPage(a: string, b: string, query: DyadHistoryQuery): Promise<DyadHistoryPage>;
}

export async function historyPage(ctx: ServerContext, a: string, b: string, query: DyadHistoryQuery): Promise<DyadHistoryPage> {
  const store: Store = ctx.store;
  // Looked up, not narrowed by a type guard: this compiles whether or not the Store interface declares the method.
  const paged = (store as Partial<HistoryPages>).dyadHistoryPage;
  if (typeof paged === 'function') return paged.call(store, a, b, query);
  const { events, ...history } = await ctx.cache.get(`history:${a}:${b}:${query.by}`, () => store.dyadHistory(a, b, { by: query.by }));
  return { ...history, events: { total: events.length, items: events.slice(query.offset, query.offset + query.limit) } };
}
