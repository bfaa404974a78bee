// Stage 5 — code events: find triggers (verbs and event nouns), assign source and target (active, passive,
// nominal, "between X and Y", mutual, coordinated), negation and modality, CAMEO attributes from the table.
import type { Actor, CodedEvent, Document, EventActor, Mention, Sentence, Span, Token } from '../document.js';
import { arabicReadings } from '../events/arabic.js';
import { assignArguments, inRelativeClause, type Assignment, type SentenceMemory } from '../events/arguments.js';
import { findModality } from '../events/modality.js';
import { meetingHost, nounAgents, placedTarget, protestTarget, withoutOthersAgents } from '../events/arabic-arguments.js';
import { CONFLICT_ROOTS, INCIDENT_ROOTS, participants, selfPair, type TriggerPlace } from '../events/participants.js';
import { placeOf } from '../events/place.js';
import { quietSentence } from '../events/quiet.js';
import { buildSentenceView, lowerBound, tokenAt, type ActorRef, type SentenceView } from '../events/sentence.js';
import { settleSentence, type RankedEvent } from '../events/settle.js';
import { frameArguments, resolveEnglishFrames } from '../events/english-frames.js';
import { findTriggers, type TriggerMatch } from '../events/triggers.js';
import { findUnidentified, impliedMention, isUnidentified, PROTESTERS, PROTESTERS_ENTRY } from '../events/unidentified.js';
import type { CameoTable } from '../lexicon/cameo.js';
import type { EventLexicon } from '../lexicon/events.js';

const STATE_DISSENT = '111';
const HOST = '043';
const RIOT = '145';
const VIOLENCE = new Set(['18', '19', '20']);
/** Intent to cooperate, consultation, material cooperation and aid (03, 04, 06, 07): who takes part is not protesting. */
const COOPERATIVE_ROOT = /^0[3467]$/;
const NEAR_ACT = 3;
/** English sentences have no noun agents to keep apart (only read, so one empty Map serves them all). */
const NO_OWNERS: ReadonlyMap<Mention, TriggerMatch> = new Map();

function rioting(root: string, source: ActorRef | null): boolean {
  return VIOLENCE.has(root) && source !== null && source.mention.entry === PROTESTERS_ENTRY;
}

/** An actor that speaks for a state or an organisation (not a nisba for its people, not civilians). */
function speaksForState(ref: ActorRef): boolean {
  const { actor, mention } = ref;
  return !isUnidentified(mention) && mention.kind !== 'nisba' && actor.role !== 'CVL' && actor.role !== 'OPP' && actor.role !== 'REB';
}

function eventActor(doc: Document, ref: ActorRef): EventActor {
  const { mention, actor } = ref;
  // Fields named, not spread: actors come in several hidden classes, and a spread of those takes the slow path.
  return { id: actor.id, cameo: actor.cameo, role: actor.role, name: actor.name, start: mention.start, end: mention.end, text: doc.text.slice(mention.start, mention.end) };
}

function within(span: Span, inner: Span): boolean {
  return inner.start >= span.start && inner.end <= span.end;
}

function clauseOf(sentence: Sentence, offset: number): Span {
  return sentence.clauses.find((c) => offset >= c.start && offset < c.end) ?? sentence;
}

function confidenceOf(trigger: TriggerMatch, a: Assignment, source: ActorRef | null, target: ActorRef | null): number {
  let c = 0.75;
  if (trigger.tokens.length > 1 || trigger.form.pattern.priority > 1 || trigger.form.pattern.context.length > 0) c += 0.1;
  c -= a.penalty;
  if (source && (source.mention.actors.length > 1 || source.mention.kind === 'anaphor')) c -= 0.1;
  if (target && (target.mention.actors.length > 1 || target.mention.kind === 'anaphor')) c -= 0.1;
  if (target === null) c -= 0.1;
  if (source === null || isUnidentified(source.mention)) c -= 0.1;
  return Math.round(Math.min(0.99, Math.max(0.05, c)) * 100) / 100;
}

/** Could the trigger be coded as a protest or violence, by its own code, its frame's or its future reading? */
function mayBeIncident(trigger: TriggerMatch, lexicon: EventLexicon): boolean {
  const own = trigger.form.pattern.code;
  for (const code of [own, trigger.frame?.code, lexicon.modality.futureCodes.get(own)]) if (code != null && INCIDENT_ROOTS.has(code.slice(0, 2))) return true;
  return false;
}

