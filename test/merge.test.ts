import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../src/cli/ingest.js';
import {
  blockOf,
  clusterComponent,
  clusterLinkClosed,
  clusterReports,
  componentsFrom,
  cueWeight,
  incompatible,
  linked,
  linkEdges,
  mayLink,
  mergeWindow,
  type MergeReport,
} from '../src/corpus/merge.js';
import type { Document } from '../src/document.js';
import { goldArticle, readGoldDir } from '../src/eval/gold.js';
import { createPipeline } from '../src/pipeline.js';
import { partnerProbes, type Probe, type Seed } from '../src/store/merge-candidates.js';
import { openStore } from '../src/store/store.js';
import { describeBackends, mergeSignature } from './backends.js';

const ROOT = join(import.meta.dirname, '..');

function report(key: string, over: Partial<MergeReport> = {}): MergeReport {
  return {
    key,
    article: key.split('/')[0] ?? key,
    sentence: Number(key.split('/')[1] ?? 0),
    source: 'JOR',
    target: 'EGY',
    code: '046',
    date: { value: '2022-06-14', precision: 'day', basis: 'text' },
    published: '2022-06-15',
    negated: false,
    hypothetical: false,
    cues: [],
    ...over,
  };
}

const undated = { value: null, precision: null, basis: 'none' } as const;

describe('merge rules', () => {
  it('links reports of one dyad, root and day across articles, and keeps apart what the rules forbid', () => {
    const en = report('en/0');
    expect(linked(en, report('ar/0'))).toBe(true);
    // Same article, same sentence: two events, whatever else agrees.
    expect(incompatible(report('ar/3'), report('ar/3', { code: '042' }))).toBe(true);
    // Another root, another day, negated, or the wrong direction for a one-sided act.
    expect(linked(en, report('ar/0', { code: '111' }))).toBe(false);
    expect(linked(en, report('ar/0', { date: { value: '2022-06-20', precision: 'day', basis: 'text' } }))).toBe(false);
    expect(linked(en, report('ar/0', { negated: true }))).toBe(false);
    expect(linked(report('a/0', { code: '112' }), report('b/0', { code: '112', source: 'EGY', target: 'JOR' }))).toBe(false);
  });

  it('lets a mutual act be told in either order across articles, but not inside one article', () => {
    const reversed = { source: 'EGY', target: 'JOR' };
    expect(linked(report('en/0'), report('ar/0', reversed))).toBe(true);
    expect(incompatible(report('en/0', { code: '036' }), report('en/1', { code: '036', ...reversed }))).toBe(true);
  });

  it('accepts a date inside a coarser one and asks undated reports for supporting cues', () => {
    expect(linked(report('a/0'), report('b/0', { date: { value: '2022-06', precision: 'month', basis: 'text' } }))).toBe(true);
    expect(linked(report('a/0', { date: undated }), report('b/0', { date: undated, code: '040' }))).toBe(false);
    const cues = ['c:energy', 'n:12'];
    expect(linked(report('a/0', { date: undated, code: '040', cues }), report('b/0', { date: undated, code: '040', cues }))).toBe(true);
  });

  it('needs more evidence for sibling codes than for one code under another', () => {
    const month = { value: '2022-06', precision: 'month', basis: 'text' } as const;
    expect(linked(report('a/0', { code: '040', date: month }), report('b/0', { code: '042', date: month }))).toBe(false);
    expect(linked(report('a/0', { code: '041', date: month }), report('b/0', { code: '046', date: month }))).toBe(false);
    expect(linked(report('a/0', { code: '040' }), report('b/0', { code: '042' }))).toBe(true);
  });

  it('never puts two reports of one sentence together, even when a third report links to both', () => {
    const x = report('a/1', { cues: ['p:safadi'] });
    const y = report('a/1', { key: 'a/1b', cues: ['p:shoukry'] });
    const z = report('b/0', { cues: ['p:safadi', 'p:shoukry'] });
    const clusters = clusterReports([x, y, z]);
    expect(clusters).toHaveLength(2);
    expect(clusters.find((c) => c.includes(x))).not.toContain(y);
  });
});

/** A pool with chains, conflicts and several blocks, so that order could matter if the algorithm let it. */
function pool(): MergeReport[] {
  const out: MergeReport[] = [];
  const days = ['2022-06-14', '2022-06-15'];
  for (let a = 0; a < 6; a++) {
    for (let s = 0; s < 2; s++) {
      out.push(
        report(`art${a}/${s}`, {
          key: `art${a}/${s}/x`,
          code: s === 0 ? '046' : a % 2 === 0 ? '042' : '040',
          date: a % 3 === 2 ? undated : { value: days[a % 2] as string, precision: 'day', basis: 'text' },
          cues: a % 3 === 2 ? ['c:energy', 'n:14', 'p:safadi'] : ['p:safadi'],
        }),
      );
    }
    // A second report from sentence 0: it may never join the first one.
    out.push(report(`art${a}/0`, { key: `art${a}/0/z`, code: '043', cues: ['p:safadi'] }));
    out.push(report(`art${a}/5`, { key: `art${a}/5/y`, source: 'IRN', target: 'QAT', code: '057', date: { value: '2015-10', precision: 'month', basis: 'text' } }));
  }
  return out;
}

