// Incidents (故障) in words: what failed (the engine's command summary, read into Chinese) and, for an
// administrator, the 重试 (retry) and 处理 (resolve) forms. Shared by the project page and the incidents list.

import { api, seg, newIdempotencyKey } from './api.js';
import { h, facts } from './dom.js';
import { timeElement } from './format.js';
import { t, lang, outcomeLabel } from './i18n.js';

const timerKinds = {
  deadline: ['办理时限', 'deadline'], 'reminder before deadline': ['时限提醒', 'reminder before deadline'],
  'stage timer': ['环节计时', 'stage timer'],
};

/**
 * What failed, in words. `command` is the engine's summary: `fire timer 4 (deadline "review" of node "x")`,
 * `decide task 3 with "pass" by li`, `urge task 3 by jia-co`…; anything else is shown as it is.
 */
export function commandText(command, nodeName = (id) => id) {
  const en = lang() === 'en';
  let m = /^fire timer (\d+) \((?:(deadline|reminder before deadline|stage timer) "([^"]*)"|wait) of node "([^"]*)"\)$/
    .exec(command);
  if (m) {
    const [, timer, kind, name, node] = m;
    const words = kind ? `${timerKinds[kind][en ? 1 : 0]}“${name}”` : (en ? 'wait' : '等待');
    return en ? `timer ${timer} (${words} of “${nodeName(node)}”) firing`
      : `计时${timer}（“${nodeName(node)}”的${words}）到时处理`;
  }
  m = /^fire timer (\d+)$/.exec(command);
  if (m) return en ? `timer ${m[1]} firing` : `计时${m[1]}到时处理`;
  m = /^decide task (\d+) with "([^"]*)" by (.+)$/.exec(command);
  if (m) {
    return en ? `${m[3]} deciding task ${m[1]}: ${outcomeLabel(m[2])}`
      : `${m[3]}办理任务${m[1]}（${outcomeLabel(m[2])}）`;
  }
  m = /^(transfer|delegate|hand back|urge|return) task (\d+)(?: to (.+?))? by (.+)$/.exec(command);
  if (m) {
    const op = { transfer: 'transfer', delegate: 'delegate', 'hand back': 'hand-back', urge: 'urge', return: 'return' };
    return en ? `${m[4]}: ${t('op.' + op[m[1]])} task ${m[2]}` : `${m[4]}对任务${m[2]}${t('op.' + op[m[1]])}`;
  }
  m = /^withdraw the project by (.+)$/.exec(command);
  if (m) return en ? `${m[1]} withdrawing the project` : `${m[1]}撤销项目`;
  return command;
}

/** The incident's status in words, with an icon: "⚠ 未解决" or "✓ 已解决（重试成功）". */
export function statusText(incident) {
  if (incident.status === 'open') return h('span', { class: 'incident-open' }, '⚠ ', t('incident.open'));
  return h('span', { class: 'incident-resolved' }, '✓ ', t('incident.resolved'),
    incident.resolution ? `（${t('resolution.' + incident.resolution)}）` : '');
}

/**
 * The 重试 and 处理 forms of an open incident (administrators only). `nodes` are [id, name] pairs to move to;
 * `done(project)` gets the project as it is after a success.
 */
