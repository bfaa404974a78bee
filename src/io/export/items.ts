// What an export reads: merged events or single reports, page by page in id order (keyset paging), so the
// store is never asked for everything at once.
import type { MergedEventRecord } from '../../corpus/records.js';
import type { MergedFilter } from '../../store/corpus-queries.js';
import type { ExportReport, ReportScan } from '../../store/export-queries.js';
import type { Store } from '../../store/store.js';

export const PAGE_SIZE = 500;

export interface MergedItem {
  event: MergedEventRecord;
  /** Its reports, when they were asked for (GDELT needs their urls and sentences); otherwise empty. */
  reports: ExportReport[];
}

/** Reports per merged page: a page of events never has more than this many reports in practice. */
const REPORTS_OF_PAGE = 1_000_000;

export async function* mergedItems(store: Store, filter: MergedFilter, options: { withReports?: boolean; pageSize?: number } = {}): AsyncGenerator<MergedItem> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  let left = filter.limit ?? Number.POSITIVE_INFINITY;
  let afterId = 0;
  while (left > 0) {
    const events = await store.mergedEvents({ ...filter, offset: undefined, withReports: false, afterId, limit: Math.min(pageSize, left) });
    if (events.length === 0) return;
    const byEvent = new Map<number, ExportReport[]>();
    if (options.withReports) {
      for (const r of await store.reportScan({ mergedIds: events.map((e) => e.id), limit: REPORTS_OF_PAGE })) {
        if (r.merged_id === null) continue;
        const list = byEvent.get(r.merged_id);
        if (list) list.push(r);
        else byEvent.set(r.merged_id, [r]);
      }
    }
    for (const event of events) yield { event, reports: byEvent.get(event.id) ?? [] };
    left -= events.length;
    afterId = events[events.length - 1]?.id ?? afterId;
    if (events.length < pageSize) return;
  }
}

export async function* reportItems(store: Store, scan: Omit<ReportScan, 'afterId' | 'limit'> & { limit?: number }, pageSize = PAGE_SIZE): AsyncGenerator<ExportReport> {
  let left = scan.limit ?? Number.POSITIVE_INFINITY;
  let afterId = 0;
  while (left > 0) {
    const reports = await store.reportScan({ ...scan, afterId, limit: Math.min(pageSize, left) });
    yield* reports;
    left -= reports.length;
    afterId = reports[reports.length - 1]?.id ?? afterId;
    if (reports.length < pageSize) return;
  }
}

export async function* mapItems<T, U>(items: AsyncIterable<T>, f: (item: T) => U): AsyncGenerator<U> {
  for await (const item of items) yield f(item);
}
