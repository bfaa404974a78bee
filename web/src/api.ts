// The API client: one typed function per endpoint, with the server's own schema types.
import type { ActorHit, ActorNames, ActorProfile, DyadBody, EventPage, Evidence, GraphBody } from '../../src/server/schemas.js';
import type { EventRecord } from '../../src/output.js';

export type { ActorHit, ActorNames, ActorProfile, ApiEvent, DyadBody, EventPage, Evidence, GraphBody, GraphEdge } from '../../src/server/schemas.js';
export type { EventRecord } from '../../src/output.js';

export class ApiError extends Error {}

type Params = Record<string, string | number | undefined>;

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = body && typeof body === 'object' && 'message' in body ? String(body.message) : res.statusText;
    throw new ApiError(`${res.status}: ${message}`);
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

export const api = {
  reference: () => call<{ actors: ActorNames[]; cameo: CameoCode[] }>('/api/reference'),
  graph: (p: { from?: string; to?: string; limit?: number; view?: 'reports' | 'merged' }) => call<GraphBody>(`/api/graph${query(p)}`),
  dyad: (a: string, b: string, p: { by?: 'month' | 'year'; limit?: number; offset?: number }) => call<DyadBody>(`/api/dyads/${seg(a)}/${seg(b)}${query(p)}`),
  actor: (id: string) => call<ActorProfile>(`/api/actors/${seg(id)}`),
  searchActors: (q: string) => call<{ q: string; items: ActorHit[] }>(`/api/actors${query({ q, limit: 20 })}`),
  events: (p: Params) => call<EventPage>(`/api/events${query(p)}`),
  evidence: (id: number) => call<Evidence>(`/api/events/${id}`),
  code: (body: { text: string; lang?: 'ar' | 'en'; published?: string }) =>
    call<{ lang: 'ar' | 'en'; published: string | null; text: string; events: EventRecord[] }>('/api/code', { method: 'POST', body: JSON.stringify(body) }),
};
