// The public event record (`rasad code` output, exports, API): its zod schema is the contract, and
// schema/event.schema.json is generated from it (`npm run schema`).
import { z } from 'zod';
import { ROLES, slice, type CodedEvent, type Document, type EventActor } from './document.js';

const ActorRecord = z.object({
  id: z.string(),
  cameo: z.string(),
  role: z.enum(ROLES).nullable(),
  name: z.string(),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const EventRecordSchema = z.object({
  doc: z.string(),
  source: ActorRecord.nullable(),
  target: ActorRecord.nullable(),
  cameo: z.string().regex(/^\d{2,4}$/),
  root: z.string().regex(/^\d{2}$/),
  quad: z.number().int().min(1).max(4),
  goldstein: z.number().nullable(),
  plover: z.string().nullable(),
  date: z.object({
    value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable(),
    precision: z.enum(['day', 'month', 'year']).nullable(),
    text: z.string().nullable(),
    basis: z.enum(['text', 'relative', 'anaphoric', 'published', 'none']),
  }),
  evidence: z.object({ text: z.string(), start: z.number().int(), end: z.number().int() }),
  attributed_to: z.string().nullable(),
  negated: z.boolean(),
  hypothetical: z.boolean(),
  confidence: z.number().min(0).max(1),
});
export type EventRecord = z.infer<typeof EventRecordSchema>;

function actorRecord(a: EventActor | null): EventRecord['source'] {
  if (!a) return null;
  return { id: a.id, cameo: a.cameo, role: a.role, name: a.name, text: a.text, start: a.start, end: a.end };
}

export function toEventRecord(doc: Document, e: CodedEvent): EventRecord {
  return {
    doc: doc.meta.id,
    source: actorRecord(e.source),
    target: actorRecord(e.target),
    cameo: e.code,
    root: e.root,
    quad: e.quad,
    goldstein: e.goldstein,
    plover: e.plover,
    date: { value: e.date.value, precision: e.date.precision, text: e.date.text, basis: e.date.basis },
    evidence: { text: slice(doc, e.evidence), start: e.evidence.start, end: e.evidence.end },
    attributed_to: e.attributedTo,
    negated: e.negated,
    hypothetical: e.hypothetical,
    confidence: Math.round(e.confidence * 1000) / 1000,
  };
}

export function eventRecords(doc: Document): EventRecord[] {
  return doc.events.map((e) => toEventRecord(doc, e));
}
