// STUB (to be replaced): Stage 8 — attribution: who the article says makes each claim.
import type { Document } from '../document.js';
import type { AttributionLexicon } from '../lexicon/attribution.js';

export function createAttributor(_lexicon: AttributionLexicon): (doc: Document) => Document {
  return (doc) => doc;
}
