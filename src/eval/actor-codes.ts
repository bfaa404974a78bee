// CAMEO actor codes in external gold (USAGOV, IGOUNOMIL, ---LEG, BRAPPL) turned into what our actors can be
// compared with: a state (ISO alpha-3) or an organisation id (ORG:UN). Anything else is not checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ActorCheck = { kind: 'state'; id: string; cameo: string } | { kind: 'org'; id: string };

/** CAMEO country code -> ISO alpha-3 (our actor id), for 3-letter state codes. */
export type StateCodes = ReadonlyMap<string, string>;

// Non-standard state codes used by some gold files (PLOVER GSR: "sentences were edited ... some codes still non-standard").
const STATE_ALIASES: Record<string, string> = { JAP: 'JPN', ITL: 'ITA' };

// IGO blocks after "IGO" -> our organisation ids (shared/eval/SCHEMA.md list). Unknown IGOs are not checked.
const IGO_IDS: Record<string, string> = {
  UNO: 'ORG:UN',
  UNOSEC: 'ORG:UNSC',
  WSTNAT: 'ORG:NATO',
  NAT: 'ORG:NATO',
  EUREEC: 'ORG:EU',
  EEC: 'ORG:EU',
  ARL: 'ORG:ARAB_LEAGUE',
  MEAARL: 'ORG:ARAB_LEAGUE',
  GCC: 'ORG:GCC',
  MEAGCC: 'ORG:GCC',
  OPC: 'ORG:OPEC',
  IAE: 'ORG:IAEA',
  UNOIAE: 'ORG:IAEA',
  OIC: 'ORG:OIC',
};

// CAMEO codes that differ from ISO alpha-3. The table's iso3 column carries origin errors (JPN -> JON,
// MMR -> MOZ), so it is not used: CAMEO state codes are ISO alpha-3 apart from these.
const CAMEO_TO_ISO: Record<string, string> = { TMP: 'TLS' };

export function loadStateCodes(dataDir: string): StateCodes {
  const lines = readFileSync(join(dataDir, 'cameo', 'country_actor_codes.tsv'), 'utf8').split('\n').slice(1);
  const map = new Map<string, string>();
  for (const line of lines) {
    const code = line.split('\t')[0] ?? '';
    if (code.length !== 3) continue; // dependencies (GBRGIB) and sub-units belong to their state's first block
    map.set(code, CAMEO_TO_ISO[code] ?? code);
  }
  for (const [alias, code] of Object.entries(STATE_ALIASES)) map.set(alias, map.get(code) ?? code);
  return map;
}

/** Split a CAMEO actor code into 3-letter blocks: "IGOUNOMIL" -> ["IGO","UNO","MIL"], "CVLalb" -> ["CVL","alb"]. */
export function splitActorCode(code: string): string[] {
  const blocks: string[] = [];
  for (let i = 0; i < code.length; i += 3) blocks.push(code.slice(i, i + 3));
  return blocks;
}

/** What a gold actor code lets us check, or null when it names no state or known organisation. */
export function actorCheck(code: string | null | undefined, states: StateCodes): ActorCheck | null {
  if (!code) return null;
  if (code.toUpperCase().startsWith('NATO')) return { kind: 'org', id: 'ORG:NATO' };
  const blocks = splitActorCode(code);
  const first = blocks[0] ?? '';
  const iso = states.get(first);
  if (iso) return { kind: 'state', id: iso, cameo: STATE_ALIASES[first] ?? first };
  if (first === 'IGO') {
    const two = `${blocks[1] ?? ''}${blocks[2] ?? ''}`;
    const org = IGO_IDS[two] ?? IGO_IDS[blocks[1] ?? ''];
    return org ? { kind: 'org', id: org } : null;
  }
  return null; // ---, IMG, INT, KUR, role-only codes: the gold does not name a state or organisation
}

/** Does one of our actors (id + CAMEO code) satisfy the check? */
export function actorSatisfies(check: ActorCheck, actor: { id: string; cameo: string } | null): boolean {
  if (!actor) return false;
  if (check.kind === 'org') return actor.id === check.id;
  return actor.id === check.id || actor.cameo.slice(0, 3) === check.cameo;
}
