// A Rasad actor as GDELT's ten actor columns. The CAMEO actor code is read in three-letter blocks, as CAMEO
// builds it: a leading country or region (IRN, MEA), then role types (GOV, MIL, IGO...), religions (MOS, SHI)
// and, for anything else, the first unknown block as the known group (IGOUNO -> type IGO, group UNO).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadStateCodes, splitActorCode } from '../../eval/actor-codes.js';
import { DEFAULT_DATA_DIR } from '../../lexicon/index.js';

export interface ActorCodeTables {
  places: ReadonlySet<string>;
  types: ReadonlySet<string>;
  religions: ReadonlySet<string>;
}

const BlocksFile = z.object({ regions: z.array(z.string()), types: z.array(z.string()), religions: z.array(z.string()) });

export function loadActorCodeTables(dataDir = DEFAULT_DATA_DIR): ActorCodeTables {
  const blocks = BlocksFile.parse(JSON.parse(readFileSync(join(dataDir, 'cameo', 'actor_code_blocks.json'), 'utf8')));
  return {
    places: new Set([...loadStateCodes(dataDir).keys(), ...blocks.regions]),
    types: new Set(blocks.types),
    religions: new Set(blocks.religions),
  };
}

export interface GdeltActorInput {
  id: string;
  cameo: string;
  role: string | null;
  name: string;
}

/** Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code. */
export function gdeltActorCells(actor: GdeltActorInput | null, tables: ActorCodeTables): string[] {
  if (actor === null) return Array<string>(10).fill('');
  const code = (actor.cameo || actor.id).toUpperCase();
  const blocks = splitActorCode(code);
  let country = '';
  let group = '';
  const religions: string[] = [];
  const types: string[] = [];
  blocks.forEach((block, i) => {
    if (i === 0 && tables.places.has(block)) country = block;
    else if (tables.types.has(block)) types.push(block);
    else if (tables.religions.has(block)) religions.push(block);
    else if (group === '' && block.length === 3) group = block;
  });
  if (types.length === 0 && actor.role !== null && tables.types.has(actor.role)) types.push(actor.role);
  // Ethnicity is not coded by Rasad: EthnicCode stays empty.
  return [code, actor.name.toUpperCase(), country, group, '', religions[0] ?? '', religions[1] ?? '', types[0] ?? '', types[1] ?? '', types[2] ?? ''];
}
