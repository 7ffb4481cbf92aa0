// Words of the console in 简体中文 (the default) and English. `t(key, ...values)` fills {0}, {1}, ….

const LANG_KEY = 'govflow.lang';

const zh = {
  'app.title': '政务信息化项目审批', 'skip': '跳到正文', 'loading': '正在加载…', 'lang.switch': 'English', 'nav.inbox': '我的待办',
  'nav.definitions': '流程定义', 'nav.calendar': '工作日历', 'nav.signin': '登录', 'nav.signout': '退出', 'nav.main': '主导航',
  'who.local': '本机管理员（未配置令牌文件）', 'who.roles': '角色', 'who.department': '部门', 'who.taskRoles': '任务角色',
  'role.administrator': '管理员', 'role.project-unit': '项目单位', 'role.reviewing-office': '审核部门', 'role.expert': '专家',
  'role.auditor': '审计', 'signin.title': '登录', 'signin.token': '访问令牌', 'signin.help': '输入管理员发给您的访问令牌。令牌只保存在本标签页，关闭即失效。',
  'signin.submit': '登录', 'signin.invalid': '令牌无效：{0}', 'signin.done': '已登录',
  'signin.local': '此服务未配置令牌文件，您以本机管理员身份使用（仅限本机）。', 'signin.whoami': '当前用户', 'signin.may': '您可以',
  'signin.signout': '退出登录', 'may.administrator': '部署流程定义；发起、查看、撤销任何项目；办理分配给管理员的任务',
  'may.project-unit': '申报项目；查看、撤销、办理本单位的项目', 'may.reviewing-office': '查看所有项目；办理分配给本人、本部门或本角色的任务',
  'may.expert': '查看所有项目；办理分配给本人或本角色的任务', 'may.auditor': '查看一切（只读）', 'inbox.title': '我的待办', 'inbox.empty': '没有待办任务。',
  'inbox.jurisdiction': '地区流程', 'inbox.stage': '环节', 'inbox.all': '全部', 'inbox.due': '期限', 'inbox.project': '项目',
  'inbox.task': '任务', 'inbox.assignee': '办理人', 'inbox.opened': '收到时间', 'inbox.count': '共 {0} 项，第 {1}/{2} 页',
  'inbox.prev': '上一页', 'inbox.next': '下一页', 'inbox.noDue': '无期限', 'due.left': '剩余{0}个工作日', 'due.today': '今日到期',
  'due.overdue': '逾期{0}个工作日', 'due.overdueRest': '已逾期', 'due.provisional': '（暂定）',
  'due.provisionalHelp': '该年度节假日安排尚未公布，按仅周末休息暂算', 'due.expires': '截止于 {0} 24:00', 'time.beijing': '北京时间',
  'task.title': '办理任务', 'task.project': '项目', 'task.stage': '环节', 'task.basis': '依据', 'task.deadline': '时限',
  'task.due': '到期日', 'task.assignee': '办理人', 'task.opened': '收到时间', 'task.comment': '意见', 'task.data': '决定数据（JSON）',
  'task.decide': '作出决定', 'task.notOpen': '此任务已办结或已关闭（状态：{0}）。', 'task.notFound': '此项目中没有任务 {0}。',
  'task.decided': '已提交：{0}。', 'task.badJSON': '决定数据不是有效的 JSON：{0}', 'task.ops': '其他操作', 'task.op': '操作',
  'task.to': '交给', 'task.toKind': '对象类型', 'task.node': '退回到环节', 'task.blocking': '须等待加签意见（前加签）',
  'task.submitOp': '提交操作', 'task.opDone': '已完成操作：{0}。', 'task.back': '返回待办', 'task.openProject': '查看项目',
  'task.refused': '未受理', 'task.deadlineNone': '本环节未设时限', 'op.transfer': '转办', 'op.delegate': '委派',
  'op.hand-back': '交回', 'op.add-reviewer': '加签', 'op.return': '退回', 'op.urge': '催办', 'assignee.actor': '人员',
  'assignee.department': '部门', 'assignee.role': '角色', 'project.title': '项目 {0}', 'project.status': '状态',
  'project.result': '结果', 'project.definition': '流程', 'project.startedBy': '申报人', 'project.startedAt': '申报时间',
  'project.updatedAt': '更新时间', 'project.variables': '项目信息', 'project.stages': '当前环节', 'project.tasks': '待办任务',
  'project.deadlines': '时限', 'project.overdue': '逾期记录', 'project.history': '办理经过', 'project.print': '打印',
  'project.none': '无', 'project.notFound': '没有您可查看的项目“{0}”。', 'project.purpose': '类别', 'project.name': '名称',
  'project.basis': '依据', 'project.variable': '字段', 'project.value': '值', 'project.description': '说明',
  'project.enteredAt': '进入时间', 'project.when': '时间', 'project.who': '办理人', 'project.what': '事项',
  'project.historyPage': '第 {0}–{1} 条，共 {2} 条', 'project.open': '打开项目', 'project.technical': '显示流程引擎细节',
  'project.openLabel': '项目编号', 'status.running': '办理中', 'status.ended': '已办结', 'status.withdrawn': '已撤销',
  'purpose.deadline': '办理时限', 'purpose.reminder': '催办提醒', 'purpose.stage': '环节计时', 'purpose.wait': '等待',
  'defs.title': '流程定义', 'defs.id': '标识', 'defs.name': '名称', 'defs.versions': '版本', 'defs.latest': '最新版本',
  'defs.version': '第{0}版', 'defs.deployedAt': '部署时间', 'defs.source': '源文件', 'defs.deploy': '部署新版本',
  'defs.deployHelp': '粘贴流程定义的 JSON 文本。部署前会完整校验，每个问题都标出行和列。', 'defs.deployButton': '校验并部署',
  'defs.deployed': '已部署 {0} 第{1}版。', 'defs.problems': '发现 {0} 个问题，未部署：', 'defs.at': '第{0}行第{1}列',
  'defs.cursor': '第{0}行第{1}列', 'defs.notAdmin': '只有管理员可以部署流程定义。', 'deadline.goto': '逾期后转到“{0}”',
  'deadline.record': '逾期记录在案，继续办理', 'deadline.onExpiry': '逾期后', 'cal.title': '工作日历', 'cal.calendar': '日历',
  'cal.month': '月份', 'cal.prev': '上个月', 'cal.next': '下个月', 'cal.holiday': '休', 'cal.makeup': '班', 'cal.weekend': '周末',
  'cal.legendHoliday': '休：法定节假日（休息）', 'cal.legendMakeup': '班：调休上班（工作日）', 'cal.legendWeekend': '周末：休息',
  'cal.provisional': '该年度节假日安排尚未公布：仅按周末计算（暂定）。', 'cal.weekdays': '一,二,三,四,五,六,日', 'cal.calc': '期限计算',
  'cal.from': '起算日（事件发生日）', 'cal.period': '期限', 'cal.unit.workdays': '个工作日', 'cal.unit.days': '日',
  'cal.unit.months': '个月', 'cal.unit.years': '年', 'cal.convention': '起算规则',
  'cal.conv.event-date': '事件当日为第0日（民法典第二百零一条）', 'cal.conv.next-working-day': '休息日提交视为下一工作日收到', 'cal.compute': '计算',
  'cal.due': '到期日：{0}', 'cal.explain': '逐日说明', 'cal.counted': '第{0}个工作日', 'cal.notCounted': '不计',
  'cal.dayZero': '视为收到日（第0日）', 'kind.workday': '工作日', 'kind.weekend': '周末', 'kind.holiday': '法定节假日',
  'kind.make-up-workday': '调休上班', 'error.generic': '出错了：{0}', 'error.forbidden': '无权操作：{0}', 'common.refresh': '刷新',
  'common.yes': '是', 'common.no': '否', 'common.system': '系统',
  'nav.overview': '总览', 'nav.incidents': '故障', 'incident.title': '故障 {0}', 'incident.open': '未解决',
  'incident.resolved': '已解决', 'resolution.retried': '重试成功', 'resolution.moved': '转到其他环节',
  'resolution.marked': '手工标记', 'incident.what': '失败的操作', 'incident.error': '错误',
  'incident.timer': '触发方式', 'incident.byTimer': '计时{0}到时',
  'incident.failures': '失败次数', 'incident.raisedAt': '发生时间', 'incident.resolvedBy': '处理人',
  'incident.resolvedAt': '处理时间', 'incident.resolution': '处理结果', 'incident.comment': '处理意见（必填）',
  'incident.retryComment': '重试说明（可选）', 'incident.retry': '重试', 'incident.resolve': '处理',
  'incident.moveTo': '转到环节（可选）', 'incident.noMove': '不转移，仅标记为已解决',
  'incident.notRetryable': '此故障由用户的操作引起，不能重试：请用户重新操作，再在此标记处理。',
  'incident.commentRequired': '请填写处理意见。', 'incident.retried': '故障{0}已重试成功。',
  'incident.resolvedDone': '故障{0}已处理。', 'incident.suspended': '已暂停（故障{0}）', 'incident.none': '没有故障。',
  'incident.userCommand': '用户的操作', 'incident.section': '故障', 'incidents.title': '故障',
  'incidents.help': '计时到时或用户操作在流程引擎或插件内失败时记录的故障。管理员在项目页面重试或处理。',
  'incidents.status': '状态', 'incidents.project': '项目', 'incidents.openOnly': '未解决',
  'overview.title': '总览', 'overview.help': '截至 {0}（北京时间）。本页只读。', 'overview.overdueRecords': '逾期记录',
  'overview.lateTasks': '超期未办的待办', 'overview.openIncidents': '未解决的故障', 'overview.openTasks': '待办任务',
  'overview.overdueTitle': '逾期：按地区和环节', 'overview.jurisdiction': '地区', 'overview.records': '逾期记录',
  'overview.late': '超期未办', 'overview.incidentsTitle': '未解决的故障', 'overview.stagesTitle': '待办：按环节',
  'overview.median': '已等待工作日（中位数）', 'overview.days': '{0}个工作日',
  'overview.medianNote': '“已等待工作日”是各待办自收到之日起至今日的工作日数的中位数。各环节办结用时的中位数需要逐个读取项目的办理经过，API 没有列出全部项目的接口，本页暂不显示。',
  'incidents.resolvedOnly': '已解决', 'incidents.count': '共 {0} 项，第 {1}/{2} 页', 'incidents.readOnly': '审计只读：不能重试或处理。',
};

