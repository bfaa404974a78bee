import { describe, expect, it } from 'vitest';
import { arabicNisbaForms, loadActorLexicon } from '../src/lexicon/actors.js';
import { DEFAULT_DATA_DIR } from '../src/lexicon/index.js';

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
