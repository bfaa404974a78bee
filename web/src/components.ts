// Pieces several views share: event tables, actor cells, colours for QuadClass and balance, article text with
// highlighted spans, status lines.
import { ApiError, type ApiEvent, type EventRecord, type MergedEventRecord } from './api.js';
import { h, link, type Child } from './dom.js';
import { runs, type MarkedSpan } from './highlight.js';
import { num, t, type Key } from './i18n.js';
import { actorName, cameoLabel } from './reference.js';
import { savedToken } from './token.js';

export const QUAD_COLOURS = ['#4c9f70', '#1f7a4d', '#e0a030', '#c0392b'] as const;
export const QUAD_KEYS: Key[] = ['q1', 'q2', 'q3', 'q4'];

/** -1 (all conflict) red, 0 grey, +1 (all cooperation) green. */
export function balanceColour(balance: number): string {
  const b = Math.max(-1, Math.min(1, balance));
  const grey = [150, 150, 160];
  const end = b >= 0 ? [31, 140, 80] : [200, 50, 40];
  const mix = grey.map((g, i) => Math.round(g + ((end[i] ?? g) - g) * Math.abs(b)));
  return `rgb(${mix.join(',')})`;
}

export function signed(n: number | null): string {
  if (n === null) return '–';
  return `${n > 0 ? '+' : ''}${num(n, 1)}`;
}

export function loading(): HTMLElement {
  return h('p', { class: 'status', role: 'status' }, t('loading'));
}

export function errorBox(err: unknown): HTMLElement {
  // A 401 says what to do about it: enter the token, or check the one entered.
  const hint = err instanceof ApiError && err.needsToken ? t(savedToken() ? 'badToken' : 'needToken') : null;
  return h(
    'p',
    { class: 'status error', role: 'alert', 'data-testid': 'error' },
    `${t('error')}: ${err instanceof Error ? err.message : String(err)}`,
    hint ? h('br') : null,
    hint ? h('strong', { 'data-testid': 'token-needed' }, hint) : null,
  );
}

export function quadBadge(quad: number): HTMLElement {
  return h('span', { class: `quad quad-${quad}`, title: t(QUAD_KEYS[quad - 1] ?? 'q1') }, t(QUAD_KEYS[quad - 1] ?? 'q1'));
}

/** An actor linked to its profile by its name in the interface language, here or in a heading. */
export function actorLink(actor: EventRecord['source']): Child {
  if (!actor) return h('span', { class: 'muted' }, '—');
  return link(`/actor/${encodeURIComponent(actor.id)}`, h('bdi', {}, actorName(actor.id, actor.name)));
}

/** An actor: its name in the interface language, linked to its profile, with the words the article used. */
export function actorCell(actor: EventRecord['source']): Child {
  if (!actor) return h('span', { class: 'muted' }, '—');
  const name = actorName(actor.id, actor.name);
  return h(
    'span',
    { class: 'actor' },
    link(`/actor/${encodeURIComponent(actor.id)}`, h('bdi', {}, name)),
    actor.role ? h('span', { class: 'role' }, actor.role) : null,
    actor.text && actor.text !== name ? h('span', { class: 'said', dir: 'auto' }, actor.text) : null,
  );
}

function isStored(e: EventRecord | ApiEvent): e is ApiEvent {
  return 'id' in e;
}

/** Events as a table; a stored report's row opens its evidence. */
export function eventTable(events: (EventRecord | ApiEvent)[], options: { outlet?: boolean } = {}): HTMLElement {
  const showOutlet = options.outlet ?? true;
  const head = h(
    'tr',
    {},
    h('th', {}, t('date')),
    h('th', {}, t('source')),
    h('th', {}, t('event')),
    h('th', {}, t('target')),
    h('th', {}, t('goldstein')),
    showOutlet ? h('th', {}, t('outlet')) : null,
    h('th', {}, t('evidence')),
  );
  const body = h('tbody', {});
  for (const e of events) {
    const evidence = h('span', { class: 'evidence-text', dir: 'auto' }, e.evidence.text);
    const row = h(
      'tr',
      { class: `quad-row-${e.quad}`, 'data-event': isStored(e) ? e.id : null },
      h('td', { class: 'nowrap' }, e.date.value ?? t('undated')),
      h('td', {}, actorCell(e.source)),
      h('td', {}, h('span', { class: 'code' }, cameoLabel(e.cameo)), ' ', quadBadge(e.quad), e.negated ? h('span', { class: 'flag' }, t('negated')) : null),
      h('td', {}, actorCell(e.target)),
      h('td', { class: 'num' }, signed(e.goldstein)),
      showOutlet ? h('td', { dir: 'auto' }, isStored(e) ? (e.outlet ?? '—') : '—') : null,
      h('td', {}, isStored(e) ? link(`/event/${e.id}`, evidence) : evidence),
    );
    body.appendChild(row);
  }
  return h('table', { class: 'events' }, h('thead', {}, head), body);
}

