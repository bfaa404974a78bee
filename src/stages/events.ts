// Stage 5 — code events: find triggers (verbs and event nouns), assign source and target (active, passive,
// nominal, "between X and Y", mutual, coordinated), negation and modality, CAMEO attributes from the table.
import type { CodedEvent, Document, EventActor, Sentence, Span, Token } from '../document.js';
import { assignArguments, type Assignment, type SentenceMemory } from '../events/arguments.js';
import { findModality } from '../events/modality.js';
import { buildSentenceView, lowerBound, type ActorRef, type SentenceView } from '../events/sentence.js';
import { findTriggers, type TriggerMatch } from '../events/triggers.js';
import type { CameoTable } from '../lexicon/cameo.js';
import type { EventLexicon } from '../lexicon/events.js';

/** Roots whose events mean something without a named target: protest, force posture, violence. */
const UNTARGETED_ROOTS = new Set(['14', '15', '18', '19', '20']);
/** Codes a more specific consultation code replaces for the same dyad in the same sentence (046 over 042). */
const SUBSUMED_BY: Record<string, string[]> = { '046': ['040', '042', '043', '044'], '042': ['040'], '043': ['040'], '044': ['040'] };
const MAX_PAIRS = 6;

function eventActor(doc: Document, ref: ActorRef): EventActor {
  const { mention, actor } = ref;
  return { ...actor, start: mention.start, end: mention.end, text: doc.text.slice(mention.start, mention.end) };
}

function sameActor(a: ActorRef, b: ActorRef): boolean {
  return a.actor.id === b.actor.id && a.actor.role === b.actor.role;
}

/** Source/target pairs of an assignment: mutual -> first party with each other; otherwise every combination. */
function pairs(a: Assignment, allowUntargeted: boolean): Array<[ActorRef, ActorRef | null]> {
  const out: Array<[ActorRef, ActorRef | null]> = [];
  if (a.mutual) {
    const [first, ...rest] = a.sources;
    if (first === undefined) return out;
    for (const other of rest) if (!sameActor(first, other) && first.actor.id !== other.actor.id) out.push([first, other]);
    return out.slice(0, MAX_PAIRS);
  }
  for (const s of a.sources) {
    if (a.targets.length === 0) {
      if (allowUntargeted) out.push([s, null]);
      continue;
    }
    for (const t of a.targets) if (!sameActor(s, t)) out.push([s, t]);
  }
  return out.slice(0, MAX_PAIRS);
}

function within(span: Span, inner: Span): boolean {
  return inner.start >= span.start && inner.end <= span.end;
}

function clauseOf(sentence: Sentence, offset: number): Span {
  return sentence.clauses.find((c) => offset >= c.start && offset < c.end) ?? sentence;
}

function confidenceOf(trigger: TriggerMatch, a: Assignment, source: ActorRef, target: ActorRef | null): number {
  let c = 0.75;
  if (trigger.tokens.length > 1 || trigger.form.pattern.priority > 1 || trigger.form.pattern.context.length > 0) c += 0.1;
  c -= a.penalty;
  if (source.mention.actors.length > 1 || source.mention.kind === 'anaphor') c -= 0.1;
  if (target && (target.mention.actors.length > 1 || target.mention.kind === 'anaphor')) c -= 0.1;
  if (target === null) c -= 0.1;
  return Math.round(Math.min(0.99, Math.max(0.05, c)) * 100) / 100;
}

function dyadKey(e: CodedEvent, reversed = false): string {
  const s = e.source ? `${e.source.id}/${e.source.role ?? ''}` : '-';
  const t = e.target ? `${e.target.id}/${e.target.role ?? ''}` : '-';
  return reversed ? `${t}>${s}` : `${s}>${t}`;
}

/** Drop repeats of the same code and dyad in one sentence, and codes a more specific one replaces. */
function settleSentence(events: CodedEvent[]): CodedEvent[] {
  const seen = new Set<string>();
  const kept = events.filter((e) => {
    const key = `${e.code}|${dyadKey(e)}|${e.negated ? 1 : 0}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return kept.filter((e) =>
    !kept.some((o) => o !== e && (SUBSUMED_BY[o.code] ?? []).includes(e.code) && (dyadKey(o) === dyadKey(e) || dyadKey(o, true) === dyadKey(e))),
  );
}

export function createEventCoder(lexicon: EventLexicon, cameo: CameoTable): (doc: Document) => Document {
  return (doc) => {
    const patterns = doc.lang === 'ar' ? lexicon.ar : lexicon.en;
    const markers = doc.lang === 'ar' ? lexicon.modality.ar : lexicon.modality.en;
    const events: CodedEvent[] = [];
    for (const sentence of doc.sentences) {
      // Tokens are in document order; the sentence's run starts where the previous one ended.
      const tokenIndex = lowerBound(doc.tokens, sentence.start);
      let end = tokenIndex;
      while (end < doc.tokens.length && (doc.tokens[end] as Token).start < sentence.end) end++;
      const tokens = doc.tokens.slice(tokenIndex, end);
      if (tokens.length === 0) continue;
      const view = buildSentenceView(doc, sentence, tokens);
      const triggers = findTriggers(view, patterns);
      if (triggers.length === 0 || view.groups.length === 0) continue;
      events.push(...codeSentence(view, triggers, lexicon, cameo, markers));
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
): CodedEvent[] {
  const { doc, sentence, tokens } = view;
  const memory: SentenceMemory = { lastSource: null, lastTarget: null };
  const out: CodedEvent[] = [];
  for (const trigger of triggers) {
    const pattern = trigger.form.pattern;
    const assignment = assignArguments(view, trigger, memory);
    if (assignment.sourceGroup) memory.lastSource = assignment.sourceGroup;
    if (assignment.targetGroup) memory.lastTarget = assignment.targetGroup;
    const [clauseStart] = view.clauseTokens[view.clauseOfToken[trigger.first] ?? 0] ?? [0, 0];
    const modality = findModality(tokens, trigger.first, clauseStart, markers, doc.lang, trigger.futurePrefix, trigger.shape === 'present' || trigger.shape === 'base');
    let code = pattern.code;
    let hypothetical = modality.hypothetical;
    if (modality.future) {
      const mapped = lexicon.modality.futureCodes.get(code);
      if (mapped !== undefined) code = mapped;
      else hypothetical = true;
    }
    if (code.startsWith('03')) hypothetical = false;
    const info = cameo.get(code);
    if (info === undefined) continue;
    const headToken = tokens[trigger.first] as Token;
    const lastToken = tokens[trigger.last] as Token;
    const triggerSpan: Span = { start: headToken.start, end: lastToken.end };
    const clause = clauseOf(sentence, headToken.start);
    for (const [source, target] of pairs(assignment, UNTARGETED_ROOTS.has(info.root))) {
      const actorsInClause = within(clause, source.mention) && (target === null || within(clause, target.mention));
      out.push({
        sentence: sentence.index,
        source: eventActor(doc, source),
        target: target ? eventActor(doc, target) : null,
        code,
        root: info.root,
        quad: info.quad,
        goldstein: info.goldstein,
        plover: info.plover,
        trigger: triggerSpan,
        evidence: actorsInClause ? { start: clause.start, end: clause.end } : { start: sentence.start, end: sentence.end },
        date: { value: null, precision: null, text: null, basis: 'none' },
        attributedTo: null,
        negated: modality.negated,
        hypothetical,
        confidence: confidenceOf(trigger, assignment, source, target),
      });
    }
  }
  return settleSentence(out);
}
