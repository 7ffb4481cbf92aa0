// 工作日历 Calendar: a month grid with 法定节假日 (rest) and 调休上班 (make-up working days) marked in words, and a
// due-date calculator that asks the server (GET /v1/calendars/{id}/due), so it shows what the engine computes.

import { api, seg } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';

const state = { calendar: null, month: null };

function shiftMonth(text, delta) {
  const [year, month] = text.split('-').map(Number);
  const index = year * 12 + (month - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export async function render({ main, session }) {
  const { calendars } = await api('/v1/calendars');
  if (!state.calendar || !calendars.some((c) => c.id === state.calendar)) {
    state.calendar = calendars.some((c) => c.id === 'cn-mainland') ? 'cn-mainland' : (calendars[0] || {}).id;
  }
  if (!state.month) state.month = session.me.today.slice(0, 7);
  const select = h('select', { id: 'calendar-id' },
    calendars.map((c) => h('option', { value: c.id }, c.name ? `${c.name} (${c.id})` : c.id)));
  select.value = state.calendar;
  const monthInput = h('input', { type: 'month', id: 'calendar-month', value: state.month });
  const grid = h('div', { id: 'month-grid' });
  async function drawMonth() {
    const month = await api(`/v1/calendars/${seg(state.calendar)}/months/${state.month}`);
    const names = t('cal.weekdays').split(',');
    const cells = [];
    for (let blank = 1; blank < month.days[0].weekday; blank += 1) cells.push(h('td', { class: 'blank' }));
    const rows = [];
    for (const day of month.days) {
      const mark = day.kind === 'holiday' ? t('cal.holiday') : day.kind === 'make-up-workday' ? t('cal.makeup')
        : day.kind === 'weekend' ? t('cal.weekend') : '';
      const attributes = {
        class: `day ${day.kind}`, 'data-date': day.date, 'data-kind': day.kind, title: t('kind.' + day.kind),
      };
      cells.push(h('td', attributes,
        h('span', { class: 'num' }, String(Number(day.date.slice(8)))),
        mark ? h('span', { class: 'mark' }, mark) : null,
        day.name ? h('span', { class: 'holiday-name' }, day.name) : null));
      if (day.weekday === 7) rows.push(cells.splice(0));
    }
    if (cells.length) rows.push(cells.splice(0));
    replace(grid,
      h('table', { class: 'month', id: 'month-table' },
        h('caption', {}, `${state.month}（${state.calendar}）`),
        h('thead', {}, h('tr', {}, names.map((name) => h('th', { scope: 'col' }, name)))),
        h('tbody', {}, rows.map((row) => h('tr', {}, row)))),
      month.provisional ? h('p', { class: 'note' }, '⚠ ', t('cal.provisional')) : null,
      h('ul', { class: 'legend' },
        h('li', {}, h('span', { class: 'mark holiday' }, t('cal.holiday')), ' ', t('cal.legendHoliday')),
        h('li', {}, h('span', { class: 'mark make-up-workday' }, t('cal.makeup')), ' ', t('cal.legendMakeup')),
        h('li', {}, h('span', { class: 'mark weekend' }, t('cal.weekend')), ' ', t('cal.legendWeekend'))));
  }
  const move = (delta) => {
    state.month = shiftMonth(state.month, delta);
    monthInput.value = state.month;
    drawMonth();
  };
  select.addEventListener('change', () => { state.calendar = select.value; drawMonth(); });
  monthInput.addEventListener('change', () => {
    if (!/^\d{4}-\d{2}$/.test(monthInput.value)) return;
    state.month = monthInput.value;
    drawMonth();
  });

  replace(main, h('h1', {}, t('cal.title')),
    h('div', { class: 'filters' },
      h('label', { for: 'calendar-id' }, t('cal.calendar')), select,
      h('button', { type: 'button', id: 'month-prev', onclick: () => move(-1) }, '‹ ', t('cal.prev')),
      h('label', { for: 'calendar-month' }, t('cal.month')), monthInput,
      h('button', { type: 'button', id: 'month-next', onclick: () => move(1) }, t('cal.next'), ' ›')),
    h('div', { class: 'columns' }, grid, calculator(session)));
  await drawMonth();
}

function calculator(session) {
  const from = h('input', { type: 'date', id: 'calc-from', value: session.me.today, required: true });
  const count = h('input', { type: 'number', id: 'calc-count', min: 1, value: 5, required: true });
  const unit = h('select', { id: 'calc-unit' }, ['workdays', 'days', 'months', 'years'].map((name) =>
    h('option', { value: name }, t('cal.unit.' + name))));
  const convention = h('select', { id: 'calc-convention' }, ['event-date', 'next-working-day'].map((name) =>
    h('option', { value: name }, t('cal.conv.' + name))));
  const result = h('div', { id: 'calc-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'card', id: 'calculator' },
    h('h2', {}, t('cal.calc')),
    h('label', { for: 'calc-from' }, t('cal.from')), from,
    h('label', { for: 'calc-count' }, t('cal.period')), h('div', { class: 'row' }, count, unit),
    h('label', { for: 'calc-convention' }, t('cal.convention')), convention,
    h('div', {}, h('button', { type: 'submit', id: 'calc-button' }, t('cal.compute'))), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const period = encodeURIComponent(`${count.value} ${unit.value}`);
    try {
      const query = `from=${from.value}&period=${period}&convention=${convention.value}`;
      const answer = await api(`/v1/calendars/${seg(state.calendar)}/due?${query}`);
      const due = answer.due.date + (answer.due.provisional ? t('due.provisional') : '');
      replace(result,
        h('p', { class: 'status ok' }, h('span', { 'aria-hidden': 'true' }, '◷ '),
          h('strong', { id: 'calc-due', 'data-date': answer.due.date }, t('cal.due', due))),
        answer.days ? h('details', {}, h('summary', {}, t('cal.explain')),
          h('ol', { class: 'explain' }, answer.days.map((day) => h('li', { 'data-kind': day.kind },
            `${day.date} ${t('kind.' + day.kind)}${day.name ? `（${day.name}）` : ''}`,
            !/workday/.test(answer.period) ? '' : day.workingDayNumber === null ? ` — ${t('cal.notCounted')}`
              : day.workingDayNumber === 0 ? ` — ${t('cal.dayZero')}`
                : ` — ${t('cal.counted', day.workingDayNumber)}`)))) : null);
    } catch (error) {
      replace(result, h('p', { class: 'status error', role: 'alert' }, `${error.code}：${error.message}`));
    }
  });
  return form;
}
