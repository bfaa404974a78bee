// The actor lexicon: states (names, capitals, nisbas) and organisations from data/actors, validated with zod
// and compiled into one Map keyed by the first folded token of every phrase (one lookup per token).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Actor, Document, MentionKind, Role } from '../document.js';
import { foldKey } from '../stages/normalise.js';
import { tokenise } from '../stages/segment.js';
import { cliticReadings } from '../actors/arabic-clitics.js';

/** Forms that name something else next to certain words: المغرب العربي (the Maghreb), New Mexico, National Security Council. */
const ContextSchema = z
  .array(z.object({ form: z.string(), notPrev: z.array(z.string()).optional(), notNext: z.array(z.string()).optional() }))
  .optional();
type Contexts = z.infer<typeof ContextSchema>;

const StateSchema = z.array(
  z.object({
    id: z.string().length(3),
    name: z.string(),
    cameo: z.string().optional(),
    en: z.array(z.string()),
    ar: z.array(z.string()),
    capEn: z.array(z.string()),
    capAr: z.array(z.string()),
    nisEn: z.array(z.string()),
    nisAr: z.array(z.string()),
    /** English forms that are also personal or place names elsewhere (Jordan, Chad, Georgia): not matched
     * inside a run of capitalised words (Michael Jordan, Georgia Tech). */
    guarded: z.array(z.string()).optional(),
    /** Nisba forms taken as they are (broken plurals: الأتراك، الروس). */
    nisArPlain: z.array(z.string()).optional(),
    contexts: ContextSchema,
  }),
);
const OrgSchema = z.array(
  z.object({ id: z.string(), cameo: z.string(), name: z.string(), en: z.array(z.string()), ar: z.array(z.string()), contexts: ContextSchema }),
);

/** data/actors/places.json: cities and regions by state; English names are mentions (Arabic ones only locate events). */
const PlacesSchema = z.object({
  places: z.record(z.string().length(3), z.object({ name: z.string(), en: z.array(z.string()), ar: z.array(z.string()) })),
});

const RoleSchema = z.enum(['GOV', 'MIL', 'LEG', 'JUD', 'OPP', 'REB', 'MED', 'BUS', 'CVL']);
const BodySchema = z.array(
  z.object({ key: z.string(), role: RoleSchema, state: z.string().length(3).optional(), en: z.array(z.string()), ar: z.array(z.string()) }),
);
const AnaphorSchema = z.array(
  z.object({
    key: z.string(),
    type: z.enum(['pair', 'recent']),
    among: z.array(z.string()).optional(),
    defaultAr: z.string().optional(),
    en: z.array(z.string()),
    ar: z.array(z.string()),
  }),
);
export type AnaphorRule = z.infer<typeof AnaphorSchema>[number];

export interface Phrase {
  tokens: string[];
  /** Bodies/offices with no fixed state (the foreign ministry, الرئيس): the state comes from a neighbour. */
  open: Role | null;
  kind: MentionKind;
  actor: Actor;
  /** Short all-caps acronyms (US, UN) only match when upper case in the original text. */
  upper: string | null;
  /** A Latin proper name (Turkey, China, Chad): only matches when capitalised in the original text. */
  cased?: boolean;
  /** Later words of a cased name that are capitalised too (Islamic State, not "an Islamic state"): token indices. */
  capitals?: number[];
  /** Also a personal or place name elsewhere: not matched next to another capitalised word. */
  guarded?: boolean;
  /** Folded words that must not come right before / after the phrase. */
  notPrev?: ReadonlySet<string>;
  notNext?: ReadonlySet<string>;
}

export interface ActorLexicon {
  readonly size: number;
  /** Phrases by first folded token, longest first. */
  readonly byFirst: Map<string, Phrase[]>;
  /** Single-token Arabic keys, for splitting run-together tokens. */
  readonly single: Map<string, Phrase>;
  /** Anaphor rules by key; anaphor phrases carry actor id `ANA:<key>`. */
  readonly anaphors: Map<string, AnaphorRule>;
  actorById(id: string): Actor | undefined;
}

const NISBA_ENDINGS = ['', 'ه', 'ين', 'ون', 'ان', 'تان', 'تين', 'ات'];

/** Arabic nisba inflections from the base form (إيراني): feminine, plurals, dual, each with/without ال, and the
 * indefinite accusative (خطفوا أميركيا، قتل مدنيا أفغانيا), whose written alif never takes the article.
 * Several words inflect together: كوري جنوبي -> الكورية الجنوبية. */
export function arabicNisbaForms(base: string): string[] {
  const words = foldKey(base).split(' ');
  const forms = NISBA_ENDINGS.flatMap((e) => {
    const bare = words.map((w) => `${w}${e}`);
    return [bare.join(' '), bare.map((w) => `ال${w}`).join(' ')];
  });
  forms.push(words.map((w) => `${w}ا`).join(' '));
  return forms;
}

