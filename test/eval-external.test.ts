import { describe, expect, it } from 'vitest';
import { actorCheck, actorSatisfies, loadStateCodes, splitActorCode } from '../src/eval/actor-codes.js';
import { scoreExternal, type ExternalRecord, type ExternalSystem } from '../src/eval/external.js';
import { DEFAULT_DATA_DIR } from '../src/lexicon/index.js';

const states = loadStateCodes(DEFAULT_DATA_DIR);

function record(id: string, events: ExternalRecord['events']): ExternalRecord {
  return { id, lang: 'en', text: 'a made-up sentence', date: '2008-08-04', events };
}
function sys(code: string, plover: string | null, source: string | null, target: string | null): ExternalSystem {
  const actor = (id: string | null) => (id ? { id, cameo: id.startsWith('ORG:') ? 'IGO' : id } : null);
  return { root: code.slice(0, 2), code, plover, source: actor(source), target: actor(target) };
}

describe('external actor codes', () => {
  it('splits codes into 3-letter blocks', () => {
    expect(splitActorCode('USAGOV')).toEqual(['USA', 'GOV']);
    expect(splitActorCode('IGOUNOMIL')).toEqual(['IGO', 'UNO', 'MIL']);
    expect(splitActorCode('---LEG')).toEqual(['---', 'LEG']);
    expect(splitActorCode('CVLalb')).toEqual(['CVL', 'alb']);
  });

  it('reads a state from the first block, organisations from IGO blocks, and skips the rest', () => {
    expect(actorCheck('USAGOV', states)).toEqual({ kind: 'state', id: 'USA', cameo: 'USA' });
    expect(actorCheck('BRAPPL', states)).toMatchObject({ kind: 'state', id: 'BRA' });
    expect(actorCheck('PSEGZACVL', states)).toMatchObject({ kind: 'state', id: 'PSE' });
    expect(actorCheck('JAPGOV', states)).toMatchObject({ kind: 'state', id: 'JPN' });
    expect(actorCheck('IGOUNO', states)).toEqual({ kind: 'org', id: 'ORG:UN' });
    expect(actorCheck('IGOUNOMIL', states)).toEqual({ kind: 'org', id: 'ORG:UN' });
    expect(actorCheck('IGOEUREEC', states)).toEqual({ kind: 'org', id: 'ORG:EU' });
    expect(actorCheck('NATO', states)).toEqual({ kind: 'org', id: 'ORG:NATO' });
    expect(actorCheck('IGO', states)).toBeNull();
    expect(actorCheck('---LEG', states)).toBeNull();
    expect(actorCheck('GOV', states)).toBeNull();
    expect(actorCheck('IMGMUSISI', states)).toBeNull();
    expect(actorCheck(null, states)).toBeNull();
  });

  it('compares a state check with our actor id or the country block of our CAMEO code', () => {
    const usa = actorCheck('USAGOV', states);
    expect(usa).not.toBeNull();
    if (!usa) return;
    expect(actorSatisfies(usa, { id: 'USA', cameo: 'USAGOV' })).toBe(true);
    expect(actorSatisfies(usa, { id: 'RUS', cameo: 'RUS' })).toBe(false);
    expect(actorSatisfies(usa, null)).toBe(false);
  });
});

