// Opaque keyset cursors for paged lists: a page's `next` names where it ended (the last row's sort key), and the
// request that brings it back starts just after that row, so the database seeks there instead of skipping rows.
// The text is base64url JSON; clients are meant to pass it back untouched, and anything else is a 400.
import { z } from 'zod';
import type { ReportPosition } from '../store/api-queries.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const Id = z.number().int().min(1);

/** Where a page of reports ended, and in which order the pages run (a cursor cannot be reused for the other one). */
const ReportCursorBody = z.object({ k: z.literal('reports'), o: z.enum(['asc', 'desc']), d: z.string().regex(DAY).nullable(), i: Id }).strict();
/** Where a page of articles (newest first) ended: the last one's hash. */
const ArticleCursorBody = z.object({ k: z.literal('articles'), h: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

export interface ReportCursor extends ReportPosition {
  order: 'asc' | 'desc';
}

function encode(body: object): string {
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** The JSON inside a cursor's text, or undefined when it is not base64url JSON at all. */
function decodeJson(text: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const NOT_OURS = 'not a cursor this server gave out (pass back the `next` of a page unchanged)';

/** A query parameter holding a cursor of one kind: the string in OpenAPI, the decoded position in the handler. */
function cursorParam<T>(body: z.ZodType<T>, kind: string) {
  return z
    .string()
    .max(400)
    .transform((text, ctx): T => {
      const json = decodeJson(text);
      const parsed = body.safeParse(json);
      if (parsed.success) return parsed.data;
      const wrongKind = typeof json === 'object' && json !== null && 'k' in json && json.k !== kind;
      ctx.addIssue({ code: 'custom', message: wrongKind ? `a cursor of another list, not of ${kind}` : NOT_OURS });
      return z.NEVER;
    });
}

export const ReportCursorParam = cursorParam(ReportCursorBody, 'reports').transform((c): ReportCursor => ({ order: c.o, date: c.d, id: c.i }));
export const ArticleCursorParam = cursorParam(ArticleCursorBody, 'articles').transform((c) => ({ before: c.h }));

export function reportCursor(order: 'asc' | 'desc', at: ReportPosition): string {
  return encode({ k: 'reports', o: order, d: at.date, i: at.id } satisfies z.infer<typeof ReportCursorBody>);
}

export function articleCursor(hash: string): string {
  return encode({ k: 'articles', h: hash } satisfies z.infer<typeof ArticleCursorBody>);
}