const LATIN_CAPITAL = /^[A-Z\u00c0-\u00de]/;

function capitalised(doc: Document, i: number): boolean {
  const t = doc.tokens[i];
  return t !== undefined && t.kind === 'word' && LATIN_CAPITAL.test(doc.text[t.start] ?? '');
}

/** Capitalised words that do not make a neighbour part of a name: "in Washington Tuesday". */
const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);

const SENTENCE_OPENERS = new Set(
  'in on at for from to with by and but or the as while after before since when if meanwhile also both then however yesterday today'.split(' '),
);

function nameNeighbour(doc: Document, j: number, sentence: number | undefined): boolean {
  const t = doc.tokens[j];
  return t !== undefined && t.sentence === sentence && capitalised(doc, j) && !CALENDAR.has(t.norm);
}

/** Is a word (or the word after its Arabic clitics) in the set? */
function inSet(set: ReadonlySet<string>, norm: string | undefined): boolean {
  return norm !== undefined && (set.has(norm) || cliticReadings(norm).some(([, bare]) => set.has(bare)));
}

const ATTITUDE = new Set(['pro', 'anti']);
const SPONSORED = new Set(['backed', 'made', 'based', 'born', 'supported', 'sponsored', 'funded', 'allied', 'aligned', 'trained', 'armed', 'owned', 'linked', 'inspired', 'educated', 'built']);

/** Case, name and context guards that the folded tokens cannot see: checked against the original text. */
export function phraseAllowed(doc: Document, i: number, p: Phrase): boolean {
  if (p.cased === true && !capitalised(doc, i)) return false;
  if (p.capitals && !p.capitals.every((k) => capitalised(doc, i + k))) return false;
  // "pro-Russia rebels", "anti-American protests": an attitude towards the state, not the state acting;
  // "Syrian-backed Amal", "Qatar-based", "Russian-made rockets": a sponsor or origin, not the one who acts.
  if (doc.tokens[i - 1]?.norm === '-' && ATTITUDE.has(doc.tokens[i - 2]?.norm ?? '')) return false;
  const after = i + p.tokens.length;
  if (doc.tokens[after]?.norm === '-' && SPONSORED.has(doc.tokens[after + 1]?.norm ?? '')) return false;
  const end = i + p.tokens.length;
  if (p.notPrev && inSet(p.notPrev, doc.tokens[i - 1]?.norm)) return false;
  if (p.notNext && inSet(p.notNext, doc.tokens[end]?.norm)) return false;
  if (p.guarded !== true) return true;
  const sentence = doc.tokens[i]?.sentence;
  // A capitalised word before is a first name (Michael Jordan) unless it is a function word opening the sentence (In Jordan).
  const opener = doc.tokens[i - 2]?.sentence !== sentence && SENTENCE_OPENERS.has(doc.tokens[i - 1]?.norm ?? '');
  return !(nameNeighbour(doc, i - 1, sentence) && !opener) && !nameNeighbour(doc, end, sentence);
}

function readJson(path: string): unknown {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as unknown) : [];
}

interface AddOptions {
  /** The text is already a folded key. */
  folded?: boolean;
  /** Bodies/offices with no fixed state: their role. */
  open?: Role | null;
  guarded?: boolean;
  notPrev?: ReadonlySet<string> | undefined;
  notNext?: ReadonlySet<string> | undefined;
}

const foldedSet = (words: string[]): ReadonlySet<string> => new Set(words.map(foldKey));
/** الفرنسية after اللغة is the language, not France. */
const LANGUAGE = foldedSet(['اللغة']);

/** Add options per form from an entry's contexts and guarded list. */
function optionsFor(contexts: Contexts, guarded: string[] = []): (form: string) => AddOptions {
  const byForm = new Map((contexts ?? []).map((c) => [c.form, c]));
  const guard = new Set(guarded);
  return (form) => {
    const c = byForm.get(form);
    return {
      guarded: guard.has(form),
      notPrev: c?.notPrev ? foldedSet(c.notPrev) : undefined,
      notNext: c?.notNext ? foldedSet(c.notNext) : undefined,
    };
  };
}

/** The lexicon's tables as plain data (what the start-up cache keeps), before its lookup function is added. */
export interface ActorTables {
  size: number;
  byFirst: Map<string, Phrase[]>;
  single: Map<string, Phrase>;
  anaphors: Map<string, AnaphorRule>;
  actors: Map<string, Actor>;
}

export function loadActorLexicon(dataDir: string): ActorLexicon {
  return actorLexiconOf(compileActorTables(dataDir));
}

export function actorLexiconOf(tables: ActorTables): ActorLexicon {
  const { size, byFirst, single, anaphors, actors } = tables;
  return { size, byFirst, single, anaphors, actorById: (id) => actors.get(id) };
}

