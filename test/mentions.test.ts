import { describe, expect, it } from 'vitest';
import { createPipeline } from '../src/pipeline.js';

const run = (text: string, lang: 'ar' | 'en') =>
  createPipeline().run({ text, meta: { id: 't', title: null, outlet: null, published: '2024-01-01', url: null, lang, origin: 't' } });

describe('mentions', () => {
  it('finds Arabic names with clitics', () => {
    const d = run('وصل الوزير إلى بطهران ثم للدوحة والقطري.', 'ar');
    expect(d.mentions.map((m) => m.entry)).toEqual(['IRN', 'QAT', 'QAT']);
    expect(d.text.slice(d.mentions[0]!.start, d.mentions[0]!.end)).toBe('طهران');
  });
  it('splits run-together names', () => {
    const d = run('اتفقت قطروإيران واجتمع الإيرانىوالقطرى.', 'ar');
    expect(d.mentions.map((m) => m.entry)).toEqual(['QAT', 'IRN', 'IRN', 'QAT']);
    expect(d.text.slice(d.mentions[1]!.start, d.mentions[1]!.end)).toBe('إيران');
  });
  it('handles folded variants and multiword names', () => {
    const d = run('قالت المملكة العربية السعودية وأميركا وحلف شمال الاطلسي.', 'ar');
    expect(d.mentions.map((m) => m.entry)).toEqual(['SAU', 'USA', 'ORG:NATO']);
  });
  it('English: possessive, acronym case', () => {
    const d = run("Iran's minister met the US envoy in Doha; us too.", 'en');
    expect(d.mentions.map((m) => m.entry)).toEqual(['IRN', 'USA', 'QAT']);
  });
});
