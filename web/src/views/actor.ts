// One actor's profile: its names in both languages and its reports (volume, sides, first and last), then its
// partners over merged events (GET /api/actors/{id}/profile, as `rasad actor`), ranked by volume or by balance,
// each with its trend and opening the dyad; then its recent reports.
import { api, type ActorProfileBody } from '../api.js';
import { balanceColour, card, eventTable, loading, signed, stat, trendBadge } from '../components.js';
import { clear, h, link } from '../dom.js';
import { num, t } from '../i18n.js';
import { actorName } from '../reference.js';

const PARTNERS = 30;

type Partner = ActorProfileBody['byVolume'][number];

function partnerTable(actor: string, partners: Partner[]): HTMLElement {
  const head = [t('partner'), t('events'), t('cooperation'), t('conflict'), t('meanGoldstein'), t('balance'), t('trend'), `${t('firstEvent')} — ${t('lastEvent')}`];
  return h(
    'table',
    { class: 'partners' },
    h('thead', {}, h('tr', {}, ...head.map((label) => h('th', {}, label)))),
    h(
      'tbody',
      {},
      ...partners.map((p) =>
        h(
          'tr',
          { 'data-partner': p.partner },
          h('td', {}, h('span', { class: 'swatch', style: `background:${balanceColour(p.balance)}` }), link(`/dyad/${encodeURIComponent(actor)}/${encodeURIComponent(p.partner)}`, h('bdi', {}, actorName(p.partner, p.name)))),
          h('td', { class: 'num' }, num(p.events)),
          h('td', { class: 'num' }, num(p.cooperation)),
          h('td', { class: 'num' }, num(p.conflict)),
          h('td', { class: 'num' }, signed(p.mean)),
          h('td', { class: 'num' }, signed(p.balance)),
          h('td', {}, trendBadge(p.trend)),
          h('td', { class: 'nowrap' }, `${p.first ?? '—'} — ${p.last ?? '—'}`),
        ),
      ),
    ),
  );
}

export async function renderActor(root: HTMLElement, id: string, params: URLSearchParams): Promise<void> {
  root.appendChild(loading());
  const by = params.get('by') === 'month' ? 'month' : 'year';
  const [p, profile] = await Promise.all([api.actor(id), api.actorProfile(id, { by, limit: PARTNERS })]);
  clear(root);
  const rank = h('select', { 'aria-label': t('rankBy'), 'data-testid': 'partner-rank' }, h('option', { value: 'volume' }, t('rankVolume')), h('option', { value: 'balance' }, t('rankBalance')));
  const tableWrap = h('div', { class: 'table-wrap' });
  const show = (): void => {
    clear(tableWrap);
    const list = rank.value === 'balance' ? profile.byBalance : profile.byVolume;
    tableWrap.appendChild(list.length > 0 ? partnerTable(p.actor.id, list) : h('p', { class: 'muted' }, t('none')));
  };
  rank.addEventListener('change', show);
  show();
  const other = by === 'year' ? 'month' : 'year';
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
          stat(t('mergedEvents'), num(profile.total.events)),
          stat(t('meanGoldstein'), signed(profile.total.mean)),
          stat(t('balance'), signed(profile.total.balance)),
        ),
      ),
      card(
        t('partnersMerged'),
        h(
          'div',
          { class: 'controls' },
          h('label', {}, t('rankBy'), rank),
          link(`/actor/${encodeURIComponent(p.actor.id)}?by=${other}`, t(other === 'year' ? 'trendYear' : 'trendMonth')),
        ),
        tableWrap,
      ),
      card(t('recent'), h('div', { class: 'table-wrap' }, eventTable(p.recent))),
    ),
  );
}
