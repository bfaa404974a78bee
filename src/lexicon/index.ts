// Everything the pipeline reads from data/, loaded once and shared by the stages.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePeople } from '../actors/people-phrases.js';
import { actorLexiconOf, compileActorTables, type ActorLexicon } from './actors.js';
import { loadAttributionLexicon, type AttributionLexicon } from './attribution.js';
import { cachedCompile } from './cache.js';
import { loadCameo, type CameoTable } from './cameo.js';
import { loadDateVocabulary, type DateVocabulary } from './dates.js';
import { loadEventLexicon, type EventLexicon } from './events.js';
import { loadPeople, type PersonEntry } from './people.js';
import { rememberPeopleTable } from './people-table.js';

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
  // The slow ones, as plain data: from the start-up cache when it has them (src/lexicon/cache.ts).
  const compiled = cachedCompile(dataDir, () => {
    const people = loadPeople(dataDir);
    return { actors: compileActorTables(dataDir), events: loadEventLexicon(dataDir), people, names: compilePeople(people) };
  });
  rememberPeopleTable(compiled.people, compiled.names);
  const resources: Resources = {
    actors: actorLexiconOf(compiled.actors),
    events: compiled.events,
    cameo: loadCameo(dataDir),
    dates: loadDateVocabulary(dataDir),
    attribution: loadAttributionLexicon(dataDir),
    people: compiled.people,
  };
  if (dataDir === DEFAULT_DATA_DIR) cached = resources;
  return resources;
}
