// English acts that are only asked for, refused or described, not told as happening: the cooperative act in the
// object of a demand or a rejection, a participle describing a prepositional object, a "pressure group", and
// an actorless attack beside a state's report of it. Sentences written for this test.
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../src/pipeline.js';

const pipeline = createPipeline();

/** "125 CHL>PER" for each event: code, source id (with role when set), target id ('-' when none). */
function summary(text: string): string[] {
  const doc = pipeline.run({ text, meta: { id: 't', title: null, outlet: null, published: '2019-03-12', url: null, lang: 'en', origin: 't' } });
  const actor = (a: { id: string; role: string | null } | null): string => (a ? `${a.id}${a.role ? `/${a.role}` : ''}` : '-');
  return doc.events.map((e) => `${e.code} ${actor(e.source)}>${actor(e.target)}`);
}

const roots = (events: string[]): string[] => events.map((e) => e.slice(0, 2));

describe('what a rejection or a demand asks for or refuses', () => {
  it('codes the refused meeting as part of the rejection only', () => {
    const events = summary('Chile on Monday turned down a Peruvian offer to host a summit on fishing rights.');
    expect(roots(events)).toContain('12');
    expect(roots(events)).not.toContain('04');
  });

  it('codes opposition to a mediation without the talks it would mediate', () => {
    const events = summary('Greece is opposed to Swiss mediation in border negotiations with Turkey.');
    expect(events.some((e) => e.startsWith('12') && e.includes('GRC>CHE'))).toBe(true);
    expect(events.some((e) => e.startsWith('04'))).toBe(false);
  });

  it('codes a demanded meeting as a demand, not as a meeting that took place', () => {
    const events = summary('Ecuador on Tuesday demanded a meeting of the UN Security Council to discuss the border crisis.');
    expect(events.some((e) => e.startsWith('10') && e.includes('ECU>ORG:UNSC'))).toBe(true);
    expect(roots(events)).not.toContain('04');
  });

  it('keeps a second predicate and a circumstance of the rejection', () => {
    expect(summary('Chile rejected the Peruvian plan and signed a fishing accord with Argentina.')).toContain('057 CHL>ARG');
    expect(summary('Chile rejected the Peruvian plan and then held talks with Argentina.')).toContain('046 CHL>ARG');
    expect(summary('Chile demanded the return of its trawlers during talks with Peru.').some((e) => e.startsWith('04'))).toBe(true);
  });
});

describe('a participle that describes the object of a preposition', () => {
  it('does not make the sentence subject the doer of "ordered out of"', () => {
    const events = summary('Ghana opened its border to many Togolese ordered out of Nigeria last week.');
    expect(events.some((e) => e.startsWith('10'))).toBe(false);
  });

  it('still reads "thousands of X marched" and "A and opened" as predicates', () => {
    expect(roots(summary('Thousands of Chilean students marched in Santiago against the Chilean government.'))).toContain('14');
    expect(summary('Chile has restored diplomatic ties with and opened an embassy in Bolivia.').length).toBeGreaterThan(0);
  });
});

describe('words that only look like acts', () => {
  it('does not code a pressure group as coercion', () => {
    expect(roots(summary('Japan has mobilized pressure groups in Chile to support the rights of Peruvians.'))).not.toContain('17');
    expect(roots(summary('Japan put pressure on Chile to end whaling.'))).toContain('17');
  });
});

describe('an attack told only through a state report', () => {
  it('keeps the accusation and drops the actorless attack', () => {
    const events = summary('Turkey said a rocket was fired at it from Syria on Monday.');
    expect(events).toContain('112 TUR>SYR');
    expect(events.some((e) => e.endsWith(' ->-'))).toBe(false);
  });
});

describe('a people noun placed in another state', () => {
  it('reads "the Turks of Bulgaria" as people of Bulgaria', () => {
    const events = summary('The Turks of Bulgaria protested against the Bulgarian government.');
    expect(events.some((e) => e.includes('BGR/CVL>BGR/GOV'))).toBe(true);
    expect(events.some((e) => e.includes('TUR'))).toBe(false);
  });
});

