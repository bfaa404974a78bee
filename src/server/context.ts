// What every route handler works with: the store, the coder, actor names and search, and a cache of answers.
import type { CameoTable } from '../lexicon/cameo.js';
import type { Pipeline } from '../pipeline.js';
import type { Store } from '../store/store.js';
import type { ActorDirectory } from './actor-directory.js';
import { createActorSearch, type ActorSearch } from './actor-search.js';
import type { AccessConfig } from './auth.js';
import { createReadCache, type ReadCache } from './cache.js';

export interface ServerContext {
  store: Store;
  pipeline: Pipeline;
  cameo: CameoTable;
  directory: ActorDirectory;
  access: AccessConfig;
  /** Answers kept until the data changes. */
  cache: ReadCache;
  /** The actor search index, built on first use and again after the data changes. */
  actorSearch(): Promise<ActorSearch>;
}

export function createContext(parts: Omit<ServerContext, 'actorSearch' | 'cache'>): ServerContext {
  const { store } = parts;
  const cache = createReadCache(() => store.dataVersion());
  return {
    ...parts,
    cache,
    actorSearch: () =>
      cache.get('actor-search', async () => {
        const [forms, counts] = await Promise.all([store.actorNameForms(), store.actorEventCounts()]);
        return createActorSearch(parts.directory, forms, counts);
      }),
  };
}
