// History events as sentences. Accepts both event shapes: the explicit one, {"type": "taskOpened", "task": 3, …},
// and the synthesized one, {"taskOpened": {"_0": {…}}} or {"taskDecided": {"task": 3, …}}. Unknown types fall
// back to their name and fields.

import { lang, outcomeLabel } from './i18n.js';
import { actorText, assigneeText, valueText } from './format.js';
import { commandText } from './incidents.js';

/** The event's type and fields, whichever shape it has. */
export function normalize(event) {
  if (event && typeof event === 'object' && typeof event.type === 'string') {
    const { type, ...fields } = event;
    return { type, fields };
  }
  const keys = event && typeof event === 'object' ? Object.keys(event) : [];
  if (keys.length === 1) {
    let fields = event[keys[0]];
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) fields = { value: fields };
    if ('_0' in fields) {
      const { _0: inner, ...rest } = fields;
      const isObject = inner && typeof inner === 'object' && !Array.isArray(inner);
      fields = isObject ? { ...inner, ...rest } : { value: inner, ...rest };
    }
    return { type: keys[0], fields };
  }
  return { type: 'unknown', fields: event || {} };
}

/** Events about tokens and scopes: the engine's bookkeeping, hidden unless asked for. */
export const technicalTypes = new Set(['tokenCreated', 'tokenMoved', 'tokenRemoved', 'scopeOpened', 'branchArrived',
  'scopeCompleted', 'scopeCancelled', 'stageStateSaved', 'timerCancelled']);

function unwrap(value) {
  if (value && typeof value === 'object' && !Array.isArray(value) && '_0' in value && Object.keys(value).length === 1) {
    return value._0;
  }
  return value;
}

/** A purpose ("deadline", {"deadline": {"_0": "x"}} or {"deadline": "x"}) as [kind, name]. */
function purpose(value) {
  if (typeof value === 'string') return [value, null];
  if (value && typeof value === 'object') {
    const kind = Object.keys(value)[0];
    return [kind, unwrap(value[kind])];
  }
  return ['', null];
}

function dueText(due, provisionalFlag = false) {
  if (!due) return '';
  const date = typeof due === 'string' ? due : due.date ?? '';
  if (!(typeof due === 'string' ? provisionalFlag : due.provisional)) return date;
  return date + (lang() === 'en' ? ' (provisional)' : '（暂定）');
}

/** Names of the notes the built-in stages record; others show their own name. */
const noteKinds = {
  opinion: ['意见', 'opinion'], filing: ['备案', 'filing'], notification: ['通知', 'notification'],
  problem: ['问题', 'problem'],
  reminder: ['提醒', 'reminder'], overdue: ['逾期', 'overdue'], returned: ['退回', 'returned'], rejected: ['未通过', 'rejected'],
  failed: ['失败', 'failed'], acknowledged: ['已知悉', 'acknowledged'], rectification: ['整改', 'rectification'],
  'initial-acceptance': ['初步验收', 'initial acceptance'], 'procurement-failed': ['采购失败', 'procurement failed'],
  method: ['采购方式', 'procurement method'], validity: ['有效期', 'validity'], automatic: ['自动处理', 'automatic'],
  'earliest-start': ['最早开始日', 'earliest start'], 'minimum-reached': ['达到最低人数', 'minimum reached'],
};

const purposeWords = {
  deadline: ['办理时限', 'deadline'], reminder: ['催办提醒', 'reminder'], stage: ['环节计时', 'stage timer'], wait: ['等待', 'wait'],
};

/**
 * Tracks what earlier events said (stage of each activation, title of each task) so later events read well.
 * `nodeName(id)` gives a node's name from the definition.
 */
export class HistoryReader {
  constructor(nodeName, workflowTitle = (id) => id) {
    this.nodeName = nodeName;
    this.workflowTitle = workflowTitle;
    this.activations = new Map();
    this.tasks = new Map();
  }

