// English coding rules added for the external records, each on sentences written for this test: the place of
// violence as its target, the agent of a violence noun after a passive verb, verbs in noun position.
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../src/pipeline.js';

const pipeline = createPipeline();

function doc(text: string) {
  return pipeline.run({ text, meta: { id: 't', title: null, outlet: null, published: '2021-06-15', url: null, lang: 'en', origin: 't' } });
}

/** "190 JOR>SYR" for each event: code, source id, target id ('-' when none). */
function summary(text: string): string[] {
  return doc(text).events.map((e) => `${e.code} ${e.source?.id ?? '-'}>${e.target?.id ?? '-'}`);
}

describe('the place of an act with no named target', () => {
  it('aims violence by a named doer at the state where it happened', () => {
    expect(summary('Turkish jets bombed villages in northern Aleppo on Tuesday.')).toEqual(['195 TUR>SYR']);
    expect(summary('The drills that Iran staged near Basra worried Baghdad.').some((s) => s.endsWith('IRN>IRQ'))).toBe(true);
  });

  it('reads "in the east of X" and "the city of X" as inside X', () => {
    expect(summary('Two farmers were killed in Turkish shelling in the east of Idlib.')).toEqual(['194 TUR>SYR']);
  });

  it('leaves the target empty when the place is the doer’s own country, or when nobody is named as doing it', () => {
    expect(summary('Syrian troops attacked rebel positions in Homs.')).toEqual(['190 SYR>-']);
    // Violence told with no doer stays actorless: the place says where, not who suffered at whose hands.
    expect(summary('Seven people were killed in Aleppo on Sunday.')).toEqual(['190 ->-']);
  });
});

describe('verbs where only a noun can stand', () => {
  it('drops a verb reading after a possessive and modifiers ("its two-year campaign for")', () => {
    expect(summary('Hezbollah ended its two-year campaign for Lebanese voters.')).not.toContain('053 ORG:HEZBOLLAH>LBN');
  });
});

describe('English organisation names', () => {
  it('needs every capitalised word of a name capitalised in the text (Islamic State, not "an Islamic state")', () => {
    const ids = (t: string) => doc(t).mentions.map((m) => m.actors[0]?.id);
    expect(ids('The Islamic State attacked Mosul.')).toContain('ORG:ISIS');
    expect(ids('They fought for an Islamic state in Mosul.')).not.toContain('ORG:ISIS');
  });
});

describe('actors named by a capital, a company or a short state name', () => {
  const cameo = (t: string) => doc(t).mentions.map((m) => m.actors[0]?.cameo);
  it('reads "the Saudi capital" as the state, and takes a subject from "a report issued in" it', () => {
    expect(cameo('Officials in the Egyptian capital met.')).toEqual(['EGY']);
    expect(summary('A report issued on Monday in the Saudi capital accused Iran of arming rebels.')).toEqual(['1123 SAU>IRN']);
  });

  it('joins a short state name or a nisba with a body after it (US military, Turkish Airlines), and knows flag carriers', () => {
    expect(cameo('The US military and Turkish Airlines and Qatar Airways spoke.')).toEqual(['USAMIL', 'TURBUS', 'QATBUS']);
  });

  it('does not read a state in "pro-" or "anti-" compounds as the actor', () => {
    expect(doc('Pro-Iran militias and anti-American protesters marched.').mentions.map((m) => m.actors[0]?.id)).not.toContain('IRN');
    expect(doc('pro-Russia rebels fired.').mentions.map((m) => m.actors[0]?.id)).not.toContain('RUS');
  });
});

describe('what is not an attack, and where a noun’s target stands', () => {
  it('does not code deaths in an accident as violence', () => {
    expect(summary('Ten Egyptian soldiers were killed in a plane crash in Libya.')).toEqual([]);
  });

  it('reads a pause in the bombing as no bombing', () => {
    expect(summary('Witnesses reported a pause in the bombing in Homs.').filter((s) => s.startsWith('19'))).toEqual([]);
  });

  it('takes a noun’s place target only close to it', () => {
    expect(summary('Egypt’s foreign minister began a regional trip aimed at ending the war in Yemen.')).not.toContain('042 EGY>YEM');
  });

  it('codes seeking to deepen a partnership as an intent to cooperate by both parties', () => {
    expect(summary('Kenya and Ethiopia are seeking to deepen a partnership in energy.')).toEqual(['0311 KEN>ETH']);
  });
});

describe('a year that modifies a noun', () => {
  const dates = (text: string) =>
    pipeline
      .run({ text, meta: { id: 't', title: null, outlet: null, published: '2019-03-14', url: null, lang: 'en', origin: 't' } })
      .events.map((e) => `${e.code} ${e.date.value ?? '-'}`);

  it('dates only its own noun, not the act around it ("withdrew from the 2015 deal" on Tuesday)', () => {
    expect(dates('Canada announced on Tuesday that it was withdrawing from the 2015 trade agreement with Mexico.')).toEqual(['160 2019-03-12']);
  });

  it('still dates the noun it modifies, and a year after "in" dates the act', () => {
    // The criticism is undated by the text (publication date); the attack it names was in 2016.
    expect(dates('Egypt criticized Turkey for the 2016 attack on its embassy.')).toEqual(['111 2019-03-14']);
    expect(dates('Egypt and Libya signed the 2016 border agreement.')).toEqual(['057 2016']);
    expect(dates('Egypt attacked Libya in 2016.')).toEqual(['190 2016']);
  });
});
