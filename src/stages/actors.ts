// Stage 4 — resolve mentions to actors. Names, capitals, nisbas and organisations resolve directly in the
// mention stage; this stage keeps only mentions that resolved to at least one actor.
import type { Document } from '../document.js';
import type { ActorLexicon } from '../lexicon/actors.js';

export function createActorResolver(lexicon: ActorLexicon): (doc: Document) => Document {
  return (doc) => {
    for (const m of doc.mentions) {
      if (m.actors.length === 0) {
        const a = lexicon.actorById(m.entry);
        if (a) m.actors = [a];
      }
    }
    doc.mentions = doc.mentions.filter((m) => m.actors.length > 0);
    return doc;
  };
}
