// Paste or upload an article and watch it coded: the events as a table and the text with their spans
// (POST /api/code stores nothing). A button stores it (POST /api/articles, with the token).
import { api, type ArticleBody, type EventRecord } from '../api.js';
import { articleText, card, errorBox, eventTable } from '../components.js';
import { clear, h } from '../dom.js';
import type { MarkedSpan } from '../highlight.js';
import { num, t } from '../i18n.js';

const DEBOUNCE_MS = 400;

/** The text being coded, kept while the page is drawn again in place (a language switch, a token saved). */
let draft = '';
// Leaving the page for another one lets the text go, as it went before.
window.addEventListener('hashchange', () => {
  draft = '';
});

function spansOf(events: EventRecord[]): MarkedSpan[] {
  return events.flatMap((e) => [
    { kind: 'evidence' as const, start: e.evidence.start, end: e.evidence.end },
    ...(e.source ? [{ kind: 'source' as const, start: e.source.start, end: e.source.end }] : []),
    ...(e.target ? [{ kind: 'target' as const, start: e.target.start, end: e.target.end }] : []),
  ]);
}

export function renderCode(root: HTMLElement): void {
  const text = h('textarea', { rows: 12, dir: 'auto', 'data-testid': 'code-input', 'aria-label': t('textTitle'), spellcheck: false });
  const file = h('input', { type: 'file', accept: '.txt,text/plain', 'aria-label': t('upload') });
  const lang = h('select', { 'aria-label': t('language') }, h('option', { value: '' }, t('auto')), h('option', { value: 'ar' }, 'العربية'), h('option', { value: 'en' }, 'English'));
  const published = h('input', { type: 'date', 'aria-label': t('publishedDate') });
  const button = h('button', { type: 'button' }, t('codeNow'));
  const store = h('button', { type: 'button', class: 'secondary', 'data-testid': 'store-article' }, t('storeArticle'));
  const storeStatus = h('div', { 'data-testid': 'store-status', role: 'status' });
  const out = h('div', { class: 'stack', 'data-testid': 'code-result' });
  text.value = draft;
  const body = (): ArticleBody => ({
    text: text.value,
    ...(lang.value === 'ar' || lang.value === 'en' ? { lang: lang.value } : {}),
    ...(published.value ? { published: published.value } : {}),
  });

  let seq = 0;
  const run = async (): Promise<void> => {
    if (text.value.trim() === '') {
      clear(out);
      return;
    }
    const mine = ++seq;
    try {
      const result = await api.code(body());
      if (mine !== seq) return;
      clear(out);
      out.appendChild(
        card(
          `${t('codedEvents')} (${num(result.events.length)})`,
          result.events.length > 0 ? h('div', { class: 'table-wrap' }, eventTable(result.events, { outlet: false })) : h('p', { class: 'muted', 'data-testid': 'no-events' }, t('noEvents')),
        ),
      );
      out.appendChild(card(t('textTitle'), articleText(result.text, result.lang, spansOf(result.events))));
    } catch (err) {
      if (mine !== seq) return;
      clear(out);
      out.appendChild(errorBox(err));
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };
  text.addEventListener('input', () => {
    draft = text.value;
    clear(storeStatus);
    soon();
  });
  lang.addEventListener('change', soon);
  published.addEventListener('change', soon);
  button.addEventListener('click', () => void run());
  store.addEventListener('click', () => {
    if (text.value.trim() === '') return;
    clear(storeStatus);
    storeStatus.appendChild(h('p', { class: 'status' }, t('storing')));
    api.store(body()).then(
      (saved) => {
        clear(storeStatus);
        storeStatus.appendChild(
          h('p', { class: 'status ok', 'data-testid': 'store-ok' }, `${t(saved.stored ? 'storedNew' : 'storedAlready')}: ${num(saved.events)} ${t('events')} · `, h('code', { dir: 'ltr' }, saved.hash.slice(0, 12))),
        );
      },
      (err: unknown) => {
        clear(storeStatus);
        storeStatus.appendChild(errorBox(err));
      },
    );
  });
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    void f.text().then((content) => {
      text.value = content;
      draft = content;
      void run();
    });
  });
  if (draft.trim() !== '') void run();
  root.appendChild(
    h(
      'div',
      { class: 'stack', 'data-testid': 'code' },
      h(
        'section',
        { class: 'card' },
        h('h1', {}, t('codeTitle')),
        h('p', { class: 'hint' }, t('codeHint')),
        text,
        h('div', { class: 'controls' }, h('label', {}, t('upload'), file), h('label', {}, t('language'), lang), h('label', {}, t('publishedDate'), published), button, store),
        storeStatus,
      ),
      out,
    ),
  );
}
