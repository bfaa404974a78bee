// Joins a body or office with the state next to it into one mention: "وزارة الخارجية القطرية",
// "the Iranian army", "Qatar's foreign ministry", "President of Iran" -> one mention, actor = state + role.
// Also marks "former" next to offices (السابق، الأسبق، former, ex-).
import type { Document, Mention } from '../document.js';
import { withRole, type Phrase } from '../lexicon/actors.js';

export interface Found {
  m: Mention;
  p: Phrase;
}

const STATEISH = new Set(['state', 'nisba', 'place']);
const FORMER_AFTER = new Set(['السابق', 'الاسبق', 'السابقه', 'الاسبقه']);
const FORMER_BEFORE = new Set(['former', 'ex', 'ex-']);

/** The gap text between two spans with spaces and ignorables dropped. */
function gap(doc: Document, from: number, to: number): string | null {
  if (to < from || to - from > 10) return null;
  return doc.norm.slice(from, to).replace(/[\s\u0000]/g, '');
}

function isState(f: Found | undefined): f is Found {
  return f !== undefined && STATEISH.has(f.p.kind) && f.m.actors.length === 1 && (f.m.actors[0]?.id.length ?? 0) === 3;
}

export function composeMentions(doc: Document, found: Found[]): Mention[] {
  const gone = new Set<number>();
  for (let i = 0; i < found.length; i++) {
    const f = found[i] as Found;
    if (f.p.kind !== 'body' && f.p.kind !== 'office') continue;
    const fixed = f.p.open === null ? f.m.actors[0] : undefined;
    const next = found[i + 1];
    const prev = i > 0 && !gone.has(i - 1) ? found[i - 1] : undefined;
    // State after: Arabic nisba/name directly after (الجيش الإيراني، أمير قطر), English "of".
    if (isState(next) && next.m.sentence === f.m.sentence) {
      const g = gap(doc, f.m.end, next.m.start);
      // English bodies also by where they are ("opposition groups in Zimbabwe", "police in Jericho"), unless a
      // nisba or possessive before them already says whose they are ("the Iranian army in Syria").
      const owned = isState(prev) && prev.m.sentence === f.m.sentence && ['', "'s", '’s', 's'].includes(gap(doc, prev.m.end, f.m.start) ?? '-');
      const located = doc.lang === 'en' && f.p.kind === 'body' && f.p.open !== null && (g === 'in' || g === 'inthe') && !owned;
      const ok = g !== null && (g === '' ? doc.lang === 'ar' : g === 'of' || g === 'ofthe' || located);
      const st = next.m.actors[0];
      if (ok && st && (!fixed || fixed.id === st.id)) {
        f.m.end = next.m.end;
        if (f.p.open) f.m.actors = [withRole(st, f.p.open)];
        gone.add(i + 1);
        continue;
      }
    }
    // State before: English nisba ("Iranian army"), possessive ("Qatar's foreign ministry").
    if (isState(prev) && prev.m.sentence === f.m.sentence && f.p.open) {
      const g = gap(doc, prev.m.end, f.m.start);
      const st = prev.m.actors[0];
      // English also puts a state's short name before the body ("US military", "Iraq government").
      const adjacent = g === '' && (prev.p.kind === 'nisba' || ((prev.p.kind === 'state' || prev.p.kind === 'place') && doc.lang === 'en'));
      const ok = g !== null && (adjacent || g === "'s" || g === '’s' || g === 's');
      if (ok && st) {
        f.m.start = prev.m.start;
        f.m.actors = [withRole(st, f.p.open)];
        gone.add(i - 1);
      }
    }
  }
  const out = found.filter((_, i) => !gone.has(i)).map((f) => f.m);
  for (const m of out) if (m.kind === 'office' || m.kind === 'person') markFormer(doc, m);
  return out;
}

function markFormer(doc: Document, m: Mention): void {
  const after = doc.norm.slice(m.end, m.end + 12).replace(/\u0000/g, '').trim().split(/[\s,.،]/)[0] ?? '';
  const before = doc.norm.slice(Math.max(0, m.start - 8), m.start).replace(/\u0000/g, '').trim().split(/\s/).pop() ?? '';
  const beforeLast = before.replace(/^.*\s/, '');
  const glued = doc.norm.slice(Math.max(0, m.start - 3), m.start);
  if (FORMER_AFTER.has(after) || FORMER_BEFORE.has(beforeLast) || glued === 'ex-') m.former = true;
}