function signature(clusters: MergeReport[][]): string[] {
  return clusters.map((c) => c.map((r) => r.key).sort().join(' ')).sort();
}

/** The store's incremental step, without the store: each batch re-clusters only the components it touches. */
function incremental(batches: MergeReport[][]): MergeReport[][] {
  let clusters: MergeReport[][] = [];
  const seen: MergeReport[] = [];
  for (const batch of batches) {
    seen.push(...batch);
    for (const block of new Set(batch.map(blockOf))) {
      const blockPool = seen.filter((r) => blockOf(r) === block);
      for (const component of componentsFrom(batch.filter((r) => blockOf(r) === block), blockPool)) {
        const members = new Set(component);
        clusters = [...clusters.filter((c) => !c.some((r) => members.has(r))), ...clusterComponent(component)];
      }
    }
  }
  return clusters;
}

describe('ingest order', () => {
  const reference = signature(clusterReports(pool()));

  it('gives the same events for every order of the reports', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(pool(), { minLength: pool().length, maxLength: pool().length }), (shuffled) => {
        expect(signature(clusterReports(shuffled))).toEqual(reference);
      }),
      { numRuns: 200 },
    );
  });

  it('gives, batch by batch, the events that clustering everything at once gives', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(pool(), { minLength: pool().length, maxLength: pool().length }), fc.integer({ min: 1, max: 5 }), (shuffled, size) => {
        const batches: MergeReport[][] = [];
        for (let i = 0; i < shuffled.length; i += size) batches.push(shuffled.slice(i, i + size));
        expect(signature(incremental(batches))).toEqual(reference);
      }),
      { numRuns: 200 },
    );
    // The pool really has something to merge and something to keep apart.
    expect(reference.length).toBeGreaterThan(3);
    expect(reference.some((c) => c.split(' ').length > 2)).toBe(true);
    expect(reference.some((c) => c.includes('art0/0/x') && !c.includes('art0/0/z'))).toBe(true);
  });
});

/** Random reports of one dyad and root, with every kind of date and cue, so that any shortcut would show. */
const arbitraryReport = fc
  .record({
    article: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    sentence: fc.integer({ min: 0, max: 3 }),
    reversed: fc.boolean(),
    code: fc.constantFrom('040', '042', '043', '046', '041', '036'),
    date: fc.constantFrom<[string | null, MergeReport['date']['precision']]>(
      ['2022-06-14', 'day'], ['2022-06-15', 'day'], ['2022-06-18', 'day'], ['2022-07-20', 'day'], ['2022-06', 'month'],
      ['2022', 'year'], ['2021-12-31', 'day'], ['2023-01-02', 'day'], ['2021', 'year'], [null, null], ['2022-06-14', null],
    ),
    basis: fc.constantFrom<MergeReport['date']['basis'][]>('text', 'relative', 'anaphoric', 'published', 'none'),
    negated: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    cues: fc.subarray(['a:USA', 'c:energy', 'g:DOH', 'n:12', 'p:safadi', 'w:gas_field', 'z:unweighted']),
  })
  .map((x): Omit<MergeReport, 'key'> => ({
    article: x.article,
    sentence: x.sentence,
    source: x.reversed ? 'EGY' : 'JOR',
    target: x.reversed ? 'JOR' : 'EGY',
    code: x.code,
    date: { value: x.date[0], precision: x.date[1], basis: x.basis },
    published: null,
    negated: x.negated,
    hypothetical: false,
    cues: [...x.cues].sort(),
  }));

const arbitraryPool = fc.array(arbitraryReport, { minLength: 1, maxLength: 80, size: 'max' }).map((list) => list.map((r, i) => ({ ...r, key: `${r.article}/${String(i).padStart(3, '0')}` })));

function sharedWeight(a: MergeReport, b: MergeReport): number {
  return a.cues.filter((c) => b.cues.includes(c)).reduce((sum, c) => sum + cueWeight(c), 0);
}

