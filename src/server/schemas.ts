// The HTTP contract: every request part and response body as a zod schema. Routes validate with these, and
// the OpenAPI document at /openapi.json is generated from them, so the docs cannot drift from the code.
import { z } from 'zod';
import { MergedEventRecordSchema } from '../corpus/records.js';
import { EventRecordSchema } from '../output.js';
import { ArticleCursorParam, ReportCursorParam } from './cursor.js';

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const ACTOR = /^[A-Z0-9:_.-]+$/;

export const DateParam = z.string().regex(DATE, 'expected a date: YYYY-MM-DD, YYYY-MM or YYYY');
/** Actor ids are upper case (IRN, ORG:UN); a lower-case query is accepted and folded up. */
export const ActorParam = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .pipe(z.string().regex(ACTOR, 'expected an actor id (IRN, ORG:UN) or CAMEO actor code (IRNGOV)'));
export const LangParam = z.enum(['ar', 'en']);
export const PeriodParam = z.enum(['month', 'year']);
const HashParam = z.string().regex(/^[0-9a-f]{64}$/, 'expected an article hash: 64 hex digits');

export const Paging = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ErrorBody = z.object({ error: z.string(), message: z.string(), statusCode: z.number().int() });

/** Where the next page starts: pass it back as `cursor` (with the same filters); null on the last page. */
const NextCursor = z.string().nullable();

// ---- articles ----

export const ArticleSummaryBody = z.object({
  hash: z.string(),
  doc: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  lang: z.string(),
  origin: z.string(),
  ingestedAt: z.string(),
  events: z.number().int(),
});
export type ArticleSummaryBody = z.infer<typeof ArticleSummaryBody>;

export const ArticlesQuery = Paging.extend({
  lang: LangParam.optional(),
  outlet: z.string().min(1).max(200).optional(),
  /** A page's `next`: the articles after it, found by key rather than by skipping `offset` rows. */
  cursor: ArticleCursorParam.optional(),
});
export const ArticlePage = z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), next: NextCursor, items: z.array(ArticleSummaryBody) });
export const ArticleParams = z.object({ hash: HashParam });

/** A stored event report: the public record plus where it lives (report id, article hash, outlet). */
export const ApiEvent = EventRecordSchema.extend({
  id: z.number().int(),
  article: z.string(),
  outlet: z.string().nullable(),
  lang: z.string(),
  published: z.string().nullable(),
  title: z.string().nullable(),
});
export type ApiEvent = z.infer<typeof ApiEvent>;

export const ArticleDetail = z.object({
  hash: z.string(),
  doc: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  lang: z.string(),
  origin: z.string(),
  text: z.string(),
  events: z.array(ApiEvent),
});
export type ArticleDetail = z.infer<typeof ArticleDetail>;

const ArticleFields = {
  text: z.string().min(1, 'text is empty').max(500_000),
  id: z.string().min(1).max(200).optional(),
  title: z.string().max(1000).optional(),
  outlet: z.string().max(200).optional(),
  published: DateParam.optional(),
  url: z.string().max(2000).optional(),
  lang: LangParam.optional(),
};
export const ArticleInput = z.object(ArticleFields);
export type ArticleInput = z.infer<typeof ArticleInput>;

/** text: what was coded (the body after any front matter); the events' offsets index it. */
export const CodeResult = z.object({ lang: LangParam, published: z.string().nullable(), text: z.string(), events: z.array(EventRecordSchema) });
export const StoreResult = z.object({ hash: z.string(), stored: z.boolean(), events: z.number().int() });
export const DeleteResult = z.object({ hash: z.string(), deleted: z.boolean() });

// ---- events ----

export const EventsQuery = Paging.extend({
  /** Words naming an actor, in Arabic or English (clitic forms included): events of the actors it finds. */
  q: z.string().trim().min(1, 'q is empty').max(100).optional(),
  actor: ActorParam.optional(),
  /** Two actors, comma separated: A,B (either direction). */
  dyad: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim().toUpperCase()))
    .pipe(z.tuple([z.string().regex(ACTOR), z.string().regex(ACTOR)], { error: 'expected two actors separated by a comma: A,B' }))
    .optional(),
  root: z.string().regex(/^\d{2}$/, 'expected a CAMEO root of 2 digits: 04').optional(),
  code: z.string().regex(/^\d{2,4}$/, 'expected a CAMEO code of 2 to 4 digits: 042').optional(),
  from: DateParam.optional(),
  to: DateParam.optional(),
  lang: LangParam.optional(),
  outlet: z.string().min(1).max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  /** A page's `next`: the reports after it (same filters and order), found by key rather than by skipping `offset` rows. */
  cursor: ReportCursorParam.optional(),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

