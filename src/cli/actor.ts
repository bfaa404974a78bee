// `rasad actor X`: an actor's partners over merged events, ranked by volume and by cooperation/conflict
// balance, each with its trend. X is an id (IRN, ORG:UN), a CAMEO code (IRNGOV) or a name in either language
// (Iran, إيران, قطر), found with the same lookup as the API's actor search.
import { InvalidArgumentError, type Command } from 'commander';
import type { ActorProfile, PartnerStats } from '../corpus/history.js';
import { createActorSearch, type ActorSearch } from '../server/actor-search.js';
import { loadActorDirectory, type ActorDirectory } from '../server/actor-directory.js';
import { openStore, type Period } from '../store/store.js';
import { checkRange, parseDateOption, parseDyadFormat, parseLimitOption, parsePeriod } from './events.js';
import { renderTable, signed } from './format.js';
import { dbOption } from './db-option.js';

let lookup: { directory: ActorDirectory; search: ActorSearch } | undefined;

function actorLookup(): { directory: ActorDirectory; search: ActorSearch } {
  if (!lookup) {
    const directory = loadActorDirectory();
    lookup = { directory, search: createActorSearch(directory, [], new Map()) };
  }
  return lookup;
}

/** An actor id (IRN, ORG:HAMAS) or a CAMEO actor code of three-letter blocks (IRNGOV, IGOUNOMIL, ---LEG). */
const CODE_LIKE = /^(?:[A-Z-]{3})+$|^[A-Z]+:[A-Z0-9_]+$/;

/**
 * The actor a user means: a known id first, then a whole name (Iran, إيران), then a code typed in capitals taken
 * as it is (IRNGOV, an organisation the lexicon lacks), then the start of a name (ira, Emir), then a code in
 * lower case.
 */
export function resolveActor(input: string): string {
  const text = input.trim();
  const upper = text.toUpperCase();
  const { directory, search } = actorLookup();
  if (directory.get(upper)) return upper;
  const hits = text === '' ? [] : search.search(text, 5);
  const exact = hits.find((h) => h.exact);
  if (exact) return exact.id;
  const code = CODE_LIKE.test(upper);
  if (code && text === upper) return upper;
  const first = hits[0];
  if (first) return first.id;
  if (code) return upper;
  throw new InvalidArgumentError(`no actor matches "${input}": give an id (IRN, ORG:UN), a CAMEO code (IRNGOV) or a name in Arabic or English`);
}

/** `warming (+0.8/year)`: the change of mean Goldstein per period. */
function trend(p: PartnerStats, by: Period): string {
  return p.trend.slope === null ? p.trend.label : `${p.trend.label} (${signed(p.trend.slope)}/${by})`;
}

function partnerTable(partners: PartnerStats[], by: Period): string {
  const headers = ['partner', 'name', 'events', 'goldstein', 'mean', 'coop', 'conflict', 'balance', 'out', 'in', 'first', 'last', 'trend'];
  const rows = partners.map((p) => [
    p.partner, p.name, String(p.events), signed(p.goldstein), p.mean === null ? '-' : signed(p.mean), String(p.cooperation), String(p.conflict),
    p.balance.toFixed(2), String(p.outgoing), String(p.incoming), p.first ?? '-', p.last ?? '-', trend(p, by),
  ]);
  const right = new Set([2, 3, 4, 5, 6, 7, 8, 9]);
  return renderTable(headers, rows, headers.map((_, i) => (right.has(i) ? 'right' : 'left')));
}

export function renderActorProfile(profile: ActorProfile, top: number): string {
  const { actor, name, total, byVolume, byBalance, by } = profile;
  const label = name && name !== actor ? `${actor} (${name})` : actor;
  if (total.events === 0) return `no merged events with ${label}\n`;
  const head =
    `${label}: ${total.events} merged events with ${byVolume.length} partners, Goldstein ${signed(total.goldstein)} ` +
    `(mean ${total.mean === null ? '-' : signed(total.mean)}), balance ${total.balance.toFixed(2)}; trend by ${by}, ` +
    `out = ${actor} as source\n`;
  const more = byVolume.length > top ? `(${byVolume.length - top} more partners; --top N)\n` : '';
  return `${head}\npartners by volume\n${partnerTable(byVolume.slice(0, top), by)}${more}\npartners by balance (most cooperative first)\n${partnerTable(byBalance.slice(0, top), by)}${more}`;
}

interface ActorOptions {
  db: string;
  by: Period;
  from?: string;
  to?: string;
  top: number;
  format: 'table' | 'json';
}

export function register(command: Command): void {
  command
    .argument('<actor>', 'id (IRN, ORG:UN), CAMEO code (IRNGOV) or name in Arabic or English', resolveActor)
    .addOption(dbOption())
    .option('--by <period>', 'trend periods: month or year', parsePeriod, 'year' as const)
    .option('--from <date>', 'events on or after this date', parseDateOption)
    .option('--to <date>', 'events on or before this date', parseDateOption)
    .option('--top <n>', 'partners to show in each ranking (table)', parseLimitOption, 10)
    .option('--format <format>', 'table or json', parseDyadFormat, 'table' as const)
    .action(async (actor: string, opts: ActorOptions) => {
      checkRange(opts);
      const store = await openStore(opts.db, { mustExist: true });
      try {
        const profile = await store.actorProfile(actor, { by: opts.by, from: opts.from, to: opts.to });
        process.stdout.write(opts.format === 'json' ? `${JSON.stringify(profile, null, 2)}\n` : renderActorProfile(profile, opts.top));
      } finally {
        await store.close();
      }
    });
}
