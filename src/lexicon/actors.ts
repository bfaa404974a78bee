// STUB (to be replaced): the actor lexicon — states, capitals, nisbas, bodies, offices, people, organisations —
// loaded from data/actors and compiled into fast matchers.
export interface ActorLexicon {
  readonly size: number;
}

export function loadActorLexicon(_dataDir: string): ActorLexicon {
  return { size: 0 };
}
