// One way to declare a route: zod schemas for params, query and body (validated here, typed in the handler),
// a zod response schema, and who may call it. The same schemas become the route's JSON schema for OpenAPI.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import { checkAccess, type Access } from './auth.js';
import type { ServerContext } from './context.js';
import { HttpError, RETRY_AFTER_S } from './errors.js';
import { ErrorBody } from './schemas.js';

/** A zod schema as OpenAPI 3.0 JSON schema (request parts as the client sends them). */
export function jsonSchema(schema: ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
}

const ERROR_JSON = jsonSchema(ErrorBody, 'output');

/** What a route that reads or writes the database answers while it cannot be reached (errors.ts sends it). */
const UNAVAILABLE_JSON = {
  ...ERROR_JSON,
  description: 'The database cannot be reached right now (PostgreSQL down); ask again after Retry-After seconds',
  headers: { 'Retry-After': { type: 'integer', description: `Seconds to wait before asking again (${RETRY_AFTER_S})` } },
};

interface RouteSpec<P, Q, B, R> {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  response: ZodType<R>;
  /** Status of a successful answer; the handler may set another with reply.code(). */
  status?: number;
  /**
   * False for a route whose answer does not come from the database (the coder, the reference tables): it never
   * answers 503, and a GET of it is not kept by data version (reading the version would need the database).
   */
  usesStore?: boolean;
  handler: (input: { params: P; query: Q; body: B }, req: FastifyRequest, reply: FastifyReply) => Promise<R>;
}

function parsePart<T>(schema: ZodType<T> | undefined, value: unknown, part: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${[part, ...i.path.map(String)].join('.')}: ${i.message}`);
  throw new HttpError(400, issues.join('; '));
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function addRoute<P, Q, B, R>(app: FastifyInstance, ctx: Pick<ServerContext, 'access' | 'responses'>, spec: RouteSpec<P, Q, B, R>): void {
  const { access } = ctx;
  const status = spec.status ?? 200;
  const usesStore = spec.usesStore ?? true;
  const answer = async (req: FastifyRequest, reply: FastifyReply): Promise<R> => {
    const input = {
      params: parsePart(spec.params, req.params, 'params'),
      query: parsePart(spec.query, req.query, 'query'),
      body: parsePart(spec.body, req.body, 'body'),
    };
    reply.code(status);
    return spec.handler(input, req, reply);
  };
  app.route({
    method: spec.method,
    url: spec.url,
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.params && { params: jsonSchema(spec.params) }),
      ...(spec.query && { querystring: jsonSchema(spec.query) }),
      ...(spec.body && { body: jsonSchema(spec.body) }),
      ...(checkAccess.needsToken(access, spec.access) && { security: [{ bearer: [] }] }),
      response: { [status]: jsonSchema(spec.response, 'output'), '4xx': ERROR_JSON, ...(usesStore && { 503: UNAVAILABLE_JSON }), '5xx': ERROR_JSON },
    },
    preHandler: async (req) => checkAccess(access, spec.access, req.headers.authorization),
    handler:
      spec.method === 'GET' && usesStore
        ? // A read's answer depends only on its URL and the data: kept as its UTF-8 bytes, a repeat costs a map lookup,
          // not zod parsing, queries, JSON.stringify (the serialiser app.ts sets, so the bytes are the same) and encoding.
          async (req, reply) => {
            const body = await ctx.responses.get(req.url, async () => Buffer.from(JSON.stringify(await answer(req, reply)), 'utf8'));
            return reply.code(status).type(JSON_TYPE).send(body);
          }
        : answer,
  });
}