export function incidentActions(projectID, incident, nodes, done) {
  const n = incident.incident;
  const base = `/v1/projects/${seg(projectID)}/incidents/${n}`;
  const status = h('p', { class: 'status', role: 'status', id: `incident-${n}-status` });
  const fail = (error) => {
    status.className = 'status error';
    status.textContent = `${t('task.refused')}（${error.code}）：${error.message}`;
  };
  const retryComment = h('input', { id: `incident-${n}-retry-comment`, class: 'wide' });
  const retry = h('form', { class: 'incident-retry', id: `incident-${n}-retry` },
    h('label', { for: `incident-${n}-retry-comment` }, t('incident.retryComment')), retryComment, ' ',
    h('button', { type: 'submit', id: `incident-${n}-retry-button` }, t('incident.retry')));
  retry.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = retry.querySelector('button');
    button.disabled = true;
    try {
      const body = retryComment.value.trim() ? { comment: retryComment.value.trim() } : {};
      const project = await api(`${base}/retry`, { method: 'POST', body, idempotencyKey: newIdempotencyKey() });
      done(project, t('incident.retried', n));
    } catch (error) {
      fail(error);
      button.disabled = false;
    }
  });
  const moveTo = h('select', { id: `incident-${n}-move` }, h('option', { value: '' }, t('incident.noMove')),
    nodes.map(([id, name]) => h('option', { value: id }, name === id ? id : `${name}（${id}）`)));
  const comment = h('input', { id: `incident-${n}-comment`, required: true, class: 'wide' });
  const resolve = h('form', { class: 'incident-resolve', id: `incident-${n}-resolve` },
    h('label', { for: `incident-${n}-move` }, t('incident.moveTo')), moveTo,
    h('label', { for: `incident-${n}-comment` }, t('incident.comment')), comment, ' ',
    h('button', { type: 'submit', id: `incident-${n}-resolve-button` }, t('incident.resolve')));
  resolve.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!comment.value.trim()) {
      status.className = 'status error';
      status.textContent = t('incident.commentRequired');
      comment.focus();
      return;
    }
    const button = resolve.querySelector('button');
    button.disabled = true;
    try {
      const body = { comment: comment.value.trim() };
      if (moveTo.value) body.moveTo = moveTo.value;
      const project = await api(`${base}/resolve`, { method: 'POST', body, idempotencyKey: newIdempotencyKey() });
      done(project, t('incident.resolvedDone', n));
    } catch (error) {
      fail(error);
      button.disabled = false;
    }
  });
  // An incident raised by a user's command cannot be retried: the user repeats the command, then resolves it.
  return h('div', { class: 'incident-actions noprint' },
    incident.timer === null ? h('p', { class: 'help' }, t('incident.notRetryable')) : retry, resolve, status);
}

/**
 * The project page's 故障 section (null when the project never had one): each incident with what failed, the error,
 * the suspended timer and, once resolved, how; an administrator also gets the forms. `done(message)` reloads.
 */
export function incidentSection(project, { definition, nodeName }, me, done) {
  if (!project.incidents || project.incidents.length === 0) return null;
  const admin = me.roles.includes('administrator');
  const nodes = (definition.nodes || []).map((node) => [node.id, node.name || node.id]);
  const ordered = [...project.incidents].sort((a, b) =>
    (a.status === 'open' ? 0 : 1) - (b.status === 'open' ? 0 : 1) || a.incident - b.incident);
  return h('section', { class: 'card incidents', id: 'incidents' }, h('h2', {}, t('incident.section')),
    ordered.map((incident) => h('article', { class: 'incident', id: `incident-${incident.incident}`,
      'data-incident': incident.incident, 'data-status': incident.status },
    h('h3', {}, statusText(incident), ' ', t('incident.title', incident.incident)),
    facts([
      [t('incident.what'), h('span', { class: 'incident-what' }, commandText(incident.command, nodeName))],
      [t('incident.error'), h('span', { class: 'incident-error' }, incident.error)],
      [t('incident.timer'),
        incident.timer === null ? t('incident.userCommand') : t('incident.byTimer', incident.timer)],
      [t('incident.failures'), `${incident.failures}`],
      [t('incident.raisedAt'), timeElement(incident.raisedAt)],
      incident.status === 'open' ? null : [t('incident.resolution'), h('span', { class: 'incident-resolution' },
        t('resolution.' + incident.resolution), incident.movedTo ? ` → ${nodeName(incident.movedTo)}` : '')],
      incident.resolvedBy ? [t('incident.resolvedBy'), incident.resolvedBy] : null,
      incident.resolvedAt ? [t('incident.resolvedAt'), timeElement(incident.resolvedAt)] : null,
      incident.comment ? [t('task.comment'), incident.comment] : null,
    ]),
    admin && incident.status === 'open'
      ? incidentActions(project.id, incident, nodes, (_, message) => done(message)) : null)));
}