/** totalCapped: more reports match than `total` says (counting stops at 1,000). */
export const EventPage = z.object({ total: z.number().int(), totalCapped: z.boolean(), limit: z.number().int(), offset: z.number().int(), next: NextCursor, items: z.array(ApiEvent) });
export type EventPage = z.infer<typeof EventPage>;

export const EventParams = z.object({ id: z.coerce.number().int().min(1) });

const Span = z.object({ start: z.number().int(), end: z.number().int() });
export const Evidence = z.object({
  event: ApiEvent,
  article: ArticleDetail.omit({ events: true }),
  /** Where the date words sit in the article, when they can be found in the evidence sentence. */
  dateSpan: Span.nullable(),
  /** The merged event this report belongs to: how many reports, articles and outlets tell it. */
  merged: MergedEventRecordSchema.omit({ reports: true }).nullable(),
  /** The other reports of the same event (other articles, outlets, languages), in text order. */
  reports: z.array(ApiEvent),
});
export type Evidence = z.infer<typeof Evidence>;

// ---- actors ----

export const ActorNames = z.object({ id: z.string(), cameo: z.string(), name: z.string(), en: z.array(z.string()), ar: z.array(z.string()) });
export type ActorNames = z.infer<typeof ActorNames>;

export const ActorSearchQuery = z.object({ q: z.string().trim().min(1, 'q is empty').max(100), limit: z.coerce.number().int().min(1).max(100).default(20) });
/** exact: the query is a whole name of the actor (not only the start of one). */
export const ActorHit = ActorNames.extend({ matched: z.array(z.string()), events: z.number().int(), exact: z.boolean() });
export type ActorHit = z.infer<typeof ActorHit>;
export const ActorSearchResult = z.object({ q: z.string(), items: z.array(ActorHit) });

export const ActorParams = z.object({ id: ActorParam });
export const Partner = z.object({ id: z.string(), name: z.string(), nameAr: z.string().nullable(), events: z.number().int(), goldstein: z.number(), cooperation: z.number().int(), conflict: z.number().int() });
export type Partner = z.infer<typeof Partner>;
export const ActorProfile = z.object({
  actor: ActorNames,
  events: z.number().int(),
  asSource: z.number().int(),
  asTarget: z.number().int(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  partners: z.array(Partner),
  recent: z.array(ApiEvent),
});
export type ActorProfile = z.infer<typeof ActorProfile>;

// ---- dyads and graph ----

const Totals = z.object({
  events: z.number().int(),
  goldstein: z.number(),
  quad: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
  aToB: z.number().int(),
  bToA: z.number().int(),
});
export const DyadParams = z.object({ a: ActorParam, b: ActorParam });
export const DyadQuery = Paging.extend({ by: PeriodParam.default('month'), cursor: ReportCursorParam.optional() });
export const DyadBody = z.object({
  a: ActorNames,
  b: ActorNames,
  by: PeriodParam,
  periods: z.array(Totals.extend({ period: z.string() })),
  total: Totals,
  events: EventPage,
});
export type DyadBody = z.infer<typeof DyadBody>;

// ---- merged history and profile (src/corpus/history.ts, as `rasad dyad` and `rasad actor` print them) ----

const Quad = z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]);
export const EvidenceRef = z.object({
  /** The merged event. */
  id: z.number().int(),
  cameo: z.string(),
  date: z.string().nullable(),
  goldstein: z.number().nullable(),
  articles: z.number().int(),
  outlets: z.number().int(),
  source: z.string().nullable(),
  target: z.string().nullable(),
  evidence: z.string(),
  doc: z.string(),
});
export const PeriodStats = z.object({
  period: z.string(),
  events: z.number().int(),
  goldstein: z.number(),
  /** Mean Goldstein over the events that have a score. */
  mean: z.number().nullable(),
  quad: Quad,
  cooperation: z.number().int(),
  conflict: z.number().int(),
  /** (cooperation - conflict) / events, -1..1. */
  balance: z.number(),
  aToB: z.number().int(),
  bToA: z.number().int(),
  /** The best-corroborated event of the period. */
  strongest: EvidenceRef.nullable(),
});
export const HistoryQuery = Paging.extend({ by: PeriodParam.default('month') });
export const DyadHistoryBody = z.object({
  a: ActorNames,
  b: ActorNames,
  by: PeriodParam,
  periods: z.array(PeriodStats),
  total: PeriodStats.extend({ first: EvidenceRef.nullable(), last: EvidenceRef.nullable() }),
  /** Its merged events, oldest first, paged. */
  events: z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(MergedEventRecordSchema) }),
});
export type DyadHistoryBody = z.infer<typeof DyadHistoryBody>;

