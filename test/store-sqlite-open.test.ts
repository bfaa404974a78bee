import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/store.js';

const dir = mkdtempSync(join(tmpdir(), 'rasad-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('opening a new SQLite file from several connections at once', () => {
  it('migrates it once, and every connection can use it', async () => {
    const path = join(dir, 'race.db');
    const stores = await Promise.all([1, 2, 3, 4, 5, 6].map(() => openStore(path)));
    try {
      for (const store of stores) expect(await store.articles()).toEqual([]);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
