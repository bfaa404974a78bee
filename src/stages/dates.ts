// STUB (to be replaced): Stage 6 — find time expressions and give each event the date that governs its clause.
import type { Document } from '../document.js';
import type { DateVocabulary } from '../lexicon/dates.js';

export function createDater(_vocabulary: DateVocabulary): (doc: Document) => Document {
  return (doc) => doc;
}
