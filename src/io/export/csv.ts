// CSV with a header line: the merged columns of `rasad events --format csv`, or the report columns with where
// each report is stored and which article told it.
import { csvLine, EVENT_CSV_HEADERS, eventCsvCells } from '../../cli/format.js';
import { MERGED_CSV_HEADERS, mergedCsvCells } from '../../corpus/formats.js';
import type { ExportReport } from '../../store/export-queries.js';
import type { MergedItem } from './items.js';

export const REPORT_CSV_HEADERS = ['id', 'merged_id', ...EVENT_CSV_HEADERS, 'outlet', 'lang', 'published', 'url', 'sentence', 'tone'];

export async function* mergedCsv(items: AsyncIterable<MergedItem>): AsyncGenerator<string> {
  yield csvLine(MERGED_CSV_HEADERS);
  for await (const { event } of items) yield csvLine(mergedCsvCells(event));
}

export async function* reportCsv(reports: AsyncIterable<ExportReport>): AsyncGenerator<string> {
  yield csvLine(REPORT_CSV_HEADERS);
  for await (const r of reports) yield csvLine([r.id, r.merged_id, ...eventCsvCells(r), r.outlet, r.lang, r.published, r.url, r.sentence, r.tone]);
}
