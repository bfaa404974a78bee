// Search in Arabic or English: the actors a query names (clitic forms too: وإيران finds Iran), then their events.
import { api } from '../api.js';
import { card, eventTable, loading } from '../components.js';
import { clear, h, link } from '../dom.js';
import { num, t } from '../i18n.js';
import { actorName } from '../reference.js';

export async function renderSearch(root: HTMLElement, q: string): Promise<void> {
  root.appendChild(loading());
  const [actors, events] = await Promise.all([api.searchActors(q), api.events({ q, limit: 50 })]);
  clear(root);
  const hits = actors.items.map((a) =>
    h(
      'li',
      {},
      link(`/actor/${encodeURIComponent(a.id)}`, h('bdi', {}, actorName(a.id, a.name))),
      ' ',
      h('span', { class: 'muted' }, `${a.id} · ${num(a.events)} ${t('events')}`),
      h('div', { class: 'matched' }, `${t('matched')}: `, ...a.matched.slice(0, 4).flatMap((m, i) => [i > 0 ? ' · ' : '', h('bdi', { dir: 'auto' }, m)])),
    ),
  );
  root.appendChild(
    h(
      'div',
      { class: 'stack', 'data-testid': 'search' },
      h('h1', {}, `${t('searchTitle')}: `, h('bdi', { dir: 'auto' }, q)),
      card(t('actors'), hits.length > 0 ? h('ul', { class: 'hits', 'data-testid': 'actor-hits' }, ...hits) : h('p', { class: 'muted' }, t('noActors'))),
      card(`${t('eventsOf')} (${num(events.total)}${events.totalCapped ? '+' : ''})`, h('div', { class: 'table-wrap' }, eventTable(events.items))),
    ),
  );
}
