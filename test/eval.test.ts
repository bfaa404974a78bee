import { describe, expect, it } from 'vitest';
import { scoreGoldDocs } from '../src/eval/gold.js';
import { dateMatches, figures, goldOrder, pairEvents, prf, scoreDocument, type GoldEvent, type SystemEvent } from '../src/eval/match.js';

function gold(cameo: string, source: string, target: string, extra: Partial<GoldEvent> = {}): GoldEvent {
  return { source, source_role: null, target, target_role: null, cameo, date: null, evidence: 'e', optional: false, ...extra };
}
function sys(code: string, source: string | null, target: string | null, extra: Partial<SystemEvent> = {}): SystemEvent {
  return { source, sourceRole: null, target, targetRole: null, code, date: null, evidence: 's', ...extra };
}

describe('gold matcher', () => {
  it('orders required gold events before optional ones, each group in file order', () => {
    const g = [gold('042', 'A', 'B', { optional: true }), gold('043', 'B', 'A'), gold('046', 'A', 'B', { optional: true }), gold('051', 'A', 'B')];
    expect(goldOrder(g)).toEqual([1, 3, 0, 2]);
  });

  it('lets a required gold event take the system event before an optional one listed earlier', () => {
    const g = [gold('042', 'QAT', 'IRN', { optional: true }), gold('042', 'QAT', 'IRN')];
    const pairs = pairEvents(g, [sys('042', 'QAT', 'IRN')], 'root');
    expect(pairs).toEqual([{ gold: 1, system: 0, reversed: false }]);
  });

  it('accepts either order for mutual roots 03-06 only', () => {
    const g = [gold('057', 'QAT', 'IRN'), gold('111', 'IRN', 'USA')];
    const s = [sys('057', 'IRN', 'QAT'), sys('111', 'USA', 'IRN')];
    const pairs = pairEvents(g, s, 'root');
    expect(pairs).toEqual([{ gold: 0, system: 0, reversed: true }]);
    for (const root of ['03', '04', '05', '06']) {
      expect(pairEvents([gold(`${root}0`, 'X', 'Y')], [sys(`${root}0`, 'Y', 'X')], 'root')).toHaveLength(1);
    }
    expect(pairEvents([gold('020', 'X', 'Y')], [sys('020', 'Y', 'X')], 'root')).toHaveLength(0);
  });

  it('matches on the root at root level and on the whole code at code level', () => {
    const g = [gold('046', 'IRN', 'QAT')];
    expect(pairEvents(g, [sys('040', 'IRN', 'QAT')], 'root')).toHaveLength(1);
    expect(pairEvents(g, [sys('040', 'IRN', 'QAT')], 'code')).toHaveLength(0);
    expect(pairEvents(g, [sys('036', 'IRN', 'QAT')], 'root')).toHaveLength(0);
  });

  it('uses each system event once and prefers the exact code among candidates', () => {
    const g = [gold('046', 'A', 'B'), gold('046', 'A', 'B')];
    expect(pairEvents(g, [sys('046', 'A', 'B')], 'root')).toHaveLength(1);
    const pairs = pairEvents([gold('046', 'A', 'B')], [sys('040', 'A', 'B'), sys('046', 'A', 'B')], 'root');
    expect(pairs[0]?.system).toBe(1);
  });

  it('compares dates by year, and by month when gold has one', () => {
    expect(dateMatches('2023', '2023-11-29')).toBe(true);
    expect(dateMatches('2023-11', '2023-11-02')).toBe(true);
    expect(dateMatches('2023-11-29', '2023-11-30')).toBe(true);
    expect(dateMatches('2023-11', '2023-12-01')).toBe(false);
    expect(dateMatches('2023-11', '2022-11')).toBe(false);
    expect(dateMatches('2023', null)).toBe(false);
  });

  it('computes precision over system events (optional matches count) and recall over required gold', () => {
    const g = [
      gold('042', 'A', 'B', { source_role: 'GOV', date: '2020-05' }),
      gold('111', 'B', 'C', { date: '2019' }),
      gold('051', 'A', 'C'),
      gold('043', 'B', 'A', { optional: true }),
    ];
    const s = [
      sys('042', 'A', 'B', { sourceRole: 'GOV', date: '2020-05-03' }),
      sys('112', 'B', 'C', { date: '2018' }),
      sys('043', 'B', 'A'),
      sys('190', 'A', 'C'),
      sys('010', 'A', null),
    ];
    const { counts } = scoreDocument(g, s);
    expect(counts.rootMatchedSystem).toBe(3);
    expect(counts.rootMatchedRequired).toBe(2);
    expect(counts.codeMatchedSystem).toBe(2);
    expect(counts.codeMatchedRequired).toBe(1);
    expect(counts.systemNonDyadic).toBe(1);
    const f = figures(counts);
    expect(f.root.precision).toBeCloseTo(3 / 5);
    expect(f.root.recall).toBeCloseTo(2 / 3);
    expect(f.root.f1).toBeCloseTo((2 * 0.6 * (2 / 3)) / (0.6 + 2 / 3));
    expect(f.code.precision).toBeCloseTo(2 / 5);
    expect(f.code.recall).toBeCloseTo(1 / 3);
    expect(f.actorAccuracy).toBeCloseTo(1); // 3 pairs, roles equal in each
    expect(f.dateAccuracy).toBeCloseTo(1 / 2); // 2 dated pairs: 2020-05 right, 2019 vs 2018 wrong
  });

  it('compares roles actor by actor when a mutual pair is reversed', () => {
    const g = [gold('046', 'IRN', 'QAT', { source_role: 'GOV', target_role: null })];
    const right = scoreDocument(g, [sys('046', 'QAT', 'IRN', { sourceRole: null, targetRole: 'GOV' })]);
    expect(right.counts.actorCorrect).toBe(1);
    const wrong = scoreDocument(g, [sys('046', 'QAT', 'IRN', { sourceRole: 'GOV', targetRole: null })]);
    expect(wrong.counts.actorCorrect).toBe(0);
  });

  it('sums documents per language and overall', () => {
    const run = scoreGoldDocs([
      { doc: 'a', lang: 'ar', gold: [gold('042', 'A', 'B')], system: [sys('042', 'A', 'B')] },
      { doc: 'b', lang: 'en', gold: [gold('042', 'A', 'B'), gold('111', 'A', 'B')], system: [] },
      { doc: 'c', lang: 'ar', gold: [], system: [sys('190', 'A', 'B')] },
    ]);
    expect(run.byLang.ar?.docs).toBe(2);
    expect(run.byLang.ar?.system).toBe(2);
    expect(run.overall.goldRequired).toBe(3);
    expect(figures(run.overall).root.recall).toBeCloseTo(1 / 3);
    expect(figures(run.overall).root.precision).toBeCloseTo(1 / 2);
  });

  it('gives zeros, not NaN, when nothing is claimed or found', () => {
    expect(prf(0, 0, 0, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('gold folder scoring with a fake coder', () => {
  it('reads gold.jsonl and texts, passes metadata to the coder and scores per language', async () => {
    const { readGoldDir, runGold } = await import('../src/eval/gold.js');
    const { emptyDocument } = await import('../src/document.js');
    const inputs = readGoldDir(new URL('./fixtures/eval/mini', import.meta.url).pathname);
    expect(inputs.map((i) => i.gold.doc)).toEqual(['mini-en', 'mini-ar']);
    const seen: Array<string | null> = [];
    const actor = (id: string, role: 'GOV' | null) => ({ id, cameo: id, role, name: id, text: id, start: 0, end: 1 });
    const fake = {
      stageNames: [],
      run(article: import('../src/document.js').Article) {
        seen.push(article.meta.published);
        const doc = emptyDocument(article.text, article.meta, article.meta.lang ?? 'en');
        const event = (code: string, s: string, sr: 'GOV' | null, t: string, date: string | null) => ({
          sentence: 0, source: actor(s, sr), target: actor(t, null), code, root: code.slice(0, 2), quad: 1 as const,
          goldstein: null, plover: null, trigger: { start: 0, end: 1 }, evidence: { start: 0, end: 5 },
          date: { value: date, precision: null, text: null, basis: 'none' as const }, attributedTo: null,
          negated: false, hypothetical: false, confidence: 1,
        });
        doc.events = article.meta.lang === 'en'
          ? [event('040', 'JOR', null, 'OMN', '2022-04-04'), event('042', 'OMN', 'GOV', 'JOR', '2022-04-04'), event('173', 'JOR', null, 'SYR', null)]
          : [event('057', 'MAR', null, 'KWT', '2021-10-20')];
        return doc;
      },
    };
    const run = runGold(inputs, fake);
    expect(seen).toEqual(['2022-04-06', '2021-10']);
    // en: required 046 takes 042 OMN->JOR (root 04, stated direction preferred); the optional 042 takes the
    // reversed 040 JOR->OMN (mutual root); 173 is spurious. Code level: only the optional 042 finds an equal code.
    expect(run.byLang.en?.rootMatchedSystem).toBe(2);
    expect(run.byLang.en?.rootMatchedRequired).toBe(1);
    expect(run.byLang.en?.codeMatchedSystem).toBe(1);
    expect(run.byLang.en?.actorCorrect).toBe(1); // 042 OMN/GOV agrees; the reversed 040 lacks OMN's GOV role
    // ar: the reversed 057 matches; the 043 reception is missed.
    expect(run.byLang.ar?.rootMatchedRequired).toBe(1);
    expect(run.byLang.ar?.dateCorrect).toBe(1);
    expect(run.overall.goldRequired).toBe(4);
    expect(figures(run.overall).root.recall).toBeCloseTo(2 / 4);
    expect(figures(run.overall).root.precision).toBeCloseTo(3 / 4);
    expect(runGold(inputs, fake, 'ar').docs).toHaveLength(1);
  });
});
