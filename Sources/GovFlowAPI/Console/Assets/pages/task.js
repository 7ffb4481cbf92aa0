// 办理任务 Task page: project summary, the stage with its regulation article and time limit, the decision form
// (outcome buttons, data prefilled from exampleData) and the task operations (转办, 委派, 加签, 退回, 催办).

import { api, seg, newIdempotencyKey } from '../api.js';
import { h, replace, facts } from '../dom.js';
import { t, outcomeLabel } from '../i18n.js';
import { dueBadge, assigneeText, timeElement, actorText, valueText, periodText } from '../format.js';
import { loadProject, notFoundMessage, nodeDeadlines, expiryText } from '../project-data.js';

const operations = ['transfer', 'delegate', 'add-reviewer', 'return', 'urge', 'hand-back'];

function refusal(error) {
  return `${t('task.refused')}（${error.code}）：${error.message}`;
}

export async function render({ main, session, params }) {
  const [projectID, taskText] = params;
  const taskID = Number(taskText);
  let data;
  try {
    data = await loadProject(projectID);
  } catch (error) {
    if (!error.notFound) throw error;
    replace(main, h('h1', {}, t('task.title')), notFoundMessage(error));
    return;
  }
  const { project, definition, nodes, nodeName, calendar } = data;
  const today = session.me.today;
  const task = project.openTasks.find((candidate) => candidate.id === taskID);
  const projectLink = h('a', { href: `#/projects/${seg(project.id)}`, id: 'project-link' }, t('task.openProject'));
  const summary = h('section', { class: 'card', id: 'project-summary' },
    h('h2', {}, t('task.project')),
    facts([
      [t('project.openLabel'), h('span', {}, project.id, ' ', projectLink)],
      [t('project.definition'),
        `${definition.title || project.definition.id} · ${t('defs.version', project.definition.version)}`],
      [t('project.status'), t('status.' + project.status)],
      [t('project.startedBy'), actorText(project.startedBy)],
      [t('project.startedAt'), timeElement(project.startedAt)],
      ...Object.entries(project.variables).map(([name, value]) => {
        const described = definition.variables && definition.variables[name] && definition.variables[name].description;
        return [described ? `${described}（${name}）` : name, valueText(value)];
      }),
    ]));
  if (!task) {
    const closed = project.history.some((entry) => {
      const event = entry.event;
      return JSON.stringify(event).includes(`"id":${taskID},`) || JSON.stringify(event).includes(`"task":${taskID}`);
    });
    replace(main, h('h1', {}, t('task.title')),
      h('p', { class: 'error', role: 'alert', id: 'task-missing' },
        closed ? t('task.notOpen', t('status.ended')) : t('task.notFound', taskID)),
      h('p', {}, projectLink, ' · ', h('a', { href: '#/inbox' }, t('task.back'))),
      summary);
    return;
  }

  const node = nodes.get(task.node) || {};
  const deadlines = nodeDeadlines(node).filter((deadline) => !deadline.task || deadline.task === task.key);
  const stage = h('section', { class: 'card', id: 'stage' },
    h('h2', {}, `${t('task.stage')}：${task.name || task.node}`),
    facts([
      [t('task.title'), h('strong', { id: 'task-title' }, task.title)],
      [t('task.basis'), h('span', { id: 'task-basis' }, node.basis || '—')],
      [t('task.deadline'), deadlines.length
        ? h('ul', { id: 'task-deadlines' }, deadlines.map((deadline) =>
          h('li', {}, periodText(deadline.period ?? deadline.on), deadline.basis ? ` — ${deadline.basis}` : '',
            `（${expiryText(deadline, nodeName)}）`)))
        : t('task.deadlineNone')],
      [t('task.due'), task.due ? dueBadge(task.due.date, task.due.provisional, today, calendar) : t('inbox.noDue')],
      [t('task.assignee'), assigneeText(task.assignee)],
      [t('task.opened'), timeElement(task.openedAt)],
    ]));

  // The decision: one Idempotency-Key per submission, so a double click or a retry decides once.
  let key = newIdempotencyKey();
  let busy = false;
  const status = h('p', { id: 'decision-status', role: 'alert', class: 'status' });
  const comment = h('textarea', { id: 'decision-comment', rows: 3 });
  const example = task.exampleData === null || task.exampleData === undefined ? {} : task.exampleData;
  const dataField = h('textarea', { id: 'decision-data', rows: 6, class: 'code', spellcheck: 'false' });
  dataField.value = JSON.stringify(example, null, 2);
  const buttons = task.outcomes.map((outcome) => h('button', {
    type: 'button', class: 'outcome', 'data-outcome': outcome,
    onclick: (event) => decide(outcome, event.currentTarget),
  }, outcomeLabel(outcome) === outcome ? outcome : `${outcomeLabel(outcome)}（${outcome}）`));

  async function decide(outcome) {
    if (busy) return;
    let payload;
    try {
      payload = JSON.parse(dataField.value.trim() || 'null');
    } catch (error) {
      replace(status, t('task.badJSON', error.message));
      status.className = 'status error';
      dataField.focus();
      return;
    }
    busy = true;
    buttons.forEach((button) => { button.disabled = true; });
    replace(status, t('loading'));
    status.className = 'status';
    try {
      const body = { outcome, data: payload };
      if (comment.value.trim()) body.comment = comment.value.trim();
      await api(`/v1/projects/${seg(project.id)}/tasks/${task.id}/decision`,
        { method: 'POST', body, idempotencyKey: key });
      replace(status, t('task.decided', outcomeLabel(outcome)), ' ',
        h('a', { href: '#/inbox', id: 'back-inbox' }, t('task.back')),
        ' · ', h('a', { href: `#/projects/${seg(project.id)}` }, t('task.openProject')));
      status.className = 'status ok';
      status.querySelector('a').focus();
    } catch (error) {
      replace(status, refusal(error));
      status.className = 'status error';
      if (error.status !== 0) key = newIdempotencyKey();
      buttons.forEach((button) => { button.disabled = false; });
      busy = false;
    }
  }

  const decision = h('section', { class: 'card', id: 'decision' },
    h('h2', {}, t('task.decide')),
    h('label', { for: 'decision-comment' }, t('task.comment')), comment,
    h('label', { for: 'decision-data' }, t('task.data')), dataField,
    h('div', { class: 'outcomes', role: 'group', 'aria-label': t('task.decide') }, buttons),
    status);

  replace(main,
    h('h1', {}, `${t('task.title')}：${task.title}`),
    h('p', { class: 'crumbs' }, h('a', { href: '#/inbox' }, t('task.back')), ' · ', projectLink.cloneNode(true)),
    h('div', { class: 'columns' },
      h('div', {}, stage, decision, operationsForm(project, task, definition, nodeName)), summary));
}