/** A merged actor (no words from one article): its name in the interface language, linked to its profile. */
function mergedActor(actor: MergedEventRecord['source']): Child {
  if (!actor) return h('span', { class: 'muted' }, '—');
  return h('span', { class: 'actor' }, link(`/actor/${encodeURIComponent(actor.id)}`, h('bdi', {}, actorName(actor.id, actor.name))), actor.role ? h('span', { class: 'role' }, actor.role) : null);
}

/** Merged events as a table: how many reports, articles and outlets tell each; a row opens its strongest report. */
export function mergedTable(events: MergedEventRecord[]): HTMLElement {
  const head = h('tr', {}, ...[t('date'), t('source'), t('event'), t('target'), t('goldstein'), t('told'), t('evidence')].map((label) => h('th', {}, label)));
  const body = h('tbody', {});
  for (const e of events) {
    body.appendChild(
      h(
        'tr',
        { class: `quad-row-${e.quad}`, 'data-merged': e.id },
        h('td', { class: 'nowrap' }, e.date.value ?? t('undated')),
        h('td', {}, mergedActor(e.source)),
        h('td', {}, h('span', { class: 'code' }, cameoLabel(e.cameo)), ' ', quadBadge(e.quad), e.negated ? h('span', { class: 'flag' }, t('negated')) : null),
        h('td', {}, mergedActor(e.target)),
        h('td', { class: 'num' }, signed(e.goldstein)),
        h('td', { class: 'nowrap' }, `${num(e.counts.reports)} ${t('reportsWord')} · ${num(e.counts.articles)} ${t('articlesWord')}`),
        h('td', {}, link(`/event/${e.evidence.report}`, h('span', { class: 'evidence-text', dir: 'auto' }, e.evidence.text))),
      ),
    );
  }
  return h('table', { class: 'events merged' }, h('thead', {}, head), body);
}

const TREND_KEYS = { warming: 'warming', cooling: 'cooling', steady: 'steady', 'too few periods': 'fewPeriods' } as const;

/** A partner's trend: warming (Goldstein mean rising), cooling, steady, with its slope per period. */
export function trendBadge(trend: { slope: number | null; label: keyof typeof TREND_KEYS }): HTMLElement {
  const arrowOf = { warming: '↗', cooling: '↘', steady: '→', 'too few periods': '' }[trend.label];
  return h('span', { class: `trend trend-${trend.label.replace(/ /g, '-')}` }, `${arrowOf} ${t(TREND_KEYS[trend.label])}`, trend.slope === null ? '' : h('span', { class: 'num muted' }, ` ${signed(trend.slope)}`));
}

/** Article text, laid out in its own direction, with spans highlighted (as text nodes only). */
export function articleText(text: string, lang: string, spans: MarkedSpan[]): HTMLElement {
  const el = h('div', { class: 'article-text', lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
  for (const r of runs(text.length, spans)) {
    const piece = text.slice(r.start, r.end);
    el.appendChild(r.kinds.length === 0 ? document.createTextNode(piece) : h('span', { class: r.kinds.map((k) => `hl-${k}`).join(' ') }, piece));
  }
  return el;
}

export function card(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

export function stat(label: string, value: Child): HTMLElement {
  return h('div', { class: 'stat' }, h('div', { class: 'stat-value' }, value), h('div', { class: 'stat-label' }, label));
}
