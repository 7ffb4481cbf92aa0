import FlowCore

/// The Chinese words diagrams use for what definitions write as ids: stage kinds, outcomes and end results.
///
/// Definitions have no labels of their own for outcomes and results, so the words come from these tables: the
/// built-in stage kinds' outcomes (per kind, since `approved` of a review is 通过 and of 立项 is 批准), the outcomes
/// the bundled definitions route, and their end results. An id without an entry is shown as written.
enum DiagramWords {
    /// The built-in stage kinds in Chinese.
    static let stageKinds: [String: String] = [
        "pre-review": "预审", "joint-department-review": "部门会审", "expert-review": "专家评审",
        "project-approval": "立项审批", "procurement": "采购", "trial-run": "试运行", "acceptance": "验收",
        "filing": "备案", "notification": "通知", "human-task": "人工办理", "automatic": "自动办理",
    ]

    /// Outcomes whose word depends on the built-in stage kind that produces them.
    static let kindOutcomes: [String: [String: String]] = [
        "pre-review": ["pass": "通过", "reject": "不通过", "returned": "退回"],
        "joint-department-review": ["approved": "通过", "rejected": "不通过"],
        "expert-review": ["approved": "通过", "rejected": "不通过"],
        "project-approval": ["approved": "批准", "rejected": "不予批准"],
        "procurement": ["contracted": "签订合同", "failed": "采购失败"],
        "acceptance": ["accepted": "验收合格", "failed": "验收不合格"],
        "filing": ["filed": "已备案"],
        "trial-run": ["completed": "试运行结束"],
    ]

    /// Outcomes of tasks (`human-task`, `automatic`, `notification` and any kind not in `kindOutcomes`).
    static let outcomes: [String: String] = [
        "pass": "通过", "reject": "不通过", "revise": "退回修改", "returned": "退回", "approved": "批准",
        "rejected": "不予批准", "approve": "同意", "agree": "同意", "object": "反对", "abstain": "弃权",
        "fail": "不合格", "failed": "未成功", "passed": "通过", "accepted": "验收合格", "submitted": "已提交",
        "resubmit": "重新提交", "reapply": "重新申报", "apply": "提出申请", "acknowledge": "确认收到",
        "done": "已办理", "completed": "已完成", "closed": "办结", "filed": "已备案", "contracted": "签订合同",
        "contract-signed": "签订合同", "notified": "已通知", "published": "已公示", "settled": "已确定",
        "issued": "已出具", "statement": "陈述和补正", "major-change": "有超出可研批复的内容", "engaged": "已委托",
        "change-request": "申请调整", "incident": "报告重大问题", "within-15-percent": "符合调整条件（≤15%）",
        "within-10-percent": "符合调整条件（≤10%）", "beyond": "超出调整条件", "rectify": "整改", "suspend": "暂停建设",
        "final": "填报完毕", "keep": "继续运行", "shut-down-or-merge": "关停并转", "admit": "同意增补",
        "refuse": "不同意增补", "request-re-review": "申请复审", "not-requested": "未申请复审", "uploaded": "已上传",
        "funded": "已落实资金", "no-change": "无变更", "change": "有变更", "reduction-within-15-percent": "核减≤15%",
        "reduction-over-15-percent": "核减>15%", "over-budget": "超出立项预算", "payment": "资金支付报备",
        "overrun": "建设超期", "terminate": "撤销终止", "explained": "已说明", "sharing-rectification": "数据共享整改",
        "rectified": "已整改", "forward": "报送省级", "not-forwarded": "不报送", "recover": "收回资金",
        "force-majeure": "不可抗力", "not-needed": "无需事后评价", "evaluate": "开展事后评价", "achieved": "已完成评价",
        "reported": "已报告", "on-time": "按时提交", "late": "逾期提交",
    ]

    /// End results (a project's result).
    static let results: [String: String] = [
        "approved": "批准", "rejected": "未通过", "returned": "退回", "cancelled": "撤销", "withdrawn": "撤回",
        "completed": "完成", "procurement-failed": "采购失败", "acceptance-failed": "验收不合格",
        "secret-procedure": "转涉密程序", "suspended": "暂停建设", "reapplication-required": "重新申报",
        "terminated": "撤销终止", "delisted": "下架", "approval-cancelled": "取消立项",
        "ended-this-round": "本轮申报结束", "deferred-to-next-year": "转下一年度", "library-entry-expired": "入库失效",
        "funds-recovered": "收回资金", "not-in-annual-plan": "未列入年度计划", "no-procurement": "不得进入采购程序",
        "shut-down-or-merged": "关停并转",
    ]

    /// The stage kind in Chinese, else its identifier.
    static func stageKind(_ kind: String) -> String { stageKinds[kind] ?? kind }

    /// The word for `outcome` of a stage of `kind`, else the outcome as written.
    static func outcome(_ outcome: String, kind: String) -> String {
        kindOutcomes[kind]?[outcome] ?? outcomes[outcome] ?? outcome
    }

    /// The word for an end result, else the result as written.
    static func result(_ result: String) -> String { results[result] ?? result }

    /// The lines that name an end node: its name when one is given (not the id), then the result in Chinese when
    /// it says something else.
    static func endLines(_ node: Node, _ end: EndNode) -> [String] {
        let result = Self.result(end.result)
        guard node.name != node.id, node.name != end.result, node.name != result else { return [result] }
        return [node.name, "结果：\(result)"]
    }

    /// The note on a stage for a deadline that does not leave it: "时限：5个工作日内", "时限：每月20日前". Words, not a
    /// clock emoji, so that a Graphviz rendering with only a CJK font shows it.
    static func deadlineNote(_ due: DeadlineDue) -> String {
        switch due {
        case .period(let period): return "时限：\(period.chinese)内"
        case .recurring(let day): return "时限：\(day.chinese)"
        }
    }

    /// The label of an interrupting deadline's edge: "超过15个工作日", "逾期（每月20日前）".
    static func deadlineEdge(_ due: DeadlineDue) -> String {
        switch due {
        case .period(let period): return "超过\(period.chinese)"
        case .recurring(let day): return "逾期（\(day.chinese)）"
        }
    }

    /// What a wait node waits for: "等待6个月", "等待至 project.plannedStart".
    static func wait(_ until: WaitNode.Until) -> String {
        switch until {
        case .period(let period): return "等待\(period.chinese)"
        case .date(let expression): return "等待至 \(expression.source)"
        }
    }

    /// The label of a gateway's default branch.
    static let otherwise = "其他情况"
    /// The second line of a parallel split.
    static let parallelSplit = "并行办理"
    /// The second line of a parallel join.
    static let parallelJoin = "汇合"
}
