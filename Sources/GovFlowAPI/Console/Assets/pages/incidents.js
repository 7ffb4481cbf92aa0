// 故障 Incidents (administrators and auditors): every project's incidents (GET /v1/incidents), open ones by
// default, 20 a page. Read only: an administrator retries or resolves on the project page.

import { api, seg } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { timeElement } from '../format.js';
import { commandText, statusText } from '../incidents.js';

const PAGE = 20;
const state = { status: 'open', page: 0 };

export async function render({ main, session }) {
  const list = h('div', { id: 'incidents-list' });
  const select = h('select', { id: 'incidents-status' },
    h('option', { value: 'open' }, t('incidents.openOnly')),
    h('option', { value: 'resolved' }, t('incidents.resolvedOnly')),
    h('option', { value: '' }, t('inbox.all')));
  select.value = state.status;

  async function draw() {
    const query = `limit=${PAGE}&offset=${state.page * PAGE}` + (state.status ? `&status=${state.status}` : '');
    const { incidents, total } = await api(`/v1/incidents?${query}`);
    const pages = Math.max(1, Math.ceil(total / PAGE));
    if (incidents.length === 0) {
      replace(list, h('p', { class: 'empty', id: 'incidents-empty' }, t('incident.none')));
      return;
    }
    replace(list,
      h('table', { class: 'list', id: 'incidents-table' },
        h('thead', {}, h('tr', {}, ['incidents.status', 'incidents.project', 'incident.what', 'incident.error',
          'incident.failures', 'incident.raisedAt'].map((key) => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, incidents.map((incident) => h('tr', { 'data-project': incident.project,
          'data-incident': incident.incident, 'data-status': incident.status },
        h('td', {}, statusText(incident)),
        h('td', {}, h('a', { href: `#/projects/${seg(incident.project)}` }, incident.project),
          h('div', { class: 'sub' }, t('incident.title', incident.incident))),
        h('td', { class: 'incident-what' }, commandText(incident.command)),
        h('td', { class: 'incident-error' }, incident.error),
        h('td', {}, `${incident.failures}`),
        h('td', {}, timeElement(incident.raisedAt)))))),
      h('nav', { class: 'pager', 'aria-label': t('incidents.title') },
        h('button', { type: 'button', id: 'incidents-prev', disabled: state.page === 0,
          onclick: () => { state.page -= 1; draw(); } }, t('inbox.prev')),
        h('span', { id: 'incidents-info' }, t('incidents.count', total, state.page + 1, pages)),
        h('button', { type: 'button', id: 'incidents-next', disabled: state.page >= pages - 1,
          onclick: () => { state.page += 1; draw(); } }, t('inbox.next'))));
  }

  select.addEventListener('change', () => { state.status = select.value; state.page = 0; draw(); });
  const auditor = !session.me.roles.includes('administrator');
  replace(main,
    h('h1', {}, t('incidents.title')),
    h('p', { class: 'help' }, t('incidents.help')),
    auditor ? h('p', { class: 'note', id: 'read-only' }, t('incidents.readOnly')) : null,
    h('div', { class: 'filters' }, h('label', { for: 'incidents-status' }, t('incidents.status')), select),
    list);
  await draw();
}
