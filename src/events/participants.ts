// From an argument assignment to the (source, target) pairs an event is emitted for: one actor never acts on
// itself, the killed and wounded never act, actors named only by kind (protesters, gunmen) take part only in
// conflict events, and protest and violence may lack a target (or a source, when the victims are named).
import type { Assignment } from './arguments.js';
import type { ActorRef } from './sentence.js';
import { isUnidentified, unidentifiedKind, type UnidentifiedLexicon } from './unidentified.js';

export type Pair = [ActorRef | null, ActorRef | null];

/** Roots whose events mean something without a named target: protest, force posture, violence. */
export const UNTARGETED_ROOTS: ReadonlySet<string> = new Set(['14', '15', '18', '19', '20']);
/** Protest and violence: reported without naming who, they may stand on unidentified actors or a victim alone. */
export const INCIDENT_ROOTS: ReadonlySet<string> = new Set(['14', '18', '19', '20']);
/** Roots that an actor named only by kind may take part in beside a named one (conflict: 14-20). */
export const CONFLICT_ROOTS: ReadonlySet<string> = new Set(['14', '15', '16', '17', '18', '19', '20']);
/** Violence, where an unvocalised verb with one human noun after it is usually passive (قتل ثلاثة جنود). */
const VIOLENCE_ROOTS: ReadonlySet<string> = new Set(['18', '19', '20']);
const MAX_PAIRS = 6;
/**
 * Acts complete without a second party: resigning, promising or committing to a course, pulling forces back.
 * With no target found and no other party named in the sentence, they go out targetless. (Demands are not among
 * them: "ordered patrols", "pressed their demands" name no one the demand is made of.)
 */
const SELF_CONTAINED = /^(0831|03|0874)/;
/** Acts done to a person (kill, kidnap, wound, torture, assassinate, arrest): their object is nearly always one. */
const PERSON_ACTS = /^(18[0-2]|186|173)/;
/** Killing, wounding, assassinating: acts whose object is always a person (kidnapping may take a plane or a bus). */
const KILLING = /^(180|182|186)/;
/** Mentions that can name the victims themselves: people named, offices, a nisba for a country's people. */
const PERSON_MENTIONS: ReadonlySet<string> = new Set(['person', 'office', 'nisba']);

/** Same actor: same id, and the same role or one side without a role (IRN/GOV and IRN). */
export function selfPair(a: ActorRef, b: ActorRef): boolean {
  if (a.actor.id !== b.actor.id || a.actor.role === b.actor.role) return a.actor.id === b.actor.id;
  // A state and its own rebels, opposition, people, businesses or press are two parties ("Croatia investigates
  // Croatian extremists"); a state and its government, army or parliament are one.
  const role = a.actor.role ?? b.actor.role;
  return (a.actor.role === null || b.actor.role === null) && !NON_STATE_ROLES.has(role ?? '');
}
const NON_STATE_ROLES: ReadonlySet<string> = new Set(['REB', 'OPP', 'CVL', 'BUS', 'MED']);

export interface TriggerPlace {
  root: string;
  /** The trigger's own CAMEO code (before modality maps it), when known. */
  code?: string;
  /** Offset where the trigger ends, and whether it is a verb (for the passive reading). */
  end: number;
  verb: boolean;
  /** Who the trigger implies when no source is named (a protest: protesters). */
  implied: ActorRef | null;
  /** The verb carries its object as a pronoun (تهاجمه): a target exists, so none found means none known. */
  objectPronoun: boolean;
}

function named(r: ActorRef): boolean {
  return !isUnidentified(r.mention);
}

