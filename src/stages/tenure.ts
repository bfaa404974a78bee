// Stage 7 — settle office holders at the event's date: a person resolves to the state they served on that
// date, with the role of the office (GOV), or no role once out of office ("former" only matters via the date).
import type { CodedEvent, Document, EventActor, Mention } from '../document.js';
import { actorAt, type PersonEntry } from '../lexicon/people.js';

/** The person mention naming this event actor: overlapping it, or an office title in the same span group. */
function personFor(doc: Document, ea: EventActor): Mention | undefined {
  return doc.mentions.find((m) => m.kind === 'person' && m.start < ea.end && ea.start < m.end);
}

function settle(ea: EventActor | null, doc: Document, people: Map<string, PersonEntry>, date: string | null): EventActor | null {
  if (!ea) return ea;
  const m = personFor(doc, ea);
  const person = m ? people.get(m.entry) : undefined;
  if (!person) return ea;
  const a = actorAt(person, date);
  return { ...ea, id: a.id, cameo: a.cameo, role: a.role, name: a.name };
}

export function createTenureSettler(people: PersonEntry[]): (doc: Document) => Document {
  const byId = new Map(people.map((p) => [p.id, p]));
  return (doc) => {
    const events: CodedEvent[] = [];
    for (const ev of doc.events) {
      const date = ev.date.value ?? doc.meta.published ?? null;
      const source = settle(ev.source, doc, byId, date);
      const target = settle(ev.target, doc, byId, date);
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
