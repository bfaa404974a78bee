// The API client: one typed function per endpoint, with the server's own schema types. Writes carry the bearer
// token the user entered (token.ts); reads carry it too when the server keeps reads behind it.
import type { ActorHit, ActorNames, ActorProfile, ActorProfileBody, DyadBody, DyadHistoryBody, EventPage, Evidence, GraphBody, Health } from '../../src/server/schemas.js';
import type { EventRecord } from '../../src/output.js';
import { savedToken } from './token.js';

export type { ActorHit, ActorNames, ActorProfile, ActorProfileBody, ApiEvent, DyadBody, DyadHistoryBody, EventPage, Evidence, GraphBody, GraphEdge } from '../../src/server/schemas.js';
export type { EventRecord } from '../../src/output.js';
export type { MergedEventRecord } from '../../src/corpus/records.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(`${status}: ${message}`);
  }

  /** The server wants a (valid) token for this request. */
  get needsToken(): boolean {
    return this.status === 401;
  }
}

type Params = Record<string, string | number | undefined>;

let readsClosed = false;

/** Reads carry the token too once the server says reads are closed (GET /api/health). */
export function setReadsClosed(closed: boolean): void {
  readsClosed = closed;
}

async function call<T>(path: string, init: RequestInit & { isWrite?: boolean } = {}): Promise<T> {
  const { isWrite = false, ...rest } = init;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (rest.body) headers['content-type'] = 'application/json';
  const token = savedToken();
  if (token && (isWrite || readsClosed)) headers['authorization'] = `Bearer ${token}`;
  const res = await fetch(path, { ...rest, headers });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = body && typeof body === 'object' && 'message' in body ? String(body.message) : res.statusText;
    throw new ApiError(res.status, message);
  }
  return body as T;
}

function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const seg = encodeURIComponent;

export interface CameoCode {
  code: string;
  name: string;
  root: string;
  quad: number;
  goldstein: number | null;
}

export interface ArticleBody {
  text: string;
  lang?: 'ar' | 'en';
  published?: string;
}

export const api = {
  health: () => call<Health>('/api/health'),
  reference: () => call<{ actors: ActorNames[]; cameo: CameoCode[] }>('/api/reference'),
  graph: (p: { from?: string; to?: string; limit?: number; view?: 'reports' | 'merged' }) => call<GraphBody>(`/api/graph${query(p)}`),
  dyad: (a: string, b: string, p: { by?: 'month' | 'year'; limit?: number; offset?: number }) => call<DyadBody>(`/api/dyads/${seg(a)}/${seg(b)}${query(p)}`),
  dyadHistory: (a: string, b: string, p: { by?: 'month' | 'year'; limit?: number; offset?: number }) => call<DyadHistoryBody>(`/api/dyads/${seg(a)}/${seg(b)}/history${query(p)}`),
  actor: (id: string) => call<ActorProfile>(`/api/actors/${seg(id)}`),
  actorProfile: (id: string, p: { by?: 'month' | 'year'; limit?: number }) => call<ActorProfileBody>(`/api/actors/${seg(id)}/profile${query(p)}`),
  searchActors: (q: string) => call<{ q: string; items: ActorHit[] }>(`/api/actors${query({ q, limit: 20 })}`),
  events: (p: Params) => call<EventPage>(`/api/events${query(p)}`),
  evidence: (id: number) => call<Evidence>(`/api/events/${id}`),
  code: (body: ArticleBody) => call<{ lang: 'ar' | 'en'; published: string | null; text: string; events: EventRecord[] }>('/api/code', { method: 'POST', body: JSON.stringify(body) }),
  store: (body: ArticleBody) => call<{ hash: string; stored: boolean; events: number }>('/api/articles', { method: 'POST', body: JSON.stringify(body), isWrite: true }),
};
