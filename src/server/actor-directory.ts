// Display names of actors in both languages (states and organisations from data/actors), so the API can show
// an actor as إيران in the Arabic interface and Iran in the English one, and search either.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DATA_DIR } from '../lexicon/index.js';
import type { ActorNames } from './schemas.js';

const Entry = z.object({
  id: z.string(),
  name: z.string(),
  cameo: z.string().optional(),
  en: z.array(z.string()),
  ar: z.array(z.string()),
  capEn: z.array(z.string()).optional(),
  capAr: z.array(z.string()).optional(),
  nisEn: z.array(z.string()).optional(),
  nisAr: z.array(z.string()).optional(),
});

export interface DirectoryEntry extends ActorNames {
  /** Every form worth matching a query against: names, capitals, nisbas. */
  forms: string[];
}

export interface ActorDirectory {
  get(id: string): DirectoryEntry | undefined;
  /** Names for any id: unknown ids (a role-coded body, a new organisation) get their id as the name. */
  names(id: string): ActorNames;
  all(): DirectoryEntry[];
}

function readEntries(path: string): z.infer<typeof Entry>[] {
  return existsSync(path) ? z.array(Entry).parse(JSON.parse(readFileSync(path, 'utf8'))) : [];
}

export function loadActorDirectory(dataDir = DEFAULT_DATA_DIR): ActorDirectory {
  const byId = new Map<string, DirectoryEntry>();
  for (const file of ['states.json', 'orgs.json']) {
    for (const e of readEntries(join(dataDir, 'actors', file))) {
      const forms = [e.name, ...e.en, ...e.ar, ...(e.capEn ?? []), ...(e.capAr ?? []), ...(e.nisEn ?? []), ...(e.nisAr ?? [])];
      byId.set(e.id, { id: e.id, cameo: e.cameo ?? e.id, name: e.name, en: e.en, ar: e.ar, forms });
    }
  }
  return {
    get: (id) => byId.get(id),
    names(id) {
      const e = byId.get(id);
      return e ? { id: e.id, cameo: e.cameo, name: e.name, en: e.en, ar: e.ar } : { id, cameo: id, name: id, en: [], ar: [] };
    },
    all: () => [...byId.values()],
  };
}
