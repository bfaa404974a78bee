// Actor search in both languages. Query and names are folded the way the coder folds text (foldKey), and each
// Arabic word is also read without its proclitics and article, so إيران finds وإيران and بإيران, السعودية finds
// والسعودية, and a query typed with a clitic (وقطر) still finds قطر. The last query word matches as a prefix
// (typing "Ira" finds Iran).
import { cliticReadings } from '../actors/arabic-clitics.js';
import { foldKey } from '../stages/normalise.js';
import type { ActorDirectory } from './actor-directory.js';
import type { ActorHit } from './schemas.js';

const ARABIC = /[\u0600-\u06ff]/;

/** Every matching key of one folded word: itself, without proclitics, and without ال. */
export function wordReadings(word: string): string[] {
  if (!ARABIC.test(word)) return [word];
  const out = new Set<string>([word]);
  for (const [, bare] of cliticReadings(word)) {
    out.add(bare);
    if (bare.startsWith('ال') && bare.length > 4) out.add(bare.slice(2));
  }
  return [...out];
}

function words(text: string): string[] {
  return foldKey(text)
    .split(/[\s\p{P}]+/u)
    .filter((w) => w.length > 0);
}

interface IndexedForm {
  actor: string;
  form: string;
  /** Readings of each word of the form. */
  readings: string[][];
  /** An acronym (IRA, UN): whole only when typed in capitals, so that "Ira" is still a prefix of Iran. */
  acronym: boolean;
}

const ACRONYM = /^[A-Z][A-Z0-9]{1,7}$/;

function matches(query: string[][], form: string[][]): 'exact' | 'partial' | null {
  for (let i = 0; i + query.length <= form.length; i++) {
    const ok = query.every((qr, j) => {
      const fr = form[i + j] ?? [];
      const last = j === query.length - 1;
      return qr.some((q) => fr.some((f) => f === q || (last && f.startsWith(q))));
    });
    if (ok) {
      const exact = query.length === form.length && query.every((qr, j) => qr.some((q) => (form[j] ?? []).includes(q)));
      return exact ? 'exact' : 'partial';
    }
  }
  return null;
}

export interface ActorSearch {
  search(q: string, limit: number): ActorHit[];
}

/** An index over the directory's names and the forms articles used (mention texts). */
export function createActorSearch(directory: ActorDirectory, mentionForms: { actor: string; text: string }[], counts: Map<string, number>): ActorSearch {
  const forms: IndexedForm[] = [];
  const seen = new Set<string>();
  const add = (actor: string, form: string): void => {
    const key = `${actor}\u0001${form}`;
    if (seen.has(key)) return;
    seen.add(key);
    const readings = words(form).map(wordReadings);
    if (readings.length > 0) forms.push({ actor, form, readings, acronym: ACRONYM.test(form.trim()) });
  };
  for (const e of directory.all()) for (const f of [e.id, ...e.forms]) add(e.id, f);
  for (const m of mentionForms) add(m.actor, m.text);

  return {
    search(q, limit) {
      const query = words(q).map(wordReadings);
      if (query.length === 0) return [];
      const capitals = q.trim() === q.trim().toUpperCase();
      const hits = new Map<string, { exact: boolean; matched: string[] }>();
      for (const f of forms) {
        const m = matches(query, f.readings);
        if (m === null) continue;
        const hit = hits.get(f.actor) ?? { exact: false, matched: [] };
        hit.exact ||= m === 'exact' && (capitals || !f.acronym);
        if (hit.matched.length < 8) hit.matched.push(f.form);
        hits.set(f.actor, hit);
      }
      return [...hits.entries()]
        .map(([id, h]) => ({ ...directory.names(id), matched: h.matched, events: counts.get(id) ?? 0, exact: h.exact }))
        .sort((x, y) => Number(y.exact) - Number(x.exact) || y.events - x.events || x.id.localeCompare(y.id))
        .slice(0, limit);
    },
  };
}
