// A coding thread of the ingest pool (src/cli/coding-pool.ts): loads the lexicons once, then codes each article it
// is sent and posts the Document back, or the message of the error that stopped it.
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../document.js';
import { loadResources } from '../lexicon/index.js';
import { createPipeline } from '../pipeline.js';
import type { CodingReply, CodingRequest, CodingSetup } from './coding-pool.js';

const port = parentPort;
if (!port) throw new Error('coding-worker runs as a worker thread');
const { budgetMs } = workerData as CodingSetup;
const pipeline = createPipeline(loadResources(), { budgetMs });
port.on('message', ({ seq, article }: CodingRequest & { article: Article }) => {
  let reply: CodingReply;
  try {
    reply = { seq, ok: true, doc: pipeline.run(article) };
  } catch (err) {
    reply = { seq, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
