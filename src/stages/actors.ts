// STUB (to be replaced): Stage 4 — resolve mentions to actors (id, CAMEO code, role): offices joined to their
// state, anaphora ("the two countries", البلدين) to the actors in context.
import type { Document } from '../document.js';
import type { ActorLexicon } from '../lexicon/actors.js';

export function createActorResolver(_lexicon: ActorLexicon): (doc: Document) => Document {
  return (doc) => doc;
}
