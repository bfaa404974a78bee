// Where an event's date words sit in its article. The store keeps the words, not their offsets, so look for
// them inside the evidence span first (the clause that states the event), then anywhere before it.
import type { EventRecord } from '../output.js';

export function dateSpan(text: string, event: Pick<EventRecord, 'date' | 'evidence'>): { start: number; end: number } | null {
  const words = event.date.text;
  if (!words) return null;
  const inside = text.slice(event.evidence.start, event.evidence.end).indexOf(words);
  if (inside >= 0) return { start: event.evidence.start + inside, end: event.evidence.start + inside + words.length };
  const before = text.lastIndexOf(words, event.evidence.start);
  return before >= 0 ? { start: before, end: before + words.length } : null;
}
