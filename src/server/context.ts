// What every route handler works with: the store, the extra reads, the coder, actor names and search.
import type { CameoTable } from '../lexicon/cameo.js';
import type { Pipeline } from '../pipeline.js';
import type { Store } from '../store/store.js';
import type { ActorDirectory } from './actor-directory.js';
import { createActorSearch, type ActorSearch } from './actor-search.js';
import type { AccessConfig } from './auth.js';
import { createReadCache, type ReadCache } from './cache.js';
import type { ServerReads } from './reads.js';

export interface ServerContext {
  store: Store;
  reads: ServerReads;
  pipeline: Pipeline;
  cameo: CameoTable;
  directory: ActorDirectory;
  access: AccessConfig;
  /** Answers kept until the data changes. */
  cache: ReadCache;
  /** The actor search index, built on first use and again after the data changes. */
  actorSearch(): Promise<ActorSearch>;
  /** Call after a write through the server: cached answers are computed again on next use. */
  changed(): void;
}

export function createContext(parts: Omit<ServerContext, 'actorSearch' | 'changed' | 'cache'>): ServerContext {
  const cache = createReadCache(() => parts.reads.dataVersion());
  return {
    ...parts,
    cache,
    actorSearch: () =>
      cache.get('actor-search', async () => {
        const [forms, counts] = await Promise.all([parts.reads.mentionForms(), parts.reads.eventCounts()]);
        return createActorSearch(parts.directory, forms, counts);
      }),
    changed: () => cache.clear(),
  };
}
