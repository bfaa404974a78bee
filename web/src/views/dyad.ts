// One dyad over time: totals, a timeline (QuadClass counts as stacked bars, the Goldstein sum as a line, by month
// or year) and its events, each opening its evidence. By default over merged events (GET .../history, as
// `rasad dyad`: one per real event, the strongest evidence of each period in the chart's tooltip); `view=reports`
// counts every report instead.
import { api, type DyadBody, type DyadHistoryBody } from '../api.js';
import { card, errorBox, eventTable, loading, mergedTable, QUAD_COLOURS, QUAD_KEYS, signed, stat } from '../components.js';
import { clear, h, link } from '../dom.js';
import { arrow, num, t, uiLang } from '../i18n.js';
import { go } from '../router.js';
import { actorName } from '../reference.js';

const PAGE = 50;

interface Period {
  period: string;
  goldstein: number;
  quad: readonly number[];
  /** Words for the tooltip: the period's strongest evidence. */
  note?: string | null;
}

async function timeline(canvas: HTMLCanvasElement, periods: Period[]): Promise<void> {
  const { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } = await import('chart.js');
  Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);
  const labels = periods.map((p) => (p.period === 'undated' ? t('undated') : p.period));
  const rtl = uiLang() === 'ar';
  new Chart(canvas, {
    data: {
      labels,
      datasets: [
        ...QUAD_KEYS.map((key, i) => ({
          type: 'bar' as const,
          label: t(key),
          data: periods.map((p) => p.quad[i] ?? 0),
          backgroundColor: QUAD_COLOURS[i],
          stack: 'quad',
          yAxisID: 'count',
          order: 2,
        })),
        {
          type: 'line' as const,
          label: t('goldsteinSum'),
          data: periods.map((p) => p.goldstein),
          borderColor: '#2f5d8a',
          backgroundColor: '#2f5d8a',
          yAxisID: 'goldstein',
          tension: 0.2,
          order: 1,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {
        legend: { rtl, position: 'bottom' },
        tooltip: { rtl, callbacks: { footer: (items) => periods[items[0]?.dataIndex ?? -1]?.note ?? '' } },
      },
      scales: {
        x: { reverse: rtl, stacked: true },
        count: { type: 'linear', position: rtl ? 'right' : 'left', stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('events') } },
        goldstein: { type: 'linear', position: rtl ? 'left' : 'right', grid: { drawOnChartArea: false }, title: { display: true, text: t('goldsteinSum') } },
      },
    },
  });
}

/** The same page for both counts: what differs is where the periods, totals and event rows come from. */
interface DyadPage {
  a: DyadBody['a'];
  b: DyadBody['b'];
  periods: Period[];
  totals: HTMLElement[];
  events: HTMLElement;
  count: number;
  /** The next page of event rows, and whether there are more after it. */
  more: () => Promise<{ rows: HTMLElement; done: boolean }>;
}

async function mergedPage(a: string, b: string, by: 'month' | 'year'): Promise<DyadPage> {
  const d: DyadHistoryBody = await api.dyadHistory(a, b, { by, limit: PAGE });
  let shown = 0;
  const [nameA, nameB] = [actorName(d.a.id, d.a.name), actorName(d.b.id, d.b.name)];
  const when = (e: DyadHistoryBody['total']['first']) => (e ? `${e.date ?? t('undated')} · ${e.cameo}` : '—');
  return {
    a: d.a,
    b: d.b,
    periods: d.periods.map((p) => ({ ...p, note: p.strongest?.evidence ?? null })),
    totals: [
      stat(t('mergedEvents'), num(d.total.events)),
      stat(t('goldsteinSum'), signed(d.total.goldstein)),
      stat(t('meanGoldstein'), signed(d.total.mean)),
      stat(t('balance'), signed(d.total.balance)),
      ...QUAD_KEYS.map((k, i) => stat(t(k), num(d.total.quad[i] ?? 0))),
      stat(`${nameA} ${arrow()} ${nameB}`, num(d.total.aToB)),
      stat(`${nameB} ${arrow()} ${nameA}`, num(d.total.bToA)),
      stat(t('firstEvent'), when(d.total.first)),
      stat(t('lastEvent'), when(d.total.last)),
    ],
    events: mergedTable(d.events.items),
    count: d.events.total,
    // The merged history is one cached answer on the server, so its pages go by offset.
    more: async () => {
      const next = await api.dyadHistory(a, b, { by, limit: PAGE, offset: (shown += PAGE) });
      return { rows: mergedTable(next.events.items), done: shown + PAGE >= next.events.total || next.events.items.length === 0 };
    },
  };
}

