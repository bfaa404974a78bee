// STUB (to be replaced): date vocabulary (month names in both Arabic systems and English, weekdays, Hijri
// months, relative expressions), loaded from data/dates.
export interface DateVocabulary {
  readonly size: number;
}

export function loadDateVocabulary(_dataDir: string): DateVocabulary {
  return { size: 0 };
}
