// English rules for threats made through a condition, claims of one's own act, and sympathy at home: each on
// sentences written for this test.
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../src/pipeline.js';

const pipeline = createPipeline();

/** "134 RUS>USA" for each event: code, source id (with role when set), target id ('-' when none). */
function summary(text: string): string[] {
  const doc = pipeline.run({ text, meta: { id: 't', title: null, outlet: null, published: '2021-06-15', url: null, lang: 'en', origin: 't' } });
  const actor = (a: { id: string; role: string | null } | null): string => (a ? `${a.id}${a.role ? `/${a.role}` : ''}` : '-');
  return doc.events.map((e) => `${e.code} ${actor(e.source)}>${actor(e.target)}`);
}

describe('threats made through a condition', () => {
  it('aims a threat with no target at the subject of its if/unless clause', () => {
    expect(summary('Egypt threatened to suspend the talks if Ethiopia fills the dam this summer.')).toContain('134 EGY>ETH');
    expect(summary('Farmers in Chile threatened to hold a general strike unless Argentina reopens the pass.')).toContain('133 CHL/CVL>ARG');
  });

  it('keeps the threatened act’s own target before the condition’s subject', () => {
    const out = summary('Canada threatened to impose sanctions on Venezuela unless Cuba ends its support.');
    expect(out.some((e) => e.startsWith('13') && e.endsWith('>VEN'))).toBe(true);
    expect(out.some((e) => e.endsWith('>CUB'))).toBe(false);
  });

  it('reads a hostile act that will or may follow a condition as a threat, made now', () => {
    expect(summary('Norway may halt its mediation among Sudan’s warring factions if the shelling goes on.')).toEqual(['135 NOR>SDN']);
  });

  it('leaves an offer on a condition alone', () => {
    expect(summary('Iran will attend talks with France if the sanctions are lifted.').some((e) => e.startsWith('13'))).toBe(false);
  });

  it('takes the target of a boycotted or refused act ("boycott all contact with X")', () => {
    expect(summary('Nepalese officials said they would boycott all contact with India.')).toEqual(['133 NPL/GOV>IND']);
  });
});

describe('claims of one’s own act', () => {
  it('codes "X claimed that it attacked Y" as a claim of responsibility aimed at Y', () => {
    expect(summary('Hezbollah claimed that it had shelled Israel overnight.')).toEqual(['015 ORG:HEZBOLLAH>ISR']);
  });

  it('keeps an accusation when the pronoun names victims or another party is named', () => {
    expect(summary('Armenia claimed that it was attacked overnight.').some((e) => e.startsWith('015'))).toBe(false);
    expect(summary('Armenia claimed that Azerbaijan had shelled its villages.')).not.toContain('015 ARM>AZE');
  });
});

describe('sympathy at home', () => {
  it('aims sympathy over an incident in the speaker’s own country at its people', () => {
    expect(summary('President Macron expressed sorrow for the shootings in Marseille.')).toEqual(['018 FRA/GOV>FRA/CVL']);
  });

  it('aims sympathy over an incident abroad at the state where it happened', () => {
    expect(summary('Jordan expressed sympathy for the victims of the floods in Pakistan.')).toEqual(['018 JOR>PAK']);
  });
});

describe('force used at home on people named by kind', () => {
  it('aims it at the doer’s own rebels, people or dissidents', () => {
    expect(summary('Syrian troops attacked rebel positions in Homs.')).toEqual(['190 SYR/MIL>SYR/REB']);
    expect(summary('Sudanese rebels attacked civilians near Kassala.')).toEqual(['190 SDN/REB>SDN/CVL']);
  });

  it('leaves them to the place, or to a country named with them, when there is one', () => {
    expect(summary('Turkish jets bombed rebels near Aleppo.')).toEqual(['195 TUR/MIL>SYR']);
    expect(summary('Iraqi troops attacked Syrian rebels.').some((e) => e.endsWith('IRQ/REB'))).toBe(false);
  });
});

describe('reports of another’s attack', () => {
  it('codes "X said that Y attacked" as X accusing Y, beside the attack itself', () => {
    const out = summary('Ukraine said that Russia had attacked its border posts.');
    expect(out).toContain('112 UKR>RUS');
  });

  it('accuses the place a passive attack came from', () => {
    expect(summary('Turkey said a rocket was fired at it from Syria on Monday.')).toContain('112 TUR>SYR');
  });

  it('accuses no one when the speaker reports its own attack', () => {
    expect(summary('Israel said it had attacked positions in Lebanon.').some((e) => e.startsWith('112'))).toBe(false);
  });
});

