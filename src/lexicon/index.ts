// Everything the pipeline reads from data/, loaded once and shared by the stages.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadActorLexicon, type ActorLexicon } from './actors.js';
import { loadAttributionLexicon, type AttributionLexicon } from './attribution.js';
import { loadCameo, type CameoTable } from './cameo.js';
import { loadDateVocabulary, type DateVocabulary } from './dates.js';
import { loadEventLexicon, type EventLexicon } from './events.js';
import { loadPeople, type PersonEntry } from './people.js';

export interface Resources {
  actors: ActorLexicon;
  events: EventLexicon;
  cameo: CameoTable;
  dates: DateVocabulary;
  attribution: AttributionLexicon;
  people: PersonEntry[];
}

/** data/ at the package root, whether running from src/ (tests) or dist/ (installed). */
export const DEFAULT_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

let cached: Resources | undefined;

export function loadResources(dataDir = DEFAULT_DATA_DIR): Resources {
  if (dataDir === DEFAULT_DATA_DIR && cached) return cached;
  const resources: Resources = {
    actors: loadActorLexicon(dataDir),
    events: loadEventLexicon(dataDir),
    cameo: loadCameo(dataDir),
    dates: loadDateVocabulary(dataDir),
    attribution: loadAttributionLexicon(dataDir),
    people: loadPeople(dataDir),
  };
  if (dataDir === DEFAULT_DATA_DIR) cached = resources;
  return resources;
}
