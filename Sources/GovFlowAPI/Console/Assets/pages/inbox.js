// 我的待办 Inbox: the caller's open tasks (GET /v1/tasks), overdue first, then by due date; filters by
// jurisdiction (workflow) and stage; 20 a page.

import { api, definitionSource, seg } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { dueBadge, assigneeText, timeElement } from '../format.js';

const PAGE = 20;
const state = { workflow: '', stage: '', page: 0 };

export async function render({ main, session }) {
  const [{ tasks }, { definitions }] = await Promise.all([api('/v1/tasks'), api('/v1/definitions')]);
  const titles = new Map(definitions.map((d) => [d.id, d.title]));
  const calendars = new Map();
  await Promise.all(tasks.map(async (task) => {
    const key = task.workflow.id + '@' + task.workflow.version;
    if (!calendars.has(key)) {
      const source = await definitionSource(task.workflow.id, task.workflow.version);
      calendars.set(key, (source && source.calendar) || 'cn-mainland');
    }
  }));
  const today = session.me.today;
  tasks.sort((a, b) => {
    const da = a.due ? a.due.date : '9999-99-99';
    const db = b.due ? b.due.date : '9999-99-99';
    return da < db ? -1 : da > db ? 1 : a.project < b.project ? -1 : a.project > b.project ? 1 : a.id - b.id;
  });

  const list = h('div', { id: 'inbox-list' });
  const workflowSelect = h('select', { id: 'filter-workflow' },
    h('option', { value: '' }, t('inbox.all')),
    [...new Set(tasks.map((task) => task.workflow.id))].sort()
      .map((id) => h('option', { value: id }, titles.get(id) ? `${titles.get(id)} (${id})` : id)));
  const stageSelect = h('select', { id: 'filter-stage' });

  function stageOptions() {
    const names = new Map();
    for (const task of tasks) {
      if (state.workflow && task.workflow.id !== state.workflow) continue;
      names.set(task.node, task.name || task.node);
    }
    if (state.stage && !names.has(state.stage)) state.stage = '';
    replace(stageSelect, h('option', { value: '' }, t('inbox.all')),
      [...names].sort((a, b) => a[1].localeCompare(b[1], 'zh'))
        .map(([node, name]) => h('option', { value: node }, name)));
    stageSelect.value = state.stage;
  }

  function draw() {
    const shown = tasks.filter((task) => (!state.workflow || task.workflow.id === state.workflow)
      && (!state.stage || task.node === state.stage));
    const pages = Math.max(1, Math.ceil(shown.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    const slice = shown.slice(state.page * PAGE, state.page * PAGE + PAGE);
    if (shown.length === 0) {
      replace(list, h('p', { class: 'empty', id: 'inbox-empty' }, t('inbox.empty')));
      return;
    }
    const rows = slice.map((task) => {
      const calendar = calendars.get(task.workflow.id + '@' + task.workflow.version);
      const href = `#/projects/${seg(task.project)}/tasks/${task.id}`;
      return h('tr', { 'data-project': task.project, 'data-task': task.id },
        h('td', {}, task.due ? dueBadge(task.due.date, task.due.provisional, today, calendar)
          : h('span', { class: 'due due-none' }, t('inbox.noDue'))),
        h('td', {}, h('a', { href, class: 'task-link' }, task.title)),
        h('td', {}, task.name || task.node),
        h('td', {}, h('a', { href: `#/projects/${seg(task.project)}` }, task.project),
          h('div', { class: 'sub' }, titles.get(task.workflow.id) || task.workflow.id)),
        h('td', {}, assigneeText(task.assignee)),
        h('td', {}, timeElement(task.openedAt)));
    });
    const headers = ['inbox.due', 'inbox.task', 'inbox.stage', 'inbox.project', 'inbox.assignee', 'inbox.opened'];
    replace(list,
      h('table', { class: 'list', id: 'inbox-table' },
        h('thead', {}, h('tr', {}, headers.map((key) => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, rows)),
      h('nav', { class: 'pager', 'aria-label': t('inbox.count', shown.length, state.page + 1, pages) },
        h('button', { type: 'button', id: 'page-prev', disabled: state.page === 0,
          onclick: () => { state.page -= 1; draw(); } }, t('inbox.prev')),
        h('span', { id: 'page-info' }, t('inbox.count', shown.length, state.page + 1, pages)),
        h('button', { type: 'button', id: 'page-next', disabled: state.page >= pages - 1,
          onclick: () => { state.page += 1; draw(); } }, t('inbox.next'))));
  }

  workflowSelect.value = state.workflow;
  workflowSelect.addEventListener('change', () => {
    state.workflow = workflowSelect.value;
    state.page = 0;
    stageOptions();
    draw();
  });
  stageSelect.addEventListener('change', () => { state.stage = stageSelect.value; state.page = 0; draw(); });
  stageOptions();
  const opener = h('form', { class: 'inline', id: 'open-project' },
    h('label', { for: 'open-project-id' }, t('project.openLabel')),
    h('input', { id: 'open-project-id', name: 'id', required: true }),
    h('button', { type: 'submit' }, t('project.open')));
  opener.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = opener.querySelector('input').value.trim();
    if (id) location.hash = `#/projects/${seg(id)}`;
  });
  replace(main,
    h('h1', {}, t('inbox.title')),
    h('div', { class: 'filters' },
      h('label', { for: 'filter-workflow' }, t('inbox.jurisdiction')), workflowSelect,
      h('label', { for: 'filter-stage' }, t('inbox.stage')), stageSelect,
      opener),
    list);
  draw();
}