  /** The sentence for one history entry {seq, at, actor, event}. */
  sentence(entry) {
    const { type, fields: f } = normalize(entry.event);
    const en = lang() === 'en';
    const node = (id) => (id ? `“${this.nodeName(id)}”` : '');
    const taskName = (id) => (this.tasks.has(id) ? `“${this.tasks.get(id)}”` : (en ? `task ${id}` : `任务${id}`));
    const comment = (text) => (text ? (en ? `, comment: “${text}”` : `，意见：“${text}”`) : '');
    const stageOf = (activation) => node(this.activations.get(activation));
    const task = f.task ?? f.id;
    const dueDate = dueText(f.due, f.provisional);
    switch (type) {
      case 'instanceStarted': {
        const id = this.workflowTitle(f.definitionID ?? f.definition ?? '');
        return en ? `Project started on “${id}”, version ${f.version}` : `项目申报，流程“${id}”第${f.version}版`;
      }
      case 'gatewayPassed':
        return en ? `At ${node(f.node)} the path to ${node(f.target)} was taken`
          : `${node(f.node)}判断后进入${node(f.target)}`;
      case 'stageEntered':
        this.activations.set(f.activation, f.node);
        return en ? `Stage ${node(f.node)} began` : `进入环节${node(f.node)}`;
      case 'taskOpened': {
        this.tasks.set(task, f.title);
        const due = f.due ? (en ? `, due ${dueDate}` : `，到期日 ${dueDate}`) : '';
        return en ? `Task “${f.title}” opened for ${assigneeText(f.assignee)}${due}`
          : `待办“${f.title}”交由${assigneeText(f.assignee)}办理${due}`;
      }
      case 'taskDecided':
        return en ? `${actorText(f.actor)} decided ${taskName(task)}: ${outcomeLabel(f.outcome)}${comment(f.comment)}`
          : `${actorText(f.actor)}办理${taskName(task)}：${outcomeLabel(f.outcome)}${comment(f.comment)}`;
      case 'taskTransferred':
        return en
          ? `${taskName(task)} transferred from ${assigneeText(f.from)} to ${assigneeText(f.to)}${comment(f.comment)}`
          : `${taskName(task)}由${assigneeText(f.from)}转办给${assigneeText(f.to)}${comment(f.comment)}`;
      case 'taskDelegated':
        return en
          ? `${taskName(task)} delegated by ${assigneeText(f.from)} to ${assigneeText(f.to)}${comment(f.comment)}`
          : `${taskName(task)}由${assigneeText(f.from)}委派给${assigneeText(f.to)}${comment(f.comment)}`;
      case 'taskHandedBack':
        return en ? `${taskName(task)} handed back to ${assigneeText(f.to)}${comment(f.comment)}`
          : `${taskName(task)}交回${assigneeText(f.to)}${comment(f.comment)}`;
      case 'reviewerAdded':
        return en
          ? `A reviewer was added to ${taskName(task)} (task ${f.consultation}${f.blocking ? ', blocking' : ''})`
            + comment(f.comment)
          : `${taskName(task)}加签（任务${f.consultation}${f.blocking ? '，须等待意见' : ''}）${comment(f.comment)}`;
      case 'taskReturned':
        return en ? `${taskName(task)} returned the project to ${node(f.to)}${comment(f.comment)}`
          : `${taskName(task)}退回到${node(f.to)}${comment(f.comment)}`;
      case 'taskUrged':
        return en ? `${taskName(task)} was urged${comment(f.comment)}` : `催办${taskName(task)}${comment(f.comment)}`;
      case 'taskClosed':
        return en ? `${taskName(task)} closed: ${f.reason}` : `${taskName(task)}关闭：${f.reason}`;
      case 'timerScheduled': {
        const [kind, purposeName] = purpose(f.purpose);
        const name = purposeName ?? f.name ?? null;
        const words = purposeWords[kind] ? purposeWords[kind][en ? 1 : 0] : kind;
        const where = node(f.node ?? f.nodeID);
        return en ? `${words} ${name ? `“${name}” ` : ''}set at ${where}, due ${dueDate}`
          : `${where}设定${words}${name ? `“${name}”` : ''}，到期日 ${dueDate}`;
      }
      case 'timerRescheduled':
        return en ? `Timer ${f.timer} moved from ${dueText(f.from)} to ${dueText(f.to)}`
          : `计时${f.timer}的到期日由 ${dueText(f.from)} 改为 ${dueText(f.to)}`;
      case 'timerFired':
        return en ? `Timer ${f.timer} fired${f.lateBy ? ` ${f.lateBy} s late` : ''}`
          : `计时${f.timer}到时${f.lateBy ? `（延迟${f.lateBy}秒）` : ''}`;
      case 'deadlineExpired':
        return en ? `Deadline “${f.deadline}” of ${stageOf(f.activation)} expired (due ${dueDate}): overdue`
          : `${stageOf(f.activation)}的时限“${f.deadline}”已到期（到期日 ${dueDate}），记为逾期`;
      case 'reminderSent':
        return en ? `Reminder for deadline “${f.deadline}” (due ${dueDate})`
          : `时限“${f.deadline}”到期前提醒（到期日 ${dueDate}）`;
      case 'factRecorded':
        return en ? `Recorded ${f.name}: ${valueText(f.value)}` : `记录 ${f.name}：${valueText(f.value)}`;
      case 'noteRecorded': {
        const kind = noteKinds[f.kind] ? noteKinds[f.kind][en ? 1 : 0] : f.kind;
        return `${kind}${en ? ': ' : '：'}${f.message}`;
      }
      case 'stageCompleted':
        return en ? `Stage ${stageOf(f.activation)} completed: ${outcomeLabel(f.outcome)}`
          : `环节${stageOf(f.activation)}完成，结果：${outcomeLabel(f.outcome)}`;
      case 'stageCancelled':
        return en ? `Stage ${stageOf(f.activation)} left: ${valueText(unwrap(f.reason))}`
          : `环节${stageOf(f.activation)}中止：${valueText(unwrap(f.reason))}`;
      case 'instanceEnded':
        return en ? `The project ended at ${node(f.node)}: ${outcomeLabel(f.result)}`
          : `流程在${node(f.node)}结束，结果：${outcomeLabel(f.result)}`;
      case 'instanceWithdrawn':
        return en ? `${actorText(f.actor)} withdrew the project${comment(f.comment)}`
          : `${actorText(f.actor)}撤销了项目${comment(f.comment)}`;
      case 'incidentRaised': {
        const what = commandText(f.command, this.nodeName);
        const suspended = f.timer === null ? '' : (en ? '; the timer is suspended' : '，该计时暂停');
        return en ? `Incident ${f.incident}: ${what} failed${suspended}: ${f.error}`
          : `发生故障${f.incident}：${what}失败${suspended}，错误：${f.error}`;
      }
      case 'incidentRetryFailed':
        return en ? `Retry of incident ${f.incident} failed: ${f.error}` : `故障${f.incident}重试失败，错误：${f.error}`;
      case 'incidentResolved': {
        const how = f.resolution === 'retried' ? (en ? 'retried successfully' : '重试成功')
          : f.resolution === 'moved' ? (en ? `the project was moved to ${node(f.movedTo)}` : `项目转到${node(f.movedTo)}`)
            : (en ? 'marked as resolved' : '标记为已解决');
        return en ? `Incident ${f.incident} resolved: ${how}${comment(f.comment)}`
          : `故障${f.incident}已处理：${how}${comment(f.comment)}`;
      }
      case 'tokenCreated': case 'tokenMoved':
        return en ? `Token ${f.token} at ${node(f.node)}` : `令牌${f.token}到达${node(f.node)}`;
      default:
        return `${type}: ${JSON.stringify(f)}`;
    }
  }
}
