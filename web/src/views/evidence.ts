// One report's evidence: the article as text with the sentence, source, target and date highlighted; what was
// coded (code, QuadClass, Goldstein, date and where it came from, attribution, flags); the outlet; and the other
// reports of the same event when the store merges them.
import { api } from '../api.js';
import { actorCell, actorLink, articleText, card, eventTable, loading, quadBadge, signed } from '../components.js';
import { clear, h, type Child } from '../dom.js';
import type { MarkedSpan } from '../highlight.js';
import { arrow, num, t } from '../i18n.js';
import { cameoLabel } from '../reference.js';

function row(label: string, value: Child): HTMLElement[] {
  return [h('dt', {}, label), h('dd', {}, value)];
}

export async function renderEvidence(root: HTMLElement, id: number): Promise<void> {
  root.appendChild(loading());
  const ev = await api.evidence(id);
  clear(root);
  const e = ev.event;
  const spans: MarkedSpan[] = [{ kind: 'evidence', start: e.evidence.start, end: e.evidence.end }];
  if (e.source) spans.push({ kind: 'source', start: e.source.start, end: e.source.end });
  if (e.target) spans.push({ kind: 'target', start: e.target.start, end: e.target.end });
  if (ev.dateSpan) spans.push({ kind: 'date', ...ev.dateSpan });
  const text = articleText(ev.article.text, ev.article.lang, spans);
  text.setAttribute('data-testid', 'article-text');
  const flags = [e.negated ? t('negated') : null, e.hypothetical ? t('hypothetical') : null].filter((f): f is string => f !== null);
  const legend = h(
    'p',
    { class: 'legend' },
    t('legend'),
    ': ',
    h('span', { class: 'hl-evidence' }, t('evidence')),
    ' ',
    h('span', { class: 'hl-source' }, t('source')),
    ' ',
    h('span', { class: 'hl-target' }, t('target')),
    ' ',
    h('span', { class: 'hl-date' }, t('date')),
  );
  root.appendChild(
    h(
      'div',
      { class: 'evidence-page', 'data-testid': 'evidence' },
      h(
        'section',
        { class: 'card' },
        h('h1', {}, actorLink(e.source), ` ${arrow()} `, actorLink(e.target)),
        h(
          'dl',
          { class: 'facts' },
          ...row(t('source'), actorCell(e.source)),
          ...row(t('target'), actorCell(e.target)),
          ...row(t('code'), h('span', {}, h('span', { class: 'code' }, cameoLabel(e.cameo)), ' ', quadBadge(e.quad))),
          ...row(t('goldstein'), h('span', { class: 'num' }, signed(e.goldstein))),
          ...row(t('plover'), e.plover ?? '—'),
          ...row(t('date'), `${e.date.value ?? t('undated')}${e.date.precision ? ` (${e.date.precision})` : ''}`),
          ...row(t('dateBasis'), h('span', {}, e.date.basis, e.date.text ? ' — ' : '', e.date.text ? h('bdi', {}, e.date.text) : null)),
          ...row(t('attribution'), e.attributed_to ? h('bdi', { 'data-testid': 'attribution' }, e.attributed_to) : t('none')),
          ...row(t('outlet'), h('bdi', { 'data-testid': 'outlet' }, ev.article.outlet ?? '—')),
          ...row(t('published'), ev.article.published ?? '—'),
          ...row(t('confidence'), num(e.confidence, 2)),
          ...(flags.length > 0 ? row(t('flags'), flags.join(', ')) : []),
        ),
      ),
      h('section', { class: 'card' }, h('h2', {}, t('article'), ': ', h('bdi', {}, ev.article.title ?? ev.article.doc)), legend, text),
      card(
        t('otherReports'),
        ev.merged
          ? h(
              'p',
              { class: 'hint', 'data-testid': 'merged-counts' },
              `${t('toldBy')}: ${num(ev.merged.counts.reports)} ${t('reportsWord')} · ${num(ev.merged.counts.articles)} ${t('articlesWord')} · ${num(ev.merged.counts.outlets)} ${t('outletsWord')} · ${ev.merged.langs.join(', ')}`,
              ev.merged.any_claim ? ` · ${t(ev.merged.all_claims ? 'allClaims' : 'someClaims')}` : '',
            )
          : null,
        ev.reports.length > 0
          ? h('div', { class: 'table-wrap', 'data-testid': 'other-reports' }, eventTable(ev.reports))
          : h('p', { class: 'muted' }, t(ev.merged ? 'noOtherReportsMerged' : 'noOtherReports')),
      ),
    ),
  );
  text.querySelector('.hl-evidence')?.scrollIntoView({ block: 'center' });
}
