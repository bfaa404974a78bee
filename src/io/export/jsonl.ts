// JSON Lines: one record a line, as `rasad events` prints them (merged events) or with the report's id,
// merged event, outlet, url, sentence and tone (reports).
import type { ExportReport } from '../../store/export-queries.js';
import type { MergedItem } from './items.js';

export async function* mergedJsonl(items: AsyncIterable<MergedItem>): AsyncGenerator<string> {
  for await (const { event } of items) yield `${JSON.stringify(event)}\n`;
}

export async function* reportJsonl(reports: AsyncIterable<ExportReport>): AsyncGenerator<string> {
  for await (const r of reports) yield `${JSON.stringify(r)}\n`;
}