export function createEventCoder(lexicon: EventLexicon, cameo: CameoTable): (doc: Document) => Document {
  return (doc) => {
    const patterns = doc.lang === 'ar' ? lexicon.ar : lexicon.en;
    const markers = doc.lang === 'ar' ? lexicon.modality.ar : lexicon.modality.en;
    const events: CodedEvent[] = [];
    let place: { paragraph: number; actor: Actor } | null = null;
    let end = 0;
    let previousEnd = 0;
    for (const sentence of doc.sentences) {
      // Tokens are in document order; the sentence's run starts where the previous one ended (unless sentences overlap).
      let tokenIndex = sentence.start >= previousEnd ? end : lowerBound(doc.tokens, sentence.start);
      while (tokenIndex < doc.tokens.length && (doc.tokens[tokenIndex] as Token).start < sentence.start) tokenIndex++;
      previousEnd = sentence.end;
      end = tokenIndex;
      while (end < doc.tokens.length && (doc.tokens[end] as Token).start < sentence.end) end++;
      const tokens = doc.tokens.slice(tokenIndex, end);
      if (tokens.length === 0) continue;
      // Nothing in it can be coded (src/events/quiet.ts); an Arabic one may still say where the next ones happen.
      const quiet = quietSentence(doc, sentence, tokens, patterns, lexicon);
      if (quiet && doc.lang !== 'ar') continue;
      let view = buildSentenceView(doc, sentence, tokens);
      const here = doc.lang === 'ar' ? placeOf(view, lexicon.unidentified) : null;
      // A place carries along its paragraph: the next sentence's protesters are still in the same city.
      if (here) place = { paragraph: sentence.paragraph, actor: here };
      else if (place && place.paragraph !== sentence.paragraph) place = null;
      if (quiet) continue;
      const found = findTriggers(view, patterns);
      // English heads take over the trigger they govern (urged X to withdraw, condemned the attack).
      const triggers = doc.lang === 'en' ? resolveEnglishFrames(view, found, patterns) : found;
      if (triggers.length === 0) continue;
      if (doc.lang === 'ar' && triggers.some((t) => CONFLICT_ROOTS.has(t.form.pattern.code.slice(0, 2)))) {
        const named = view.groups.flatMap((g) => g.refs.map((r) => r.mention));
        // هجوم انتحاري، عملية انتحارية: a kind word that only qualifies a trigger phrase is not an actor.
        const inPhrase = (m: Mention): boolean =>
          triggers.some((t) => t.tokens.length > 1 && t.tokens.slice(1).some((i) => tokens[i] !== undefined && m.start < (tokens[i] as Token).end && m.end > (tokens[i] as Token).start));
        const extra = findUnidentified(doc, tokens, [...new Set<Mention>(named)], lexicon.unidentified, here ?? place?.actor ?? null).filter((m) => !inPhrase(m));
        if (extra.length > 0) view = buildSentenceView(doc, sentence, tokens, extra);
      }
      // With no actor named, only a protest (its protesters implied) or violence told without actors can be coded.
      if (view.groups.length === 0 && !triggers.some((t) => mayBeIncident(t, lexicon))) continue;
      for (const event of codeSentence(view, triggers, lexicon, cameo, markers, here ?? place?.actor ?? null)) events.push(event);
    }
    doc.events = events;
    return doc;
  };
}

