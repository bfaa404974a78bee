// STUB (to be replaced): the event pattern lexicon (verbs and event nouns per CAMEO code, Arabic and English),
// loaded from data/events.
export interface EventLexicon {
  readonly size: number;
}

export function loadEventLexicon(_dataDir: string): EventLexicon {
  return { size: 0 };
}
