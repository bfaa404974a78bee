// Stage 4 — resolve mentions to actors. Names, capitals, nisbas, bodies and organisations resolve in the
// mention stage; here anaphors take the actors named before them, and only mentions that resolved to at least
// one actor are kept.
//  - "the two countries" / البلدين (a pair rule without `among`): the last two states named together (X and Y,
//    قطروإيران, between X and Y) within a few sentences, else the last two distinct states; as states, no role.
//  - "the two sides" / الجانبين (a pair rule with among ["*"]): the same, but any actor (NATO and Qatar) and with
//    the roles they were last named with (the IRGC and the Qatari army -> IRN/MIL, QAT/MIL).
//  - a role noun heading the anaphor gives both that role: عاهلا البلدين, "the leaders of the two countries".
//  - "the kingdom" / المملكة (a recent rule): the last state among the candidates, else the Arabic default;
//    "the latter" (among ["*"]): the last actor named; بلاده / "his country" (among ["*state"]): the last state
//    named; a title-like one (سموه, his majesty) that is itself a
//    role noun in data/actors/role-heads.json takes that role.
import type { Actor, Document, Mention, Role } from '../document.js';
import { headRole, loadRoleHeads, ownRole, type RoleHeads } from '../actors/role-heads.js';
import { tokenAt } from '../events/sentence.js';
import type { ActorLexicon, AnaphorRule } from '../lexicon/actors.js';
import { DEFAULT_DATA_DIR } from '../lexicon/index.js';
import { withRole } from '../lexicon/actors.js';

/** How far back (in sentences) a pair named together still counts as "the two" of a later anaphor. */
const PAIR_REACH = 4;
const JOINERS = new Set(['', 'و', '،و', ',و', 'and', ',and', '&']); // a bare comma may end a clause

interface Pair {
  actors: [Actor, Actor];
  sentence: number;
}

const isState = (a: Actor): boolean => /^[A-Z]{3}$/.test(a.id);
const isNamed = (a: Actor): boolean => isState(a) || a.id.startsWith('ORG:');

function joined(doc: Document, a: Mention, b: Mention): boolean {
  if (a.sentence !== b.sentence || b.start < a.end || b.start - a.end > 8) return false;
  return JOINERS.has(doc.norm.slice(a.end, b.start).replace(/[\s\u0000]/g, ''));
}

function bare(lexicon: ActorLexicon, a: Actor): Actor {
  return lexicon.actorById(a.id) ?? { ...a, role: null };
}

/** The last n distinct actors (by id) passing `keep`, in text order; fewer than n gives none. */
function lastDistinct(seen: readonly Actor[], n: number, keep: (a: Actor) => boolean): Actor[] {
  const out: Actor[] = [];
  for (let i = seen.length - 1; i >= 0 && out.length < n; i--) {
    const a = seen[i] as Actor;
    if (keep(a) && !out.some((o) => o.id === a.id)) out.unshift(a);
  }
  return out.length === n ? out : [];
}

/** Roles of open offices and bodies by entry (OFFICE:president -> GOV), from the lexicon's phrases. */
function openRoles(lexicon: ActorLexicon): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const list of lexicon.byFirst.values()) for (const p of list) if (p.open !== null) roles.set(p.actor.id, p.open);
  return roles;
}

const LATIN_NAME = /^[A-Z][a-z]/;
/** Kinds of mention that name a state by itself. */
const STATE_KINDS = new Set(['state', 'nisba', 'capital', 'place']);

/**
 * "President Mugabe", "President Omar El Bashir" when the name is not in the people lexicon: an English title
 * with a name after it acts for the state the text is about: the last state named in this or the previous
 * sentence, else one the sentence places its act in (in Sudan). Without either it stays unresolved.
 */
