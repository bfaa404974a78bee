// Actors: search by name in Arabic or English (clitic forms included), and one actor's profile.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import { addRoute } from '../route.js';
import { ActorParams, ActorProfile, ActorSearchQuery, ActorSearchResult } from '../schemas.js';

const PARTNERS = 20;
const RECENT = 10;

export function register(app: FastifyInstance, ctx: ServerContext): void {
  const tags = ['actors'];
  addRoute(app, ctx.access, {
    method: 'GET',
    url: '/api/actors',
    summary: 'Search actors by name in Arabic or English (إيران finds وإيران; the last word matches as a prefix)',
    tags,
    access: 'read',
    query: ActorSearchQuery,
    response: ActorSearchResult,
    handler: async ({ query }) => ({ q: query.q, items: (await ctx.actorSearch()).search(query.q, query.limit) }),
  });

  addRoute(app, ctx.access, {
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
        ctx.reads.actorStats(id),
        ctx.reads.partners(id, PARTNERS),
        ctx.reads.events({ actor: id, limit: RECENT, offset: 0, order: 'desc' }),
      ]);
      if (stats.events === 0 && !ctx.directory.get(id)) throw new HttpError(404, `no actor ${id}: no events and not in the actor lexicon`);
      return {
        actor: ctx.directory.names(id),
        ...stats,
        partners: partners.map((p) => ({ ...p, name: ctx.directory.names(p.id).name, nameAr: ctx.directory.names(p.id).ar[0] ?? null })),
        recent: recent.items,
      };
    },
  });
}
