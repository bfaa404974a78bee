// Names for what the page shows: actors in the interface language, CAMEO codes by name. Loaded once.
import { api, type ActorNames, type CameoCode } from './api.js';
import { uiLang } from './i18n.js';

const actors = new Map<string, ActorNames>();
const cameo = new Map<string, CameoCode>();

export async function loadReference(): Promise<void> {
  const ref = await api.reference();
  for (const a of ref.actors) actors.set(a.id, a);
  for (const c of ref.cameo) cameo.set(c.code, c);
}

/** The actor's name in the interface language (Arabic when the lexicon has one), else its id. */
export function actorName(id: string, fallback?: string): string {
  const a = actors.get(id);
  if (uiLang() === 'ar' && a?.ar[0]) return a.ar[0];
  return a?.name ?? fallback ?? id;
}

/** "042 Make a visit" (CAMEO names are English only). */
export function cameoLabel(code: string): string {
  const c = cameo.get(code);
  return c ? `${code} ${c.name}` : code;
}
