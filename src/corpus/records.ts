// Public records of the corpus layer (CLI JSON, exports, HTTP API): a stored report, a merged event. The zod
// schemas are the contract, as EventRecordSchema is for a single coded event.
import { z } from 'zod';
import { ROLES } from '../document.js';
import { EventRecordSchema } from '../output.js';

/** A stored event report: the coder's record plus where it is stored and which article told it. */
export const ReportRecordSchema = EventRecordSchema.extend({
  id: z.number().int(),
  merged_id: z.number().int().nullable(),
  outlet: z.string().nullable(),
  lang: z.string(),
  published: z.string().nullable(),
  url: z.string().nullable(),
});
export type ReportRecord = z.infer<typeof ReportRecordSchema>;

const MergedActorSchema = z.object({ id: z.string(), cameo: z.string(), role: z.enum(ROLES).nullable(), name: z.string() });
export type MergedActor = z.infer<typeof MergedActorSchema>;

export const MergedEventRecordSchema = z.object({
  id: z.number().int(),
  /** Stable while the event keeps its first report (see src/corpus/merge.ts). */
  key: z.string(),
  source: MergedActorSchema.nullable(),
  target: MergedActorSchema.nullable(),
  cameo: z.string(),
  root: z.string(),
  quad: z.number().int().min(1).max(4),
  goldstein: z.number().nullable(),
  plover: z.string().nullable(),
  date: z.object({
    value: z.string().nullable(),
    precision: z.enum(['day', 'month', 'year']).nullable(),
    basis: z.enum(['text', 'relative', 'anaphoric', 'published', 'none']),
  }),
  counts: z.object({ reports: z.number().int(), articles: z.number().int(), outlets: z.number().int() }),
  langs: z.array(z.string()),
  /** Some report is only a claim attributed to someone (Qatarileaks says...). */
  any_claim: z.boolean(),
  /** Every report is such a claim: nobody asserts it in its own voice. */
  all_claims: z.boolean(),
  negated: z.boolean(),
  hypothetical: z.boolean(),
  /** 1 - prod(1 - best confidence per article): corroboration raises it. */
  confidence: z.number(),
  /** Mean framing of the event's actors in its articles, -1..1, or null. */
  tone: z.number().nullable(),
  evidence: z.object({ text: z.string(), doc: z.string(), report: z.number().int() }),
  first_published: z.string().nullable(),
  /** Its reports, when asked for. */
  reports: z.array(ReportRecordSchema).optional(),
});
export type MergedEventRecord = z.infer<typeof MergedEventRecordSchema>;
