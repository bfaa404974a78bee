// What PostgreSQL's failures mean to a user: an unreachable server or a refused login becomes one StoreError naming
// the server (never the password), and a deadlock or serialisation failure is a reason to run the transaction again.
import { StoreError, StoreUnavailableError } from './store.js';

interface PgLikeError {
  code?: unknown;
  message?: unknown;
}

function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && typeof (err as PgLikeError).code === 'string' ? String((err as PgLikeError).code) : '';
}

function messageOf(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return messageOf(err.errors[0]);
  return err instanceof Error ? err.message : String(err);
}

/** Socket-level failures (Node's codes) and PostgreSQL's connection-exception and shutdown classes. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', '57P01', '57P02', '57P03']);

function unreachable(err: unknown): boolean {
  const code = codeOf(err);
  if (UNREACHABLE.has(code) || code.startsWith('08')) return true;
  if (err instanceof AggregateError) return err.errors.some(unreachable);
  // pg's own wording when the server goes away or the connect timeout passes.
  return /connection terminated|timeout expired|connection refused|server closed the connection/i.test(messageOf(err));
}

/** A deadlock or serialisation failure: PostgreSQL rolled the transaction back and it is safe to run it again. */
export function isRetryable(err: unknown): boolean {
  return ['40P01', '40001'].includes(codeOf(err));
}

/** The error a user sees for a failed PostgreSQL call at `label` (postgres://user@host:port/db, no password). */
export function storeErrorOf(err: unknown, label: string): Error {
  if (err instanceof StoreError) return err;
  if (unreachable(err)) return new StoreUnavailableError(`cannot reach PostgreSQL at ${label}: ${messageOf(err)}`);
  const code = codeOf(err);
  if (code === '28P01' || code === '28000') return new StoreError(`PostgreSQL at ${label} refused the login: ${messageOf(err)}`);
  if (code === '3D000') return new StoreError(`PostgreSQL at ${label}: ${messageOf(err)} (create it first, e.g. createdb)`);
  return err instanceof Error ? err : new Error(String(err));
}

interface Queryable {
  query: (...args: never[]) => unknown;
}

/**
 * Make every query of a pooled client fail the way storeErrorOf says: a connection lost in the middle of any call,
 * a read included, becomes a StoreUnavailableError naming the server. Other errors keep their codes (deadlocks are
 * still recognised and retried). Applied once, when the pool opens the client.
 */
export function mapQueryErrors(client: Queryable, label: string): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]): unknown => {
    const result = query(...args);
    return result instanceof Promise ? result.catch((err: unknown) => Promise.reject(storeErrorOf(err, label))) : result;
  }) as Queryable['query'];
}
