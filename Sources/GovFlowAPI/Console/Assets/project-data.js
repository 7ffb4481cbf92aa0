// What the project and task pages share: the project as the API shows it, with its definition's source.

import { api, definitionSource, seg, ApiError } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

/** {project, definition, nodeName(id), calendar} or throws; a 404 becomes a readable "no project you may see". */
export async function loadProject(id) {
  let project;
  try {
    project = await api(`/v1/projects/${seg(id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      const notFound = new Error(t('project.notFound', id));
      notFound.notFound = true;
      throw notFound;
    }
    throw error;
  }
  const definition = (await definitionSource(project.definition.id, project.definition.version)) || {};
  const nodes = new Map((definition.nodes || []).map((node) => [node.id, node]));
  return {
    project,
    definition,
    nodes,
    nodeName: (nodeID) => (nodes.get(nodeID) && nodes.get(nodeID).name) || nodeID,
    calendar: definition.calendar || 'cn-mainland',
  };
}

/** The "not found" message for a project the caller may not see (or that does not exist). */
export function notFoundMessage(error) {
  return h('p', { class: 'error', role: 'alert', id: 'not-found' }, error.message);
}

/** What happens when a deadline expires: "转到“退回”" for an interrupting one, else "记录逾期，继续办理". */
export function expiryText(deadline, nodeName) {
  if (!deadline) return '—';
  return deadline.interrupting && deadline.goto ? t('deadline.goto', nodeName(deadline.goto)) : t('deadline.record');
}

/** The deadlines a node's definition sets, as {id, period, basis, task}. */
export function nodeDeadlines(node) {
  return (node && Array.isArray(node.deadlines)) ? node.deadlines : [];
}