describe('acts only aimed at or wished for', () => {
  it('does not code the purpose of a trip or what one party wants another to do', () => {
    expect(summary('The envoy began a tour aimed at pushing for a truce in Yemen.').some((e) => e.startsWith('10'))).toBe(false);
    expect(summary('Biden wants Japan to attack Korea.').some((e) => e.startsWith('19'))).toBe(false);
  });
});

describe('phrases around their own actors and content', () => {
  it('keeps an act whose phrase spans its target ("agreed to US mediation")', () => {
    expect(summary('Colombia has agreed to US mediation.')).toEqual(['038 COL>USA']);
  });

  it('does not read "a treaty of friendship" as naming an unknown agent', () => {
    expect(summary('Morocco and Senegal signed a treaty of friendship.')).toEqual(['057 MAR>SEN']);
  });

  it('does not read a dismissal on a weekday as gunfire', () => {
    expect(summary('The Peruvian minister was fired on Tuesday by the president.').some((e) => e.startsWith('19'))).toBe(false);
  });
});

describe('noun and adjective readings after a verb', () => {
  it('reads a participle right after a verb as describing its object ("reject proposed Israeli changes")', () => {
    expect(summary('The Palestinians reject proposed Israeli changes to the plan.').some((e) => e.startsWith('02'))).toBe(false);
    expect(summary('Israeli army bulldozers demolished Palestinian homes.').some((e) => e.endsWith('ISR/MIL>PSE'))).toBe(true);
  });

  it('reads a verb-or-noun word after "all" or "more" as the noun ("prohibit all aid to X")', () => {
    expect(summary('Britain said it would prohibit all aid to Sudanese rebels.').some((e) => e.startsWith('033'))).toBe(false);
  });
});

describe('wounding, and whom a protest is against', () => {
  it('codes wounding as violence, and "killed or wounded" as passive', () => {
    expect(summary('Rebels in Mali wounded two French soldiers.').some((e) => e.startsWith('190') && e.endsWith('FRA/MIL'))).toBe(true);
    expect(summary('Talks on the border wound down on Friday.').some((e) => e.startsWith('19'))).toBe(false);
    expect(summary('Yemen complained over Saudi raids in which 12 people were killed or wounded.').some((e) => e === '190 SAU>-')).toBe(false);
  });

  it('finds the doer of what a protest is against ("against abuses by X")', () => {
    expect(summary('Kenyan students marched in protest against the killings of villagers by Ugandan troops.')).toEqual(['141 KEN/CVL>UGA/MIL']);
  });

  it('makes protesters against their own state’s forces its people', () => {
    expect(summary('Tunisian lawyers held a sit-in against the abuses by Tunisian police.')).toContain('141 TUN/CVL>TUN/MIL');
  });
});

describe('demands and nouns after a report', () => {
  it('reads "X said Y and its allies must ..." as a demand on Y', () => {
    expect(summary('Germany said Iran and its allies must stop the attacks.').some((e) => e.startsWith('10') && e.endsWith('DEU>IRN'))).toBe(true);
  });

  it('gives a noun governed by "he will extend" or "it would sign" the speaker as its agent', () => {
    expect(summary('Iran said it would sign an agreement with Iraq.')).toEqual(['030 IRN>IRQ']);
    expect(summary('The Jordanian king announced that he will extend the curfew in Irbid.')).toEqual(['1323 JOR/GOV>JOR/CVL']);
  });
});

describe('letting inspectors in', () => {
  it('codes allowing or permitting inspectors or monitors as receiving them (0862), an intent when future', () => {
    expect(summary('Syria allowed UN monitors into Homs.')).toEqual(['0862 SYR>ORG:UN']);
    expect(summary('Iran said it would permit the return of IAEA inspectors.')).toContain('0355 IRN>ORG:IAEA');
    expect(summary('The rebels allowed the wounded to leave.').some((e) => e.startsWith('086'))).toBe(false);
  });
});

