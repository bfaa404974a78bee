// The actor lexicon data (data/actors): coverage of the UN membership, names in both languages with their
// Arabic clitic and nisba forms, the guards for names that mean something else, and no clashing forms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadActorLexicon } from '../src/lexicon/actors.js';
import { DEFAULT_DATA_DIR } from '../src/lexicon/index.js';
import { actorAt, loadPeople } from '../src/lexicon/people.js';
import { createPipeline } from '../src/pipeline.js';
import { foldKey } from '../src/stages/normalise.js';
import { tokenise } from '../src/stages/segment.js';

// The 193 UN member states (ISO 3166-1 alpha-3).
const UN_MEMBERS = `AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA
BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST
SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR
KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ
MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT
WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR
TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE`.split(/\s+/);

interface StateRow {
  id: string;
  cameo?: string;
  name: string;
  en: string[];
  ar: string[];
}
const states = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'actors', 'states.json'), 'utf8')) as StateRow[];
const lex = loadActorLexicon(DEFAULT_DATA_DIR);
const pipeline = createPipeline();

function run(text: string, lang: 'ar' | 'en', published = '2024-01-01') {
  return pipeline.run({ text, meta: { id: 't', title: null, outlet: null, published, url: null, lang, origin: 't' } });
}

/** The entries of the mentions found in a text, in order. */
function found(text: string, lang: 'ar' | 'en'): string[] {
  return run(text, lang).mentions.map((m) => m.entry);
}

describe('states: coverage', () => {
  it('has all 193 UN members, both observers, unique ids', () => {
    expect(new Set(UN_MEMBERS).size).toBe(193);
    const ids = states.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [...UN_MEMBERS, 'PSE', 'VAT']) expect(ids, id).toContain(id);
  });
  it('gives every state names in both languages and a CAMEO code from the country table', () => {
    const table = readFileSync(join(DEFAULT_DATA_DIR, 'cameo', 'country_actor_codes.tsv'), 'utf8');
    const codes = new Set(table.split('\n').map((l) => l.split('\t')[0]));
    for (const s of states) {
      expect(s.en.length, s.id).toBeGreaterThan(0);
      expect(s.ar.length, s.id).toBeGreaterThan(0);
      expect(codes.has(s.cameo ?? s.id), s.id).toBe(true);
    }
    expect(lex.actorById('TLS')?.cameo).toBe('TMP'); // CAMEO keeps its older code for Timor-Leste
  });
});

describe('states: names resolve', () => {
  it('Arabic names, capitals and clitic forms', () => {
    expect(found('التقى وفد من وإيران بطهران ثم سافر للدوحة وبالرياض.', 'ar')).toEqual(['IRN', 'IRN', 'QAT', 'SAU']);
    expect(found('سافر الوفد إلى فنزويلا وكولومبيا ثم نيجيريا وكازاخستان.', 'ar')).toEqual(['VEN', 'COL', 'NGA', 'KAZ']);
    expect(found('وصل إلى أنقرة وموسكو ولبكين وكانبرا.', 'ar')).toEqual(['TUR', 'RUS', 'CHN', 'AUS']);
    expect(found('أكدت جمهورية مصر العربية والمملكة الأردنية الهاشمية ذلك.', 'ar')).toEqual(['EGY', 'JOR']);
  });
  it('Arabic nisba inflections, one word and two', () => {
    expect(found('قال الإيرانيين والمصريون والقطريتين والسعوديات.', 'ar')).toEqual(['IRN', 'EGY', 'QAT', 'SAU']);
    expect(found('التقى الكوريين الجنوبيين بالمسؤولة الكورية الشمالية.', 'ar')).toEqual(['KOR', 'PRK']);
    expect(found('انتقد الأتراك والروس الموقف.', 'ar')).toEqual(['TUR', 'RUS']);
  });
  it('English short and official names, demonyms, longest name first', () => {
    expect(found('Iranians and Qataris met in Kuala Lumpur with South Korean officials.', 'en')).toEqual(['IRN', 'QAT', 'MYS', 'KOR']);
    expect(found('Papua New Guinea, Guinea-Bissau, Equatorial Guinea and Guinea signed.', 'en')).toEqual(['PNG', 'GNB', 'GNQ', 'GIN']);
    expect(found('South Sudan and Sudan; the Democratic Republic of the Congo and the Republic of the Congo.', 'en')).toEqual([
      'SSD',
      'SDN',
      'COD',
      'COG',
    ]);
    expect(found('Greek Cypriot and Greek officials met Ivory Coast and Côte d’Ivoire envoys.', 'en')).toEqual(['CYP', 'GRC', 'CIV', 'CIV']);
  });
});

