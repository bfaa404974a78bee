// Arabic argument cues (data/events/ar-arguments.json): the verb that governs an event noun (قام بزيارة، شن
// هجوما، تعرض لهجوم) and the words that introduce what a protest is against (ضد، مناهضة ل، تنديدا ب).
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { foldKey } from '../stages/normalise.js';
import { arabicReadings, arabicVerbForms } from './arabic.js';
import type { Actor, Mention } from '../document.js';
import { withRole } from '../lexicon/actors.js';
import type { Assignment } from './arguments.js';
import type { ActorRef, Group, SentenceView } from './sentence.js';
import type { TriggerMatch } from './triggers.js';

const VerbPairs = z.array(z.string().regex(/^\S+\/\S+$/));
const Words = z.array(z.string().min(1));
const CueFile = z.object({
  governors: VerbPairs,
  governorNouns: Words,
  copulas: VerbPairs,
  temporal: Words,
  undergo: VerbPairs,
  hosting: VerbPairs,
  protestTarget: Words,
});

export interface ArabicCues {
  /** Folded 3rd-person forms of verbs that enact an event noun, making it their subject's act. */
  governors: Set<string>;
  /** Verbal nouns that enact an event noun (تنظيم مظاهرة). */
  governorNouns: Set<string>;
  copulas: Set<string>;
  /** Prepositions that put an event noun in the background (خلال الزيارة). */
  temporal: Set<string>;
  /** Folded forms of verbs whose subject suffers the event noun. */
  undergo: Set<string>;
  /** Folded forms of verbs that say where a meeting was held (عقد في، استضافته). */
  hosting: Set<string>;
  protestTarget: Set<string>;
}

export function emptyCues(): ArabicCues {
  return {
    governors: new Set(),
    governorNouns: new Set(),
    copulas: new Set(),
    temporal: new Set(),
    undergo: new Set(),
    hosting: new Set(),
    protestTarget: new Set(),
  };
}

/** 3rd-person forms of a past/present pair, with the defective endings the suffix rule misses (أجرى -> أجرت، يجرون). */
function verbForms(pair: string): string[] {
  const [past = '', present = ''] = foldKey(pair).split('/');
  const out = [...arabicVerbForms(past), ...arabicVerbForms(present)];
  if (/[اي]$/.test(past)) {
    const stem = past.slice(0, -1);
    out.push(`${stem}ت`, `${stem}تا`, `${stem}وا`);
  }
  if (/[وي]$/.test(present)) out.push(`${present.slice(0, -1)}ون`, `ت${present.slice(1, -1)}ون`);
  return out;
}

export function loadArabicCues(path: string): ArabicCues {
  if (!existsSync(path)) return emptyCues();
  const file = CueFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  return {
    governors: new Set(file.governors.flatMap(verbForms)),
    governorNouns: new Set(file.governorNouns.map(foldKey)),
    copulas: new Set(file.copulas.flatMap(verbForms)),
    temporal: new Set(file.temporal.map(foldKey)),
    undergo: new Set(file.undergo.flatMap(verbForms)),
    hosting: new Set(file.hosting.flatMap(verbForms)),
    protestTarget: new Set(file.protestTarget.map(foldKey)),
  };
}

/** Does the token read as one of the verb forms (after و/ف and purpose ل)? */
function isVerb(view: SentenceView, index: number, forms: ReadonlySet<string>): boolean {
  const t = view.tokens[index];
  if (t === undefined || t.kind !== 'word') return false;
  return arabicReadings(t.norm).some((r) => !r.article && !r.suffix && (r.prep === null || r.prep === 'ل') && forms.has(r.stem));
}

/** How far back a governing verb may stand (its subject and an apposition come between: قام محمد خاتمي، الرئيس ... بزيارة). */
const GOVERNOR_WINDOW = 10;
const PREPOSITIONS = new Set(['من', 'في', 'إلى', 'على', 'عن', 'مع', 'ضد', 'حول', 'بشأن', 'تجاه', 'نحو'].map(foldKey));

export type Governor = 'enact' | 'copula' | 'possessive' | 'undergo';

/**
 * What makes an event noun an act: 'enact' when a governing verb or verbal noun stands before it (قامت الدوحة
 * بتوقيع، تنظيم مظاهرة); 'possessive' when the noun carries its agent (زيارته); 'copula' for كان X في ...;
 * 'undergo' for تعرض X لهجوم; null when the noun is only mentioned (التعاون بين البلدين، عدوى الاحتجاجات) or
 * stands in the background after a temporal preposition (خلال الزيارة).
 */
