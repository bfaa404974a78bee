// One actor's profile: its names in both languages, volume, first and last event, partners (each opening the
// dyad) and recent events.
import { api } from '../api.js';
import { balanceColour, card, eventTable, loading, signed, stat } from '../components.js';
import { clear, h, link } from '../dom.js';
import { num, t } from '../i18n.js';
import { actorName } from '../reference.js';

export async function renderActor(root: HTMLElement, id: string): Promise<void> {
  root.appendChild(loading());
  const p = await api.actor(id);
  clear(root);
  const partners = h(
    'table',
    { class: 'partners' },
    h('thead', {}, h('tr', {}, h('th', {}, t('partner')), h('th', {}, t('events')), h('th', {}, t('cooperation')), h('th', {}, t('conflict')), h('th', {}, t('goldstein')))),
    h(
      'tbody',
      {},
      ...p.partners.map((q) => {
        const balance = q.events > 0 ? (q.cooperation - q.conflict) / q.events : 0;
        return h(
          'tr',
          {},
          h('td', {}, h('span', { class: 'swatch', style: `background:${balanceColour(balance)}` }), link(`/dyad/${encodeURIComponent(p.actor.id)}/${encodeURIComponent(q.id)}`, h('bdi', {}, actorName(q.id, q.name)))),
          h('td', { class: 'num' }, num(q.events)),
          h('td', { class: 'num' }, num(q.cooperation)),
          h('td', { class: 'num' }, num(q.conflict)),
          h('td', { class: 'num' }, signed(q.goldstein)),
        );
      }),
    ),
  );
  root.appendChild(
    h(
      'div',
      { class: 'stack', 'data-testid': 'actor' },
      h(
        'section',
        { class: 'card' },
        h('h1', {}, h('bdi', {}, actorName(p.actor.id, p.actor.name)), ' ', h('span', { class: 'muted' }, p.actor.id)),
        h('p', { class: 'names' }, h('bdi', { lang: 'en', dir: 'ltr' }, p.actor.en.join(' · ')), h('br'), h('bdi', { lang: 'ar', dir: 'rtl' }, p.actor.ar.join(' · '))),
        h(
          'div',
          { class: 'stats' },
          stat(t('events'), num(p.events)),
          stat(t('asSource'), num(p.asSource)),
          stat(t('asTarget'), num(p.asTarget)),
          stat(t('firstEvent'), p.first ?? '—'),
          stat(t('lastEvent'), p.last ?? '—'),
        ),
      ),
      card(t('partners'), p.partners.length > 0 ? partners : h('p', { class: 'muted' }, t('none'))),
      card(t('recent'), h('div', { class: 'table-wrap' }, eventTable(p.recent))),
    ),
  );
}
