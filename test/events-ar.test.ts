// Arabic event coding end to end on sentences written for these tests: nominal events, negation, future,
// mutual "بين", protest and violence with unidentified actors, and self-pair suppression.
import { describe, expect, it } from 'vitest';
import type { Actor, CodedEvent, Mention } from '../src/document.js';
import type { Assignment } from '../src/events/arguments.js';
import { participants, selfPair } from '../src/events/participants.js';
import type { ActorRef } from '../src/events/sentence.js';
import { emptyUnidentified } from '../src/events/unidentified.js';
import { createPipeline } from '../src/pipeline.js';

const pipeline = createPipeline();

function code(text: string): CodedEvent[] {
  const meta = { id: 't', title: null, outlet: null, published: '2021-03-10', url: null, lang: 'ar' as const, origin: 't' };
  return pipeline.run({ text, meta }).events;
}

const who = (a: CodedEvent['source']): string => (a ? `${a.id}${a.role ? `/${a.role}` : ''}` : '-');
const summary = (e: CodedEvent): string => `${e.code} ${who(e.source)}>${who(e.target)}`;

describe('Arabic nominal and verbal events', () => {
  it('codes a visit told as a noun under قام', () => {
    const events = code('قام وزير الخارجية القطري بزيارة إلى طهران.');
    expect(events.map(summary)).toEqual(['042 QAT/GOV>IRN']);
  });

  it('codes زيارة X إلى Y with the visitor as source', () => {
    const events = code('وصلت زيارة الرئيس التركي إلى الدوحة إلى يومها الثاني.');
    expect(events.map((e) => `${e.root} ${who(e.source)}>${who(e.target)}`)).toContain('04 TUR/GOV>QAT');
  });

  it('takes the parties of بين X وY for an event noun', () => {
    const events = code('اندلعت الحرب بين إثيوبيا وإريتريا قبل سنوات.');
    expect(events.some((e) => e.root === '19' && e.source?.id === 'ETH' && e.target?.id === 'ERI')).toBe(true);
  });

  it('does not code a cooperation noun that no verb enacts', () => {
    expect(code('التعاون بين قطر وإيران قديم.')).toEqual([]);
  });

  it('codes cooperation that a verb enacts', () => {
    const events = code('عززت قطر التعاون مع تركيا.');
    expect(events.map((e) => `${e.root} ${who(e.source)}>${who(e.target)}`)).toEqual(['06 QAT>TUR']);
  });

  it('marks a negated visit (jussive of a hollow verb)', () => {
    const [event] = code('لم يزر الرئيس التركي الدوحة.');
    expect(event?.negated).toBe(true);
    expect(event?.code).toBe('042');
  });

  it('turns a future visit into an intent to meet', () => {
    expect(code('سيزور أمير قطر أنقرة الشهر المقبل.').map(summary)).toEqual(['036 QAT/GOV>TUR']);
  });

  it('takes the doer of an event noun from its relative clause (الزيارة التي قام بها X)', () => {
    expect(code('وكانت الزيارة الرسمية التي قام بها الرئيس التركي لمقر الجامعة العربية ناجحة.').map(summary)).toEqual(['042 TUR/GOV>ORG:ARAB_LEAGUE']);
    expect(code('وقعت الهجمات التي شنها مسلحون على الجيش المصري في سيناء.').map(summary)).toEqual(['190 ---/REB>EGY/MIL']);
  });

  it('gives a verb opening a relative clause the actors before the relative pronoun as subject', () => {
    const events = code('سعت مصر إلى علاقات أوثق مع الهند والبرازيل، اللتين عززتا العلاقات مع تركيا.');
    expect(events.map(summary)).toEqual(expect.arrayContaining(['050 IND>TUR', '050 BRA>TUR']));
    expect(events.some((e) => e.source?.id === 'EGY' && e.target?.id === 'TUR')).toBe(false);
  });

  it('codes the ratification of an agreement as signing it (أجاز، إجازة، إقرار)', () => {
    expect(code('أجاز البرلمان المصري الاتفاقية مع الأردن.').map((e) => e.code)).toContain('057');
    expect(code('قام مجلس الوزراء الكويتي بإقرار اتفاقية التعاون بين الكويت وعمان.').map((e) => `${e.code} ${e.source?.id}>${e.target?.id}`)).toContain('057 KWT>OMN');
  });

  it('codes presenting evidence against an actor as accusing it, not the word alone', () => {
    expect(code('قدمت أوكرانيا أدلة ضد روسيا.').map(summary)).toEqual(['112 UKR>RUS']);
    expect(code('لا توجد أدلة كافية في القضية.')).toEqual([]);
  });

  it('finds the place that hosted a meeting after a long name of the meeting', () => {
    const events = code('المؤتمر السنوي لحلف الناتو الخاص بأمن الطاقة في منطقة البحر المتوسط الذي عقد في الرباط كان ناجحا.');
    expect(events.map(summary)).toContain('043 MAR>ORG:NATO');
  });

  it('reads two names side by side as subject and object, not a list', () => {
    const events = code('دعمت إيرانقطر في الأزمة.');
    expect(events.map((e) => `${who(e.source)}>${who(e.target)}`)).toContain('IRN>QAT');
    expect(events.some((e) => e.source?.id === e.target?.id)).toBe(false);
  });
});