describe('states: names that mean something else', () => {
  it('English: case, first names, other places', () => {
    expect(found('Michael Jordan visited Jordan.', 'en')).toEqual(['JOR']);
    expect(found('In Jordan, Chad Smith praised Chad.', 'en')).toEqual(['JOR', 'TCD']);
    expect(found('They ate turkey in Turkey and china from China.', 'en')).toEqual(['TUR', 'CHN']);
    expect(found('New Mexico and Latin America traded across the Indian Ocean with Mexico.', 'en')).toEqual(['MEX']);
    expect(found('The Washington Post said Washington Tuesday warned.', 'en')).toEqual(['USA']);
  });
  it('Arabic: Oman and Amman, Maghreb, birthplace, language', () => {
    expect(found('زار سلطنة عمان ثم العاصمة الأردنية عمان.', 'ar')).toEqual(['OMN', 'JOR']);
    expect(found('دول المغرب العربي والمغرب.', 'ar')).toEqual(['MAR']);
    expect(found('عاد إلى مسقط رأسه ثم إلى مسقط.', 'ar')).toEqual(['OMN']);
    expect(found('تحدث باللغة الفرنسية مع السفارة الفرنسية.', 'ar')).toEqual(['FRA']);
  });
});

describe('organisations', () => {
  it('names in both languages, and forms that belong to something else', () => {
    expect(found('The IAEA, Hamas, the Houthis, Al-Qaeda and the SDF; the National Security Council met.', 'en')).toEqual([
      'ORG:IAEA',
      'ORG:HAMAS',
      'ORG:HOUTHIS',
      'ORG:AL_QAEDA',
      'ORG:SDF',
    ]);
    expect(found('طالب مجلس الأمن والأونروا ومنظمة التعاون الإسلامي وحركة عدم الانحياز.', 'ar')).toEqual([
      'ORG:UNSC',
      'ORG:UNRWA',
      'ORG:OIC',
      'ORG:NAM',
    ]);
    expect(found('اجتمع مجلس الأمن القومي قرب القاعدة العسكرية وهاجمت كتائب حزب الله.', 'ar')).toEqual(['ORG:KATAIB_HEZBOLLAH']);
  });
});

describe('people: names and tenures', () => {
  const people = loadPeople(DEFAULT_DATA_DIR);
  const person = (id: string) => people.find((p) => p.id === id);
  it('names in both languages resolve to the person', () => {
    expect(found('التقى محمد بن سلمان بأردوغان وبوتين ثم اتصل بعبدالله بن زايد.', 'ar')).toEqual([
      'mohammed-bin-salman',
      'erdogan-recep-tayyip',
      'putin-vladimir',
      'abdullah-bin-zayed',
    ]);
    expect(found('Lavrov met Blinken and Wang Yi; Erdogan called Netanyahu.', 'en')).toEqual([
      'lavrov-sergey',
      'blinken-antony',
      'wang-yi',
      'erdogan-recep-tayyip',
      'netanyahu-benjamin',
    ]);
  });
  it('a person acts for the state he served on the date, with no role outside his tenures', () => {
    const zarif = person('zarif-mohammad-javad');
    if (!zarif) throw new Error('zarif');
    expect(actorAt(zarif, '2015-05-03')).toMatchObject({ id: 'IRN', cameo: 'IRNGOV', role: 'GOV' });
    expect(actorAt(zarif, '2023')).toMatchObject({ id: 'IRN', role: null });
    const events = run('زار ظريف قطر في مايو 2015. وزار ظريف قطر عام 2023.', 'ar').events;
    expect(events.map((e) => [e.source?.id, e.source?.role, e.date.value])).toEqual([
      ['IRN', 'GOV', '2015-05'],
      ['IRN', null, '2023'],
    ]);
  });
  it('several offices in sequence, and an office abroad', () => {
    const mbs = person('mohammed-bin-salman');
    const moussa = person('moussa-amr');
    if (!mbs || !moussa) throw new Error('people');
    expect(mbs.tenures.map((t) => t.office)).toEqual(['defence minister', 'crown prince', 'prime minister']);
    expect(actorAt(mbs, '2016-01-01')).toMatchObject({ id: 'SAU', role: 'GOV' });
    expect(actorAt(moussa, '1999-01-01')).toMatchObject({ id: 'EGY', role: 'GOV' });
    expect(actorAt(moussa, '2008-01-01')).toMatchObject({ id: 'ORG:ARAB_LEAGUE' });
  });
});