export const ProfileQuery = z.object({
  by: PeriodParam.default('year'),
  from: DateParam.optional(),
  to: DateParam.optional(),
  /** Partners in each ranking. */
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export const PartnerStats = PeriodStats.omit({ period: true, aToB: true, bToA: true }).extend({
  partner: z.string(),
  name: z.string(),
  nameAr: z.string().nullable(),
  /** Events with the actor as source, and with the partner as source. */
  outgoing: z.number().int(),
  incoming: z.number().int(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  series: z.array(z.object({ period: z.string(), events: z.number().int(), mean: z.number().nullable(), balance: z.number() })),
  /** Change of the mean Goldstein score per period. */
  trend: z.object({ slope: z.number().nullable(), label: z.enum(['warming', 'cooling', 'steady', 'too few periods']) }),
});
export const ActorProfileBody = z.object({
  actor: ActorNames,
  by: PeriodParam,
  from: z.string().nullable(),
  to: z.string().nullable(),
  total: PeriodStats,
  /** Partners, most merged events first. */
  byVolume: z.array(PartnerStats),
  /** Partners, most cooperative balance first. */
  byBalance: z.array(PartnerStats),
});
export type ActorProfileBody = z.infer<typeof ActorProfileBody>;

export const DyadListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(20) });
export const DyadSummary = z.object({ a: z.string(), b: z.string(), events: z.number().int(), goldstein: z.number(), cooperation: z.number().int(), conflict: z.number().int() });
export const DyadList = z.object({ items: z.array(DyadSummary) });

export const MergedQuery = Paging.extend({
  actor: ActorParam.optional(),
  dyad: EventsQuery.shape.dyad,
  root: EventsQuery.shape.root,
  code: EventsQuery.shape.code,
  from: DateParam.optional(),
  to: DateParam.optional(),
  lang: LangParam.optional(),
  outlet: z.string().min(1).max(200).optional(),
  /** Events told by at least this many distinct articles. */
  minArticles: z.coerce.number().int().min(1).max(1000).optional(),
  /** exclude: drop events that rest only on attributed claims; only: keep just those. */
  claims: z.enum(['exclude', 'only']).optional(),
});
export const MergedPage = z.object({ limit: z.number().int(), offset: z.number().int(), items: z.array(MergedEventRecordSchema) });
export const MergedDetail = MergedEventRecordSchema;

export const GraphQuery = z.object({
  from: DateParam.optional(),
  to: DateParam.optional(),
  /** At most this many edges, by volume. */
  limit: z.coerce.number().int().min(1).max(2000).default(300),
  /** reports: edges count event reports (as the dyad view does); merged: one per real event, however many tell it. */
  view: z.enum(['reports', 'merged']).default('reports'),
});
export type GraphQuery = z.infer<typeof GraphQuery>;
export const GraphNode = z.object({
  id: z.string(),
  name: z.string(),
  nameAr: z.string().nullable(),
  events: z.number().int(),
  /** Partners / (nodes - 1), 0..1. */
  degree: z.number(),
  /** Events summed over the actor's edges. */
  weightedDegree: z.number(),
  /** Share of shortest paths through the actor, 0..1. */
  betweenness: z.number(),
  /** Eigenvector centrality, events as weights; null when it does not settle. */
  eigenvector: z.number().nullable(),
  /** Louvain community (seeded, so stable), numbered from 0 by size. */
  community: z.number().int(),
});
export const GraphEdge = z.object({
  a: z.string(),
  b: z.string(),
  events: z.number().int(),
  goldstein: z.number(),
  cooperation: z.number().int(),
  conflict: z.number().int(),
  /** (cooperation - conflict) / events, in [-1, 1]: the edge's colour. */
  balance: z.number(),
});
export type GraphEdge = z.infer<typeof GraphEdge>;
export const GraphBody = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** The months that hold dated events, for the time-window slider. */
  months: z.array(z.string()),
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  communities: z.object({ count: z.number().int(), modularity: z.number().nullable() }),
});
export type GraphBody = z.infer<typeof GraphBody>;

export const Health = z.object({ ok: z.boolean(), articles: z.number().int(), writes: z.boolean(), readsOpen: z.boolean() });
export type Health = z.infer<typeof Health>;

export const Reference = z.object({
  actors: z.array(ActorNames),
  cameo: z.array(z.object({ code: z.string(), name: z.string(), root: z.string(), quad: z.number().int(), goldstein: z.number().nullable() })),
});
