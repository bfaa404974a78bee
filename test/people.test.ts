import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_DATA_DIR } from '../src/lexicon/index.js';
import { actorAt, loadPeople, nameKeys, nameVariants, sharedNames, type PersonEntry } from '../src/lexicon/people.js';
import { loadNameSpellings, NO_SPELLINGS, spellingVariants } from '../src/actors/name-spellings.js';
import { createPipeline } from '../src/pipeline.js';

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

// The offices data/actors/coverage.json requires: every state's heads of state and government and its foreign and
// defence ministers, with no gap longer than maxGapDays since `since` except the documented exceptions.
const CoverageSchema = z.object({
  since: z.string(),
  maxGapDays: z.number(),
  states: z.array(z.string().length(3)),
  offices: z.record(z.string(), z.array(z.string())),
  byState: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
  unMembers: z.array(z.string().length(3)),
  headsSince1990: z.record(z.string(), z.array(z.enum(['head of state', 'head of government']))),
  currentExceptions: z.array(z.object({ state: z.string().length(3), reason: z.string().min(10) })),
  coverageExceptions: z.array(
    z.object({ state: z.string(), office: z.string(), from: z.string(), to: z.string().nullable(), reason: z.string().min(10) }),
  ),
});
const coverage = CoverageSchema.parse(JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'actors', 'coverage.json'), 'utf8')));
const TODAY = new Date().toISOString().slice(0, 10);
const DAY_MS = 86_400_000;
const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY_MS;

interface Span {
  who: string;
  from: string;
  to: string;
}

