// Everything a server needs, opened from a database path: the store, the extra reads, the coder, actor names.
import { loadResources } from '../lexicon/index.js';
import { createPipeline } from '../pipeline.js';
import { openStore, StoreError } from '../store/store.js';
import { loadActorDirectory } from './actor-directory.js';
import type { AccessConfig } from './auth.js';
import { createContext, type ServerContext } from './context.js';
import { ServerReads } from './reads.js';

export async function openServerContext(db: string, access: AccessConfig): Promise<ServerContext> {
  // The extra reads open their own connection, which an in-memory database would not share.
  if (db === ':memory:') throw new StoreError('rasad serve needs a database file, not :memory:');
  if (!access.readsOpen && access.token === null) throw new StoreError('closing reads needs a token (--token or RASAD_TOKEN)');
  const store = await openStore(db);
  let reads: ServerReads;
  try {
    reads = ServerReads.open(db);
  } catch (err) {
    await store.close();
    throw new StoreError(`cannot open database ${db}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const resources = loadResources();
  return createContext({ store, reads, pipeline: createPipeline(resources), cameo: resources.cameo, directory: loadActorDirectory(), access });
}

export async function closeServerContext(ctx: ServerContext): Promise<void> {
  await Promise.all([ctx.reads.close(), ctx.store.close()]);
}
