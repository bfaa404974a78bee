import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../src/lexicon/index.js';
import { actorAt, loadPeople, nameKeys, nameVariants, sharedNames, type PersonEntry } from '../src/lexicon/people.js';

const people = loadPeople(DEFAULT_DATA_DIR);
const raw = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'actors', 'people.json'), 'utf8')) as PersonEntry[];
const get = (id: string): PersonEntry => {
  const p = people.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p;
};
/** The entry a name (as matched) belongs to after loading, if any. */
const owner = (name: string): string[] => {
  const keys = new Set(nameKeys(name));
  return people.filter((p) => [...p.names.ar, ...p.names.en].some((n) => nameKeys(n).some((k) => keys.has(k)))).map((p) => p.id);
};

describe('people data', () => {
  it('loads with valid tenures', () => {
    expect(people.length).toBeGreaterThan(300);
    for (const p of people)
      for (const t of p.tenures) {
        expect(t.actor.id).toMatch(/^([A-Z]{3}|ORG:[A-Z_]+)$/);
        if (t.to) expect(t.from <= t.to, p.id).toBe(true);
      }
  });
  it('has no two holders of one office in one state at once', () => {
    const slots = new Map<string, Array<{ p: string; from: string; to: string }>>();
    for (const p of people) {
      if (p.members) continue; // merged entries repeat their members' tenures
      for (const t of p.tenures) {
        const key = `${t.actor.id} ${t.office}`;
        slots.set(key, [...(slots.get(key) ?? []), { p: p.id, from: t.from, to: t.to ?? '9999-12-31' }]);
      }
    }
    const overlaps: string[] = [];
    for (const [key, list] of slots) {
      list.sort((a, b) => (a.from < b.from ? -1 : 1));
      for (let i = 1; i < list.length; i++) {
        const a = list[i - 1];
        const b = list[i];
        if (a && b && b.from < a.to) overlaps.push(`${key}: ${a.p} / ${b.p}`);
      }
    }
    expect(overlaps).toEqual([]);
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
  it('a person with offices in a state and an organisation', () => {
    const moussa = get('moussa-amr');
    expect(actorAt(moussa, '1995-06-01')).toMatchObject({ id: 'EGY', role: 'GOV' });
    expect(actorAt(moussa, '2005')).toMatchObject({ id: 'ORG:ARAB_LEAGUE' });
  });
});

describe('names', () => {
  it('spelling variants: spacing and accents', () => {
    expect(nameVariants('عبد الله بن زايد')).toContain('عبدالله بن زايد');
    expect(nameVariants('Hossein Amir-Abdollahian')).toContain('Hossein Amir Abdollahian');
    expect(nameVariants('Recep Tayyip Erdoğan')).toContain('Recep Tayyip Erdogan');
    expect(owner('عبدالله بن زايد')).toEqual(['abdullah-bin-zayed']);
  });
  it('a name shared within one state becomes one entry that the date settles', () => {
    const [bush] = owner('Bush');
    expect(bush).toBe('bush-george-h-w|bush-george-w');
    const merged = get(bush ?? '');
    expect(actorAt(merged, '1991-02-01')).toMatchObject({ id: 'USA', role: 'GOV' });
    expect(actorAt(merged, '2003-03-20')).toMatchObject({ id: 'USA', role: 'GOV' });
    expect(actorAt(merged, '1996-01-01')).toMatchObject({ id: 'USA', role: null });
    expect(owner('George W. Bush')).toEqual(['bush-george-w']);
  });
  it('a name shared across states names nobody', () => {
    const across = sharedNames(raw).filter((s) => s.acrossStates);
    expect(across.map((s) => s.name)).toContain('الملك عبد الله');
    for (const s of across) expect(owner(s.name), s.name).toEqual([]);
    expect(owner('الملك عبد الله الثاني')).toEqual(['abdullah-ii']);
  });
});