/** The spans of the office names that fill one category in one state (the file as written, no merged entries). */
function holders(state: string, category: string): Span[] {
  const offices = coverage.byState[state]?.[category] ?? coverage.offices[category] ?? [];
  return raw
    .flatMap((p) => p.tenures.filter((t) => t.actor.id === state && offices.includes(t.office)).map((t) => ({ who: p.id, from: t.from, to: t.to ?? TODAY })))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

function exceptionsFor(state: string, category: string): Span[] {
  return coverage.coverageExceptions
    .filter((e) => e.state === state && (e.office === category || e.office === '*'))
    .map((e) => ({ who: `exception: ${e.reason}`, from: e.from, to: e.to ?? TODAY }));
}

/** Stretches of from..to longer than `longer` days that no span covers. */
function gaps(spans: Span[], from = coverage.since, to = TODAY, longer = coverage.maxGapDays): string[] {
  const out: string[] = [];
  let cursor = from;
  for (const s of [...spans].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    if (s.from >= to) break;
    if (days(cursor, s.from) > longer) out.push(`${cursor}..${s.from}`);
    if (s.to > cursor) cursor = s.to;
  }
  if (days(cursor, to) > longer) out.push(`${cursor}..${to}`);
  return out;
}

/** Times two different people held one office category of one state at once. */
function overlaps(states: readonly string[], categories: readonly string[]): string[] {
  const out: string[] = [];
  for (const state of states)
    for (const category of categories) {
      const list = holders(state, category);
      for (let i = 1; i < list.length; i++) {
        const a = list[i - 1] as Span;
        const b = list[i] as Span;
        if (a.who !== b.who && b.from < a.to) out.push(`${state} ${category}: ${a.who} ${a.from}..${a.to} / ${b.who} ${b.from}..${b.to}`);
      }
    }
  return out;
}

describe('coverage of the required offices since 1990', () => {
  const categories = Object.keys(coverage.offices);
  it('names the states the issue requires, each with four office categories', () => {
    expect(coverage.states).toEqual(expect.arrayContaining(['SAU', 'ARE', 'QAT', 'KWT', 'BHR', 'OMN', 'IRN', 'IRQ', 'TUR', 'EGY', 'ISR', 'JOR', 'SYR', 'LBN', 'YEM', 'USA', 'RUS', 'CHN', 'GBR', 'FRA']));
    expect(categories).toEqual(['head of state', 'head of government', 'foreign minister', 'defence minister']);
  });
  it('every state and office is held from 1990 to today with no long gap (documented exceptions aside)', () => {
    const found: string[] = [];
    for (const state of coverage.states)
      for (const category of categories)
        for (const g of gaps([...holders(state, category), ...exceptionsFor(state, category)])) found.push(`${state} ${category}: ${g}`);
    expect(found).toEqual([]);
  });
  it('every exception covers time no holder fills (none is stale)', () => {
    // Stale when, in every category it names, holders cover all of it.
    const stale = coverage.coverageExceptions.filter((e) =>
      (e.office === '*' ? categories : [e.office]).every((c) => gaps(holders(e.state, c), e.from, e.to ?? TODAY, 0).length === 0),
    );
    expect(stale).toEqual([]);
  });
  it('no two people hold one office category of one state at once', () => {
    expect(overlaps(coverage.states, categories)).toEqual([]);
  });
  it('every entry has Arabic and English names', () => {
    const missing = raw.filter((p) => p.names.ar.length === 0 || p.names.en.length === 0).map((p) => p.id);
    expect(missing).toEqual([]);
    expect(raw.every((p) => p.names.ar.every((n) => /[\u0600-\u06ff]/.test(n)) && p.names.en.every((n) => /[A-Za-z]/.test(n)))).toBe(true);
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
  it('transliterations of one word: a name listed once matches in the spellings news use', () => {
    const spellings = loadNameSpellings(DEFAULT_DATA_DIR);
    const forms = spellingVariants('Mohammed bin Abdulrahman Al Thani', spellings);
    expect(forms[0]).toBe('Mohammed bin Abdulrahman Al Thani');
    expect(forms).toEqual(expect.arrayContaining(['Mohammad bin Abdulrahman Al Thani', 'Mohammed bin Abdul Rahman Al Thani', 'Mohamed bin Abdul Rahman Al Thani']));
    expect(spellingVariants('Hossein Amir-Abdollahian', spellings)).toContain('Hussein Amir-Abdollahian'); // the hyphen stays
    expect(spellingVariants('Abdul Malik al-Houthi', spellings)).toContain('Abdulmalik al-Houthi'); // two words to one
    expect(spellingVariants('Zarif', spellings)).toEqual(['Zarif']);
    expect(spellingVariants('ميشال عون', spellings)).toContain('ميشيل عون');
    expect(spellingVariants('Mohammed bin Salman', NO_SPELLINGS)).toEqual(['Mohammed bin Salman']);
    expect(owner('Mohammad bin Zayed')).toEqual(['mohamed-bin-zayed']);
    expect(owner('Muhammad Javad Zarif')).toEqual(['zarif-mohammad-javad']);
    expect(owner('Ahmad Aboul Gheit')).toEqual(['aboul-gheit-ahmed']);
  });
  it('every spelling set is one word\'s forms: no form in two sets', () => {
    const raw = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'actors', 'name-spellings.json'), 'utf8')) as { en: string[][]; ar: string[][] };
    const all = [...raw.en, ...raw.ar].flatMap((set) => set.map((f) => f.toLowerCase()));
    expect(all.filter((f, i) => all.indexOf(f) !== i)).toEqual([]);
  });
  it('Arabic names with clitics, the article and the foreign g written ج or غ', () => {
    const pipeline = createPipeline();
    const people = (text: string): string[] =>
      pipeline
        .run({ text, meta: { id: 't', title: null, outlet: null, published: '2016-01-01', url: null, lang: 'ar', origin: 't' } })
        .mentions.filter((m) => m.kind === 'person')
        .map((m) => m.entry);
    expect(people('التقى وظريف ثم لظريف وبظريف.')).toEqual(['zarif-mohammad-javad', 'zarif-mohammad-javad', 'zarif-mohammad-javad']);
    expect(people('رحب والسيسي وللسيسي وبالسيسي.')).toEqual(['sisi-abdel-fattah', 'sisi-abdel-fattah', 'sisi-abdel-fattah']);
    expect(people('اتصل محمد جواد ظريف بأردوجان ثم بجالانت وغالانت.')).toEqual(['zarif-mohammad-javad', 'erdogan-recep-tayyip', 'gallant-yoav', 'gallant-yoav']);
    expect(people('قال الصفدي إن وزير الخارجية أيمن الصفدي سيزور دمشق.')).toEqual(['safadi-ayman', 'safadi-ayman']);
  });
  it('a short form with an honorific runs on into the full name: one mention, not a name and a remainder', () => {
    const pipeline = createPipeline();
    const spans = (text: string, lang: 'ar' | 'en'): string[] =>
      pipeline
        .run({ text, meta: { id: 't', title: null, outlet: null, published: '2020-01-01', url: null, lang, origin: 't' } })
        .mentions.filter((m) => m.kind === 'person')
        .map((m) => text.slice(m.start, m.end));
    expect(spans('Sheikh Tamim bin Hamad Al Thani received King Abdullah II bin Al-Hussein.', 'en')).toEqual(['Sheikh Tamim bin Hamad Al Thani', 'King Abdullah II bin Al-Hussein']);
    expect(spans('استقبل الشيخ تميم بن حمد آل ثاني الضيف.', 'ar')).toEqual(['الشيخ تميم بن حمد آل ثاني']);
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

// The heads of every other UN member (coverage.json: unMembers, headsSince1990, currentExceptions).
describe('heads of state and government of every UN member', () => {
  const HEADS = ['head of state', 'head of government'];
  const stateIds = new Set((JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'actors', 'states.json'), 'utf8')) as Array<{ id: string }>).map((s) => s.id));
  it('lists the 193 UN members, all of them states in the lexicon', () => {
    expect(new Set(coverage.unMembers).size).toBe(193);
    expect(coverage.unMembers.filter((s) => !stateIds.has(s))).toEqual([]);
    for (const s of [...Object.keys(coverage.headsSince1990), ...coverage.currentExceptions.map((e) => e.state)]) expect(coverage.unMembers, s).toContain(s);
  });
  it('every UN member has its current head of state or government (documented exceptions aside)', () => {
    const excepted = new Set(coverage.currentExceptions.map((e) => e.state));
    const current = (state: string): boolean => HEADS.some((c) => holders(state, c).some((s) => s.to >= TODAY && s.from <= TODAY));
    expect(coverage.unMembers.filter((s) => !excepted.has(s) && !current(s))).toEqual([]);
    expect(coverage.currentExceptions.filter((e) => current(e.state)).map((e) => e.state)).toEqual([]); // none is stale
  });
  it('the heads of the states listed are held since 1990 with no long gap (documented exceptions aside)', () => {
    const found: string[] = [];
    for (const [state, categories] of Object.entries(coverage.headsSince1990))
      for (const category of categories)
        for (const g of gaps([...holders(state, category), ...exceptionsFor(state, category)])) found.push(`${state} ${category}: ${g}`);
    expect(found).toEqual([]);
  });
  it('a head of another state resolves to it on the date, and a name two of its leaders share to the one in office', () => {
    expect(actorAt(get('merkel-angela'), '2010-06-01')).toMatchObject({ id: 'DEU', role: 'GOV' });
    expect(actorAt(get('merz-friedrich'), '2024-06-01')).toMatchObject({ id: 'DEU', role: null });
    expect(actorAt(get('rutte-mark'), '2020-06-01')).toMatchObject({ id: 'NLD', role: 'GOV' });
    expect(actorAt(get('rutte-mark'), '2025-06-01')).toMatchObject({ id: 'ORG:NATO' });
    const [kirchner] = owner('Kirchner');
    expect(kirchner).toBe('kirchner-cristina|kirchner-nestor');
    expect(actorAt(get(kirchner ?? ''), '2005-01-01')).toMatchObject({ id: 'ARG', role: 'GOV' });
    expect(actorAt(get(kirchner ?? ''), '2017-01-01')).toMatchObject({ id: 'ARG', role: null });
    const pipeline = createPipeline();
    const found = (text: string, lang: 'ar' | 'en'): string[] =>
      pipeline
        .run({ text, meta: { id: 't', title: null, outlet: null, published: '2021-03-01', url: null, lang, origin: 't' } })
        .mentions.filter((m) => m.kind === 'person')
        .map((m) => m.entry);
    expect(found('Merkel phoned Ramaphosa after Bolsonaro spoke with Tebboune.', 'en')).toEqual(['merkel-angela', 'ramaphosa-cyril', 'bolsonaro-jair', 'tebboune-abdelmadjid']);
    expect(found('اتصلت ميركل برامافوزا ثم التقى بوتفليقة وبولسونارو.', 'ar')).toEqual(['merkel-angela', 'ramaphosa-cyril', 'bouteflika-abdelaziz', 'bolsonaro-jair']);
  });
  it('no two people are head of state, or head of government, of one state at once', () => {
    expect(overlaps(coverage.unMembers, HEADS)).toEqual([]);
  });
});