function titledStranger(doc: Document, m: Mention, role: Role): Actor[] {
  const next = doc.tokens[tokenAt(doc.tokens, m.end - 1) + 1];
  if (doc.lang !== 'en' || next === undefined || next.start < m.end || !LATIN_NAME.test(doc.text.slice(next.start, next.end))) return [];
  // A state named as such, or by a body of its people ("opposition groups in Malawi"); not another state's officials.
  const stateOf = (o: Mention): Actor | undefined => {
    const a = o.actors.length === 1 ? o.actors[0] : undefined;
    if (a === undefined || !isState(a)) return undefined;
    return STATE_KINDS.has(o.kind) || (o.kind === 'body' && a.role !== 'GOV') ? a : undefined;
  };
  let found: Actor | undefined;
  for (const o of doc.mentions) {
    if (o.start >= m.start) break;
    const a = stateOf(o);
    if (a && o.sentence >= m.sentence - 1) found = a;
  }
  if (!found) {
    found = doc.mentions
      .filter((o) => o.sentence === m.sentence && o.start > m.end && doc.tokens[tokenAt(doc.tokens, o.start) - 1]?.norm === 'in')
      .map(stateOf)
      .find((a) => a !== undefined);
  }
  return found ? [withRole({ ...found, role: null, cameo: found.cameo.slice(0, 3) }, role)] : [];
}

export function createActorResolver(lexicon: ActorLexicon, heads: RoleHeads = loadRoleHeads(DEFAULT_DATA_DIR)): (doc: Document) => Document {
  const roles = openRoles(lexicon);
  return (doc) => {
    const seen: Actor[] = []; // actors in text order, with the role they were named with (most recent last)
    let pair: Pair | null = null;
    let previous: Mention | null = null;
    const resolvePair = (m: Mention, rule: AnaphorRule): Actor[] => {
      const sides = (rule.among ?? []).includes('*');
      const keep = sides ? isNamed : isState;
      const recent = pair !== null && m.sentence - pair.sentence <= PAIR_REACH && pair.actors.every(keep) ? pair.actors : null;
      let actors = recent ? [...recent] : lastDistinct(seen, 2, keep);
      if (!sides) actors = actors.map((a) => bare(lexicon, a));
      const at = tokenAt(doc.tokens, m.start);
      const role: Role | null = headRole(doc, heads, at, tokenAt(doc.tokens, m.end - 1));
      return role === null ? actors : actors.map((a) => withRole(bare(lexicon, a), role));
    };
    for (const m of doc.mentions) {
      if (m.kind === 'anaphor') {
        const rule = lexicon.anaphors.get(m.entry.replace(/^ANA:/, ''));
        if (rule?.type === 'pair') m.actors = resolvePair(m, rule);
        else if (rule) {
          const among = new Set(rule.among ?? []);
          const hit = [...seen].reverse().find((a) => among.has(a.id) || among.has('*') || (among.has('*state') && isState(a)));
          const def = doc.lang === 'ar' && rule.defaultAr ? lexicon.actorById(rule.defaultAr) : undefined;
          const a = hit ?? def;
          const base = a ? (lexicon.actorById(a.id) ?? a) : undefined;
          // A title-like anaphor (سموه, "his majesty") names the ruler: the state with his role.
          const role = base ? ownRole(doc, heads, tokenAt(doc.tokens, m.start), tokenAt(doc.tokens, m.end - 1)) : null;
          m.actors = base ? [role === null ? base : withRole(base, role)] : [];
        }
      } else if (m.actors.length === 0) {
        const a = lexicon.actorById(m.entry);
        const role = m.kind === 'office' ? roles.get(m.entry) : undefined;
        if (a) m.actors = [a];
        else if (role) m.actors = titledStranger(doc, m, role);
      }
      const [first, second] = m.actors;
      if (m.kind === 'anaphor' && first && second) pair = { actors: [first, second], sentence: m.sentence };
      else if (first && previous && m.actors.length === 1 && previous.actors.length === 1 && joined(doc, previous, m)) {
        const before = previous.actors[0] as Actor;
        if (before.id !== first.id) pair = { actors: [before, first], sentence: m.sentence };
      }
      if (m.kind !== 'anaphor') for (const a of m.actors) if (isNamed(a)) seen.push(a);
      if (m.actors.length > 0) previous = m;
    }
    doc.mentions = doc.mentions.filter((m) => m.actors.length > 0);
    return doc;
  };
}
