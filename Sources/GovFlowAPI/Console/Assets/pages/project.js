// 项目 Project page: status, variables, stages, open tasks, deadlines with due date, basis and words, overdue
// records, and the history as sentences (20 a page, with actor and Beijing time). Prints cleanly.

import { seg } from '../api.js';
import { h, replace, facts, table } from '../dom.js';
import { t, outcomeLabel } from '../i18n.js';
import { dueBadge, assigneeText, timeElement, actorText, valueText, periodText } from '../format.js';
import { loadProject, notFoundMessage, nodeDeadlines, expiryText } from '../project-data.js';
import { HistoryReader, normalize, technicalTypes } from '../events.js';
import { incidentSection } from '../incidents.js';

const PAGE = 20;

export async function render(context) {
  const { main, session, params } = context;
  const [projectID] = params;
  if (!projectID) {
    location.hash = '#/inbox';
    return;
  }
  let data;
  try {
    data = await loadProject(projectID);
  } catch (error) {
    if (!error.notFound) throw error;
    replace(main, h('h1', {}, t('project.title', projectID)), notFoundMessage(error));
    return;
  }
  const { project, definition, nodes, nodeName, calendar } = data;
  const today = session.me.today;
  const describe = (name) => {
    const text = definition.variables && definition.variables[name] && definition.variables[name].description;
    return text || '';
  };

  const summary = h('section', { class: 'card', id: 'summary' }, facts([
    [t('project.status'),
      h('span', { id: 'project-status', 'data-status': project.status }, t('status.' + project.status))],
    project.result ? [t('project.result'), outcomeLabel(project.result)] : null,
    [t('project.definition'),
      h('a', { href: `#/definitions/${seg(project.definition.id)}/${project.definition.version}` },
      `${definition.title || project.definition.id} · ${t('defs.version', project.definition.version)}`)],
    [t('project.startedBy'), actorText(project.startedBy)],
    [t('project.startedAt'), timeElement(project.startedAt)],
    [t('project.updatedAt'), timeElement(project.updatedAt)],
  ]));

  const variables = h('section', { class: 'card', id: 'variables' }, h('h2', {}, t('project.variables')),
    table([t('project.variable'), t('project.value'), t('project.description')],
      Object.entries({ ...project.variables, ...project.computed })
        .map(([name, value]) => [name, valueText(value), describe(name)])));

  const stages = h('section', { class: 'card', id: 'stages' }, h('h2', {}, t('project.stages')),
    project.stages.length === 0 ? h('p', {}, t('project.none'))
      : table([t('project.name'), t('project.basis'), t('project.enteredAt')], project.stages.map((stage) =>
        [stage.name || stage.node, (nodes.get(stage.node) || {}).basis || '—', timeElement(stage.enteredAt)])));

  const tasks = h('section', { class: 'card', id: 'tasks' }, h('h2', {}, t('project.tasks')),
    project.openTasks.length === 0 ? h('p', {}, t('project.none'))
      : table([t('inbox.due'), t('inbox.task'), t('inbox.assignee')], project.openTasks.map((task) => [
        task.due ? dueBadge(task.due.date, task.due.provisional, today, calendar) : t('inbox.noDue'),
        h('a', { href: `#/projects/${seg(project.id)}/tasks/${task.id}` }, task.title),
        assigneeText(task.assignee)])));

  const deadlineOf = (nodeID, name) => nodeDeadlines(nodes.get(nodeID)).find((candidate) => candidate.id === name);
  const basisOf = (nodeID, name) => {
    const deadline = deadlineOf(nodeID, name);
    return (deadline && deadline.basis) || (nodes.get(nodeID) || {}).basis || '—';
  };
  const timers = h('section', { class: 'card', id: 'deadlines' }, h('h2', {}, t('project.deadlines')),
    project.timers.length === 0 ? h('p', {}, t('project.none'))
      : table([t('inbox.due'), t('project.purpose'), t('inbox.stage'), t('project.basis'), t('deadline.onExpiry')],
        project.timers.map((timer) => [
          [dueBadge(timer.due, timer.provisional, today, calendar), timer.suspendedBy == null ? null
            : h('div', { class: 'suspended', 'data-incident': timer.suspendedBy },
              h('span', { 'aria-hidden': 'true' }, '⏸ '), t('incident.suspended', timer.suspendedBy))],
          `${t('purpose.' + timer.purpose)}${timer.name ? ` “${timer.name}”` : ''}`,
          nodeName(timer.node),
          basisOf(timer.node, timer.name),
          timer.purpose === 'deadline' ? expiryText(deadlineOf(timer.node, timer.name), nodeName) : '—'])));

  const overdue = project.overdue.length === 0 ? null : h('section', { class: 'card', id: 'overdue' },
    h('h2', {}, t('project.overdue')),
    table([t('inbox.due'), t('project.name'), t('inbox.stage'), t('project.basis'), t('project.when')],
      project.overdue.map((record) => [
        h('span', { class: 'due due-overdue' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), record.due,
          record.provisional ? t('due.provisional') : ''),
        record.deadline, nodeName(record.node), basisOf(record.node, record.deadline),
        timeElement(record.recordedAt)])));

  // The history, oldest first, read once so later sentences know the earlier stages and tasks.
  const reader = new HistoryReader(nodeName, (id) => (id === project.definition.id && definition.title) || id);
  const entries = project.history.map((entry) =>
    ({ entry, type: normalize(entry.event).type, text: reader.sentence(entry) }));
  let showTechnical = false;
  let page = 0;
  const timeline = h('div', { id: 'timeline' });
  const technical = h('input', { type: 'checkbox', id: 'show-technical' });
  technical.addEventListener('change', () => { showTechnical = technical.checked; page = 0; drawTimeline(); });
  function drawTimeline() {
    const shown = entries.filter((item) => showTechnical || !technicalTypes.has(item.type));
    const pages = Math.max(1, Math.ceil(shown.length / PAGE));
    page = Math.min(page, pages - 1);
    // Every entry is in the page, those of other pages hidden on screen, so that printing prints them all.
    replace(timeline,
      h('ol', { class: 'timeline' }, shown.map(({ entry, type, text }, index) =>
        h('li', { 'data-type': type, 'data-seq': entry.seq,
          class: Math.floor(index / PAGE) === page ? null : 'off-page' },
          h('span', { class: 'when' }, timeElement(entry.at)),
          h('span', { class: 'who' }, actorText(entry.actor)),
          h('span', { class: 'what' }, text)))),
      h('nav', { class: 'pager noprint', 'aria-label': t('project.history') },
        h('button', { type: 'button', id: 'history-prev', disabled: page === 0,
          onclick: () => { page -= 1; drawTimeline(); } }, t('inbox.prev')),
        h('span', { id: 'history-info' }, t('project.historyPage', shown.length ? page * PAGE + 1 : 0,
          Math.min(shown.length, page * PAGE + PAGE), shown.length)),
        h('button', { type: 'button', id: 'history-next', disabled: page >= pages - 1,
          onclick: () => { page += 1; drawTimeline(); } }, t('inbox.next'))));
  }
  drawTimeline();
  const history = h('section', { class: 'card', id: 'history' }, h('h2', {}, t('project.history')),
    h('p', { class: 'noprint check' }, technical, ' ', h('label', { for: 'show-technical' }, t('project.technical'))),
    timeline);

  const incidents = incidentSection(project, data, session.me,
    (message) => render(context).then(() => main.prepend(h('p', { class: 'status ok', role: 'status',
      id: 'incident-done' }, message))));

  replace(main,
    h('div', { class: 'title-row' },
      h('h1', {}, t('project.title', project.id)),
      h('button', { type: 'button', class: 'noprint', id: 'print', onclick: () => window.print() },
        t('project.print'))),
    incidents,
    h('div', { class: 'columns' }, h('div', {}, summary, stages, tasks, timers, overdue), variables),
    history);
}
