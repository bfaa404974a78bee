// STUB (to be replaced): reporting verbs and phrases (according to, said, بحسب، نقلت عن، كشف موقع), from data/attribution.
export interface AttributionLexicon {
  readonly size: number;
}

export function loadAttributionLexicon(_dataDir: string): AttributionLexicon {
  return { size: 0 };
}
