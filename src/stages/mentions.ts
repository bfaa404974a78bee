// STUB (to be replaced): Stage 3 — find mentions of actors (names, capitals, nisbas, bodies, offices, people,
// organisations, anaphora) with Arabic clitics and run-together names handled.
import type { Document } from '../document.js';
import type { ActorLexicon } from '../lexicon/actors.js';

export function createMentionFinder(_lexicon: ActorLexicon): (doc: Document) => Document {
  return (doc) => doc;
}