const en = {
  'app.title': 'Government IT project approval', 'skip': 'Skip to content', 'loading': 'Loading…', 'lang.switch': '中文',
  'nav.inbox': 'My tasks', 'nav.definitions': 'Definitions', 'nav.calendar': 'Calendar', 'nav.signin': 'Sign in',
  'nav.signout': 'Sign out', 'nav.main': 'Main navigation', 'who.local': 'Local administrator (no tokens file)',
  'who.roles': 'Roles', 'who.department': 'Department', 'who.taskRoles': 'Task roles',
  'role.administrator': 'administrator', 'role.project-unit': 'project unit',
  'role.reviewing-office': 'reviewing office', 'role.expert': 'expert', 'role.auditor': 'auditor',
  'signin.title': 'Sign in', 'signin.token': 'Access token',
  'signin.help':
    'Enter the access token your administrator gave you. '
    + 'It is kept in this tab only and forgotten when the tab closes.',
  'signin.submit': 'Sign in', 'signin.invalid': 'The token was refused: {0}', 'signin.done': 'Signed in',
  'signin.local': 'This server has no tokens file: you act as the local administrator (loopback only).',
  'signin.whoami': 'Signed in as', 'signin.may': 'You may', 'signin.signout': 'Sign out',
  'may.administrator':
    'deploy definitions; start, read and withdraw any project; decide tasks assigned to administrators',
  'may.project-unit': 'start projects; read, withdraw and act on your own unit’s projects',
  'may.reviewing-office': 'read every project; decide tasks assigned to you, your department or your role',
  'may.expert': 'read every project; decide tasks assigned to you or your role',
  'may.auditor': 'read everything (read only)', 'inbox.title': 'My tasks', 'inbox.empty': 'No open tasks.',
  'inbox.jurisdiction': 'Jurisdiction', 'inbox.stage': 'Stage', 'inbox.all': 'All', 'inbox.due': 'Deadline',
  'inbox.project': 'Project', 'inbox.task': 'Task', 'inbox.assignee': 'Assignee', 'inbox.opened': 'Received',
  'inbox.count': '{0} tasks, page {1} of {2}', 'inbox.prev': 'Previous', 'inbox.next': 'Next',
  'inbox.noDue': 'no deadline', 'due.left': '{0} working days left', 'due.today': 'due today',
  'due.overdue': '{0} working days overdue', 'due.overdueRest': 'overdue', 'due.provisional': ' (provisional)',
  'due.provisionalHelp': 'the holiday notice for this year is not published yet; counted with weekends only',
  'due.expires': 'expires {0} 24:00', 'time.beijing': 'Beijing time', 'task.title': 'Task', 'task.project': 'Project',
  'task.stage': 'Stage', 'task.basis': 'Basis', 'task.deadline': 'Time limit', 'task.due': 'Due',
  'task.assignee': 'Assignee', 'task.opened': 'Received', 'task.comment': 'Comment',
  'task.data': 'Decision data (JSON)', 'task.decide': 'Decide',
  'task.notOpen': 'This task is no longer open (status: {0}).', 'task.notFound': 'This project has no task {0}.',
  'task.decided': 'Submitted: {0}.', 'task.badJSON': 'The decision data is not valid JSON: {0}',
  'task.ops': 'Other operations', 'task.op': 'Operation', 'task.to': 'To', 'task.toKind': 'Kind',
  'task.node': 'Return to stage', 'task.blocking': 'Wait for the added reviewer’s opinion (blocking)',
  'task.submitOp': 'Submit operation', 'task.opDone': 'Done: {0}.', 'task.back': 'Back to my tasks',
  'task.openProject': 'Open project', 'task.refused': 'Refused', 'task.deadlineNone': 'This stage has no time limit',
  'op.transfer': 'Transfer', 'op.delegate': 'Delegate', 'op.hand-back': 'Hand back', 'op.add-reviewer': 'Add reviewer',
  'op.return': 'Return', 'op.urge': 'Urge', 'assignee.actor': 'person', 'assignee.department': 'department',
  'assignee.role': 'role', 'project.title': 'Project {0}', 'project.status': 'Status', 'project.result': 'Result',
  'project.definition': 'Workflow', 'project.startedBy': 'Applicant', 'project.startedAt': 'Started',
  'project.updatedAt': 'Updated', 'project.variables': 'Project data', 'project.stages': 'Current stages',
  'project.tasks': 'Open tasks', 'project.deadlines': 'Deadlines', 'project.overdue': 'Overdue records',
  'project.history': 'History', 'project.print': 'Print', 'project.none': 'none',
  'project.notFound': 'There is no project “{0}” you may see.', 'project.purpose': 'Kind', 'project.name': 'Name',
  'project.basis': 'Basis', 'project.variable': 'Field', 'project.value': 'Value',
  'project.description': 'Description', 'project.enteredAt': 'Entered', 'project.when': 'When', 'project.who': 'Who',
  'project.what': 'What', 'project.historyPage': 'Entries {0}–{1} of {2}', 'project.open': 'Open project',
  'project.technical': 'Show the engine’s bookkeeping', 'project.openLabel': 'Project id', 'status.running': 'running',
  'status.ended': 'ended', 'status.withdrawn': 'withdrawn', 'purpose.deadline': 'deadline',
  'purpose.reminder': 'reminder', 'purpose.stage': 'stage timer', 'purpose.wait': 'wait', 'defs.title': 'Definitions',
  'defs.id': 'Id', 'defs.name': 'Title', 'defs.versions': 'Versions', 'defs.latest': 'Latest',
  'defs.version': 'version {0}', 'defs.deployedAt': 'Deployed', 'defs.source': 'Source',
  'defs.deploy': 'Deploy a new version',
  'defs.deployHelp':
    'Paste the definition’s JSON text. '
    + 'It is validated in full before deployment; every problem shows its line and column.',
  'defs.deployButton': 'Validate and deploy', 'defs.deployed': 'Deployed {0} version {1}.',
  'defs.problems': '{0} problem(s) found; nothing was deployed:', 'defs.at': 'line {0} column {1}',
  'defs.cursor': 'line {0}, column {1}', 'defs.notAdmin': 'Only administrators may deploy definitions.',
  'deadline.goto': 'on expiry goes to “{0}”', 'deadline.record': 'on expiry recorded as overdue; the stage continues',
  'deadline.onExpiry': 'On expiry', 'cal.title': 'Working calendar', 'cal.calendar': 'Calendar', 'cal.month': 'Month',
  'cal.prev': 'Previous month', 'cal.next': 'Next month', 'cal.holiday': 'rest', 'cal.makeup': 'work',
  'cal.weekend': 'weekend', 'cal.legendHoliday': 'rest: statutory holiday (法定节假日)',
  'cal.legendMakeup': 'work: make-up working day (调休上班)', 'cal.legendWeekend': 'weekend: rest',
  'cal.provisional': 'No holiday notice for this year yet: weekends only (provisional).',
  'cal.weekdays': 'Mon,Tue,Wed,Thu,Fri,Sat,Sun', 'cal.calc': 'Due-date calculator',
  'cal.from': 'Event date (day zero)', 'cal.period': 'Period', 'cal.unit.workdays': 'working days',
  'cal.unit.days': 'days', 'cal.unit.months': 'months', 'cal.unit.years': 'years', 'cal.convention': 'Counting rule',
  'cal.conv.event-date': 'the event’s day is day zero (Civil Code art. 201)',
  'cal.conv.next-working-day': 'a submission on a rest day counts from the next working day', 'cal.compute': 'Compute',
  'cal.due': 'Due: {0}', 'cal.explain': 'Day by day', 'cal.counted': 'working day {0}',
  'cal.notCounted': 'not counted', 'cal.dayZero': 'deemed day of receipt (day zero)', 'kind.workday': 'working day',
  'kind.weekend': 'weekend', 'kind.holiday': 'statutory holiday', 'kind.make-up-workday': 'make-up working day',
  'error.generic': 'Something went wrong: {0}', 'error.forbidden': 'Not allowed: {0}', 'common.refresh': 'Refresh',
  'common.yes': 'yes', 'common.no': 'no', 'common.system': 'system',
  'nav.overview': 'Overview', 'nav.incidents': 'Incidents', 'incident.title': 'Incident {0}', 'incident.open': 'open',
  'incident.resolved': 'resolved', 'resolution.retried': 'retried', 'resolution.moved': 'moved to another stage',
  'resolution.marked': 'marked by hand', 'incident.what': 'What failed', 'incident.error': 'Error',
  'incident.timer': 'Raised by', 'incident.byTimer': 'timer {0} firing',
  'incident.failures': 'Failures', 'incident.raisedAt': 'Raised',
  'incident.resolvedBy': 'Resolved by', 'incident.resolvedAt': 'Resolved', 'incident.resolution': 'Resolution',
  'incident.comment': 'Comment (required)', 'incident.retryComment': 'Comment (optional)', 'incident.retry': 'Retry',
  'incident.resolve': 'Resolve', 'incident.moveTo': 'Move to stage (optional)',
  'incident.noMove': 'do not move; mark as resolved',
  'incident.notRetryable':
    'A user’s command raised this incident, so it cannot be retried: '
    + 'the user repeats the command, then resolve it here.',
  'incident.commentRequired': 'Please enter a comment.', 'incident.retried': 'Incident {0} was retried.',
  'incident.resolvedDone': 'Incident {0} was resolved.', 'incident.suspended': 'suspended (incident {0})',
  'incident.none': 'No incidents.', 'incident.userCommand': 'user command', 'incident.section': 'Incidents',
  'incidents.title': 'Incidents',
  'overview.title': 'Overview', 'overview.help': 'As of {0} (Beijing time). This page is read only.',
  'overview.overdueRecords': 'Overdue records', 'overview.lateTasks': 'Open tasks past their due date',
  'overview.openIncidents': 'Open incidents', 'overview.openTasks': 'Open tasks',
  'overview.overdueTitle': 'Overdue by jurisdiction and stage', 'overview.jurisdiction': 'Jurisdiction',
  'overview.records': 'Overdue records', 'overview.late': 'Past due, open', 'overview.incidentsTitle': 'Open incidents',
  'overview.stagesTitle': 'Open tasks by stage', 'overview.median': 'Working days waited (median)',
  'overview.days': '{0} working days',
  'overview.medianNote':
    '“Working days waited” is the median of the working days since each open task was received. The median time '
    + 'spent in each completed stage would need every project’s history, and the API has no list of all projects, '
    + 'so it is not shown.',
  'incidents.help':
    'Failures inside the engine or a plugin when a timer fired or a user acted. '
    + 'Administrators retry or resolve them on the project page.',
  'incidents.status': 'Status', 'incidents.project': 'Project', 'incidents.openOnly': 'open',
  'incidents.resolvedOnly': 'resolved', 'incidents.count': '{0} incidents, page {1} of {2}',
  'incidents.readOnly': 'Auditors read only: no retry or resolve.',
};

