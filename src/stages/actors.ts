// Stage 4 — resolve mentions to actors. Names, capitals, nisbas, bodies and organisations resolve in the
// mention stage; here anaphors ("the two countries", البلدين، المملكة) take the states named before them,
// and only mentions that resolved to at least one actor are kept.
import type { Actor, Document } from '../document.js';
import type { ActorLexicon } from '../lexicon/actors.js';

export function createActorResolver(lexicon: ActorLexicon): (doc: Document) => Document {
  return (doc) => {
    const seen: Actor[] = []; // state actors in text order (most recent last)
    for (const m of doc.mentions) {
      if (m.kind === 'anaphor') {
        const rule = lexicon.anaphors.get(m.entry.replace(/^ANA:/, ''));
        if (rule?.type === 'pair') m.actors = lastDistinct(seen, 2);
        else if (rule) {
          const among = new Set(rule.among ?? []);
          const hit = [...seen].reverse().find((a) => among.has(a.id));
          const def = doc.lang === 'ar' && rule.defaultAr ? lexicon.actorById(rule.defaultAr) : undefined;
          const a = hit ?? def;
          m.actors = a ? [lexicon.actorById(a.id) ?? a] : [];
        }
        continue;
      }
      if (m.actors.length === 0) {
        const a = lexicon.actorById(m.entry);
        if (a) m.actors = [a];
      }
      for (const a of m.actors) if (a.id.length === 3) seen.push(lexicon.actorById(a.id) ?? a);
    }
    doc.mentions = doc.mentions.filter((m) => m.actors.length > 0);
    return doc;
  };
}

/** The last n distinct states (by id), in text order; fewer than n gives none (an unresolvable pair). */
function lastDistinct(seen: Actor[], n: number): Actor[] {
  const out: Actor[] = [];
  for (let i = seen.length - 1; i >= 0 && out.length < n; i--) {
    const a = seen[i] as Actor;
    if (!out.some((o) => o.id === a.id)) out.unshift(a);
  }
  return out.length === n ? out : [];
}
