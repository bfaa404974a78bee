import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../src/lexicon/index.js';
import { actorAt, loadPeople } from '../src/lexicon/people.js';

const people = loadPeople(DEFAULT_DATA_DIR);
const get = (id: string) => {
  const p = people.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p;
};

describe('people data', () => {
  it('loads with valid tenures', () => {
    expect(people.length).toBeGreaterThan(5);
    for (const p of people)
      for (const t of p.tenures) {
        expect(t.actor.id).toMatch(/^([A-Z]{3}|ORG:[A-Z_]+)$/);
        if (t.to) expect(t.from <= t.to).toBe(true);
      }
  });
  it('has no two holders of one office in one state at once', () => {
    const all = people.flatMap((p) => p.tenures.map((t) => ({ p: p.id, ...t })));
    for (const a of all)
      for (const b of all)
        if (a.p < b.p && a.actor.id === b.actor.id && a.office === b.office)
          expect(a.from < (b.to ?? '9999') && b.from < (a.to ?? '9999'), `${a.p}/${b.p}`).toBe(false);
  });
});

describe('actorAt', () => {
  it('inside, outside, partial and null dates', () => {
    const k = get('khatami-mohammad');
    expect(actorAt(k, '1999-05-10').role).toBe('GOV');
    expect(actorAt(k, '2019')).toMatchObject({ id: 'IRN', cameo: 'IRN', role: null });
    expect(actorAt(k, '2005-08').role).toBe('GOV'); // partial month overlaps the last days
    expect(actorAt(k, null).role).toBe('GOV');
  });
});