describe('Arabic protest and violence', () => {
  it('codes a protest with no target, its protesters civilians of the place', () => {
    const events = code('تظاهر آلاف المحتجين في بغداد أمس.');
    expect(events).toHaveLength(1);
    expect(events[0]?.root).toBe('14');
    expect(events[0]?.source).toMatchObject({ id: 'IRQ', role: 'CVL', cameo: 'IRQCVL' });
    expect(events[0]?.target).toBeNull();
  });

  it('finds what a protest is against after a cue word', () => {
    const events = code('ورفع المحتجون شعارات معادية لإيران.');
    expect(events.map((e) => `${e.root} ${who(e.target)}`)).toEqual(['14 IRN']);
  });

  it('gives a protest noun with no named actor its implied protesters', () => {
    const events = code('واندلعت احتجاجات واسعة في تونس.');
    expect(events).toHaveLength(1);
    expect(events[0]?.source).toMatchObject({ id: 'TUN', role: 'CVL' });
  });

  it('codes unknown gunmen as an actor of unknown country', () => {
    const events = code('قتل مسلحون مجهولون ثلاثة جنود في هجوم على حاجز.');
    expect(events).toHaveLength(1);
    expect(events[0]?.root).toBe('18');
    expect(events[0]?.source).toMatchObject({ id: '---', role: 'REB', cameo: '---REB' });
  });

  it('reads the killed as the target, and merges the triggers of one attack into its most specific code', () => {
    const events = code('قتل خمسة مدنيين في انفجار سيارة مفخخة في بغداد.');
    expect(events.map(summary)).toEqual(['1832 ->IRQ/CVL']);
  });

  it('keeps a bombing a verb tells without naming anyone, but not one in a relative clause', () => {
    const events = code('انفجرت سيارة مفخخة صباح اليوم قرب سوق شعبي.');
    expect(events.map((e) => `${e.root} ${who(e.source)}>${who(e.target)}`)).toEqual(['18 ->-']);
    expect(code('زار الوزير المدينة التي انفجرت فيها سيارة مفخخة.').filter((e) => e.source === null && e.target === null)).toEqual([]);
    expect(code('تحدث التقرير عن الانفجار.')).toEqual([]);
  });

  it('makes the subject of تعرض the target of the attack', () => {
    const events = code('تعرضت دورية للجيش الأمريكي لهجوم قرب الموصل.');
    expect(events.map((e) => `${e.root} ${who(e.source)}>${who(e.target)}`)).toEqual(['19 ->USA/MIL']);
  });

  it('does not code cooperation between actors named only by kind', () => {
    expect(code('تعاون المتظاهرون مع الطلاب.')).toEqual([]);
  });

  it('does not read protesters who help or meet others as protesting, but still codes their protest', () => {
    expect(code('ساعد المحتجون الطلاب في الجامعة.')).toEqual([]);
    expect(code('المتظاهرون اجتمعوا مع العمال.')).toEqual([]);
    expect(code('تظاهر المحتجون ثم اجتمعوا مع العمال في بغداد.').map((e) => e.root)).toEqual(['14']);
  });
});

describe('self pairs', () => {
  const actor = (id: string, role: Actor['role']): Actor => ({ id, cameo: `${id}${role ?? ''}`, role, name: id });
  const ref = (id: string, role: Actor['role'], start: number): ActorRef => {
    const mention: Mention = { start, end: start + 3, kind: 'state', sentence: 0, entry: id, actors: [actor(id, role)] };
    return { actor: actor(id, role), mention };
  };
  const assignment = (sources: ActorRef[], targets: ActorRef[]): Assignment => ({
    sources,
    targets,
    sourceGroup: null,
    targetGroup: null,
    mutual: false,
    penalty: 0,
  });
  const at = (root: string) => ({ root, end: 0, verb: true, implied: null, objectPronoun: false });

  it('treats one state with and without a role as one actor, two roles as two', () => {
    expect(selfPair(ref('IRN', 'GOV', 0), ref('IRN', null, 9))).toBe(true);
    expect(selfPair(ref('IRQ', 'CVL', 0), ref('IRQ', 'GOV', 9))).toBe(false);
  });

  it('drops a target that is the source itself and keeps the other candidates', () => {
    const pairs = participants(assignment([ref('IRN', 'GOV', 0)], [ref('IRN', null, 9), ref('QAT', null, 20)]), at('05'), emptyUnidentified());
    expect(pairs.map(([s, t]) => `${s?.actor.id}>${t?.actor.id}`)).toEqual(['IRN>QAT']);
  });

  it('emits no event when the only target is the source, unless the act needs no target', () => {
    const self = assignment([ref('IRN', 'GOV', 0)], [ref('IRN', null, 9)]);
    expect(participants(self, at('04'), emptyUnidentified())).toEqual([]);
    expect(participants(self, at('19'), emptyUnidentified()).map(([s, t]) => `${s?.actor.id}>${t?.actor.id ?? '-'}`)).toEqual(['IRN>-']);
  });
});
