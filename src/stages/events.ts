// STUB (to be replaced): Stage 5 — code events: find triggers (verbs and event nouns), assign source and
// target (active, passive, nominal, "between X and Y"), negation and modality.
import type { Document } from '../document.js';
import type { CameoTable } from '../lexicon/cameo.js';
import type { EventLexicon } from '../lexicon/events.js';

export function createEventCoder(_lexicon: EventLexicon, _cameo: CameoTable): (doc: Document) => Document {
  return (doc) => doc;
}
