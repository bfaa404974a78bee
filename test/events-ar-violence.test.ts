// Arabic violence, coercion and protest reports on sentences written for these tests: victims named by an
// accusative nisba, a partitive (خمسة من الجنود) or a possessive (جنوده), passive verbs (أصيب، اغتيل، لقي مصرعه),
// doer phrases (برصاص X، على يد X، من قبل X), the agent nisba of a violence noun, kind words inside a trigger phrase
// (هجوم انتحاري), what a protest is against, and the sentence-level settling of one incident told several ways.
import { describe, expect, it } from 'vitest';
import type { CodedEvent } from '../src/document.js';
import { createPipeline } from '../src/pipeline.js';

const pipeline = createPipeline();

function run(text: string) {
  const meta = { id: 't', title: null, outlet: null, published: '2008-05-10', url: null, lang: 'ar' as const, origin: 't' };
  return pipeline.run({ text, meta });
}

const who = (a: CodedEvent['source']): string => (a ? `${a.id}${a.role ? `/${a.role}` : ''}` : '-');
const summary = (e: CodedEvent): string => `${e.code} ${who(e.source)}>${who(e.target)}`;
const code = (text: string): string[] => run(text).events.map(summary);

describe('victims named by an accusative nisba or a partitive', () => {
  it('reads an indefinite accusative nisba as the victim’s country (مهندسا فرنسيا)', () => {
    expect(code('خطف مسلحون مجهولون أمس مهندسا فرنسيا في مدينة الموصل.')).toEqual(['181 ---/REB>FRA/CVL']);
  });

  it('does not join an accusative nisba to a plural subject before it (مسلحون أميركيا)', () => {
    expect(code('اختطف مسلحون أميركيا في بغداد.')).toEqual(['181 ---/REB>USA']);
  });

  it('takes "five of the soldiers" as the soldiers, not as an object of من', () => {
    const events = run('قتل خمسة من الجنود العراقيين في هجوم على حاجز للتفتيش.').events;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.source === null && who(e.target) === 'IRQ/MIL')).toBe(true);
  });

  it('finds the country of a nisba past the definite adjectives of its noun (من الضربات الجوية الأميركية)', () => {
    expect(code('قتل 150 مدنيا أفغانيا في سلسلة من الضربات الجوية الأميركية.')).toEqual(['195 USA>AFG/CVL']);
  });
});

describe('passive verbs and doer phrases', () => {
  it('makes the subject of أصيب the victim', () => {
    expect(code('أصيب ثلاثة جنود أتراك بجروح في انفجار لغم أرضي.')).toEqual(['1833 ->TUR/MIL']);
  });

  it('makes the subject of لقي مصرعه the victim', () => {
    expect(code('لقي مدنيان سوريان مصرعهما في غارة جوية.')).toEqual(['195 ->SYR/CVL']);
  });

  it('codes nothing for an illness (أصيب بمرض)', () => {
    expect(code('أصيب الوزير بمرض عضال.')).toEqual([]);
  });

  it('takes the doer of a passive from على يد', () => {
    expect(code('اغتيل الوزير اللبناني على يد مسلحين مجهولين.')).toEqual(['186 ---/REB>LBN/GOV']);
  });

  it('takes the doer of an objective noun from على يد', () => {
    expect(code('أعلنت الشرطة اغتيال الوزير اللبناني على يد مسلحين مجهولين.')).toContain('186 ---/REB>LBN/GOV');
  });

  it('reads برصاص X as the doer of an unvocalised (passive) قتل', () => {
    expect(code('قتل الصحفي برصاص الشرطة اليونانية.')).toEqual(['180 GRC/GOV>---/CVL']);
  });

  it('reads من قبل X as the doer, and does not cut the clause at قبل', () => {
    expect(code('اعتقل الناشط من قبل الشرطة المصرية.')).toEqual(['173 EGY/GOV>---/CVL']);
  });

  it('leaves statements with على يد alone', () => {
    expect(code('قال الوزير إن الاتفاق تم على يد الوسطاء.')).toEqual([]);
  });
});

describe('phrases and clauses', () => {
  it('does not take the kind word of a trigger phrase as an actor (هجوم انتحاري)', () => {
    expect(code('قتل جنديان إسبانيان في هجوم انتحاري جنوب البلاد.')).toEqual(['1831 ->ESP/MIL']);
  });

  it('keeps a time phrase after قبل in its clause (خطفوا قبل ظهر أمس أميركيا)', () => {
    const doc = run('وقالت الشرطة إن مسلحين مجهولين خطفوا قبل ظهر أمس أميركيا.');
    expect(doc.sentences[0]?.clauses).toHaveLength(1);
    expect(doc.events.map(summary)).toEqual(['181 ---/REB>USA']);
  });
});

