// STUB (to be replaced): Stage 7 — settle office holders at the event's date: a person resolves to the state
// they served on that date, with the role of the office (GOV), or no role once out of office.
import type { Document } from '../document.js';

export function settleTenure(doc: Document): Document {
  return doc;
}
