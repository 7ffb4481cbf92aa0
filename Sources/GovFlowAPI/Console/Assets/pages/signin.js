// 登录 Sign-in: a token from the tokens file, kept in sessionStorage; shows who you are and what you may do.

import { setToken, ApiError } from '../api.js';
import { h, replace, facts } from '../dom.js';
import { t } from '../i18n.js';

function whoAmI(me, signOut) {
  return h('section', { class: 'card', id: 'whoami' },
    h('h2', {}, t('signin.whoami')),
    me.authenticated ? null : h('p', { class: 'note' }, t('signin.local')),
    facts([
      ['ID', me.actor],
      me.department ? [t('who.department'), me.department] : null,
      [t('who.roles'), h('ul', { class: 'roles' },
        me.roles.map((role) => h('li', { 'data-role': role }, t('role.' + role), ` (${role})`)))],
      me.taskRoles.length ? [t('who.taskRoles'), me.taskRoles.join(', ')] : null,
    ]),
    h('h3', {}, t('signin.may')),
    h('ul', { id: 'may' }, me.roles.map((role) => h('li', {}, t('may.' + role)))),
    me.authenticated ? h('button', { type: 'button', onclick: signOut }, t('signin.signout')) : null);
}

export async function render({ main, session, go, signOut, loadSession, refreshShell }) {
  const message = h('p', { class: 'error', role: 'alert', id: 'signin-error' });
  const input = h('input', { type: 'password', id: 'token', name: 'token', autocomplete: 'off', required: true,
    'aria-describedby': 'token-help', spellcheck: 'false' });
  const form = h('form', { id: 'signin-form', class: 'card' },
    h('h2', {}, t('signin.title')),
    h('label', { for: 'token' }, t('signin.token')),
    input,
    h('p', { id: 'token-help', class: 'help' }, t('signin.help')),
    h('button', { type: 'submit' }, t('signin.submit')),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    setToken(input.value.trim());
    input.value = '';
    try {
      const me = await loadSession();
      if (!me) throw new ApiError(401, 'unauthenticated', 'the bearer token is not valid');
      go('#/inbox');
    } catch (error) {
      setToken(null);
      session.me = null;
      refreshShell();
      const stale = main.querySelector('#whoami');
      if (stale) stale.remove();
      replace(message, t('signin.invalid', error.message));
      input.focus();
    }
  });
  const me = session.me;
  replace(main, h('h1', {}, t('signin.title')), me ? whoAmI(me, signOut) : null, me && !me.authenticated ? null : form);
  if (!me) input.focus();
}
