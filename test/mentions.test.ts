import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../src/document.js';
import { loadResources } from '../src/lexicon/index.js';
import { createPipeline } from '../src/pipeline.js';
import { createActorResolver } from '../src/stages/actors.js';
import { createMentionFinder } from '../src/stages/mentions.js';
import { normalise } from '../src/stages/normalise.js';
import { segment } from '../src/stages/segment.js';

const run = (text: string, lang: 'ar' | 'en') =>
  createPipeline().run({ text, meta: { id: 't', title: null, outlet: null, published: '2024-01-01', url: null, lang, origin: 't' } });

describe('mentions', () => {
  it('finds Arabic names with clitics', () => {
    const d = run('وصل الوزير إلى بطهران ثم للدوحة والقطري.', 'ar');
    expect(d.mentions.map((m) => m.entry)).toEqual(['IRN', 'QAT', 'QAT']);
    expect(d.text.slice(d.mentions[0]!.start, d.mentions[0]!.end)).toBe('طهران');
  });
  it('splits run-together names', () => {
    const d = run('اتفقت قطروإيران واجتمع الإيرانىوالقطرى.', 'ar');
    expect(d.mentions.map((m) => m.entry)).toEqual(['QAT', 'IRN', 'IRN', 'QAT']);
    expect(d.text.slice(d.mentions[1]!.start, d.mentions[1]!.end)).toBe('إيران');
  });
  it('handles folded variants and multiword names', () => {
    const d = run('قالت المملكة العربية السعودية وأميركا وحلف شمال الاطلسي.', 'ar');
    expect(d.mentions.map((m) => m.entry)).toEqual(['SAU', 'USA', 'ORG:NATO']);
  });
  it('English: possessive, acronym case', () => {
    const d = run("Iran's minister met the US envoy in Doha; us too.", 'en');
    expect(d.mentions.map((m) => m.actors[0]?.cameo)).toEqual(['IRNGOV', 'USAGOV', 'QAT']);
  });
});

const said = (d: ReturnType<typeof run>) => d.mentions.map((m) => `${m.kind}:${m.actors.map((a) => a.cameo).join('+')}`);

describe('bodies, offices, anaphora', () => {
  it('Arabic body + nisba and fixed bodies', () => {
    const d = run('انتقدت وزارة الخارجية القطرية تصريحات الحرس الثوري وقال البيت الأبيض إن الجيش الإيراني تحرك.', 'ar');
    expect(said(d)).toEqual(['body:QATGOV', 'body:IRNMIL', 'body:USAGOV', 'body:IRNMIL']);
    expect(d.text.slice(d.mentions[0]!.start, d.mentions[0]!.end)).toBe('وزارة الخارجية القطرية');
  });
  it('English nisba/possessive + body, office of state, former', () => {
    const d = run("The Iranian army warned Qatar's foreign ministry and the former President of Iran met the Pentagon.", 'en');
    expect(said(d)).toEqual(['body:IRNMIL', 'body:QATGOV', 'office:IRNGOV', 'body:USAMIL']);
    expect(d.mentions[2]!.former).toBe(true);
  });
  it('Arabic office + state, former after; bare body dropped', () => {
    const d = run('التقى أمير قطر الرئيس الإيراني السابق بحضور الحكومة.', 'ar');
    expect(said(d)).toEqual(['office:QATGOV', 'office:IRNGOV']);
    expect(d.mentions[1]!.former).toBe(true);
  });
  it('anaphora: the two countries, the kingdom', () => {
    const d = run('Qatar met Iran. The two countries signed a deal.', 'en');
    expect(said(d)).toEqual(['state:QAT', 'state:IRN', 'anaphor:QAT+IRN']);
    const a = run('رحبت قطر بالاتفاق بين البلدين وقالت المملكة إنها تدعمه.', 'ar');
    expect(said(a)).toEqual(['state:QAT', 'anaphor:SAU']);
  });
});