describe('lexical readings', () => {
  it('codes medicine handed over as humanitarian aid, suspects handed over as their release', () => {
    expect(summary('Swiss doctors handed over two tonnes of medicine to Iran.')).toContain('073 CHE/CVL>IRN');
    expect(summary('Iran handed over the suspects to Iraq.').some((e) => e.startsWith('07'))).toBe(false);
  });

  it('does not read "heavily armed" as arming someone', () => {
    const events = summary('Serbs in Kosovo are demanding a NATO presence to protect them against a heavily armed Albanian militia.');
    expect(roots(events)).not.toContain('07');
    expect(summary('Iran armed the Houthis.')).toContain('072 IRN>ORG:HOUTHIS');
  });
});

describe('promises not to act and demands through a pronoun', () => {
  it('codes a pledge not to give aid as a refusal and a pledge not to attack as the attack negated', () => {
    expect(summary('Chile pledged not to sell weapons to Peru.').map((e) => e.slice(0, 2))).toEqual(['12']);
    const doc = pipeline.run({ text: 'Chile pledged not to attack Peru.', meta: { id: 't', title: null, outlet: null, published: '2019-03-12', url: null, lang: 'en', origin: 't' } });
    expect(doc.events.some((e) => e.code.startsWith('13'))).toBe(false);
    expect(doc.events.length).toBeGreaterThan(0);
    expect(doc.events.every((e) => e.negated)).toBe(true);
  });

  it('codes "told X that it must" and "a reminder to X that it must" as a demand on X', () => {
    expect(summary('Brazil told Peru that it must withdraw its troops.').some((e) => e.startsWith('10') && e.includes('BRA>PER'))).toBe(true);
    expect(summary('Brazil issued a stern reminder to Peru that it must withdraw its troops.').some((e) => e.startsWith('10') && e.includes('BRA>PER'))).toBe(true);
  });
});

describe('the subject of a clause opened by "after"', () => {
  it('takes the group right before the verb as its doer', () => {
    expect(summary('Chile recalled its envoy after Peru attacked Bolivia.')).toContain('190 PER>BOL');
    expect(summary('Chile recalled its envoy after Peruvian soldiers attacked a Chilean border post.')).toContain('190 PER/MIL>CHL');
  });

  it('leaves a prepositional object that is not followed by its verb alone', () => {
    expect(summary('Chile met Peru after talks with Bolivia ended.')).toEqual(['040 CHL>PER']);
  });
});

describe('exercises held by two states together', () => {
  it('codes them as one military cooperation between the states named together', () => {
    expect(summary('Chilean and Peruvian warships on Monday began five days of naval exercises off Arica.')).toEqual(['062 CHL/MIL>PER/MIL']);
    expect(summary('Chile and Peru held naval exercises in the Pacific.')).toEqual(['062 CHL>PER']);
  });

  it('keeps one state exercising, and two states testing missiles, as shows of force', () => {
    expect(summary('Chile held naval exercises in the Pacific.')).toEqual(['150 CHL>-']);
    expect(roots(summary('Chile and Peru test-fired missiles.'))).not.toContain('06');
  });
});

describe('a call for action against someone', () => {
  it('is aimed at whom the called-for sanctions or measures are against', () => {
    expect(summary('Ecuador called for sanctions against Peru.')).toEqual(['113 ECU>PER']);
    expect(summary('Ecuador called for punitive measures against Peru.')).toEqual(['113 ECU>PER']);
  });
});

describe('"be engaged in" an act', () => {
  it('makes the subject its doer, not its victim, and takes "against" as its target', () => {
    expect(summary('Peruvian forces were engaged in ethnic cleansing against Bolivians.')).toEqual(['203 PER/MIL>BOL']);
    expect(summary('Peruvian forces engaged in ethnic cleansing against Bolivians.')).toEqual(['203 PER/MIL>BOL']);
  });
});

describe('defending the right of someone', () => {
  it('is verbal support of them even when troops are named', () => {
    expect(summary('Brazil defended the right of Peruvian troops to patrol the border.')).toContain('052 BRA>PER/MIL');
    expect(summary('Brazil defended the right of Peru to respond.')).toContain('052 BRA>PER');
  });
});
