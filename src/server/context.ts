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
  /** Serialised GET answers by URL, kept until the data changes (apart from `cache`: big, so fewer of them). */
  responses: ReadCache;
  /** The actor search index, built on first use and again after the data changes. */
  actorSearch(): Promise<ActorSearch>;
}

const RESPONSES_KEPT = 256;

export function createContext(parts: Omit<ServerContext, 'actorSearch' | 'cache' | 'responses'>): ServerContext {
  const { store } = parts;
  const dataVersion = (): Promise<string> => store.dataVersion();
  const cache = createReadCache(dataVersion);
  return {
    ...parts,
    cache,
    responses: createReadCache(dataVersion, RESPONSES_KEPT),
    actorSearch: () =>
      cache.get('actor-search', async () => {
        const [forms, counts] = await Promise.all([store.actorNameForms(), store.actorEventCounts()]);
        return createActorSearch(parts.directory, forms, counts);
      }),
  };
}
