// 总览 Overview (administrators and auditors; read only): overdue records by jurisdiction and stage
// (GET /v1/overdue), open incidents (GET /v1/incidents?status=open), open tasks by stage with how many are past
// their due date and the median working days they have waited so far (GET /v1/tasks?all=true).

import { api, definitionSource, seg, workingDaysBetween } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { timeElement } from '../format.js';
import { commandText } from '../incidents.js';

/** The median of numbers (the mean of the middle two for an even count), or null for none. */
export function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function tile(id, label, value, alert) {
  return h('div', { class: 'tile', id, 'data-alert': alert ? 'true' : 'false' },
    h('span', { class: 'number' }, `${value}`), label);
}

function numbered(headers, rows, id) {
  return h('table', { class: 'list', id },
    h('thead', {}, h('tr', {},
      headers.map(([text, num]) => h('th', { scope: 'col', class: num ? 'num' : null }, text)))),
    h('tbody', {}, rows.map((row) => h('tr', row.attributes || {},
      row.cells.map((cell, index) => h('td', { class: headers[index][1] ? 'num' : null }, cell))))));
}

export async function render({ main, session }) {
  const today = session.me.today;
  const [{ overdue }, openIncidents, { tasks }] = await Promise.all([
    api('/v1/overdue'), api('/v1/incidents?status=open&limit=100'), api('/v1/tasks?all=true')]);

  // Each project's workflow (an overdue record names only its project): from the tasks, else the project view.
  const workflowOf = new Map(tasks.map((task) => [task.project, task.workflow]));
  await Promise.all([...new Set(overdue.map((record) => record.project))]
    .filter((project) => !workflowOf.has(project))
    .map(async (project) => workflowOf.set(project, (await api(`/v1/projects/${seg(project)}`)).definition)));
  const sources = new Map();
  await Promise.all([...workflowOf.values()].map(async (workflow) => {
    const key = `${workflow.id}@${workflow.version}`;
    if (!sources.has(key)) sources.set(key, (await definitionSource(workflow.id, workflow.version)) || {});
  }));
  const sourceOf = (project) => {
    const workflow = workflowOf.get(project);
    return sources.get(`${workflow.id}@${workflow.version}`) || {};
  };
  const jurisdiction = (source, fallback) => (source.jurisdiction && source.jurisdiction.name) || fallback;
  const stageName = (source, node) => ((source.nodes || []).find((candidate) => candidate.id === node) || {}).name
    || node;

  // 逾期 by jurisdiction and stage: the overdue records, and the open tasks past their due date now.
  const groups = new Map();
  const group = (project, node) => {
    const source = sourceOf(project);
    const place = jurisdiction(source, workflowOf.get(project).id);
    const key = `${place}\u0000${stageName(source, node)}`;
    if (!groups.has(key)) groups.set(key, { place, stage: stageName(source, node), records: 0, late: 0 });
    return groups.get(key);
  };
  for (const record of overdue) group(record.project, record.node).records += 1;
  const lateTasks = tasks.filter((task) => task.due && task.due.date < today);
  for (const task of lateTasks) group(task.project, task.node).late += 1;
  const overdueRows = [...groups.values()].sort((a, b) => a.place.localeCompare(b.place, 'zh')
    || a.stage.localeCompare(b.stage, 'zh'));

  // Open tasks by stage, with the working days each has waited since it was opened (Beijing date).
  const stages = new Map();
  for (const task of tasks) {
    const source = sourceOf(task.project);
    const key = `${task.workflow.id}\u0000${task.node}`;
    if (!stages.has(key)) {
      stages.set(key, { place: jurisdiction(source, task.workflow.id), stage: task.name || stageName(source, task.node),
        tasks: [], calendar: source.calendar || 'cn-mainland' });
    }
    stages.get(key).tasks.push(task);
  }
  const stageRows = await Promise.all([...stages.values()].map(async (entry) => {
    const waited = await Promise.all(entry.tasks.map((task) =>
      workingDaysBetween(entry.calendar, beijingDate(task.openedAt), today)));
    const known = waited.filter((days) => days !== null);
    const late = entry.tasks.filter((task) => task.due && task.due.date < today).length;
    return { ...entry, median: median(known), late };
  }));
  stageRows.sort((a, b) => a.place.localeCompare(b.place, 'zh') || a.stage.localeCompare(b.stage, 'zh'));

  replace(main,
    h('h1', {}, t('overview.title')),
    h('p', { class: 'help' }, t('overview.help', today)),
    h('div', { class: 'tiles' },
      tile('tile-overdue', t('overview.overdueRecords'), overdue.length, overdue.length > 0),
      tile('tile-late', t('overview.lateTasks'), lateTasks.length, lateTasks.length > 0),
      tile('tile-incidents', t('overview.openIncidents'), openIncidents.total, openIncidents.total > 0),
      tile('tile-tasks', t('overview.openTasks'), tasks.length, false)),
    h('section', { class: 'card', id: 'overview-overdue' }, h('h2', {}, t('overview.overdueTitle')),
      overdueRows.length === 0 ? h('p', {}, t('project.none'))
        : numbered([[t('overview.jurisdiction')], [t('inbox.stage')], [t('overview.records'), true],
          [t('overview.late'), true]], overdueRows.map((row) => ({
          attributes: { 'data-place': row.place, 'data-stage': row.stage },
          cells: [row.place, row.stage, `${row.records}`, `${row.late}`] })), 'overdue-table')),
    h('section', { class: 'card', id: 'overview-incidents' }, h('h2', {}, t('overview.incidentsTitle')),
      openIncidents.incidents.length === 0 ? h('p', {}, t('incident.none'))
        : numbered([[t('incidents.project')], [t('incident.what')], [t('incident.error')], [t('incident.raisedAt')]],
          openIncidents.incidents.map((incident) => ({
            attributes: { 'data-project': incident.project, 'data-incident': incident.incident },
            cells: [h('a', { href: `#/projects/${seg(incident.project)}` },
              `${incident.project} · ${t('incident.title', incident.incident)}`),
            commandText(incident.command), h('span', { class: 'incident-error' }, incident.error),
            timeElement(incident.raisedAt)] })), 'overview-incidents-table')),
    h('section', { class: 'card', id: 'overview-stages' }, h('h2', {}, t('overview.stagesTitle')),
      stageRows.length === 0 ? h('p', {}, t('inbox.empty'))
        : numbered([[t('overview.jurisdiction')], [t('inbox.stage')], [t('overview.openTasks'), true],
          [t('overview.late'), true], [t('overview.median'), true]], stageRows.map((row) => ({
          attributes: { 'data-place': row.place, 'data-stage': row.stage },
          cells: [row.place, row.stage, `${row.tasks.length}`, `${row.late}`,
            row.median === null ? '—' : t('overview.days', row.median)] })), 'stages-table'),
      h('p', { class: 'help' }, t('overview.medianNote'))));
}

/** The Beijing calendar date (YYYY-MM-DD) of an ISO instant. */
function beijingDate(iso) {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  return shifted.toISOString().slice(0, 10);
}