async function reportsPage(a: string, b: string, by: 'month' | 'year'): Promise<DyadPage> {
  const d = await api.dyad(a, b, { by, limit: PAGE, offset: 0 });
  let cursor = d.events.next;
  const [nameA, nameB] = [actorName(d.a.id, d.a.name), actorName(d.b.id, d.b.name)];
  return {
    a: d.a,
    b: d.b,
    periods: d.periods,
    totals: [
      stat(t('events'), num(d.total.events)),
      stat(t('goldsteinSum'), signed(d.total.goldstein)),
      ...QUAD_KEYS.map((k, i) => stat(t(k), num(d.total.quad[i] ?? 0))),
      stat(`${nameA} ${arrow()} ${nameB}`, num(d.total.aToB)),
      stat(`${nameB} ${arrow()} ${nameA}`, num(d.total.bToA)),
    ],
    events: eventTable(d.events.items),
    count: d.total.events,
    // Reports page by the cursor each page gives: the server seeks to it instead of skipping the rows before.
    more: async () => {
      const next = await api.events({ dyad: `${a},${b}`, order: 'asc', limit: PAGE, cursor: cursor ?? undefined });
      cursor = next.next;
      return { rows: eventTable(next.items), done: cursor === null };
    },
  };
}

export async function renderDyad(root: HTMLElement, a: string, b: string, params: URLSearchParams): Promise<void> {
  root.appendChild(loading());
  const by = params.get('by') === 'year' ? 'year' : 'month';
  const view = params.get('view') === 'reports' ? 'reports' : 'merged';
  const d = await (view === 'merged' ? mergedPage(a, b, by) : reportsPage(a, b, by));
  clear(root);
  const route = (next: { by?: string; view?: string }) => `/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}?by=${next.by ?? by}&view=${next.view ?? view}`;
  const other = by === 'month' ? 'year' : 'month';
  const canvas = h('canvas', { 'aria-label': t(by === 'month' ? 'timeline' : 'timelineYear') });
  const tableWrap = h('div', { class: 'table-wrap' }, d.events);
  const more = h('button', { type: 'button', class: 'secondary', hidden: d.events.querySelectorAll('tbody tr').length >= d.count }, t('more'));
  more.addEventListener('click', () => {
    void d.more().then(
      (next) => {
        tableWrap.appendChild(next.rows);
        more.hidden = next.done;
      },
      (err: unknown) => tableWrap.appendChild(errorBox(err)),
    );
  });
  const count = h('select', { 'aria-label': t('countBy'), 'data-testid': 'dyad-view' }, h('option', { value: 'merged' }, t('countMerged')), h('option', { value: 'reports' }, t('countReports')));
  count.value = view;
  count.addEventListener('change', () => go(route({ view: count.value })));
  root.appendChild(
    h(
      'div',
      { class: 'stack', 'data-testid': 'dyad', 'data-view': view },
      h(
        'section',
        { class: 'card' },
        h('h1', {}, link(`/actor/${encodeURIComponent(d.a.id)}`, h('bdi', {}, actorName(d.a.id, d.a.name))), ' — ', link(`/actor/${encodeURIComponent(d.b.id)}`, h('bdi', {}, actorName(d.b.id, d.b.name)))),
        h('div', { class: 'controls' }, h('label', {}, t('countBy'), count)),
        h('div', { class: 'stats' }, ...d.totals),
      ),
      card(
        t(by === 'month' ? 'timeline' : 'timelineYear'),
        h('p', { class: 'hint' }, link(route({ by: other }), t(other === 'year' ? 'timelineYear' : 'timeline'))),
        h('div', { class: 'chart', 'data-testid': 'timeline' }, canvas),
      ),
      card(`${t('dyadEvents')} (${num(d.count)})`, tableWrap, more),
    ),
  );
  await timeline(canvas, d.periods);
}
