// Times as 北京时间, deadlines as a date plus words and an icon (never colour alone).

import { h } from './dom.js';
import { t, lang } from './i18n.js';
import { workingDaysBetween } from './api.js';

function pad(n) {
  return String(n).padStart(2, '0');
}

/** "2024-09-27 09:00 北京时间" for an ISO instant, whatever the browser's own time zone. */
export function beijing(iso) {
  if (!iso) return '';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return String(iso);
  const shifted = new Date(instant.getTime() + 8 * 3600 * 1000);
  const text = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())} `
    + `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
  return `${text} ${t('time.beijing')}`;
}

/** A <time> element for an ISO instant, shown in Beijing time. */
export function timeElement(iso) {
  return h('time', { datetime: iso }, beijing(iso));
}

/**
 * The words for a due date seen from `today` (both YYYY-MM-DD) in `calendar`: "剩余3个工作日", "今日到期",
 * "逾期2个工作日", with "（暂定）" for a provisional date. Returns {state, words}.
 */
export async function dueWords(date, provisional, today, calendar) {
  let state;
  let words;
  if (date === today) {
    state = 'today';
    words = t('due.today');
  } else if (date > today) {
    const left = await workingDaysBetween(calendar, today, date);
    state = left !== null && left <= 1 ? 'soon' : 'left';
    words = left === null ? '' : t('due.left', left);
  } else {
    const late = await workingDaysBetween(calendar, date, today);
    state = 'overdue';
    words = late ? t('due.overdue', late) : t('due.overdueRest');
  }
  if (provisional) words += t('due.provisional');
  return { state, words };
}

const icons = { overdue: '⚠', today: '⏰', soon: '⏰', left: '◷' };

/**
 * A deadline badge: icon, the date and the words, filled in when the working-day count arrives. `due` is
 * {date, provisional} (a task's) or a plain date string with a separate `provisional`.
 */
export function dueBadge(date, provisional, today, calendar) {
  const badge = h('span', { class: 'due', 'data-due': date },
    h('span', { class: 'due-icon', 'aria-hidden': 'true' }, '◷'), ' ',
    h('span', { class: 'due-date' }, date), ' ',
    h('span', { class: 'due-words' }, ''));
  if (provisional) badge.title = t('due.provisionalHelp');
  dueWords(date, provisional, today, calendar).then(({ state, words }) => {
    badge.classList.add('due-' + state);
    badge.dataset.state = state;
    badge.querySelector('.due-icon').textContent = icons[state];
    badge.querySelector('.due-words').textContent = words;
  });
  return badge;
}

/** Words in brackets: full-width in Chinese, "（部门）", ASCII in English, " (department)". */
function paren(text) {
  return lang() === 'en' ? ` (${text})` : `（${text}）`;
}

/** An assignee as text: "区数据局（部门）". */
export function assigneeText(assignee) {
  if (!assignee || typeof assignee !== 'object') return String(assignee ?? '');
  if (typeof assignee.kind === 'string' && ['actor', 'department', 'role'].includes(assignee.kind)) {
    return `${assignee.name ?? assignee.value ?? assignee.id ?? ''}${paren(t('assignee.' + assignee.kind))}`;
  }
  for (const kind of ['actor', 'department', 'role']) {
    if (kind in assignee) {
      let value = assignee[kind];
      if (value && typeof value === 'object' && '_0' in value) value = value._0;
      return `${value}${paren(t('assignee.' + kind))}`;
    }
  }
  return JSON.stringify(assignee);
}

/** An actor ({id, department}) as text: "li（区数据局）", "系统" for the system actor. */
export function actorText(actor) {
  if (!actor) return '';
  if (actor.id === 'system') return t('common.system');
  return actor.department ? `${actor.id}${paren(actor.department)}` : actor.id;
}

/** A JSON value as short text for tables. */
export function valueText(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const periodUnits = {
  workday: ['个工作日', 'working day'], day: ['日', 'day'], month: ['个月', 'month'], year: ['年', 'year'],
};

/** A definition's period in words: "5 workdays" → "5个工作日" ("5 working days" in English); P45D → "45日". */
export function periodText(period) {
  const text = String(period ?? '').trim();
  let count;
  let unit;
  const words = text.match(/^(\d+) (workday|day|month|year)s?$/);
  const iso = text.match(/^P(\d+)([DWMY])$/);
  if (words) {
    [count, unit] = [Number(words[1]), words[2]];
  } else if (iso) {
    count = Number(iso[1]) * (iso[2] === 'W' ? 7 : 1);
    unit = { D: 'day', W: 'day', M: 'month', Y: 'year' }[iso[2]];
  } else {
    return text;
  }
  const [zhUnit, enUnit] = periodUnits[unit];
  return lang() === 'en' ? `${count} ${enUnit}${count === 1 ? '' : 's'}` : `${count}${zhUnit}`;
}
