// Arabic violence and coercion reports on sentences written for these tests: victims named by an accusative
// nisba or a partitive (خمسة من الجنود), passive verbs (أصيب، اغتيل، لقي مصرعه), doer phrases (برصاص X، على يد X،
// من قبل X), kind words inside a trigger phrase (هجوم انتحاري), and time phrases that do not cut a clause.
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
