// One dyad: totals, a timeline (QuadClass counts as stacked bars, the Goldstein sum as a line, by month or
// year), and the events between the two actors, each opening its evidence.
import { api, type DyadBody } from '../api.js';
import { card, errorBox, eventTable, loading, QUAD_COLOURS, QUAD_KEYS, signed, stat } from '../components.js';
import { clear, h, link } from '../dom.js';
import { arrow, num, t, uiLang } from '../i18n.js';
import { actorName } from '../reference.js';

const PAGE = 50;

async function timeline(canvas: HTMLCanvasElement, d: DyadBody): Promise<void> {
  const { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } = await import('chart.js');
  Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);
  const labels = d.periods.map((p) => (p.period === 'undated' ? t('undated') : p.period));
  const rtl = uiLang() === 'ar';
  new Chart(canvas, {
    data: {
      labels,
      datasets: [
        ...QUAD_KEYS.map((key, i) => ({
          type: 'bar' as const,
          label: t(key),
          data: d.periods.map((p) => p.quad[i] ?? 0),
          backgroundColor: QUAD_COLOURS[i],
          stack: 'quad',
          yAxisID: 'count',
          order: 2,
        })),
        {
          type: 'line' as const,
          label: t('goldsteinSum'),
          data: d.periods.map((p) => p.goldstein),
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
      plugins: { legend: { rtl, position: 'bottom' }, tooltip: { rtl } },
      scales: {
        x: { reverse: rtl, stacked: true },
        count: { type: 'linear', position: rtl ? 'right' : 'left', stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('events') } },
        goldstein: { type: 'linear', position: rtl ? 'left' : 'right', grid: { drawOnChartArea: false }, title: { display: true, text: t('goldsteinSum') } },
      },
    },
  });
}

export async function renderDyad(root: HTMLElement, a: string, b: string, params: URLSearchParams): Promise<void> {
  root.appendChild(loading());
  const by = params.get('by') === 'year' ? 'year' : 'month';
  const d = await api.dyad(a, b, { by, limit: PAGE, offset: 0 });
  clear(root);
  const nameA = actorName(d.a.id, d.a.name);
  const nameB = actorName(d.b.id, d.b.name);
  const other = by === 'month' ? 'year' : 'month';
  const canvas = h('canvas', { 'aria-label': t(by === 'month' ? 'timeline' : 'timelineYear') });
  const tableWrap = h('div', { class: 'table-wrap' }, eventTable(d.events.items));
  const shown = { n: d.events.items.length };
  const more = h('button', { type: 'button', class: 'secondary', hidden: shown.n >= d.total.events }, t('more'));
  more.addEventListener('click', () => {
    void api.events({ dyad: `${a},${b}`, order: 'asc', limit: PAGE, offset: shown.n }).then(
      (next) => {
        shown.n += next.items.length;
        tableWrap.appendChild(eventTable(next.items));
        more.hidden = shown.n >= d.total.events;
      },
      (err: unknown) => tableWrap.appendChild(errorBox(err)),
    );
  });
  root.appendChild(
    h(
      'div',
      { class: 'stack', 'data-testid': 'dyad' },
      h(
        'section',
        { class: 'card' },
        h('h1', {}, link(`/actor/${encodeURIComponent(d.a.id)}`, h('bdi', {}, nameA)), ' — ', link(`/actor/${encodeURIComponent(d.b.id)}`, h('bdi', {}, nameB))),
        h(
          'div',
          { class: 'stats' },
          stat(t('events'), num(d.total.events)),
          stat(t('goldsteinSum'), signed(d.total.goldstein)),
          ...QUAD_KEYS.map((k, i) => stat(t(k), num(d.total.quad[i] ?? 0))),
          stat(`${nameA} ${arrow()} ${nameB}`, num(d.total.aToB)),
          stat(`${nameB} ${arrow()} ${nameA}`, num(d.total.bToA)),
        ),
      ),
      card(
        t(by === 'month' ? 'timeline' : 'timelineYear'),
        h('p', { class: 'hint' }, link(`/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}?by=${other}`, t(other === 'year' ? 'timelineYear' : 'timeline'))),
        h('div', { class: 'chart', 'data-testid': 'timeline' }, canvas),
      ),
      card(`${t('dyadEvents')} (${num(d.total.events)})`, tableWrap, more),
    ),
  );
  await timeline(canvas, d);
}
