// One export, from filters to text: picks the reader (merged events or reports) and the writer for a format.
// Rows stream page by page; the graph formats keep one running total per dyad and write the graph at the end.
import { buildRelationsGraph } from '../../corpus/graph.js';
import { RelationAccumulator, type EdgeEvent } from '../../corpus/relation-edges.js';
import type { MergedFilter } from '../../store/corpus-queries.js';
import type { ExportReport, ReportScan } from '../../store/export-queries.js';
import type { Store } from '../../store/store.js';
import { mergedCsv, reportCsv } from './csv.js';
import { gdeltFromMerged, gdeltFromReport, gdeltRows } from './gdelt.js';
import { loadActorCodeTables } from './gdelt-actor.js';
import { gexfDocument } from './gexf.js';
import { graphmlDocument } from './graphml.js';
import { mapItems, mergedItems, reportItems, type MergedItem } from './items.js';
import { mergedJsonl, reportJsonl } from './jsonl.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'gdelt', 'graphml', 'gexf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportRequest =
  | { view: 'merged'; format: ExportFormat; filter: MergedFilter; seed?: number }
  | { view: 'reports'; format: ExportFormat; filter: Omit<ReportScan, 'afterId' | 'limit'> & { limit?: number }; seed?: number };

function mergedEdge({ event: e }: MergedItem): EdgeEvent {
  return { source: e.source, target: e.target, quad: e.quad, goldstein: e.goldstein, negated: e.negated, articles: e.counts.articles };
}

function reportEdge(r: ExportReport): EdgeEvent {
  return { source: r.source, target: r.target, quad: r.quad, goldstein: r.goldstein, negated: r.negated, articles: 1 };
}

async function* graphDocument(edges: AsyncIterable<EdgeEvent>, format: 'graphml' | 'gexf', seed: number | undefined): AsyncGenerator<string> {
  const acc = new RelationAccumulator();
  for await (const e of edges) acc.add(e);
  const graph = buildRelationsGraph(acc.result(), { seed });
  yield* format === 'graphml' ? graphmlDocument(graph) : gexfDocument(graph);
}

export function exportChunks(store: Store, req: ExportRequest): AsyncIterable<string> {
  const { format, seed } = req;
  if (req.view === 'merged') {
    const items = mergedItems(store, req.filter, { withReports: format === 'gdelt' });
    if (format === 'jsonl') return mergedJsonl(items);
    if (format === 'csv') return mergedCsv(items);
    if (format === 'gdelt') return gdeltRows(mapItems(items, gdeltFromMerged), loadActorCodeTables());
    return graphDocument(mapItems(items, mergedEdge), format, seed);
  }
  const reports = reportItems(store, req.filter);
  if (format === 'jsonl') return reportJsonl(reports);
  if (format === 'csv') return reportCsv(reports);
  if (format === 'gdelt') return gdeltRows(mapItems(reports, gdeltFromReport), loadActorCodeTables());
  return graphDocument(mapItems(reports, reportEdge), format, seed);
}