describe('external scoring', () => {
  it('matches type and named actors, counts no-event records as false positives, skips test-only codes', () => {
    const items = [
      { record: record('r1', [{ source: 'USAGOV', target: 'CHN', cameo: '042', cameo_known: true }]), system: [sys('043', null, 'USA', 'CHN')] },
      { record: record('r2', [{ source: '---LEG', target: 'RUS', cameo: '111', cameo_known: true }]), system: [sys('112', null, 'GEO', 'RUS')] },
      { record: record('r3', []), system: [sys('010', null, 'USA', null)] },
      { record: record('r4', [{ source: 'USA', target: 'IRN', cameo: '174K', cameo_known: false }]), system: [sys('174', null, 'USA', 'IRN')] },
      { record: record('r5', [{ source: 'USAGOV', target: 'IRNGOV', cameo: '042', cameo_known: true }]), system: [sys('042', null, 'IRN', 'USA')] },
    ];
    const run = scoreExternal('x.jsonl', items, states);
    expect(run.counts.records).toBe(4); // r4 left out: its only event has a test-only code
    expect(run.counts.skippedEvents).toBe(1);
    expect(run.counts.gold).toBe(3);
    expect(run.counts.system).toBe(4);
    expect(run.counts.matched).toBe(2); // r1 and r2 (---LEG source not checked); r5 has the actors swapped
    expect(run.counts.typeMatched).toBe(3);
    expect(run.full.precision).toBeCloseTo(2 / 4);
    expect(run.full.recall).toBeCloseTo(2 / 3);
    expect(run.typeOnly.recall).toBeCloseTo(1);
  });

  it('compares PLOVER categories when the gold has no CAMEO code', () => {
    const items = [
      { record: record('p1', [{ source: '---CVL', target: 'LBNGOV', cameo: null, plover: 'PROTEST' }]), system: [sys('141', 'PROTEST', null, 'LBN')] },
      { record: record('p2', [{ source: 'ISRMIL', target: null, cameo: null, plover: 'ASSAULT' }]), system: [sys('190', 'FIGHT', 'ISR', 'PSE')] },
    ];
    const run = scoreExternal('y.jsonl', items, states);
    expect(run.counts.matched).toBe(1);
    expect(run.full.recall).toBeCloseTo(1 / 2);
  });

  it('scores only the category a record was annotated for when it names one (meta.event_type)', () => {
    const protest: ExternalRecord = { ...record('g1', [{ source: '---CVL', target: null, cameo: null, plover: 'PROTEST' }]), meta: { event_type: 'PROTEST' } };
    const items = [{ record: protest, system: [sys('141', 'PROTEST', null, null), sys('010', null, 'EGY', null), sys('173', 'COERCE', 'EGY', null)] }];
    const run = scoreExternal('s.jsonl', items, states);
    expect(run.counts.system).toBe(1);
    expect(run.counts.outOfScope).toBe(2);
    expect(run.full.precision).toBeCloseTo(1);
    // Without the annotation scope every event counts.
    expect(scoreExternal('s.jsonl', [{ ...items[0]!, record: { ...protest, meta: {} } }], states).counts.system).toBe(3);
  });

  it('reads the 2016 PLOVER names as the 2021 events (and modes) they became', () => {
    const plover = (name: string) => [{ source: 'USAGOV', target: 'IRN', cameo: null, plover: name }];
    const items = [
      { record: record('d1', plover('DEMAND')), system: [sys('1041', 'REQUEST', 'USA', 'IRN')] },
      { record: record('d2', plover('DISAPPROVE')), system: [sys('112', 'ACCUSE', 'USA', 'IRN')] },
      { record: record('d3', plover('INVESTIGATE')), system: [sys('092', 'ACCUSE', 'USA', 'IRN')] },
      { record: record('d4', plover('FIGHT')), system: [sys('193', 'ASSAULT', 'USA', 'IRN')] },
      // An accusation is not an investigation, though both are ACCUSE now.
      { record: record('d5', plover('INVESTIGATE')), system: [sys('112', 'ACCUSE', 'USA', 'IRN')] },
      { record: record('d6', plover('DISAPPROVE')), system: [sys('092', 'ACCUSE', 'USA', 'IRN')] },
    ];
    const run = scoreExternal('z.jsonl', items, states);
    expect(run.records.map((r) => r.full.length)).toEqual([1, 1, 1, 1, 0, 0]);
  });
});

describe('mutual acts told both ways', () => {
  it('counts a gold pair A->B, B->A of a mutual root as one event that our event matches in either order', () => {
    const items = [
      {
        record: record('m1', [
          { source: 'OMN', target: 'QAT', cameo: '040', cameo_known: true },
          { source: 'QAT', target: 'OMN', cameo: '040', cameo_known: true },
        ]),
        system: [sys('040', null, 'QAT', 'OMN')],
      },
    ];
    const run = scoreExternal('m.jsonl', items, states);
    expect(run.counts.gold).toBe(1);
    expect(run.counts.reciprocalPairs).toBe(1);
    expect(run.counts.matched).toBe(1);
  });

  it('keeps both directions of a conflict root apart (two accusations are two acts)', () => {
    const items = [
      {
        record: record('m2', [
          { source: 'IND', target: 'PAK', cameo: '112', cameo_known: true },
          { source: 'PAK', target: 'IND', cameo: '112', cameo_known: true },
        ]),
        system: [sys('112', null, 'PAK', 'IND')],
      },
    ];
    const run = scoreExternal('m.jsonl', items, states);
    expect(run.counts.gold).toBe(2);
    expect(run.counts.matched).toBe(1);
  });

  it('collapses a PLOVER compound actor expanded into two events whatever the category', () => {
    const events = [
      { source: 'PHLMIL', target: 'PHLREB', cameo: null, plover: 'FIGHT', derived_reciprocal: true },
      { source: 'PHLREB', target: 'PHLMIL', cameo: null, plover: 'FIGHT', derived_reciprocal: true },
    ];
    const run = scoreExternal('p.jsonl', [{ record: record('m3', events), system: [sys('190', 'ASSAULT', 'PHL', 'PHL')] }], states);
    expect(run.counts.gold).toBe(1);
    expect(run.counts.matched).toBe(1);
  });
});
