// Actors: search by name in Arabic or English (clitic forms included), one actor's report statistics, and its
// profile over merged events (partners by volume and balance with their trend, as `rasad actor`).
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import { addRoute } from '../route.js';
import { ActorParams, ActorProfile, ActorProfileBody, ActorSearchQuery, ActorSearchResult, ProfileQuery } from '../schemas.js';

const PARTNERS = 20;
const RECENT = 10;

export function register(app: FastifyInstance, ctx: ServerContext): void {
  const tags = ['actors'];
  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/actors',
    summary: 'Search actors by name in Arabic or English (إيران finds وإيران; the last word matches as a prefix)',
    tags,
    access: 'read',
    query: ActorSearchQuery,
    response: ActorSearchResult,
    handler: async ({ query }) => ({ q: query.q, items: (await ctx.actorSearch()).search(query.q, query.limit) }),
  });

  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/actors/:id',
    summary: "An actor's profile: volume, first and last event, partners by volume, recent events",
    tags,
    access: 'read',
    params: ActorParams,
    response: ActorProfile,
    handler: async ({ params }) => {
      const { id } = params;
      const [stats, partners, recent] = await Promise.all([
        ctx.store.actorStats(id),
        ctx.store.partners(id, PARTNERS),
        ctx.store.reportPage({ actor: id, limit: RECENT, offset: 0, order: 'desc' }),
      ]);
      if (stats.events === 0 && !ctx.directory.get(id)) throw new HttpError(404, `no actor ${id}: no events and not in the actor lexicon`);
      return {
        actor: ctx.directory.names(id),
        ...stats,
        partners: partners.map((p) => ({ ...p, name: ctx.directory.names(p.id).name, nameAr: ctx.directory.names(p.id).ar[0] ?? null })),
        recent,
      };
    },
  });

  addRoute(app, ctx, {
    method: 'GET',
    url: '/api/actors/:id/profile',
    summary: "An actor's partners over merged events, as `rasad actor` prints them: ranked by volume and by balance, each with its series by period and its trend",
    tags,
    access: 'read',
    params: ActorParams,
    query: ProfileQuery,
    response: ActorProfileBody,
    handler: async ({ params, query }): Promise<ActorProfileBody> => {
      const { id } = params;
      const { by, from, to, limit } = query;
      if (from && to && from > to) throw new HttpError(400, `query.from ${from} is after query.to ${to}`);
      const profile = await ctx.cache.get(`profile:${id}:${by}:${from ?? ''}:${to ?? ''}`, () => ctx.store.actorProfile(id, { by, from, to }));
      if (profile.total.events === 0 && !ctx.directory.get(id)) throw new HttpError(404, `no actor ${id}: no merged events and not in the actor lexicon`);
      const named = (list: typeof profile.byVolume) => list.slice(0, limit).map((p) => ({ ...p, nameAr: ctx.directory.names(p.partner).ar[0] ?? null }));
      return { actor: ctx.directory.names(id), by, from: from ?? null, to: to ?? null, total: profile.total, byVolume: named(profile.byVolume), byBalance: named(profile.byBalance) };
    },
  });
}
