// How PostgreSQL failures reach the user: which are "unreachable" (retry later), which end a login, which run again.
import { describe, expect, it } from 'vitest';
import { isRetryable, storeErrorOf } from '../src/store/pg-errors.js';
import { parsePostgresUrl } from '../src/store/postgres.js';
import { StoreError, StoreUnavailableError } from '../src/store/store.js';

const LABEL = 'postgres://rasad@db.internal:5432/rasad';

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('PostgreSQL errors', () => {
  it('calls a refused socket, a shutdown and a dropped connection unreachable, naming the server', () => {
    for (const err of [pgError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5432'), pgError('57P01', 'terminating connection due to administrator command'), new Error('Connection terminated unexpectedly')]) {
      const mapped = storeErrorOf(err, LABEL);
      expect(mapped).toBeInstanceOf(StoreUnavailableError);
      expect(mapped.message).toContain(`cannot reach PostgreSQL at ${LABEL}`);
    }
  });

  it('explains a refused login and a missing database, and passes other errors through unchanged', () => {
    expect(storeErrorOf(pgError('28P01', 'password authentication failed for user "rasad"'), LABEL).message).toMatch(/refused the login/);
    const missing = storeErrorOf(pgError('3D000', 'database "rasad" does not exist'), LABEL);
    expect(missing).toBeInstanceOf(StoreError);
    expect(missing).not.toBeInstanceOf(StoreUnavailableError);
    const check = pgError('23514', 'new row violates check constraint');
    expect(storeErrorOf(check, LABEL)).toBe(check);
  });

  it('runs again only after a deadlock or a serialisation failure', () => {
    expect(isRetryable(pgError('40P01', 'deadlock detected'))).toBe(true);
    expect(isRetryable(pgError('40001', 'could not serialize access'))).toBe(true);
    expect(isRetryable(pgError('23505', 'duplicate key'))).toBe(false);
  });

  it('keeps the password out of the label and takes the schema out of the URL', () => {
    const where = parsePostgresUrl('postgres://rasad:hunter2@db.internal:5432/rasad?schema=news&sslmode=disable');
    expect(where.label).toBe('postgres://rasad@db.internal:5432/rasad (schema news)');
    expect(where.schema).toBe('news');
    expect(where.connectionString).toBe('postgres://rasad:hunter2@db.internal:5432/rasad?sslmode=disable');
  });
});