describe('lexicon forms', () => {
  it('no form of a state, capital, nisba or organisation names two actors', () => {
    const owners = new Map<string, Set<string>>();
    for (const list of lex.byFirst.values())
      for (const p of list) {
        if (p.kind !== 'state' && p.kind !== 'capital' && p.kind !== 'nisba' && p.kind !== 'org') continue;
        const key = p.tokens.join(' ');
        owners.set(key, (owners.get(key) ?? new Set()).add(p.actor.id));
      }
    const clashes = [...owners].filter(([, ids]) => ids.size > 1).map(([k, ids]) => `${k}: ${[...ids].join(',')}`);
    expect(clashes).toEqual([]);
  });
  it('no person is named by a form that names a state or organisation (a name would win over it)', () => {
    const named = new Set<string>();
    for (const list of lex.byFirst.values())
      for (const p of list) if (p.kind === 'state' || p.kind === 'capital' || p.kind === 'nisba' || p.kind === 'org') named.add(p.tokens.join(' '));
    const clashes = loadPeople(DEFAULT_DATA_DIR)
      .flatMap((p) => [...p.names.ar, ...p.names.en].map((n) => [p.id, tokenise(foldKey(n)).map((t) => t.norm).join(' ')]))
      .filter(([, key]) => named.has(key ?? ''));
    expect(clashes).toEqual([]);
  });
});

// CAMEO's agents dictionary codes the defence minister and ministry GOVMIL: government first, military second.
// Rasad carries one role, the first (GOV), as the dev gold does (وزير الدفاع السعودي -> SAU GOV); armies, forces
// and security officials are MIL. Every file that gives a defence minister a role must say the same.
describe('defence ministers are GOV in every actor file', () => {
  const readActors = (file: string): unknown => JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'actors', file), 'utf8'));
  const DEFENCE = /defen[cs]e (minister|ministry|secretary)|secretary of defen[cs]e|minister of defen[cs]e|وزير الدفاع|وزارة الدفاع|وزيرا دفاع|وزيري دفاع|وزراء دفاع/i;
  it('offices and bodies', () => {
    const rows = [...(readActors('offices.json') as Array<{ key: string; role: string; en: string[]; ar: string[] }>), ...(readActors('bodies.json') as Array<{ key: string; role: string; en: string[]; ar: string[] }>)];
    const defence = rows.filter((r) => [...r.en, ...r.ar].some((f) => DEFENCE.test(f)));
    expect(defence.map((r) => r.key)).toEqual(expect.arrayContaining(['dm', 'sos', 'ministry']));
    expect(defence.filter((r) => r.role !== 'GOV').map((r) => r.key)).toEqual([]);
  });
  it('role heads: defence ministers of the two countries are GOV, never MIL', () => {
    const heads = readActors('role-heads.json') as Record<string, { ar: string[]; en: string[] } | string>;
    const formsOf = (role: string): string[] => {
      const h = heads[role];
      return typeof h === 'object' ? [...h.ar, ...h.en] : [];
    };
    expect(formsOf('GOV').filter((f) => DEFENCE.test(f) || /defen[cs]e ministers/.test(f)).length).toBeGreaterThan(2);
    expect(formsOf('MIL').filter((f) => DEFENCE.test(f) || /defen[cs]e ministers|دفاع/.test(f))).toEqual([]);
  });
  it('people: every defence minister tenure is GOV', () => {
    const wrong = loadPeople(DEFAULT_DATA_DIR).flatMap((p) => p.tenures.filter((t) => t.office === 'defence minister' && (t.actor.role !== 'GOV' || t.actor.cameo !== `${t.actor.id}GOV`)).map((t) => `${p.id} ${t.from}`));
    expect(wrong).toEqual([]);
  });
  it('a titled defence minister and a named one code the same', () => {
    const titled = run('التقى وزير الدفاع السعودي بنظيره القطري في الدوحة عام 2023.', 'ar').mentions.find((m) => m.kind === 'office');
    expect(titled?.actors[0]).toMatchObject({ id: 'SAU', role: 'GOV', cameo: 'SAUGOV' });
    const en = run('The Qatari defence minister met the Saudi defense minister.', 'en').mentions.filter((m) => m.kind === 'office');
    expect(en.map((m) => [m.actors[0]?.id, m.actors[0]?.role])).toEqual([
      ['QAT', 'GOV'],
      ['SAU', 'GOV'],
    ]);
  });
});
