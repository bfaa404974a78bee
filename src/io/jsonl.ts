// JSON Lines: one article object per line. A bad line is an error naming file:line; the others still go in.
import { z } from 'zod';
import { finishArticle, inputError } from './article.js';
import type { ReadOptions, ReadResult } from './types.js';

const optionalText = z.string().nullable().optional();

export const JsonlArticleSchema = z.object({
  id: z.union([z.string().min(1), z.number().int()]).optional(),
  text: z
    .string({ error: (issue) => (issue.input === undefined ? 'missing (each line needs the article text)' : 'must be a string') })
    .refine((t) => t.trim() !== '', 'must not be empty'),
  title: optionalText,
  outlet: optionalText,
  published: optionalText,
  url: optionalText,
  lang: optionalText,
});

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** One line (1-based `number`); null for a blank line. */
export function parseJsonlLine(rawLine: string, number: number, stem: string, origin: string, options: ReadOptions): ReadResult | null {
  const line = rawLine.trim();
  if (line === '') return null;
  const lineOrigin = `${origin}:${number}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return inputError(lineOrigin, `malformed JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = JsonlArticleSchema.safeParse(value);
  if (!parsed.success) return inputError(lineOrigin, `not an article: ${describeIssues(parsed.error)}`);
  const a = parsed.data;
  const id = a.id === undefined ? `${stem}:${number}` : String(a.id);
  return finishArticle({ ...a, id, origin: lineOrigin }, options);
}

/** `stem` names articles without an id (`stem:line`); `origin` is the file as the user named it. */
export function* parseJsonl(content: string, stem: string, origin: string, options: ReadOptions): Generator<ReadResult> {
  for (const [i, rawLine] of content.split('\n').entries()) {
    const result = parseJsonlLine(rawLine, i + 1, stem, origin, options);
    if (result) yield result;
  }
}

/** Stdin sniffing: JSONL when the first non-blank line is a JSON object. */
export function looksLikeJsonl(content: string): boolean {
  const first = content.split('\n').find((l) => l.trim() !== '');
  if (first === undefined || !first.trim().startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(first);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
