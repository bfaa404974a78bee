// The actor lexicon: states (names, capitals, nisbas) and organisations from data/actors, validated with zod
// and compiled into one Map keyed by the first folded token of every phrase (one lookup per token).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Actor, MentionKind, Role } from '../document.js';
import { foldKey } from '../stages/normalise.js';
import { tokenise } from '../stages/segment.js';

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
  }),
);
const OrgSchema = z.array(
  z.object({ id: z.string(), cameo: z.string(), name: z.string(), en: z.array(z.string()), ar: z.array(z.string()) }),
);

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

/** Arabic nisba inflections from the base form (إيراني): feminine, plurals, dual, each with/without ال. */
export function arabicNisbaForms(base: string): string[] {
  const b = foldKey(base);
  const forms = [b, `${b}ه`, `${b}ين`, `${b}ون`, `${b}يان`, `${b}تان`, `${b}تين`];
  return forms.flatMap((f) => [f, `ال${f}`]);
}

function readJson(path: string): unknown {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as unknown) : [];
}

export function loadActorLexicon(dataDir: string): ActorLexicon {
  const byFirst = new Map<string, Phrase[]>();
  const single = new Map<string, Phrase>();
  const actors = new Map<string, Actor>();
  let size = 0;
  const add = (text: string, kind: MentionKind, actor: Actor, folded = false, open: Role | null = null): void => {
    const key = folded ? text : foldKey(text);
    const tokens = tokenise(key).map((t) => t.norm);
    const first = tokens[0];
    if (first === undefined) return;
    const upper = /^[A-Z.]{2,4}$/.test(text) ? text : null;
    const phrase: Phrase = { tokens, open, kind, actor, upper };
    const list = byFirst.get(first) ?? [];
    list.push(phrase);
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    byFirst.set(first, list);
    const named = kind === 'state' || kind === 'capital' || kind === 'nisba' || kind === 'org';
    if (named && tokens.length === 1 && /[\u0600-\u06ff]/.test(first) && !single.has(first)) single.set(first, phrase);
    size++;
  };
  const states = StateSchema.parse(readJson(join(dataDir, 'actors', 'states.json')));
  for (const s of states) {
    const actor: Actor = { id: s.id, cameo: s.cameo ?? s.id, role: null, name: s.name };
    actors.set(s.id, actor);
    for (const n of [...s.en, ...s.ar]) add(n, 'state', actor);
    for (const n of [...s.capEn, ...s.capAr]) add(n, 'capital', actor);
    for (const n of s.nisEn) add(n, 'nisba', actor);
    for (const n of s.nisAr) for (const f of arabicNisbaForms(n)) add(f, 'nisba', actor, true);
  }
  for (const o of OrgSchema.parse(readJson(join(dataDir, 'actors', 'orgs.json')))) {
    const actor: Actor = { id: o.id, cameo: o.cameo, role: null, name: o.name };
    actors.set(o.id, actor);
    for (const n of [...o.en, ...o.ar]) add(n, 'org', actor);
  }
  const bodies = (file: string, kind: MentionKind): void => {
    for (const b of BodySchema.parse(readJson(join(dataDir, 'actors', file)))) {
      const st = b.state === undefined ? undefined : actors.get(b.state);
      if (b.state !== undefined && !st) throw new Error(`${file}: ${b.key}: unknown state ${b.state}`);
      const actor: Actor = st ? withRole(st, b.role) : { id: `${kind.toUpperCase()}:${b.key}`, cameo: '', role: b.role, name: b.key };
      for (const n of [...b.en, ...b.ar]) add(n, kind, actor, false, st ? null : b.role);
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
  return { size, byFirst, single, anaphors, actorById: (id) => actors.get(id) };
}

/** A state actor narrowed to a role: IRN + MIL -> IRNMIL. */
export function withRole(state: Actor, role: Role): Actor {
  return { id: state.id, cameo: `${state.cameo}${role}`, role, name: state.name };
}