/** Chinese labels of the built-in stages' outcomes; unknown outcomes show their own name. */
const outcomeLabels = {
  pass: ['通过', 'pass'], reject: ['不通过', 'reject'], revise: ['退回修改', 'revise'], approve: ['同意', 'approve'],
  fail: ['不合格', 'fail'], abstain: ['弃权', 'abstain'], agree: ['同意', 'agree'], object: ['反对', 'object'],
  acknowledge: ['已知悉', 'acknowledge'], apply: ['提出申请', 'apply'], reapply: ['重新申报', 'reapply'],
  resubmit: ['重新提交', 'resubmit'], published: ['已公示', 'published'], completed: ['已完成', 'completed'],
  'log-problem': ['登记问题', 'log problem'], 'contract-signed': ['已签订合同', 'contract signed'],
  failed: ['失败', 'failed'], approved: ['已批准', 'approved'], rejected: ['未通过', 'rejected'],
  returned: ['已退回', 'returned'], accepted: ['已验收', 'accepted'], filed: ['已备案', 'filed'],
  contracted: ['已签约', 'contracted'], submitted: ['已提交', 'submitted'], done: ['已办结', 'done'],
};

let current = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';

/** The current language: 'zh' (default) or 'en'. */
export function lang() {
  return current;
}

/** Switches the language and remembers it (not a secret: localStorage). */
export function setLang(value) {
  current = value === 'en' ? 'en' : 'zh';
  localStorage.setItem(LANG_KEY, current);
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
}

/** The text for `key` in the current language, with {0}, {1}, … replaced by `values`. */
export function t(key, ...values) {
  const table = current === 'en' ? en : zh;
  const text = table[key] ?? zh[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, index) => String(values[Number(index)] ?? ''));
}

/** An outcome's label: "通过" in Chinese (the name alone when unknown), "pass" in English. */
export function outcomeLabel(outcome) {
  const known = outcomeLabels[outcome];
  if (!known) return outcome;
  return current === 'en' ? known[1] : known[0];
}

/** The keys both tables must have (checked by the browser tests). */
export function missingKeys() {
  return Object.keys(zh).filter((k) => !(k in en)).concat(Object.keys(en).filter((k) => !(k in zh)));
}