function operationsForm(project, task, definition, nodeName) {
  let key = newIdempotencyKey();
  const op = h('select', { id: 'op' },
    operations.map((name) => h('option', { value: name }, `${t('op.' + name)}（${name}）`)));
  const toKind = h('select', { id: 'op-to-kind' },
    ['actor', 'department', 'role'].map((kind) => h('option', { value: kind }, t('assignee.' + kind))));
  const toValue = h('input', { id: 'op-to', autocomplete: 'off' });
  const stages = (definition.nodes || []).filter((node) => node.type === 'stage' || node.type === 'task' || node.stage);
  const nodeSelect = h('select', { id: 'op-node' },
    stages.map((node) => h('option', { value: node.id }, nodeName(node.id))));
  const blocking = h('input', { type: 'checkbox', id: 'op-blocking' });
  const comment = h('input', { id: 'op-comment', autocomplete: 'off' });
  const status = h('p', { id: 'op-status', role: 'alert', class: 'status' });
  const toRow = h('div', { class: 'row' }, h('label', { for: 'op-to-kind' }, t('task.toKind')), toKind,
    h('label', { for: 'op-to' }, t('task.to')), toValue);
  const nodeRow = h('div', { class: 'row' }, h('label', { for: 'op-node' }, t('task.node')), nodeSelect);
  const blockingRow = h('div', { class: 'row' }, blocking, h('label', { for: 'op-blocking' }, t('task.blocking')));
  function fields() {
    toRow.hidden = !['transfer', 'delegate', 'add-reviewer'].includes(op.value);
    nodeRow.hidden = op.value !== 'return';
    blockingRow.hidden = op.value !== 'add-reviewer';
  }
  op.addEventListener('change', fields);
  fields();
  const submit = h('button', { type: 'submit' }, t('task.submitOp'));
  const form = h('form', { class: 'card', id: 'operations' },
    h('h2', {}, t('task.ops')),
    h('div', { class: 'row' }, h('label', { for: 'op' }, t('task.op')), op),
    toRow, nodeRow, blockingRow,
    h('div', { class: 'row' }, h('label', { for: 'op-comment' }, t('task.comment')), comment),
    submit, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    const body = { op: op.value };
    if (!toRow.hidden) body.to = { [toKind.value]: toValue.value.trim() };
    if (!nodeRow.hidden) body.node = nodeSelect.value;
    if (!blockingRow.hidden) body.blocking = blocking.checked;
    if (comment.value.trim()) body.comment = comment.value.trim();
    submit.disabled = true;
    try {
      await api(`/v1/projects/${seg(project.id)}/tasks/${task.id}/operations`,
        { method: 'POST', body, idempotencyKey: key });
      replace(status, t('task.opDone', t('op.' + op.value)), ' ',
        h('a', { href: `#/projects/${seg(project.id)}` }, t('task.openProject')));
      status.className = 'status ok';
      comment.value = '';
    } catch (error) {
      replace(status, refusal(error));
      status.className = 'status error';
    }
    // The next operation (another urge, or a transfer after an urge) is a new submission with its own key.
    key = newIdempotencyKey();
    submit.disabled = false;
  });
  return form;
}