describe('objects of accusations and -ing modifiers', () => {
  it('takes "blamed X for the bombing" as one accusation', () => {
    expect(summary('Lebanon blamed Israel for the bombing of a bridge.')).toEqual(['1123 LBN>ISR']);
  });

  it('reads a verb lemma after "the <-ing word>" as a noun ("the peacekeeping force")', () => {
    expect(summary('Ghana praised the peacekeeping force in Liberia.').some((e) => e.startsWith('170'))).toBe(false);
  });
});

describe('consensus to act, rights to act, receiving observers', () => {
  it('reads "reached a consensus to <act>" as an intent to do it', () => {
    expect(summary('Chile and Peru reached a consensus to exchange information on fisheries.')).toEqual(['0314 CHL>PER']);
  });

  it('does not code what a party has the right to do', () => {
    expect(summary('France defended the right of Malian troops to fire on militants in Gao.').some((e) => e.startsWith('19'))).toBe(false);
  });

  it('codes receiving a mission of observers as receiving inspectors (0862)', () => {
    expect(summary('Georgia received a mission of observers from the OSCE.')).toEqual(['0862 GEO>ORG:OSCE']);
  });
});

describe('whom a demand asks', () => {
  it('aims a demand for an act at the act’s named doer ("demanded an apology by Russia")', () => {
    expect(summary('Ukraine demanded an immediate apology by Russia.')).toEqual(['102 UKR>RUS']);
  });
});

describe('rebels and dissidents a state deals with', () => {
  it('reads unnamed rebels in talks, concessions and rejections as the state’s own', () => {
    expect(summary('The Sudanese government held talks with rebels in Nairobi.')).toEqual(['046 SDN/GOV>SDN/REB']);
    expect(summary('Colombia rejected demands from guerrillas.')).toEqual(['120 COL>COL/REB']);
  });

  it('takes their country when it is named right after them ("dissidents from Myanmar")', () => {
    expect(summary('The Thai king met with exiled dissidents from military-ruled Myanmar.')).toEqual(['040 THA/GOV>MMR/OPP']);
    expect(summary('Turkish jets bombed rebels in Iraq.')).toEqual(['195 TUR/MIL>IRQ/REB']);
  });
});

describe('an event noun in the object of a verb that will or is ready to happen', () => {
  it('reads the noun as intent however long the object ("ready to contribute 500 troops to a peacekeeping force")', () => {
    expect(summary('Spain is ready to contribute 500 troops to a peacekeeping force in Mali.')).toEqual(['0334 ESP>MLI']);
    expect(summary('Spain will send 2,000 soldiers to a peace-keeping force in Mali.')).toEqual(['0334 ESP>MLI']);
  });

  it('keeps the act done when nothing marks it, or when an adjunct word or a comma ends the object', () => {
    expect(summary('Spain contributed 500 troops to a peacekeeping force in Mali.')).toEqual(['074 ESP>MLI']);
    expect(summary('Spain plans to vote after a peacekeeping force arrived in Mali.').some((e) => e.startsWith('03'))).toBe(false);
  });
});

describe('protesters the text does not name', () => {
  it('makes them the people of the place a protest verb puts them in, with no target the text does not name', () => {
    expect(summary('Thousands of people blocked roads in Lima to demand reforms.')).toEqual(['144 PER/CVL>-']);
    expect(summary('Thousands of people marched in Lima.')).toEqual(['141 PER/CVL>-']);
  });

  it('keeps whom a cue after the protest names ("in defiance of", "against")', () => {
    expect(summary('Thousands of people blocked streets in Lima in defiance of Chilean authorities.')).toEqual(['144 PER/CVL>CHL/GOV']);
    expect(summary('Thousands of protesters marched in Lima against the Chilean embassy.')).toEqual(['141 PER/CVL>CHL']);
  });
});

describe('withdrawing a peacekeeping force', () => {
  it('codes it as withdrawing peacekeepers (166), and as a threat when a condition follows', () => {
    expect(summary('Kenya withdrew its peacekeeping force from Somalia.')).toEqual(['166 KEN>SOM']);
    expect(summary('Kenya announced that it will withdraw its peacekeeping force from Somalia unless the Somali government pays its troops.')).toEqual(['136 KEN>SOM']);
  });
});

describe('inspectors sent to a place', () => {
  it('codes sending or dispatching inspectors or investigators to X as investigating X (090), not their mere mention', () => {
    expect(summary('The IAEA dispatched inspectors to Iran.')).toEqual(['090 ORG:IAEA>IRN']);
    expect(summary('The IAEA said its inspectors were in Iran.')).toEqual([]);
  });
});
