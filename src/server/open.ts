// Everything a server needs, opened from a database location (a SQLite file or a postgres:// URL): the store,
// the coder, actor names.
import { loadResources } from '../lexicon/index.js';
import { createPipeline } from '../pipeline.js';
import { openStore, StoreError } from '../store/store.js';
import { loadActorDirectory } from './actor-directory.js';
import type { AccessConfig } from './auth.js';
import { createContext, type ServerContext } from './context.js';

export async function openServerContext(db: string, access: AccessConfig): Promise<ServerContext> {
  if (!access.readsOpen && access.token === null) throw new StoreError('closing reads needs a token (--token or RASAD_TOKEN)');
  const store = await openStore(db);
  const resources = loadResources();
  return createContext({ store, pipeline: createPipeline(resources), cameo: resources.cameo, directory: loadActorDirectory(), access });
}

export async function closeServerContext(ctx: ServerContext): Promise<void> {
  await ctx.store.close();
}
