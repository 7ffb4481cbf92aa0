// The console's shell: who is signed in, the navigation, the language switch, and the hash router that loads
// one module per page (pages/*.js). Every page receives {main, session, params, go}.

import { api, setToken, ApiError } from './api.js';
import { h, replace } from './dom.js';
import { t, lang, setLang } from './i18n.js';

const routes = [
  [/^#\/signin$/, 'signin'],
  [/^#\/(?:inbox)?$/, 'inbox'],
  [/^#\/projects\/([^/]+)\/tasks\/(\d+)$/, 'task'],
  [/^#\/projects\/([^/]+)$/, 'project'],
  [/^#\/projects$/, 'project'],
  [/^#\/definitions$/, 'definitions'],
  [/^#\/definitions\/([^/]+)\/(\d+)$/, 'definitions'],
  [/^#\/calendar$/, 'calendar'],
  [/^#\/overview$/, 'overview'],
  [/^#\/incidents$/, 'incidents'],
];

/** The signed-in caller (GET /v1/me) or null; shared with the pages. */
export const session = { me: null };

/** Loads who the caller is; null when the server wants a token and this tab has none (or a bad one). */
export async function loadSession() {
  try {
    session.me = await api('/v1/me');
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    session.me = null;
  }
  return session.me;
}

/** Forgets the token and goes to the sign-in page. */
export function signOut() {
  setToken(null);
  session.me = null;
  go('#/signin');
}

/** Navigates to a console route. */
export function go(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

function roleNames(me) {
  return me.roles.map((role) => t('role.' + role)).join('、');
}

function renderShell() {
  document.title = `${t('app.title')} · GovFlow`;
  document.getElementById('brand').textContent = t('app.title');
  document.getElementById('skip-link').textContent = t('skip');
  const langButton = document.getElementById('lang');
  langButton.textContent = t('lang.switch');
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav.main'));
  const me = session.me;
  const here = location.hash || '#/';
  const link = (hash, key, match) => h('a', { href: hash, 'aria-current': match.test(here) ? 'page' : null }, t(key));
  const supervisor = me && (me.roles.includes('administrator') || me.roles.includes('auditor'));
  replace(nav, me ? [
    supervisor ? link('#/overview', 'nav.overview', /^#\/overview$/) : null,
    link('#/inbox', 'nav.inbox', /^#\/(inbox)?$|^#\/projects/),
    supervisor ? link('#/incidents', 'nav.incidents', /^#\/incidents$/) : null,
    link('#/definitions', 'nav.definitions', /^#\/definitions/),
    link('#/calendar', 'nav.calendar', /^#\/calendar/),
  ] : [link('#/signin', 'nav.signin', /^#\/signin/)]);
  const who = document.getElementById('who');
  if (!me) {
    replace(who);
  } else {
    const name = me.authenticated ? me.actor : t('who.local');
    replace(who,
      h('a', { href: '#/signin', id: 'who-name' }, name),
      me.department ? h('span', { class: 'who-dept' }, me.department) : null,
      h('span', { class: 'who-roles', id: 'who-roles' }, roleNames(me)),
      me.authenticated ? h('button', { type: 'button', id: 'signout', onclick: signOut }, t('nav.signout')) : null);
  }
}

let rendering = 0;

/** Renders the page for the current hash. */
export async function render() {
  const ticket = ++rendering;
  const main = document.getElementById('page');
  let hash = location.hash || '#/';
  if (!hash.startsWith('#/')) return;
  // Who the caller is, afresh on every page: a revoked token signs out, and "today" follows the server's clock.
  await loadSession().catch(() => null);
  if (ticket !== rendering) return;
  if (session.me === null) hash = '#/signin';
  renderShell();
  for (const [pattern, name] of routes) {
    const match = hash.match(pattern);
    if (!match) continue;
    const params = match.slice(1).map((part) => decodeURIComponent(part));
    replace(main, h('p', { class: 'loading' }, t('loading')));
    try {
      const page = await import(`./pages/${name}.js`);
      if (ticket !== rendering) return;
      await page.render({ main, session, params, go, signOut, loadSession, refreshShell: renderShell });
      if (ticket === rendering && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
    } catch (error) {
      if (ticket !== rendering) return;
      replace(main, h('p', { class: 'error', role: 'alert' }, t('error.generic', error.message || String(error))));
    }
    return;
  }
  replace(main, h('p', { class: 'error', role: 'alert' }, t('error.generic', hash)));
}

document.getElementById('lang').addEventListener('click', () => {
  setLang(lang() === 'en' ? 'zh' : 'en');
  render();
});
window.addEventListener('hashchange', render);
setLang(lang());
render();
