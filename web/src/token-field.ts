// The header's token setting: a small disclosure with a password field. Saving or forgetting re-renders the
// page, so a view that failed for want of the token is asked again with it.
import { h } from './dom.js';
import { t } from './i18n.js';
import { forgetToken, savedToken, saveToken, tokenRemembered } from './token.js';

export function tokenField(onChange: () => void): HTMLElement {
  const input = h('input', { type: 'password', autocomplete: 'off', placeholder: t('tokenPlaceholder'), 'aria-label': t('tokenTitle'), 'data-testid': 'token-input', dir: 'ltr' });
  const remember = h('input', { type: 'checkbox', 'data-testid': 'token-remember' });
  remember.checked = tokenRemembered();
  const save = h('button', { type: 'submit', 'data-testid': 'token-save' }, t('tokenSave'));
  const forget = h('button', { type: 'button', class: 'secondary', 'data-testid': 'token-forget' }, t('tokenForget'));
  const form = h(
    'form',
    { class: 'token-form' },
    h('p', { class: 'hint' }, t('tokenHint')),
    input,
    h('label', {}, remember, t('tokenRemember')),
    h('div', { class: 'controls' }, save, forget),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (input.value.trim() === '') return;
    saveToken(input.value, remember.checked);
    onChange();
  });
  forget.addEventListener('click', () => {
    forgetToken();
    onChange();
  });
  const set = savedToken() !== null;
  return h(
    'details',
    { class: 'token' },
    h('summary', { 'data-testid': 'token-toggle' }, `${t('token')}: `, h('span', { 'data-testid': 'token-state', class: set ? 'token-set' : 'token-unset' }, t(set ? 'tokenSet' : 'tokenUnset'))),
    form,
  );
}