export function governorOf(view: SentenceView, trigger: TriggerMatch, cues: ArabicCues): Governor | null {
  const head = view.tokens[trigger.first];
  const key = trigger.form.keys[0];
  if (view.stems(trigger.first - 1).some((s) => cues.temporal.has(s))) return null;
  if (head && arabicReadings(head.norm).some((r) => r.suffix && r.stem === key)) return 'possessive';
  for (let i = trigger.first - 1; i >= Math.max(0, trigger.first - GOVERNOR_WINDOW); i--) {
    // A preposition on the way starts another phrase (خرجوا للاحتجاج على قرار ... بغزو): past it, nothing governs.
    if (i < trigger.first - 1 && PREPOSITIONS.has(view.tokens[i]?.norm ?? '')) return null;
    if (isVerb(view, i, cues.undergo)) return 'undergo';
    if (isVerb(view, i, cues.governors) || view.stems(i).some((s) => cues.governorNouns.has(s))) return 'enact';
    if (isVerb(view, i, cues.copulas)) return 'copula';
  }
  return null;
}

const CUE_WINDOW = 3;

/** What a protest is against: the first named group after the trigger with a cue at most three words before it. */
export function protestTarget(view: SentenceView, trigger: TriggerMatch, cues: ArabicCues, exclude: (g: Group) => boolean): Group | null {
  let previousEnd = trigger.last;
  for (const g of view.groups) {
    if (g.first <= trigger.last) continue;
    const from = Math.max(previousEnd + 1, g.first - CUE_WINDOW);
    previousEnd = g.last;
    if (exclude(g)) continue;
    // ضد الحكومة، شعارات مناهضة للصين، أمام السفارة الصينية: the cue stands up to three words before.
    for (let i = g.first - 1; i >= from; i--) if (view.stems(i).some((s) => cues.protestTarget.has(s))) return g;
  }
  return null;
}

const AR_WHICH = new Set(['الذي', 'التي', 'الذين', 'اللتين', 'اللذين'].map(foldKey));
/** Adjectives that may stand between an event noun and its relative clause (الزيارة التاريخية التي ...). */
const RELATIVE_REACH = 3;
/** Words between the relative's verb and its subject: the resumptive بها/به and honorifics (سمو، فخامة). */
const SUBJECT_REACH = 4;

/**
 * الزيارة التي قام بها الأمير، الهجمات التي شنها مسلحون، العملية التي نفذتها القوات: a relative clause whose verb
 * enacts the noun names its doer, the subject of that verb. Returns the doer's group, or null.
 */
export function relativeDoer(view: SentenceView, trigger: TriggerMatch, cues: ArabicCues): Group | null {
  for (let r = trigger.last + 1; r <= trigger.last + RELATIVE_REACH && r < view.tokens.length; r++) {
    if (!view.stems(r).some((s) => AR_WHICH.has(s))) {
      if (view.tokens[r]?.kind !== 'word') return null;
      continue;
    }
    const verb = view.tokens[r + 1];
    // The verb may carry the noun as its object pronoun (شنها، نفذتها).
    if (verb === undefined || !arabicReadings(verb.norm).some((x) => !x.article && x.prep === null && cues.governors.has(x.stem))) return null;
    const doer = view.groups.find((g) => g.first > r + 1 && g.first <= r + 1 + SUBJECT_REACH);
    if (doer === undefined) return null;
    const before = view.tokens[doer.first - 1];
    // A preposition before the name makes it a place or an object, not the subject (قام بها في الدوحة).
    const glued = view.doc.norm.slice(view.tokens[doer.first]?.start ?? doer.start, doer.start).replace(/\u0000/g, '');
    if ((doer.first - 1 > r + 1 && before !== undefined && PREPOSITIONS.has(before.norm)) || /^[وف]?[لبك]/.test(glued)) return null;
    return doer;
  }
  return null;
}
const HOST_WINDOW = 12;

function stateGroup(g: Group): boolean {
  const m = g.refs[0]?.mention;
  return g.refs.length === 1 && (m?.kind === 'state' || m?.kind === 'capital') && (g.refs[0]?.actor.id.length ?? 0) === 3;
}

/**
 * مؤتمر حلف الناتو ... الذي عقد في الدوحة، الاجتماع الثالث للمجموعة ... الذي استضافته الدوحة: a meeting noun whose
 * relative clause says where it was held. Returns [host, guest]: the place hosts the actor the meeting names.
 */
