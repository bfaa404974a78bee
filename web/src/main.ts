// The web app: a header (search, language), and one view per hash route.
import './style.css';
import { api, setReadsClosed } from './api.js';
import { errorBox } from './components.js';
import { clear, h, link } from './dom.js';
import { setUiLang, t, uiLang } from './i18n.js';
import { loadReference } from './reference.js';
import { currentRoute, go } from './router.js';
import { renderActor } from './views/actor.js';
import { renderCode } from './views/code.js';
import { renderDyad } from './views/dyad.js';
import { renderEvidence } from './views/evidence.js';
import { renderGraph } from './views/graph.js';
import { renderSearch } from './views/search.js';
import { tokenField } from './token-field.js';

const app = document.getElementById('app') ?? document.body;

function header(): HTMLElement {
  const input = h('input', { type: 'search', name: 'q', placeholder: t('searchPlaceholder'), dir: 'auto', 'aria-label': t('search'), 'data-testid': 'search-input' });
  const q = currentRoute().params.get('q');
  if (currentRoute().parts[0] === 'search' && q) input.value = q;
  const form = h('form', { class: 'search', role: 'search' }, input, h('button', { type: 'submit' }, t('search')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const value = input.value.trim();
    if (value) go(`/search?q=${encodeURIComponent(value)}`);
  });
  const toggle = h('button', { type: 'button', class: 'lang-toggle', lang: uiLang() === 'ar' ? 'en' : 'ar', 'data-testid': 'lang-toggle' }, t('switchLang'));
  toggle.addEventListener('click', () => {
    setUiLang(uiLang() === 'ar' ? 'en' : 'ar');
    void render();
  });
  return h(
    'header',
    { class: 'top' },
    link('/graph', h('span', { class: 'brand' }, t('appName')), h('span', { class: 'tagline' }, t('tagline'))),
    h('nav', {}, link('/graph', t('navGraph')), link('/code', t('navCode')), h('a', { href: '/docs' }, t('navDocs'))),
    form,
    tokenField(() => void render()),
    toggle,
  );
}

async function view(main: HTMLElement): Promise<void> {
  const { parts, params } = currentRoute();
  const [name, a, b] = parts;
  if (name === 'actor' && a) return renderActor(main, a, params);
  if (name === 'dyad' && a && b) return renderDyad(main, a, b, params);
  if (name === 'event' && a) return renderEvidence(main, Number(a));
  if (name === 'search') return renderSearch(main, params.get('q') ?? '');
  if (name === 'code') return renderCode(main);
  return renderGraph(main, params);
}

let renderSeq = 0;
async function render(): Promise<void> {
  const mine = ++renderSeq;
  const main = h('main', {});
  clear(app);
  app.append(header(), main);
  try {
    await view(main);
  } catch (err) {
    if (mine !== renderSeq) return;
    clear(main);
    main.appendChild(errorBox(err));
  }
  if (mine === renderSeq) document.body.setAttribute('data-ready', currentRoute().parts[0] ?? 'graph');
}

setUiLang(uiLang());
window.addEventListener('hashchange', () => {
  document.body.removeAttribute('data-ready');
  void render();
});
// Health and the reference tables are public; health says whether reads need the token too.
Promise.all([api.health().then((health) => setReadsClosed(!health.readsOpen)), loadReference()]).then(
  () => render(),
  (err: unknown) => app.appendChild(errorBox(err)),
);