/** Split the assignment's sources into those that act and those that are acted on (victims). */
function victims(a: Assignment, t: TriggerPlace, lex: UnidentifiedLexicon): { sources: ActorRef[]; targets: ActorRef[] } {
  const side = (r: ActorRef) => unidentifiedKind(lex, r.mention)?.side;
  if (t.verb && VIOLENCE_ROOTS.has(t.root)) {
    // قتل 4 جنود في هجوم شنه مسلحون: the soldiers right after the verb suffer it, the gunmen did it.
    // Protesters are agents of protest, not of this swap: الشرطة اعتدت على المتظاهرين keeps the police as doer.
    const doers = a.targets.filter((r) => side(r) === 'agent' && r.actor.role !== 'CVL');
    const sufferers = a.sources.filter((r) => side(r) === 'either' && r.mention.start >= t.end);
    if (doers.length > 0 && sufferers.length > 0) return { sources: doers, targets: sufferers };
  }
  const patient = (r: ActorRef): boolean => {
    const side = unidentifiedKind(lex, r.mention)?.side;
    if (side === 'patient') return true;
    // قتل ثلاثة جنود، جنديان عراقيان قتلا: a kind-named actor of a violence verb with nobody else is its victim
    // (the unvocalised verb reads as passive); gunmen and protesters (agents) still act.
    if (side === 'either' && t.verb && VIOLENCE_ROOTS.has(t.root) && a.targets.length === 0) return true;
    // قتل ثلاثة مسلحين في غارة: gunmen after a verb of killing or wounding, with nobody for them to kill, were killed.
    if (side === 'agent' && t.verb && KILLING.test(t.code ?? '') && !t.objectPronoun && a.targets.length === 0 && r.mention.start >= t.end) return true;
    // جرح وزير الدفاع في تفجير، بوتو قتلت في هجوم، اعتقل الرئيس السابق: a person alone beside a verb of an act done
    // to persons suffers it, whether the verb is passive or its subject dropped.
    return side === undefined && t.verb && PERSON_ACTS.test(t.code ?? '') && !t.objectPronoun && a.targets.length === 0 && PERSON_MENTIONS.has(r.mention.kind);
  };
  const acted = a.sources.filter(patient);
  if (acted.length === 0) return { sources: a.sources, targets: a.targets };
  return { sources: a.sources.filter((r) => !patient(r)), targets: a.targets.length > 0 ? a.targets : acted };
}

const PROTEST_ROOT = '14';

/** Armies, and police or soldiers named by kind: they face a protest (أطلقت قوات الأمن النار على المتظاهرين), they do not make it. */
function force(r: ActorRef): boolean {
  return r.actor.role === 'MIL' || (!named(r) && r.actor.role === 'GOV');
}

export function participants(a: Assignment, t: TriggerPlace, lex: UnidentifiedLexicon): Pair[] {
  const incident = INCIDENT_ROOTS.has(t.root);
  const keep = (r: ActorRef): boolean => named(r) || CONFLICT_ROOTS.has(t.root);
  const out: Pair[] = [];
  if (a.mutual) {
    // X, Y and Z met: every pair of the parties took part, each with the first-named of the two as source.
    const parties = a.sources.filter(keep);
    parties.forEach((one, i) => {
      for (const other of parties.slice(i + 1)) if (!selfPair(one, other)) out.push([one, other]);
    });
  } else {
    const split = victims(a, t, lex);
    const sources = split.sources.filter((r) => keep(r) && !(t.root === PROTEST_ROOT && force(r)));
    const targets = split.targets.filter(keep);
    if (sources.length === 0 && t.implied) sources.push(t.implied);
    if (sources.length === 0 && incident) for (const target of targets) out.push([null, target]);
    for (const s of sources) {
      const others = targets.filter((target) => !selfPair(s, target));
      if (others.length === 0 && (UNTARGETED_ROOTS.has(t.root) || (a.oneParty === true && SELF_CONTAINED.test(t.code ?? '')))) out.push([s, null]);
      for (const target of others) out.push([s, target]);
    }
  }
  // An incident trigger with no actor of its own (انفجار سيارة مفخخة) still tells what happened: settling merges
  // it into the incident's event that has actors, and drops it otherwise.
  if (out.length === 0 && incident) out.push([null, null]);
  // Only protest and violence stand on actors the text does not name.
  return out
    .filter(([, g]) => g !== null || !t.objectPronoun).filter(([s, g]) => incident || (s !== null && named(s)) || (g !== null && named(g))).slice(0, MAX_PAIRS);
}
