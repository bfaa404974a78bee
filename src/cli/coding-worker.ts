// A coding thread of the ingest pool (src/cli/coding-pool.ts): loads the lexicons once, then codes and annotates
// each article it is sent and posts back what storing reads of it, or the message of the error that stopped it.
import { parentPort, workerData } from 'node:worker_threads';
import { annotate } from '../corpus/annotate.js';
import type { Article, Document } from '../document.js';
import { loadResources } from '../lexicon/index.js';
import { createPipeline } from '../pipeline.js';
import type { StorableDocument } from '../store/store.js';
import type { CodingReply, CodingRequest, CodingSetup } from './coding-pool.js';

/** The document as the store reads it once annotated: the rest is what annotate() needed, and large. */
function forStoring(doc: Document): StorableDocument {
  return { ...doc, annotations: annotate(doc), norm: '', tokens: [], sentences: [], times: [], attributions: [] };
}

const port = parentPort;
if (!port) throw new Error('coding-worker runs as a worker thread');
const { budgetMs } = workerData as CodingSetup;
const pipeline = createPipeline(loadResources(), { budgetMs });
port.on('message', ({ seq, article }: CodingRequest & { article: Article }) => {
  let reply: CodingReply;
  try {
    reply = { seq, ok: true, doc: forStoring(pipeline.run(article)) };
  } catch (err) {
    reply = { seq, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