describe('where links can be', () => {
  it('finds every linked pair without comparing every pair', () => {
    fc.assert(
      fc.property(arbitraryPool, (reports) => {
        const all: string[] = [];
        for (let i = 0; i < reports.length; i++) for (let j = i + 1; j < reports.length; j++) if (linked(reports[i] as MergeReport, reports[j] as MergeReport)) all.push(`${i}-${j}`);
        expect(linkEdges(reports).map((e) => `${e.i}-${e.j}`).sort()).toEqual(all.sort());
      }),
      { numRuns: 300 },
    );
  });

  it('never rules out a linked pair from its windows and shared cues alone', () => {
    fc.assert(
      fc.property(arbitraryReport, arbitraryReport, fc.boolean(), (x, y, sameCues) => {
        const a = { ...x, key: 'a' };
        const b = { ...y, key: 'b', cues: sameCues ? x.cues : y.cues };
        if (linked(a, b)) expect(mayLink(mergeWindow(a.date), mergeWindow(b.date), sharedWeight(a, b))).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });

  it('puts every partner a report links with inside one of its store probes', () => {
    const seedOf = (r: MergeReport): Seed => ({ id: 0, block: blockOf(r), window: mergeWindow(r.date), precision: r.date.precision, cues: r.cues });
    const inRange = (p: Probe, w: ReturnType<typeof mergeWindow>): boolean => p.kind === w.kind && p.from <= w.first && w.first <= p.to;
    fc.assert(
      fc.property(arbitraryReport, arbitraryReport, fc.boolean(), (x, y, sameCues) => {
        const a = { ...x, key: 'a' };
        const b = { ...y, key: 'b', cues: sameCues ? x.cues : y.cues };
        if (!linked(a, b)) return;
        const probes = partnerProbes(seedOf(a));
        const w = mergeWindow(b.date);
        const found = probes.cueless.some((p) => inRange(p, w)) || (probes.cue.some((p) => b.cues.includes(p.cue ?? '') && inRange(p, w)) && mayLink(mergeWindow(a.date), w, sharedWeight(a, b)));
        expect(found).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });

  it('clusters a link-closed set as clustering its blocks does, and names its components', () => {
    fc.assert(
      fc.property(arbitraryPool, (reports) => {
        const { components, events } = clusterLinkClosed(reports);
        expect(signature(events)).toEqual(signature(clusterReports(reports)));
        expect(signature(components)).toEqual(signature(componentsFrom(reports, reports)));
      }),
      { numRuns: 200 },
    );
  });
});

let coded: Document[] | undefined;

/** The merge fixtures and the dev gold articles, coded once for every backend. */
function codedDocs(): Document[] {
  const pipeline = createPipeline();
  const inputs = [...readGoldDir(join(ROOT, 'eval', 'merge')), ...readGoldDir(join(ROOT, '..', 'shared', 'eval', 'dev'))];
  return (coded ??= inputs.map((i) => pipeline.run(goldArticle(i))));
}

describeBackends('merging in the store', (backend) => {
  let docs: Document[];
  const locations = new Map<string, string>();

  beforeAll(() => {
    docs = codedDocs();
  });

  async function ingestInOrder(name: string, order: Document[], batch: number): Promise<string[]> {
    const location = backend.fresh(name);
    locations.set(name, location);
    const store = await openStore(location);
    try {
      for (let i = 0; i < order.length; i += batch) await store.saveDocuments(order.slice(i, i + batch));
      return await mergeSignature(store);
    } finally {
      await store.close();
    }
  }

  it('merges an Arabic and an English report of the same talks into one event', async () => {
    const store = await openStore(backend.fresh('pair'));
    try {
      const summary = await ingestPaths(store, [join(ROOT, 'test', 'fixtures', 'merge')]);
      expect(summary.stored).toBe(2);
      const [talks] = await store.mergedEvents({ dyad: ['JOR', 'EGY'], code: '046' });
      expect(talks).toMatchObject({ cameo: '046', counts: { articles: 2, outlets: 2 }, langs: ['ar', 'en'], date: { value: '2022-06-14', precision: 'day' } });
      const full = await store.mergedEvent(talks?.id ?? -1);
      expect(full?.reports?.map((r) => r.lang).sort()).toEqual(['ar', 'en']);
      expect(await store.mergedIdOfReport(full?.reports?.[0]?.id ?? -1)).toBe(talks?.id);
      expect(await store.mergedEvents({ dyad: ['JOR', 'EGY'], outlet: 'nile wire' })).not.toHaveLength(0);
      expect(await store.mergedEvents({ dyad: ['JOR', 'EGY'], outlet: 'Nowhere Times' })).toHaveLength(0);
      expect((await store.mergedEvents({ minArticles: 2 })).every((m) => m.counts.articles >= 2)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('ends with the same events whatever order and batches the articles come in, and a rebuild agrees', async () => {
    const shuffle = (seed: number): Document[] => {
      let s = seed;
      const random = (): number => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      return [...docs].map((d) => ({ d, k: random() })).sort((a, b) => a.k - b.k).map((x) => x.d);
    };
    const forward = await ingestInOrder('forward', docs, 4);
    expect(forward.some((c) => c.split(' ').length >= 3)).toBe(true);
    expect(await ingestInOrder('reverse', [...docs].reverse(), 1)).toEqual(forward);
    expect(await ingestInOrder('shuffled', shuffle(7), 5)).toEqual(forward);
    const store = await openStore(locations.get('forward') ?? '');
    try {
      await store.remerge();
      expect(await mergeSignature(store)).toEqual(forward);
    } finally {
      await store.close();
    }
  });
});
