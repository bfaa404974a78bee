import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../src/document.js';
import { arabicNisbaForms, loadActorLexicon } from '../src/lexicon/actors.js';
import { DEFAULT_DATA_DIR, loadResources } from '../src/lexicon/index.js';
import { createActorResolver } from '../src/stages/actors.js';
import { createMentionFinder } from '../src/stages/mentions.js';
import { normalise } from '../src/stages/normalise.js';
import { segment } from '../src/stages/segment.js';

describe('actor lexicon', () => {
  it('loads and looks up actors', () => {
    const lex = loadActorLexicon(DEFAULT_DATA_DIR);
    expect(lex.size).toBeGreaterThan(100);
    expect(lex.actorById('QAT')?.name).toBe('Qatar');
    expect(lex.actorById('ORG:UN')?.cameo).toBe('IGOUNO');
  });
  it('inflects nisbas', () => {
    expect(arabicNisbaForms('قطري')).toContain('القطريين');
  });
});

describe('bodies and anaphora data', () => {
  it('loads fixed bodies with role cameo and anaphor rules', () => {
    const lex = loadActorLexicon(DEFAULT_DATA_DIR);
    const p = lex.byFirst.get('pentagon')?.[0];
    expect(p?.actor.cameo).toBe('USAMIL');
    expect(lex.anaphors.get('pair')?.type).toBe('pair');
  });
});

describe('anaphora in context', () => {
  const res = loadResources();
  const find = createMentionFinder(res.actors, res.people);
  const resolve = createActorResolver(res.actors);
  /** The actors (id/role) of each anaphor mention, in order. */
  const anaphors = (text: string, lang: 'ar' | 'en'): string[] => {
    const meta = { id: 't', title: null, outlet: null, published: null, url: null, lang, origin: 't' };
    const d = resolve(find(segment(normalise(emptyDocument(text, meta, lang)))));
    return d.mentions.filter((m) => m.kind === 'anaphor').map((m) => m.actors.map((a) => `${a.id}/${a.role ?? '-'}`).join('+'));
  };

  it('"the two countries" are the two named together, not merely the last two named', () => {
    expect(anaphors('Iran and Kuwait held talks. Oman welcomed them, and the two countries signed a deal.', 'en')).toEqual(['IRN/-+KWT/-']);
    expect(anaphors('التقى وفد من الأردن. وقالت مصر إن البلدين اتفقا.', 'ar')).toEqual(['JOR/-+EGY/-']);
  });

  it('a bare comma does not make a pair', () => {
    expect(anaphors('زار الوفد الكويت، سلطنة عمان. ورحب الأردن بالاتفاق بين البلدين.', 'ar')).toEqual(['OMN/-+JOR/-']);
  });

  it('"the two sides" may include an organisation and keep the roles the parties were named with', () => {
    expect(anaphors('اجتمعت الكويت وحلف الناتو، وأكد الجانبان أهمية التعاون.', 'ar')).toEqual(['KWT/-+ORG:NATO/-']);
    expect(anaphors('تدرب الجيش الإيراني والجيش القطري، واتفق الجانبان ثم البلدان.', 'ar')).toEqual(['IRN/MIL+QAT/MIL', 'IRN/-+QAT/-']);
  });

  it('a role noun heading the anaphor gives both actors its role', () => {
    expect(anaphors('زار أمير الكويت سلطنة عمان، وعقد عاهلا البلدين جلسة مباحثات.', 'ar')).toEqual(['KWT/GOV+OMN/GOV']);
    expect(anaphors('التقت الكويت وعمان، واجتمع وزيرا خارجية البلدين.', 'ar')).toEqual(['KWT/GOV+OMN/GOV']);
    expect(anaphors('Kuwait and Oman agreed, and the leaders of the two countries met.', 'en')).toEqual(['KWT/GOV+OMN/GOV']);
    expect(anaphors("Kuwait and Oman agreed; both countries' armies will train.", 'en')).toEqual(['KWT/MIL+OMN/MIL']);
  });
});

describe('the latter', () => {
  it('is the last actor named, organisations included', () => {
    const res = loadResources();
    const meta = { id: 't', title: null, outlet: null, published: null, url: null, lang: 'en' as const, origin: 't' };
    const text = 'Kuwait hosted the Taliban and Hamas, funding the latter’s office.';
    const d = createActorResolver(res.actors)(createMentionFinder(res.actors, res.people)(segment(normalise(emptyDocument(text, meta, 'en')))));
    expect(d.mentions.filter((m) => m.kind === 'anaphor').map((m) => m.actors.map((a) => a.id))).toEqual([['ORG:HAMAS']]);
  });
});

describe('title-like anaphors', () => {
  it('سموه / His Majesty name the last ruler of that rank, with his role', () => {
    const res = loadResources();
    const run = (text: string, lang: 'ar' | 'en') => {
      const meta = { id: 't', title: null, outlet: null, published: null, url: null, lang, origin: 't' };
      const d = createActorResolver(res.actors)(createMentionFinder(res.actors, res.people)(segment(normalise(emptyDocument(text, meta, lang)))));
      return d.mentions.filter((m) => m.kind === 'anaphor').map((m) => m.actors.map((a) => a.cameo).join('+'));
    };
    expect(run('وصل أمير الكويت إلى مسقط، وكان السلطان في مقدمة مستقبلي سموه.', 'ar')).toEqual(['KWTGOV']);
    expect(run('Jordan and Egypt held talks in Amman, and His Majesty thanked Cairo.', 'en')).toEqual(['JORGOV']);
  });
});

describe('his country', () => {
  it('is the last state named', () => {
    const res = loadResources();
    const meta = { id: 't', title: null, outlet: null, published: null, url: null, lang: 'ar' as const, origin: 't' };
    const text = 'وقال وزير الخارجية الكويتي أمام الأمم المتحدة إن بلاده ترفض التدخل.';
    const d = createActorResolver(res.actors)(createMentionFinder(res.actors, res.people)(segment(normalise(emptyDocument(text, meta, 'ar')))));
    expect(d.mentions.filter((m) => m.kind === 'anaphor').map((m) => m.actors.map((a) => a.id))).toEqual([['KWT']]);
  });
});
