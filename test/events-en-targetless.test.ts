// English acts complete without a second party (resigning, promising a course, pulling forces back): emitted with
// target null when the sentence names no other party, and never for demands or beside another act of the same doer.
// Sentences written for this test.
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../src/pipeline.js';

const pipeline = createPipeline();

/** "0831 PER/GOV>-" for each event: code, source id (with role when set), target id ('-' when none). */
function summary(text: string): string[] {
  const doc = pipeline.run({ text, meta: { id: 't', title: null, outlet: null, published: '2021-06-15', url: null, lang: 'en', origin: 't' } });
  const actor = (a: { id: string; role: string | null } | null): string => (a ? `${a.id}${a.role ? `/${a.role}` : ''}` : '-');
  return doc.events.map((e) => `${e.code} ${actor(e.source)}>${actor(e.target)}`);
}

describe('acts with no target to name', () => {
  it('codes a resignation by a named office holder with target null', () => {
    expect(summary('The Peruvian prime minister resigned on Tuesday.')).toEqual(['0831 PER/GOV>-']);
    expect(summary('The Kenyan president stepped down on Friday.')).toEqual(['0831 KEN/GOV>-']);
  });

  it('codes a promise of a course of action with target null', () => {
    expect(summary('The Bolivian president promised to hold free elections.')).toEqual(['034 BOL/GOV>-']);
    expect(summary('Chile pledged to cut its emissions by half.')).toEqual(['030 CHL>-']);
  });

  it('codes a military pullback with target null', () => {
    expect(summary('Malian forces retreated on Monday.')).toEqual(['0874 MLI/MIL>-']);
  });

  it('emits none when the sentence names another party (the target was missed, not absent)', () => {
    expect(summary('The Peruvian prime minister resigned after talks with Chile.').some((e) => e.endsWith('>-'))).toBe(false);
  });

  it('emits no targetless demand or order: they are made of someone', () => {
    expect(summary('The Peruvian prime minister demanded new elections.')).toEqual([]);
    expect(summary('The Nepalese government ordered patrols in the capital.')).toEqual([]);
  });

  it('drops a targetless act that only tells the purpose of another act of its doer', () => {
    const out = summary('Bolivian farmers marched in La Paz to promise free elections.');
    expect(out).toContain('141 BOL/CVL>BOL/GOV');
    expect(out.some((e) => e.startsWith('03'))).toBe(false);
  });
});