export function compileActorTables(dataDir: string): ActorTables {
  const byFirst = new Map<string, Phrase[]>();
  const single = new Map<string, Phrase>();
  const actors = new Map<string, Actor>();
  let size = 0;
  const seen = new Set<string>();
  const add = (text: string, kind: MentionKind, actor: Actor, opts: AddOptions = {}): void => {
    const key = opts.folded ? text : foldKey(text);
    const tokens = tokenise(key).map((t) => t.norm);
    const first = tokens[0];
    if (first === undefined) return;
    const dedupe = `${tokens.join(' ')}\u0001${actor.id}\u0001${actor.cameo}`;
    if (seen.has(dedupe)) return; // the same form twice for one actor (سورية as name and as nisba)
    seen.add(dedupe);
    const upper = /^[A-Z.]{2,4}$/.test(text) ? text : null;
    const named = kind !== 'body' && kind !== 'office' && kind !== 'anaphor';
    const cased = named && upper === null && !opts.folded && LATIN_CAPITAL.test(text);
    const phrase: Phrase = { tokens, open: opts.open ?? null, kind, actor, upper, cased, guarded: opts.guarded ?? false };
    if (cased && tokens.length > 1) {
      const capitals = tokenise(text)
        .map((t, k) => (k > 0 && LATIN_CAPITAL.test(text[t.start] ?? '') ? k : -1))
        .filter((k) => k > 0);
      if (capitals.length > 0) phrase.capitals = capitals;
    }
    if (opts.notPrev) phrase.notPrev = opts.notPrev;
    if (opts.notNext) phrase.notNext = opts.notNext;
    const list = byFirst.get(first) ?? [];
    list.push(phrase);
    byFirst.set(first, list);
    if (named && tokens.length === 1 && /[\u0600-\u06ff]/.test(first) && !single.has(first)) single.set(first, phrase);
    size++;
  };
  const states = StateSchema.parse(readJson(join(dataDir, 'actors', 'states.json')));
  for (const s of states) {
    const actor: Actor = { id: s.id, cameo: s.cameo ?? s.id, role: null, name: s.name };
    actors.set(s.id, actor);
    const opts = optionsFor(s.contexts, s.guarded);
    for (const n of [...s.en, ...s.ar]) add(n, 'state', actor, opts(n));
    for (const n of [...s.capEn, ...s.capAr]) add(n, 'capital', actor, opts(n));
    for (const n of [...s.nisEn, ...(s.nisArPlain ?? [])]) add(n, 'nisba', actor, opts(n));
    // "the Rwandan capital" stands for the state as its capital's name does.
    for (const n of s.nisEn) add(`${n} capital`, 'capital', actor);
    for (const n of s.nisAr)
      for (const f of arabicNisbaForms(n)) add(f, 'nisba', actor, { folded: true, notPrev: f.startsWith('ال') && f.endsWith('ه') ? LANGUAGE : undefined });
  }
  for (const o of OrgSchema.parse(readJson(join(dataDir, 'actors', 'orgs.json')))) {
    const actor: Actor = { id: o.id, cameo: o.cameo, role: null, name: o.name };
    actors.set(o.id, actor);
    const opts = optionsFor(o.contexts);
    for (const n of [...o.en, ...o.ar]) add(n, 'org', actor, opts(n));
  }
  const placesPath = join(dataDir, 'actors', 'places.json');
  if (existsSync(placesPath)) {
    for (const [id, place] of Object.entries(PlacesSchema.parse(readJson(placesPath)).places)) {
      const actor = actors.get(id);
      if (!actor) throw new Error(`places.json: unknown state ${id}`);
      for (const n of place.en) add(n, 'place', actor);
    }
  }
  const bodies = (file: string, kind: MentionKind): void => {
    for (const b of BodySchema.parse(readJson(join(dataDir, 'actors', file)))) {
      const st = b.state === undefined ? undefined : actors.get(b.state);
      if (b.state !== undefined && !st) throw new Error(`${file}: ${b.key}: unknown state ${b.state}`);
      const actor: Actor = st ? withRole(st, b.role) : { id: `${kind.toUpperCase()}:${b.key}`, cameo: '', role: b.role, name: b.key };
      for (const n of [...b.en, ...b.ar]) add(n, kind, actor, { open: st ? null : b.role });
    }
  };
  bodies('bodies.json', 'body');
  bodies('offices.json', 'office');
  const anaphors = new Map<string, AnaphorRule>();
  for (const a of AnaphorSchema.parse(readJson(join(dataDir, 'actors', 'anaphora.json')))) {
    anaphors.set(a.key, a);
    const actor: Actor = { id: `ANA:${a.key}`, cameo: '', role: null, name: a.key };
    for (const n of [...a.en, ...a.ar]) add(n, 'anaphor', actor);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { size, byFirst, single, anaphors, actors };
}

/** A state actor narrowed to a role: IRN + MIL -> IRNMIL. */
export function withRole(state: Actor, role: Role): Actor {
  return { id: state.id, cameo: `${state.cameo}${role}`, role, name: state.name };
}
