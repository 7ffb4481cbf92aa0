// 流程定义 Definitions: every definition with its versions; a version's source with line numbers; deploying a
// new version (administrators), with every validation problem as "第12行第5列: message" that jumps to the place.

import { api, seg, newIdempotencyKey } from '../api.js';
import { h, replace, table } from '../dom.js';
import { t } from '../i18n.js';
import { timeElement } from '../format.js';

export async function render({ main, session, params }) {
  const [id, version] = params;
  if (id) {
    await renderSource(main, id, Number(version));
    return;
  }
  const { definitions } = await api('/v1/definitions');
  const list = table([t('defs.id'), t('defs.name'), t('defs.versions')], definitions.map((definition) => [
    h('code', {}, definition.id),
    definition.title || '',
    h('span', { class: 'versions' }, definition.versions.map((number) =>
      h('a', { href: `#/definitions/${seg(definition.id)}/${number}`, class: 'version' }, t('defs.version', number)))),
  ]), { class: 'list', id: 'definitions-table' });
  const isAdmin = session.me.roles.includes('administrator');
  replace(main, h('h1', {}, t('defs.title')), list,
    isAdmin ? deployForm() : h('p', { class: 'note', id: 'deploy-not-allowed' }, t('defs.notAdmin')));
}

async function renderSource(main, id, version) {
  const [source, info] = await Promise.all([
    api(`/v1/definitions/${seg(id)}/versions/${version}`, { text: true }),
    api(`/v1/definitions/${seg(id)}`),
  ]);
  const lines = source.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const versions = table([t('defs.versions'), t('defs.name'), t('defs.deployedAt')], info.versions.map((entry) => [
    entry.version === version ? h('strong', {}, t('defs.version', entry.version))
      : h('a', { href: `#/definitions/${seg(id)}/${entry.version}` }, t('defs.version', entry.version)),
    entry.title || '', timeElement(entry.deployedAt)]));
  const code = h('ol', { class: 'source', id: 'source' }, lines.map((line, index) =>
    h('li', { id: `L${index + 1}` }, h('code', {}, line || ' '))));
  replace(main, h('h1', {}, `${id} · ${t('defs.version', version)}`),
    h('p', {}, h('a', { href: '#/definitions' }, t('defs.title'))),
    versions, h('h2', {}, t('defs.source')), code);
}

/** The UTF-16 offset in `text` of a 1-based line and column (the server counts columns in Unicode scalars). */
function offsetOf(text, line, column) {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  let scalars = 1;
  for (const character of text.slice(offset)) {
    if (scalars >= column || character === '\n') break;
    offset += character.length;
    scalars += 1;
  }
  return offset;
}

function deployForm() {
  const area = h('textarea', { id: 'deploy-source', rows: 18, class: 'code', spellcheck: 'false', wrap: 'off',
    'aria-describedby': 'deploy-help' });
  const cursor = h('span', { id: 'deploy-cursor', class: 'help', 'aria-live': 'off' });
  const result = h('div', { id: 'deploy-result', role: 'alert' });
  const button = h('button', { type: 'submit', id: 'deploy-button' }, t('defs.deployButton'));
  function showCursor() {
    const before = area.value.slice(0, area.selectionStart);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    cursor.textContent = t('defs.cursor', line, column);
  }
  ['keyup', 'click', 'focus', 'select'].forEach((name) => area.addEventListener(name, showCursor));
  function jump(line, column) {
    const offset = offsetOf(area.value, line, column);
    area.focus();
    area.setSelectionRange(offset, offset);
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
    area.scrollTop = Math.max(0, (line - 3) * lineHeight);
    showCursor();
  }
  const form = h('form', { class: 'card', id: 'deploy' },
    h('h2', {}, t('defs.deploy')),
    h('p', { id: 'deploy-help', class: 'help' }, t('defs.deployHelp')),
    h('label', { for: 'deploy-source' }, t('defs.source')), area, cursor,
    h('div', {}, button), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    replace(result, t('loading'));
    try {
      const answer = await api('/v1/definitions',
        { method: 'POST', body: area.value, idempotencyKey: newIdempotencyKey() });
      replace(result, h('p', { class: 'status ok', id: 'deploy-ok' },
        t('defs.deployed', answer.id, answer.version), ' ',
        h('a', { href: `#/definitions/${seg(answer.id)}/${answer.version}` }, t('defs.source'))));
    } catch (error) {
      const details = Array.isArray(error.details) ? error.details : [];
      const located = details.filter((detail) => detail && detail.message);
      replace(result,
        h('p', { class: 'status error' },
          located.length ? t('defs.problems', located.length) : `${error.code}：${error.message}`),
        located.length ? h('ul', { class: 'problems', id: 'deploy-problems' }, located.map((detail) => {
          const where = detail.line ? `${t('defs.at', detail.line, detail.column || 1)}: ` : '';
          const text = `${where}${detail.message}${detail.code ? ` [${detail.code}]` : ''}`;
          return h('li', {}, detail.line
            ? h('button', {
              type: 'button', class: 'problem', 'data-line': detail.line, 'data-column': detail.column || 1,
              onclick: () => jump(detail.line, detail.column || 1) }, text)
            : text);
        })) : null);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