describe('people', () => {
  const res = loadResources();
  const find = createMentionFinder(res.actors, res.people);
  const resolve = createActorResolver(res.actors);
  const mentions = (text: string, lang: 'ar' | 'en', published: string | null = null) => {
    const meta = { id: 't', title: null, outlet: null, published, url: null, lang, origin: 't' };
    const d = resolve(find(segment(normalise(emptyDocument(text, meta, lang)))));
    return d.mentions.map((m) => ({ kind: m.kind, entry: m.kind === 'person' ? m.entry : (m.actors[0]?.id ?? ''), text: text.slice(m.start, m.end), former: m.former ?? false }));
  };

  it('joins a title before the name into one person mention, with "former" kept', () => {
    expect(mentions('وصل الرئيس الإيراني الأسبق محمد خاتمي إلى الكويت.', 'ar')).toEqual([
      { kind: 'person', entry: 'khatami-mohammad', text: 'الرئيس الإيراني الأسبق محمد خاتمي', former: true },
      { kind: 'state', entry: 'KWT', text: 'الكويت', former: false },
    ]);
    expect(mentions('Iranian President Mahmoud Ahmadinejad flew to Kuwait.', 'en')[0]).toEqual(
      { kind: 'person', entry: 'ahmadinejad-mahmoud', text: 'Iranian President Mahmoud Ahmadinejad', former: false },
    );
  });

  it('drops a title set off by a comma without widening the name (the clause may end there)', () => {
    const m = mentions('التقى محمد خاتمي، الرئيس الإيراني السابق، بوفد كويتي.', 'ar');
    expect(m[0]).toEqual({ kind: 'person', entry: 'khatami-mohammad', text: 'محمد خاتمي', former: true });
    expect(m.filter((x) => x.kind === 'office')).toEqual([]);
  });

  it('keeps a title naming another state apart, and reads names behind clitics', () => {
    const m = mentions('واستقبل أمير الكويت لخاتمي.', 'ar');
    expect(m.map((x) => `${x.kind}:${x.entry}`)).toEqual(['office:KWT', 'person:khatami-mohammad']);
  });
});

describe('role heads over nisbas, honorifics in titles', () => {
  const res = loadResources();
  const find = createMentionFinder(res.actors, res.people);
  const roles = (text: string, lang: 'ar' | 'en') => {
    const meta = { id: 't', title: null, outlet: null, published: null, url: null, lang, origin: 't' };
    return find(segment(normalise(emptyDocument(text, meta, lang)))).mentions.map((m) => `${text.slice(m.start, m.end)}:${m.actors.map((a) => a.cameo).join('+')}`);
  };

  it('a plural role noun gives its role to every nisba it governs', () => {
    expect(roles('اجتمع مسؤولو أمن كويتيونوعمانيون، وصرح المسؤولون الأردنيون.', 'ar')).toEqual(['كويتيون:KWTMIL', 'عمانيون:OMNMIL', 'الأردنيون:JORGOV']);
    expect(roles('Kuwaiti and Omani leaders met; Jordanian soldiers watched.', 'en')).toEqual(['Kuwaiti:KWTGOV', 'Omani:OMNGOV', 'Jordanian:JORMIL']);
  });

  it('a bare nisba keeps no role', () => {
    expect(roles('The Kuwaiti press and the Omani weather.', 'en')).toEqual(['Kuwaiti:KWT', 'Omani:OMN']);
  });

  it('honorifics between a title and a name do not split them', () => {
    const meta = { id: 't', title: null, outlet: null, published: null, url: null, lang: 'en' as const, origin: 't' };
    const text = 'Iranian President Sheikh Mahmoud Ahmadinejad spoke.';
    const d = find(segment(normalise(emptyDocument(text, meta, 'en'))));
    expect(d.mentions.map((m) => [m.kind, text.slice(m.start, m.end)])).toEqual([['person', 'Iranian President Sheikh Mahmoud Ahmadinejad']]);
  });
});

describe('protest nouns over nisbas', () => {
  it('name the people of that country (CVL)', () => {
    const res = loadResources();
    const meta = (lang: 'ar' | 'en') => ({ id: 't', title: null, outlet: null, published: null, url: null, lang, origin: 't' });
    const find = createMentionFinder(res.actors, res.people);
    const ar = 'تصاعدت الاحتجاجات الأردنية أمس.';
    expect(find(segment(normalise(emptyDocument(ar, meta('ar'), 'ar')))).mentions.map((m) => m.actors[0]?.cameo)).toEqual(['JORCVL']);
    const en = 'Jordanian protests grew.';
    expect(find(segment(normalise(emptyDocument(en, meta('en'), 'en')))).mentions.map((m) => m.actors[0]?.cameo)).toEqual(['JORCVL']);
  });
});
