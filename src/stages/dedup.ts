// Last stage — one event per report: an article that tells the same event twice (a lede repeated under the
// headline, a summary line restating the first paragraph) yields it once. The same event is the same code between
// the same actors (either way round for a mutual act) on the same date, with the same negation and modality; the
// first telling is kept. Runs after dates and tenure, which settle the date and the actors it is judged by.
import type { CodedEvent, Document, EventActor } from '../document.js';
import { symmetricCode } from '../events/settle.js';

function actorKey(a: EventActor | null): string {
  return a ? `${a.id}/${a.role ?? ''}` : '-';
}

function eventKey(e: CodedEvent, reversed: boolean): string {
  const [first, second] = reversed ? [e.target, e.source] : [e.source, e.target];
  return [e.code, actorKey(first), actorKey(second), e.date.value ?? '-', e.negated ? 1 : 0, e.hypothetical ? 1 : 0].join('|');
}

export function dedupEvents(doc: Document): Document {
  const seen = new Set<string>();
  doc.events = doc.events.filter((e) => {
    const key = eventKey(e, false);
    // X met Y and Y met X are one meeting; X praised Y and Y praised X are two acts.
    if (seen.has(key) || (symmetricCode(e.code) && seen.has(eventKey(e, true)))) return false;
    seen.add(key);
    return true;
  });
  return doc;
}
