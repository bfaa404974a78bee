// Who may call what: writes need the configured bearer token; reads are open unless the server was started
// with reads closed, and then need the same token. Without a token, writes are off altogether.
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from './errors.js';

export type Access = 'public' | 'read' | 'write';

export interface AccessConfig {
  /** The bearer token; null turns writes off. */
  token: string | null;
  readsOpen: boolean;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

/** Throws a 401/403 HttpError when the request may not go on. */
export function checkAccess(config: AccessConfig, access: Access, authorization: string | undefined): void {
  if (!checkAccess.needsToken(config, access)) return;
  if (config.token === null) throw new HttpError(403, 'writes are disabled on this server: start it with --token or RASAD_TOKEN set');
  const given = bearer(authorization);
  if (given === null) throw new HttpError(401, `this ${access === 'write' ? 'write' : 'read'} needs a bearer token: send the header "Authorization: Bearer <token>"`);
  // Compare digests: equal length, constant time.
  if (!timingSafeEqual(digest(given), digest(config.token))) throw new HttpError(401, 'the bearer token is not valid');
}

checkAccess.needsToken = (config: AccessConfig, access: Access): boolean => access === 'write' || (access === 'read' && !config.readsOpen);
