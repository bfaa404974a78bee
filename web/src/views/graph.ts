// The relations graph: actors as nodes sized by volume and coloured by community (Louvain, from the server),
// dyads as edges sized by events and coloured by the balance of cooperation and conflict, in a time window chosen with two sliders. A node opens the actor's
// profile, an edge the dyad. The same dyads are listed beside the graph as links, for keyboards and readers.
import type cytoscape from 'cytoscape';
import { api, type GraphBody } from '../api.js';
import { balanceColour, card, errorBox, loading, signed } from '../components.js';
import { clear, h, link } from '../dom.js';
import { num, t } from '../i18n.js';
import { go } from '../router.js';
import { actorName } from '../reference.js';

declare global {
  interface Window {
    /** The live graph, for tests that click its canvas. */
    rasadGraph?: cytoscape.Core;
  }
}

/** Community colours, cycled: apart from the edges' green-grey-red balance scale. */
const COMMUNITY_COLOURS = ['#2f5d8a', '#7b4fa0', '#b8860b', '#1b8a8a', '#a0456e', '#5a6b2f', '#6d5a4f', '#3f7fbf'];

function elements(g: GraphBody): cytoscape.ElementDefinition[] {
  const maxNode = Math.max(1, ...g.nodes.map((n) => n.events));
  const maxEdge = Math.max(1, ...g.edges.map((e) => e.events));
  return [
    ...g.nodes.map((n) => ({
      data: { id: n.id, label: actorName(n.id, n.name), size: 18 + 42 * Math.sqrt(n.events / maxNode), colour: COMMUNITY_COLOURS[n.community % COMMUNITY_COLOURS.length] ?? '#2f5d8a', community: n.community },
    })),
    ...g.edges.map((e) => ({
      data: { id: `${e.a}|${e.b}`, source: e.a, target: e.b, width: 1.5 + 9 * Math.sqrt(e.events / maxEdge), colour: balanceColour(e.balance) },
    })),
  ];
}

function edgeList(g: GraphBody): HTMLElement {
  const rows = g.edges.map((e) =>
    h(
      'li',
      {},
      h('span', { class: 'swatch', style: `background:${balanceColour(e.balance)}` }),
      link(`/dyad/${encodeURIComponent(e.a)}/${encodeURIComponent(e.b)}`, h('bdi', {}, actorName(e.a)), ' — ', h('bdi', {}, actorName(e.b))),
      h('span', { class: 'muted' }, ` ${num(e.events)} · ${signed(e.goldstein)}`),
    ),
  );
  return h('ol', { class: 'edge-list' }, ...rows);
}

export async function renderGraph(root: HTMLElement, params: URLSearchParams): Promise<void> {
  root.appendChild(loading());
  const { default: cytoscapeLib } = await import('cytoscape');
  const all = await api.graph({});
  clear(root);
  const months = all.months;
  if (all.edges.length === 0) {
    root.appendChild(card(t('graphTitle'), h('p', { class: 'status' }, t('noData'))));
    return;
  }
  const startIndex = Math.max(0, months.indexOf(params.get('from') ?? ''));
  const endParam = months.indexOf(params.get('to') ?? '');
  const fromInput = h('input', { type: 'range', min: 0, max: months.length - 1, value: startIndex, 'aria-label': t('from'), 'data-testid': 'window-from' });
  const toInput = h('input', { type: 'range', min: 0, max: months.length - 1, value: endParam < 0 ? months.length - 1 : endParam, 'aria-label': t('to'), 'data-testid': 'window-to' });
  const windowLabel = h('output', { class: 'window-label', 'data-testid': 'window-label' });
  const counts = h('span', { class: 'muted' });
  const view = h(
    'select',
    { 'aria-label': t('countBy'), 'data-testid': 'graph-view' },
    h('option', { value: 'reports' }, t('countReports')),
    h('option', { value: 'merged' }, t('countMerged')),
  );
  view.value = params.get('view') === 'merged' ? 'merged' : 'reports';
  const container = h('div', { class: 'graph', 'data-testid': 'graph' });
  const list = h('div', { class: 'edge-list-wrap' });
  const legend = h(
    'div',
    { class: 'legend' },
    h('span', { class: 'swatch', style: `background:${balanceColour(1)}` }),
    t('legendCoop'),
    h('span', { class: 'swatch', style: `background:${balanceColour(0)}` }),
    t('legendMixed'),
    h('span', { class: 'swatch', style: `background:${balanceColour(-1)}` }),
    t('legendConflict'),
    h('span', { class: 'muted' }, ` · ${t('legendCommunity')}`),
  );
  root.appendChild(
    h(
      'div',
      { class: 'graph-page' },
      h(
        'section',
        { class: 'card graph-card' },
        h('h2', {}, t('graphTitle'), ' ', counts),
        h(
          'div',
          { class: 'window' },
          h('span', {}, t('window')),
          h('label', {}, t('from'), fromInput),
          h('label', {}, t('to'), toInput),
          windowLabel,
          h('label', {}, t('countBy'), view),
        ),
        container,
        h('div', { class: 'hint' }, legend, t('graphHint')),
      ),
      h('section', { class: 'card side' }, h('h2', {}, t('dyadsInWindow')), list),
    ),
  );

  const cy = cytoscapeLib({
    container,
    wheelSensitivity: 0.3,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          width: 'data(size)',
          height: 'data(size)',
          'background-color': 'data(colour)',
          color: '#1d2430',
          'font-size': 13,
          'font-family': 'Noto Sans Arabic, Noto Sans, DejaVu Sans, sans-serif',
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
          'text-background-padding': '2px',
        },
      },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'curve-style': 'bezier', opacity: 0.85 } },
      { selector: 'node:active, node:selected', style: { 'background-color': '#d4802a' } },
    ],
  });
  window.rasadGraph = cy;
  cy.on('tap', 'node', (ev) => go(`/actor/${encodeURIComponent(String(ev.target.id()))}`));
  cy.on('tap', 'edge', (ev) => go(`/dyad/${encodeURIComponent(String(ev.target.data('source')))}/${encodeURIComponent(String(ev.target.data('target')))}`));

  let seq = 0;
  const update = async (): Promise<void> => {
    let lo = Number(fromInput.value);
    let hi = Number(toInput.value);
    if (lo > hi) [lo, hi] = [hi, lo];
    const from = months[lo];
    const to = months[hi];
    windowLabel.textContent = `${from ?? ''} — ${to ?? ''}`;
    const mine = ++seq;
    const whole = lo === 0 && hi === months.length - 1;
    const g = whole && view.value === 'reports' ? all : await api.graph({ ...(whole ? {} : { from, to }), view: view.value === 'merged' ? 'merged' : 'reports' });
    if (mine !== seq) return; // a later move of the slider won
    const hash = `#/graph?from=${from ?? ''}&to=${to ?? ''}&view=${view.value}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
    counts.textContent = `${num(g.nodes.length)} ${t('nodes')} · ${num(g.edges.length)} ${t('edges')} · ${num(g.communities.count)} ${t('communities')}`;
    cy.elements().remove();
    cy.add(elements(g));
    cy.layout({ name: 'cose', animate: false, randomize: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, padding: 30 } as cytoscape.LayoutOptions).run();
    cy.fit(undefined, 30);
    clear(list);
    list.appendChild(edgeList(g));
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onSlide = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void update().catch((err: unknown) => root.appendChild(errorBox(err))), 150);
  };
  fromInput.addEventListener('input', onSlide);
  toInput.addEventListener('input', onSlide);
  view.addEventListener('change', onSlide);
  await update();
}