function codeSentence(
  view: SentenceView,
  triggers: TriggerMatch[],
  lexicon: EventLexicon,
  cameo: CameoTable,
  markers: EventLexicon['modality']['en'],
  place: Actor | null,
): CodedEvent[] {
  const { doc, sentence, tokens } = view;
  const memory: SentenceMemory = { lastSource: null, lastTarget: null };
  const out: RankedEvent[] = [];
  // Mentions of actors that take part in a cooperative act of the sentence (تعاون المتظاهرون مع ...).
  const cooperating: Span[] = [];
  const cues = doc.lang === 'ar' ? lexicon.arCues : undefined;
  const owners = cues ? nounAgents(view, triggers) : NO_OWNERS;
  for (const trigger of triggers) {
    const pattern = trigger.form.pattern;
    const assignment = withoutOthersAgents(frameArguments(view, trigger, assignArguments(view, trigger, memory, cues), memory), trigger, owners);
    if (cues && pattern.code.startsWith('14') && assignment.targets.length === 0) {
      const against = protestTarget(view, trigger, cues, (g) => g === assignment.sourceGroup || g.refs.every((r) => isUnidentified(r.mention)));
      if (against) Object.assign(assignment, { targets: against.refs, targetGroup: against });
    }
    // An Arabic pro-drop subject carries a verb's subject, not the agent of a noun on the way (زيارة الرئيس).
    const carries = doc.lang !== 'ar' || pattern.kind === 'verb';
    if (carries && assignment.sourceGroup) memory.lastSource = assignment.sourceGroup;
    if (carries && assignment.targetGroup) memory.lastTarget = assignment.targetGroup;
    const [clauseStart] = view.clauseTokens[view.clauseOfToken[trigger.first] ?? 0] ?? [0, 0];
    const modality = findModality(tokens, trigger.first, clauseStart, markers, doc.lang, trigger.futurePrefix, trigger.shape === 'present' || trigger.shape === 'base', pattern.kind === 'noun');
    const frame = trigger.frame;
    let code = frame?.code ?? pattern.code;
    let hypothetical = modality.hypothetical;
    // A frame's code already says what the future or the refusal does to the act ("agreed to meet": 036).
    if (modality.future && !frame?.code) {
      const mapped = lexicon.modality.futureCodes.get(code);
      if (mapped !== undefined) code = mapped;
      else hypothetical = true;
    }
    if (code.startsWith('03') || frame?.asserted) hypothetical = false;
    const info = cameo.get(code);
    if (info === undefined) continue;
    const headToken = tokens[trigger.first] as Token;
    const lastToken = tokens[trigger.last] as Token;
    const triggerSpan: Span = { start: headToken.start, end: lastToken.end };
    const clause = clauseOf(sentence, headToken.start);
    // Only actors right beside the act (its own subject or object); a subject carried from earlier may be anyone's.
    if (COOPERATIVE_ROOT.test(info.root)) {
      for (const r of [...assignment.sources, ...assignment.targets]) {
        const at = tokenAt(tokens, r.mention.start);
        if (at >= trigger.first - NEAR_ACT && at <= trigger.last + NEAR_ACT) cooperating.push(r.mention);
      }
    }
    // A finite verb of the sentence's first clause tells that the act happened, even when no actor is named.
    const told = pattern.kind === 'verb' && trigger.shape !== 'ing' && (view.clauseOfToken[trigger.first] ?? 0) === 0 && !inRelativeClause(view, trigger.first);
    // English protesters are implied only by a protest the sentence tells ("a general strike that shut down the
    // capital", "after a demonstration" name no one who protested).
    const implies = info.root === '14' && (doc.lang !== 'en' || told);
    const protesters = implies ? impliedMention(lexicon.unidentified, PROTESTERS, triggerSpan, sentence.index, place) : null;
    const at: TriggerPlace = {
      root: info.root,
      code: pattern.code,
      end: lastToken.end,
      verb: pattern.kind === 'verb',
      implied: protesters ? { actor: protesters.actors[0] as Actor, mention: protesters } : null,
      objectPronoun: doc.lang === 'ar' && pattern.kind === 'verb' && arabicReadings(headToken.norm).some((r) => r.suffix && r.stem === trigger.form.keys[0]),
    };
    // Specificity, to choose among triggers of one incident: priority, then phrase length, then a 4-digit code.
    const rank = pattern.priority * 10 + trigger.tokens.length + (code.length === 4 ? 1 : 0);
    const pairs = participants(assignment, at, lexicon.unidentified).map(([source, target]) => {
      // A state "protesting" something disapproves of it (111): 14x is dissent by civilians and opposition; and
      // protesters who attack or clash riot (145).
      const recoded = code === '140' && source !== null && speaksForState(source) ? STATE_DISSENT : rioting(info.root, source) ? RIOT : null;
      // Arabic, as the English coder: what a placed doer's violence or a people's protest is aimed at.
      const placed = cues && source !== null && target === null && !recoded ? placedTarget(view, info.root, source, !isUnidentified(source.mention), place) : null;
      return { source, target: target ?? placed, code: recoded ?? code };
    });
    // المؤتمر ... الذي عقد في الدوحة: the place hosts the meeting's participant (043), beside the meeting itself.
    const hosted = cues && pattern.kind === 'noun' && info.root === '04' ? meetingHost(view, trigger, cues) : null;
    for (const host of hosted?.[0].refs ?? []) {
      for (const guest of hosted?.[1].refs ?? []) if (!selfPair(host, guest)) pairs.push({ source: host, target: guest, code: HOST });
    }
    for (const { source, target, code: own } of pairs) {
      const actorsInClause = (source === null || within(clause, source.mention)) && (target === null || within(clause, target.mention));
      const ownInfo = cameo.get(own) ?? info;
      const event: CodedEvent = {
        sentence: sentence.index,
        source: source ? eventActor(doc, source) : null,
        target: target ? eventActor(doc, target) : null,
        code: own,
        root: ownInfo.root,
        quad: ownInfo.quad,
        goldstein: ownInfo.goldstein,
        plover: ownInfo.plover,
        trigger: triggerSpan,
        evidence: actorsInClause ? { start: clause.start, end: clause.end } : { start: sentence.start, end: sentence.end },
        date: { value: null, precision: null, text: null, basis: 'none' },
        attributedTo: null,
        negated: modality.negated && !frame?.asserted,
        hypothetical,
        confidence: confidenceOf(trigger, assignment, source, target),
      };
      const unidentified = (r: ActorRef | null): boolean => r !== null && isUnidentified(r.mention);
      out.push({ event, rank, sourceUnidentified: unidentified(source), targetUnidentified: unidentified(target), told });
    }
  }
  // A trigger word that names the actors themselves (المتظاهرون، المحتجون) tells of a protest only when they
  // are not doing something else together in the sentence: protesters who cooperate, meet or help do just that.
  const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
  // (Only protests: "agreed to US mediation" spans its own target and still tells the act.)
  return settleSentence(out.filter((r) => r.event.root !== '14' || !cooperating.some((m) => overlaps(m, r.event.trigger))));
}
