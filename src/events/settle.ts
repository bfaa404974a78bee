// Per-sentence settling of coded events: drop repeats of the same code and dyad, codes a more specific one
// replaces (046 over 042), an event without a target (or source) beside the same act with one, and merge the
// triggers of one incident (an explosion, the attack, the killing; a march and its chants) into one event.
import type { CodedEvent, EventActor, Span } from '../document.js';
import { INCIDENT_ROOTS, UNTARGETED_ROOTS } from './participants.js';

/** An event with how specific its trigger was (pattern priority, phrase length), for choosing among repeats. */
export interface RankedEvent {
  event: CodedEvent;
  rank: number;
  /** Its actors were named only by kind (protesters, gunmen): they yield to named ones when merging. */
  sourceUnidentified: boolean;
  targetUnidentified: boolean;
  /** A verb tells that it happened (not a noun that may only name it): it may stand with no actor named. */
  told?: boolean;
}

/** The accusation a report of another's attack is coded as (english-frames: "said X attacked"). */
const REPORTED_ATTACK = '112';

/** Codes a more specific consultation code replaces for the same dyad in the same sentence (046 over 042). */
const SUBSUMED_BY: Record<string, string[]> = { '046': ['040', '042', '043', '044'], '042': ['040'], '043': ['040'], '044': ['040'] };

/** A 4-digit code says what its 3-digit parent says, and more (1124 accuse of war crimes over 112 accuse). */
function subsumes(specific: string, general: string): boolean {
  return (SUBSUMED_BY[specific] ?? []).includes(general) || (specific.length === 4 && specific.slice(0, 3) === general);
}

function actorKey(a: EventActor | null): string {
  return a ? `${a.id}/${a.role ?? ''}` : '-';
}

function dyadKey(e: CodedEvent, reversed = false): string {
  const s = actorKey(e.source);
  const t = actorKey(e.target);
  return reversed ? `${t}>${s}` : `${s}>${t}`;
}

function sameActor(a: EventActor, b: EventActor): boolean {
  return a.id === b.id && (a.role === b.role || a.role === null || b.role === null);
}

/** Two slots of one incident can be the same party: one is empty, or both name the same actor. */
function compatible(a: EventActor | null, b: EventActor | null): boolean {
  return a === null || b === null || sameActor(a, b);
}

/** Protest (14) and violence (18-20) triggers in one sentence usually tell one incident. */
function incidentClass(root: string): string | null {
  if (!INCIDENT_ROOTS.has(root)) return null;
  return root === '14' ? 'protest' : 'violence';
}

/** The better of two slots for the merged incident: named over kind-named over empty. */
function better(a: EventActor | null, aUnid: boolean, b: EventActor | null, bUnid: boolean): [EventActor | null, boolean] {
  if (a === null) return [b, bUnid];
  if (b === null) return [a, aUnid];
  return aUnid && !bUnid ? [b, bUnid] : [a, aUnid];
}

