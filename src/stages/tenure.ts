// Stage 7 — settle office holders at the event's date: a person resolves to the state they served on that
// date, with the role of the office (GOV), or no role once out of office. A title marked "former" with no name
// (مساعد وزير الخارجية الأسبق، the former president) keeps its role only for an event the text dates in the past:
// speaking now, a former official acts for nobody.
import type { CodedEvent, Document, EventActor, EventDate, Mention } from '../document.js';
import { actorAt, type PersonEntry } from '../lexicon/people.js';

/** Mentions sorted by start, so finding the ones under an actor's span is a binary search, not a scan per event. */
interface MentionIndex {
  byStart: Array<{ m: Mention; order: number }>;
  longest: number;
}

function indexMentions(mentions: Mention[]): MentionIndex {
  const byStart = mentions.map((m, order) => ({ m, order })).sort((a, b) => a.m.start - b.m.start);
  return { byStart, longest: mentions.reduce((n, m) => Math.max(n, m.end - m.start), 0) };
}

/** The first mention (in document order) of one of `kinds` overlapping the actor's span. */
function mentionFor(index: MentionIndex, ea: EventActor, kinds: ReadonlySet<Mention['kind']>): Mention | undefined {
  const { byStart } = index;
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((byStart[mid] as { m: Mention }).m.start <= ea.start - index.longest) lo = mid + 1;
    else hi = mid;
  }
  let best: { m: Mention; order: number } | undefined;
  for (let i = lo; i < byStart.length; i++) {
    const c = byStart[i] as { m: Mention; order: number };
    if (c.m.start >= ea.end) break;
    if (kinds.has(c.m.kind) && ea.start < c.m.end && (best === undefined || c.order < best.order)) best = c;
  }
  return best?.m;
}

const PERSON = new Set<Mention['kind']>(['person']);
const TITLE = new Set<Mention['kind']>(['office', 'body']);

/** Was the event, as the text dates it, before the publication year (so a "former" holder may then have served)? */
function datedInThePast(date: EventDate, published: string | null): boolean {
  if (date.value === null || (date.basis !== 'text' && date.basis !== 'anaphoric')) return false;
  return published === null || date.value.slice(0, 4) < published.slice(0, 4);
}

function settle(ea: EventActor | null, doc: Document, index: MentionIndex, people: Map<string, PersonEntry>, ev: CodedEvent): EventActor | null {
  if (!ea) return ea;
  const m = mentionFor(index, ea, PERSON);
  const person = m ? people.get(m.entry) : undefined;
  if (person) {
    const a = actorAt(person, ev.date.value ?? doc.meta.published ?? null);
    return { ...ea, id: a.id, cameo: a.cameo, role: a.role, name: a.name };
  }
  const title = mentionFor(index, ea, TITLE);
  if (title?.former && ea.role !== null && !datedInThePast(ev.date, doc.meta.published)) {
    return { ...ea, role: null, cameo: ea.cameo.endsWith(ea.role) ? ea.cameo.slice(0, -ea.role.length) : ea.cameo };
  }
  return ea;
}

export function createTenureSettler(people: PersonEntry[]): (doc: Document) => Document {
  const byId = new Map(people.map((p) => [p.id, p]));
  return (doc) => {
    const events: CodedEvent[] = [];
    const index = indexMentions(doc.mentions);
    for (const ev of doc.events) {
      const source = settle(ev.source, doc, index, byId, ev);
      const target = settle(ev.target, doc, index, byId, ev);
      // A person resolved onto the other side's actor leaves no dyad.
      if (source && target && source.id === target.id && source.role === target.role) continue;
      events.push({ ...ev, source, target });
    }
    return { ...doc, events };
  };
}

/** Kept for callers without people data: no change. */
export function settleTenure(doc: Document): Document {
  return doc;
}