describe('victims and agents of one incident', () => {
  it('gives a possessed kind word the state named before it (مقتل اثنين من جنوده)', () => {
    expect(code('أعلن الجيش الأميركي مقتل اثنين من جنوده في انفجار عبوة ناسفة.')).toEqual(['1833 ->USA/MIL']);
  });

  it('makes a person alone beside a verb of killing its victim', () => {
    expect(code('قتل وزير الدفاع اللبناني في انفجار سيارة مفخخة.')).toEqual(['1832 ->LBN/GOV']);
  });

  it('makes gunmen after a verb of killing, with nobody for them to kill, its victims', () => {
    expect(code('قتل ثلاثة مسلحين في ضربة جوية أميركية.')).toEqual(['195 USA>---/REB']);
  });

  it('keeps the nisba of a violence noun its agent, not another verb’s victim (جراء ضربة جوية أميركية)', () => {
    const events = run('وقال مصدر في الشرطة إن ثمانية أشخاص قتلوا جراء ضربة جوية أميركية.').events;
    expect(events.map(summary)).toEqual(['195 USA>---/CVL']);
    expect(events[0]?.hypothetical).toBe(false);
  });

  it('keeps the police the doer when they assault protesters', () => {
    expect(code('واعتدت الشرطة على المتظاهرين في الساحة.')).toContain('180 ---/GOV>---/CVL');
  });

  it('tells victims of one country in one doerless incident once (خمسة أشخاص بينهم ثلاثة من رجال الشرطة)', () => {
    const events = run('قتل خمسة أشخاص بينهم ثلاثة من رجال الشرطة العراقية في انفجار سيارة مفخخة في بغداد.').events;
    expect(events).toHaveLength(1);
    expect(events[0]?.target?.id).toBe('IRQ');
  });
});

describe('protests', () => {
  it('takes what a chant brings down as the target (يسقط بوش)', () => {
    expect(code('خرج آلاف المتظاهرين إلى الشوارع مرددين هتافات «يسقط بوش».')).toEqual(['141 ---/CVL>USA/GOV']);
  });

  it('takes the state whose embassy the protesters gather at as the target', () => {
    expect(code('تجمع المحتجون أمام مقر سفارة إستونيا في موسكو.')).toEqual(['141 RUS/CVL>EST']);
  });

  it('does not make what a protest is against a protester too (حكومة الرئيس السوداني ... لها)', () => {
    expect(code('وهتف المتظاهرون ضد حكومة الرئيس السوداني ورددوا شعارات مناوئة لها.')).toEqual(['141 ---/CVL>SDN/GOV']);
  });

  it('does not make security forces the protesters when they fire on them', () => {
    const events = run('أطلقت قوات الأمن النار على المتظاهرين في القاهرة.').events;
    expect(events.some((e) => e.root === '14' && e.source?.role === 'GOV')).toBe(false);
    expect(events.map(summary)).toContain('193 EGY/GOV>EGY/CVL');
  });

  it('makes the subject of a clause done احتجاجا على ... the protester', () => {
    expect(code('أضرب العمال المصريون احتجاجا على تدني الأجور.')).toEqual(['143 EGY/CVL>EGY/GOV']);
  });

  it('reads مسيرة as a march only beside what makes one', () => {
    expect(code('تؤخر الأزمة مسيرة لبنان التنموية.')).toEqual([]);
    expect(run('انطلقت مسيرة حاشدة في بيروت تنديدا بالغارات.').events.map((e) => e.root)).toEqual(['14']);
  });
});

describe('lexicon senses and modality', () => {
  it('does not read أن/إن after a reporting verb as a condition; إذا still is one', () => {
    expect(run('وقال الوزير إن الرئيس التركي زار قطر.').events.map((e) => e.hypothetical)).toEqual([false]);
    expect(run('إذا زار الرئيس التركي قطر فسيلتقي الأمير.').events.every((e) => e.hypothetical)).toBe(true);
  });

  it('codes support as military aid only when it comes as arms', () => {
    expect(code('دعمت قطر إيران في مجلس الأمن رغم سعيها لامتلاك سلاح نووي.')).toEqual(['051 QAT>IRN']);
    expect(code('دعمت إيران الحوثيين بالسلاح.')).toEqual(['072 IRN>ORG:HOUTHIS']);
  });

  it('keeps support told both ways as two events', () => {
    expect(code('دعمت إيران قطر في الأزمة. ثم دعمت قطر إيران في مجلس الأمن.')).toEqual(['051 IRN>QAT', '051 QAT>IRN']);
  });
});

describe('targets left to the place (as the English coder reads them)', () => {
  it('aims a named doer’s strike in another state at that state', () => {
    expect(code('وقال مسؤول إن إسرائيل نفذت ضربة جوية في سورية الأسبوع الماضي.')).toEqual(['195 ISR>SYR']);
  });

  it('gives settlers their state when the sentence names no other', () => {
    expect(code('هاجم مستوطنون مزارعين فلسطينيين قرب نابلس.')).toEqual(['190 ISR/CVL>PSE/CVL']);
  });

  it('leaves an attack by unknown gunmen without a target', () => {
    expect(code('هاجم مسلحون مجهولون حاجزا في بغداد.')).toEqual(['190 ---/REB>-']);
  });

  it('aims a protest by a state’s people at home at their government, and abroad at the host state', () => {
    expect(code('تظاهر آلاف المصريين في القاهرة احتجاجا على غلاء الأسعار.')).toEqual(['1412 EGY/CVL>EGY/GOV']);
    expect(code('تظاهر مئات الأتراك في برلين احتجاجا على القرار.')).toEqual(['1412 TUR/CVL>DEU']);
  });
});
