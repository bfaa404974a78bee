import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compilePeople } from '../src/actors/people-phrases.js';
import { compileActorTables } from '../src/lexicon/actors.js';
import { cachedCompile } from '../src/lexicon/cache.js';
import { loadEventLexicon } from '../src/lexicon/events.js';
import { DEFAULT_DATA_DIR } from '../src/lexicon/index.js';
import { loadPeople } from '../src/lexicon/people.js';

describe('lexicon start-up cache', () => {
  let base: string;
  let data: string;
  let code: string;
  let cache: string;
  const saved = process.env.RASAD_CACHE_DIR;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'rasad-cache-test-'));
    data = join(base, 'data');
    code = join(base, 'dist');
    cache = join(base, 'cache');
    for (const dir of [join(data, 'actors'), code]) mkdirSync(dir, { recursive: true });
    writeFileSync(join(data, 'actors', 'states.json'), '["Qatar"]');
    writeFileSync(join(code, 'pipeline.js'), 'export {};');
    process.env.RASAD_CACHE_DIR = cache;
  });

  afterEach(() => {
    if (saved === undefined) delete process.env.RASAD_CACHE_DIR;
    else process.env.RASAD_CACHE_DIR = saved;
    rmSync(base, { recursive: true, force: true });
  });

  const compiler = (): { calls: number; compile: () => { shared: { id: string }; byKey: Map<string, { id: string }>; keys: Set<string> } } => {
    const counter = {
      calls: 0,
      compile: () => {
        counter.calls++;
        const shared = { id: 'QAT' };
        return { shared, byKey: new Map([['qatar', shared], ['doha', shared]]), keys: new Set(['qatar', 'doha']) };
      },
    };
    return counter;
  };

  it('compiles once, then reads the same value back, shared objects still shared', () => {
    const c = compiler();
    const first = cachedCompile(data, c.compile, code);
    const second = cachedCompile(data, c.compile, code);
    expect(c.calls).toBe(1);
    expect(second).toEqual(first);
    expect(second.byKey.get('qatar')).toBe(second.byKey.get('doha'));
    expect(second.byKey.get('qatar')).toBe(second.shared);
    expect(readdirSync(cache).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
  });

  it('compiles again when a data file or the code changes, and keeps only the newest cache file', () => {
    const c = compiler();
    cachedCompile(data, c.compile, code);
    writeFileSync(join(data, 'actors', 'states.json'), '["Qatar","Oman"]');
    cachedCompile(data, c.compile, code);
    expect(c.calls).toBe(2);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(code, 'pipeline.js'), later, later);
    cachedCompile(data, c.compile, code);
    expect(c.calls).toBe(3);
    cachedCompile(data, c.compile, code);
    expect(c.calls).toBe(3);
    expect(readdirSync(cache).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
  });

  it('compiles when the cache file is damaged, and never caches outside a compiled package', () => {
    const c = compiler();
    cachedCompile(data, c.compile, code);
    const [file] = readdirSync(cache);
    writeFileSync(join(cache, file as string), 'not a cache');
    expect(cachedCompile(data, c.compile, code).keys.has('doha')).toBe(true);
    expect(c.calls).toBe(2);
    cachedCompile(data, c.compile, null);
    cachedCompile(data, c.compile, null);
    expect(c.calls).toBe(4);
  });
});

describe('the real lexicons survive the cache', () => {
  it('round-trips the compiled tables, events and people without losing a field', () => {
    const people = loadPeople(DEFAULT_DATA_DIR);
    const compiled = { actors: compileActorTables(DEFAULT_DATA_DIR), events: loadEventLexicon(DEFAULT_DATA_DIR), people, names: compilePeople(people) };
    const back = deserialize(serialize(compiled)) as typeof compiled;
    expect(back.events.en).toEqual(compiled.events.en);
    expect(back.events.ar.byFirst.size).toBe(compiled.events.ar.byFirst.size);
    expect(back.actors).toEqual(compiled.actors);
    expect(back.people).toEqual(compiled.people);
    // A name table entry points at the very person of the list, as a freshly compiled one does.
    const [entry] = back.names.values();
    expect(back.people).toContain(entry?.[0]?.person);
  });
});
