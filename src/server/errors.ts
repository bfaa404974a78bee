// Every failure leaves the server as JSON: {statusCode, error, message}, with a message a caller can act on.
import type { FastifyError, FastifyInstance } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { StoreUnavailableError } from '../store/store.js';

/** Seconds a client is told to wait before asking again while the database is unreachable. */
export const RETRY_AFTER_S = 5;

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

function body(statusCode: number, message: string): { statusCode: number; error: string; message: string } {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    // The database is down (PostgreSQL away): a retry later may work, so 503, with the server named only in the log.
    if (err instanceof StoreUnavailableError) {
      req.log.warn(err.message);
      return reply.code(503).header('retry-after', String(RETRY_AFTER_S)).send(body(503, 'the database cannot be reached right now; try again shortly'));
    }
    const status = err.statusCode ?? 500;
    if (status >= 500 && !(err instanceof HttpError)) {
      req.log.error(err);
      return reply.code(status).send(body(status, 'internal error; the server log has the details'));
    }
    let message = err.message;
    if ('code' in err && err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') message = `request body is larger than the limit of ${app.initialConfig.bodyLimit ?? 0} bytes`;
    return reply.code(status).send(body(status, message));
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send(body(404, `no route ${req.method} ${req.url.split('?')[0] ?? ''}`)));
}
