// Answers that change only when the data does (a dyad's periods, the graph, the actor search index), kept until
// the store's data version moves: any commit, by this server or another process (an ingest running beside it).
export interface ReadCache {
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export function createReadCache(dataVersion: () => Promise<string>, size = 512): ReadCache {
  const entries = new Map<string, Promise<unknown>>();
  let version: string | null = null;
  return {
    async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const now = await dataVersion();
      if (now !== version) {
        entries.clear();
        version = now;
      }
      const hit = entries.get(key) as Promise<T> | undefined;
      if (hit) {
        entries.delete(key); // re-inserted: most recently used last
        entries.set(key, hit);
        return hit;
      }
      const value = compute();
      if (entries.size >= size) entries.delete(entries.keys().next().value ?? '');
      entries.set(key, value);
      // A failed computation is not kept.
      value.catch(() => entries.delete(key));
      return value;
    },
  };
}