function union(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function mergeInto(kept: RankedEvent, other: RankedEvent): void {
  const k = kept.event;
  const o = other.event;
  const [source, sourceUnid] = better(k.source, kept.sourceUnidentified, o.source, other.sourceUnidentified);
  let [target, targetUnid] = better(k.target, kept.targetUnidentified, o.target, other.targetUnidentified);
  if (source && target && sameActor(source, target)) {
    // The other telling's target may still be another party (the state's government beside the state itself).
    const rest = target === k.target ? ([o.target, other.targetUnidentified] as const) : ([k.target, kept.targetUnidentified] as const);
    [target, targetUnid] = rest[0] && !sameActor(source, rest[0]) ? [rest[0], rest[1]] : [null, false];
  }
  const chosen = other.rank > kept.rank ? o : k;
  kept.event = {
    ...chosen,
    source,
    target,
    evidence: k.evidence.start === o.evidence.start && k.evidence.end === o.evidence.end ? chosen.evidence : union(k.evidence, o.evidence),
    confidence: Math.max(k.confidence, o.confidence),
  };
  kept.rank = Math.max(kept.rank, other.rank);
  kept.told = (kept.told ?? false) || (other.told ?? false);
  kept.sourceUnidentified = sourceUnid;
  kept.targetUnidentified = targetUnid;
}

/** Victims of one doerless incident in one country (مقتل 15 شخصا بينهم سبعة من الشرطة): one event, whatever their roles. */
function sameVictims(a: CodedEvent, b: CodedEvent): boolean {
  return a.source === null && b.source === null && a.target !== null && b.target !== null && a.target.id === b.target.id;
}

function mergeIncidents(events: RankedEvent[]): RankedEvent[] {
  const out: RankedEvent[] = [];
  for (const e of events) {
    const cls = incidentClass(e.event.root);
    const into =
      cls === null
        ? undefined
        : out.find(
            (o) =>
              incidentClass(o.event.root) === cls &&
              o.event.negated === e.event.negated &&
              // Protesters named only by kind (or implied by the protest word) are the named ones of the same protest.
              (compatible(o.event.source, e.event.source) || (cls === 'protest' && (o.sourceUnidentified || e.sourceUnidentified))) &&
              (compatible(o.event.target, e.event.target) || (cls === 'violence' && sameVictims(o.event, e.event))),
          );
    if (into) mergeInto(into, e);
    else out.push({ ...e });
  }
  return out;
}

/** Same root and source, one with a target: the targetless one says less (and the same for sources). */
function saysLess(e: CodedEvent, o: CodedEvent): boolean {
  if (o === e || o.root !== e.root || o.negated !== e.negated) return false;
  if (e.target === null && o.target !== null) return actorKey(o.source) === actorKey(e.source);
  if (e.source === null && o.source !== null) return actorKey(o.target) === actorKey(e.target);
  return false;
}

/**
 * Codes told both ways that tell one act (the mutual roots of shared/eval/SCHEMA.md: intent to cooperate, consult,
 * cooperate), except the diplomatic acts of root 05 that have a direction: praise, support, recognition, apology
 * (دعمت قطر إيران and دعمت إيران قطر are two events). Diplomatic cooperation and agreements (050, 057) stay mutual.
 */
export function symmetricCode(code: string): boolean {
  return /^(03|04|06|050|057)/.test(code);
}

/**
 * A protest with no target that is another protest's shadow: its "protester" is what another protest of the
 * sentence is against (هتف المتظاهرون ضد حكومة البشير ... البشير), or police and soldiers named by kind beside
 * protesters (تفريق المتظاهرين ... الشرطة): they face the protest, they do not make it.
 */
function protestShadow(r: RankedEvent, all: readonly RankedEvent[]): boolean {
  const e = r.event;
  if (e.root !== '14' || e.target !== null || e.source === null) return false;
  const source = e.source;
  const force = r.sourceUnidentified && (source.role === 'GOV' || source.role === 'MIL');
  return all.some(
    (o) => o !== r && o.event.root === '14' && ((o.event.target !== null && sameActor(o.event.target, source)) || (force && o.event.source !== null && !sameActor(o.event.source, source))),
  );
}

/**
 * A targetless act outside protest, force and violence (resigned, promised to reform) whose doer does something
 * else in the sentence is that act's purpose or detail ("agreed to resign", "rallied to promise"): the other stays.
 */
function detailOfOther(e: CodedEvent, all: readonly CodedEvent[]): boolean {
  if (e.target !== null || e.source === null || UNTARGETED_ROOTS.has(e.root)) return false;
  const source = e.source;
  return all.some((o) => o !== e && o.source !== null && sameActor(o.source, source) && (o.target !== null || UNTARGETED_ROOTS.has(o.root)));
}

export function settleSentence(ranked: RankedEvent[]): CodedEvent[] {
  const seen = new Set<string>();
  const unique = ranked.filter(({ event: e }) => {
    const key = (reversed: boolean): string => `${e.code}|${dyadKey(e, reversed)}|${e.negated ? 1 : 0}`;
    if (seen.has(key(false)) || (symmetricCode(e.code) && seen.has(key(true)))) return false;
    seen.add(key(false));
    return true;
  });
  const merged = mergeIncidents(unique.filter((r) => !protestShadow(r, unique)));
  // A bombing or a shooting told by a verb without naming anyone (انفجرت سيارة مفخخة، a car bomb exploded) still
  // happened: it stays, actorless, unless another report of violence in the sentence has actors.
  const hasActors = (e: CodedEvent): boolean => e.source !== null || e.target !== null;
  // A state's report of the attack ("Israel said a mortar was fired at it from Gaza": 112) names its parties too.
  const violenceWithActors = merged.some((r) => (incidentClass(r.event.root) === 'violence' || r.event.code === REPORTED_ATTACK) && hasActors(r.event));
  const events = merged
    .filter(({ event: e, told }) => hasActors(e) || (told && incidentClass(e.root) === 'violence' && !violenceWithActors && !e.negated && !e.hypothetical))
    .map((r) => r.event);
  return events.filter(
    (e) =>
      !detailOfOther(e, events) &&
      !events.some(
        (o) =>
          saysLess(e, o) ||
          (o !== e && subsumes(o.code, e.code) && (dyadKey(o) === dyadKey(e) || dyadKey(o, true) === dyadKey(e))),
      ),
  );
}
