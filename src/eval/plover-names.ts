// PLOVER changed its event names between the 2016 gold records (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) and the
// 2021 CAMEO mapping our events carry (REQUEST, ACCUSE, ASSAULT). data/cameo/plover_2016_names.tsv says which
// 2021 event (and, where one 2021 event took in two old ones, which of its modes) each old name became.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A gold PLOVER category as our events name it: the event, and the modes it is limited to (empty: any). */
export interface PloverCategory {
  event: string;
  modes: ReadonlySet<string>;
}

export interface PloverNames {
  /** The 2021 category for a gold name (2016 or 2021 spelling, any case). */
  category(gold: string): PloverCategory;
  /** The PLOVER mode of one of our CAMEO codes ('' when the mapping gives none). */
  modeOf(code: string): string;
}

function rows(path: string): string[][] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t').map((c) => c.trim()));
}

export function loadPloverNames(dataDir: string): PloverNames {
  const renamed = new Map<string, PloverCategory>();
  for (const [old = '', event = '', modes = ''] of rows(join(dataDir, 'cameo', 'plover_2016_names.tsv'))) {
    renamed.set(old.toUpperCase(), { event: event.toUpperCase(), modes: new Set(modes.split(',').filter((m) => m !== '')) });
  }
  const modes = new Map<string, string>();
  for (const [code = '', , mode = ''] of rows(join(dataDir, 'cameo', 'cameo_to_plover.tsv'))) modes.set(code, mode);
  return {
    category(gold) {
      const name = gold.toUpperCase();
      return renamed.get(name) ?? { event: name, modes: new Set() };
    },
    // A 4-digit code without a row of its own takes its 3-digit parent's mode, as its PLOVER event does.
    modeOf: (code) => modes.get(code) ?? modes.get(code.slice(0, 3)) ?? modes.get(`${code.slice(0, 2)}0`) ?? '',
  };
}
