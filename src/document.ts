// The one object that flows through the pipeline. Every span is a [start, end) offset into
// `Document.text`, the original article text exactly as read: normalisation is for matching only.

export type Lang = 'ar' | 'en';

/** Actor roles as in the gold schema (CAMEO agent codes). */
export const ROLES = ['GOV', 'MIL', 'LEG', 'JUD', 'OPP', 'REB', 'MED', 'BUS', 'CVL'] as const;
export type Role = (typeof ROLES)[number];

export interface Span {
  start: number;
  end: number;
}

/** Article metadata as read from the input (front matter, JSONL fields, HTML head). */
export interface ArticleMeta {
  id: string;
  title: string | null;
  outlet: string | null;
  /** Publication date: YYYY, YYYY-MM or YYYY-MM-DD. */
  published: string | null;
  url: string | null;
  /** Language as declared by the input or detected by the reader; the pipeline detects it when null. */
  lang: Lang | null;
  /** Where the article came from (file path, `stdin`, `file.jsonl:12`), for messages. */
  origin: string;
}

/** A word or number with its matching key. `norm` is the folded form (see stages/normalise). */
export interface Token extends Span {
  norm: string;
  kind: 'word' | 'number' | 'punct';
  /** Index of the sentence holding the token. */
  sentence: number;
}

export interface Sentence extends Span {
  index: number;
  /** Clauses inside the sentence (split at ، ؛ , ; and chaining و/ثم/حيث). Always at least one. */
  clauses: Span[];
  /** Index of the paragraph (blank-line separated block) holding the sentence. */
  paragraph: number;
}

/** A resolved actor: who a mention stands for. */
export interface Actor {
  /** ISO 3166-1 alpha-3 for states, `ORG:NAME` for organisations (shared/eval/SCHEMA.md). */
  id: string;
  /** CAMEO actor code, country + role blocks (IRNGOV, QAT, IGOUNO). */
  cameo: string;
  role: Role | null;
  /** Display name (English). */
  name: string;
}

export type MentionKind =
  | 'state' // a country's name or official form
  | 'capital' // a capital used as a metonym
  | 'nisba' // an adjective or demonym (Iranian, الإيراني، قطريين)
  | 'body' // a state body with a role (the Emiri Diwan, IRGC)
  | 'person' // a named office holder
  | 'office' // a title without a name ("the Iranian president")
  | 'org' // an international or non-state organisation
  | 'place' // a city or region, standing for its state (Nablus, Aleppo, Alaska): data/actors/places.json
  | 'anaphor'; // "the two countries", البلدين, "the kingdom"

/** A span of text that names (or points back to) an actor. */
export interface Mention extends Span {
  kind: MentionKind;
  sentence: number;
  /** Lexicon entry id that matched (for persons: the person id). */
  entry: string;
  /** Resolved actor(s). Several for anaphora over two actors ("the two countries"). Filled by stages/actors. */
  actors: Actor[];
  /** For persons: when the resolution depends on a date (tenure), the office held, if known. */
  tenure?: Tenure[];
  /** "former" marker seen next to the mention (الأسبق، السابق، former, ex-). */
  former?: boolean;
}

export interface Tenure {
  actor: Actor;
  office: string;
  from: string; // YYYY-MM-DD
  to: string | null; // null = still in office
}

export type DatePrecision = 'day' | 'month' | 'year';

/** A time expression found in the text. */
export interface TimeExpression extends Span {
  sentence: number;
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null when it could not be placed on the calendar. */
  value: string | null;
  precision: DatePrecision | null;
  kind: 'absolute' | 'relative' | 'anaphoric';
}

export interface EventDate {
  value: string | null;
  precision: DatePrecision | null;
  /** The words that gave the date, or null. */
  text: string | null;
  /** How it was found: stated in the text, resolved against publication, carried from an earlier sentence, or the publication date itself. */
  basis: 'text' | 'relative' | 'anaphoric' | 'published' | 'none';
}

/** An actor taking part in an event: the actor plus the words that named it. */
export interface EventActor extends Actor, Span {
  text: string;
}

/** One coded event report: who did what to whom, when, with its evidence. */
export interface CodedEvent {
  sentence: number;
  source: EventActor | null;
  target: EventActor | null;
  /** CAMEO event code (3 or 4 digits, leading zero kept). */
  code: string;
  root: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number | null;
  plover: string | null;
  /** The verb or noun that triggered the event. */
  trigger: Span;
  /** The clause or sentence that states the event. */
  evidence: Span;
  date: EventDate;
  attributedTo: string | null;
  negated: boolean;
  hypothetical: boolean;
  /** 0..1: how sure the coder is (pattern specificity, actor distance, anaphora). */
  confidence: number;
}

/** A reporting frame: "according to X", "X reported that", "كشف موقع X". */
export interface Attribution extends Span {
  sentence: number;
  /** Who makes the claim, as a display name. */
  who: string;
}

export interface Document {
  text: string;
  meta: ArticleMeta;
  lang: Lang;
  /** Folded text for matching (same length as `text`; see stages/normalise). */
  norm: string;
  tokens: Token[];
  sentences: Sentence[];
  mentions: Mention[];
  times: TimeExpression[];
  events: CodedEvent[];
  attributions: Attribution[];
}

export function emptyDocument(text: string, meta: ArticleMeta, lang: Lang): Document {
  return { text, meta, lang, norm: text, tokens: [], sentences: [], mentions: [], times: [], events: [], attributions: [] };
}

export function slice(doc: Document, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

/** What a reader hands to the pipeline: text plus what is known about it. */
export interface Article {
  meta: ArticleMeta;
  text: string;
}