export function meetingHost(view: SentenceView, trigger: TriggerMatch, cues: ArabicCues): [Group, Group] | null {
  const end = Math.min(view.tokens.length, trigger.last + 1 + HOST_WINDOW);
  for (let r = trigger.last + 1; r < end; r++) {
    if (!view.stems(r).some((s) => AR_WHICH.has(s))) continue;
    const verb = view.tokens[r + 1];
    if (verb === undefined || !arabicReadings(verb.norm).some((x) => !x.article && cues.hosting.has(x.stem))) return null;
    const host = view.groups.find((g) => g.first > r + 1 && g.first <= r + 4 && stateGroup(g));
    const guest = view.groups.find((g) => g.first > trigger.last && g.last < r && g !== host);
    return host && guest ? [host, guest] : null;
  }
  return null;
}

const VIOLENCE_CODE = /^(18|19|20)/;
/** How far after an event noun its nisba may stand (an adjective between: الضربة الجوية الأميركية). */
const AGENT_NISBA_REACH = 2;

/**
 * الضربة الجوية الأميركية، غارة إسرائيلية، القصف التركي: a nisba right after a violence noun (nothing but
 * adjectives between) is that noun's agent. Returns, for each such nisba mention, the noun trigger that owns it.
 */
export function nounAgents(view: SentenceView, triggers: readonly TriggerMatch[]): Map<Mention, TriggerMatch> {
  const owners = new Map<Mention, TriggerMatch>();
  for (const t of triggers) {
    if (t.form.pattern.kind !== 'noun' || !VIOLENCE_CODE.test(t.form.pattern.code)) continue;
    const g = view.groups.find((x) => x.first > t.last && x.first <= t.last + AGENT_NISBA_REACH);
    if (g === undefined || !g.refs.every((r) => r.mention.kind === 'nisba')) continue;
    const between = view.tokens.slice(t.last + 1, g.first);
    const glued = view.doc.norm.slice(view.tokens[g.first]?.start ?? g.start, g.start).replace(/\u0000/g, '');
    if (between.some((x) => x.kind !== 'word' || PREPOSITIONS.has(x.norm)) || /[لب]/.test(glued)) continue;
    for (const r of g.refs) if (!owners.has(r.mention)) owners.set(r.mention, t);
  }
  return owners;
}

/** The assignment without the agents of other event nouns (قتلوا جراء ضربة جوية أميركية: the US did not suffer it). */
export function withoutOthersAgents(a: Assignment, trigger: TriggerMatch, owners: ReadonlyMap<Mention, TriggerMatch>): Assignment {
  if (owners.size === 0) return a;
  const keep = (r: ActorRef): boolean => {
    const owner = owners.get(r.mention);
    return owner === undefined || owner === trigger;
  };
  const sources = a.sources.filter(keep);
  const targets = a.targets.filter(keep);
  if (sources.length === a.sources.length && targets.length === a.targets.length) return a;
  return {
    ...a,
    sources,
    targets,
    sourceGroup: sources.length > 0 ? a.sourceGroup : null,
    targetGroup: targets.length > 0 ? a.targetGroup : null,
  };
}

/** Force posture and violence: with a named doer and no target they concern the state where they happen. */
const LOCATED_ROOTS = /^(15|18|19|20)$/;
const PROTEST_ROOT = '14';

/** An actor ref for the state `id`: its first mention in the sentence, else (no mention: a city) the doer's span. */
function stateRef(view: SentenceView, state: Actor, fallback: ActorRef): ActorRef {
  for (const g of view.groups) for (const r of g.refs) if (r.actor.id === state.id && r.mention.kind !== 'body') return { actor: state, mention: r.mention };
  return { actor: state, mention: fallback.mention };
}

/**
 * The target the text leaves to the place, as the English coder reads it: نفذت إسرائيل ضربة جوية في سورية (a named
 * doer's violence in another state is aimed at that state); a protest by a people the text names (آلاف المصريين،
 * متظاهرون أتراك) is aimed at the state where it is held when that is another one, else at their own government.
 * `named`: the doer was named, not only placed by the sentence. Null when the text gives nothing to go on.
 */
export function placedTarget(view: SentenceView, root: string, source: ActorRef, named: boolean, place: Actor | null): ActorRef | null {
  const own = source.actor;
  if (own.id.length !== 3) return null;
  // Only a doer the text names: protesters placed only by the city (تظاهر آلاف المحتجين في بغداد) protest at no one told.
  if (!named) return null;
  if (LOCATED_ROOTS.test(root)) return place !== null && place.id !== own.id ? stateRef(view, place, source) : null;
  if (root !== PROTEST_ROOT || own.role === 'GOV' || own.role === 'MIL') return null;
  if (place !== null && place.id !== own.id) return stateRef(view, place, source);
  return { actor: withRole({ ...own, cameo: own.cameo.slice(0, 3), name: own.name.replace(/^.*\((.*)\)$/, '$1') }, 'GOV'), mention: source.mention };
}
