import Testing

/// 尖山区 双尖政发〔2024〕5号 through `govflow simulate`.
@Suite struct ScenarioJianshanTests {
    static let project = #"{"amount": 1000}"#

    /// 技术论证 → 审核意见 → 可研批复 → 初设 → 初设批复 → 区政府审定 → 监理.
    static let toProcurement = [
        Scenario.decide("technical-demonstration", "approve", task: "expert:1"),
        Scenario.decide("sharing-opinion", "issued"),
        Scenario.approve("feasibility-approval"), Scenario.decide("preliminary-design", "submitted"),
        Scenario.approve("design-approval"), Scenario.approve("district-government"),
        Scenario.decide("supervision", "engaged"),
    ]

    /// The contract and construction, completed on `builtOn`.
    static func construction(builtOn: String) -> [String] {
        [Scenario.decide("procurement", "contract-signed"), Scenario.decide("progress-report", "submitted"),
         Scenario.decide("progress-report", "final"), Scenario.decide("implementation", "completed", at: builtOn)]
    }

    @Test func adjustmentWithinFifteenPercentIsOnlyFiledWithTheApprovalDepartment() throws {
        let steps = Self.toProcurement + [Scenario.decide("procurement", "contract-signed"),
                                          Scenario.decide("implementation", "change-request"),
                                          Scenario.decide("change-assessment", "within-15-percent")]
        let run = try Scenario.run("jianshan", Self.project, start: "2024-03-01", steps: steps, afterLastStep: "stop")
        #expect(run.entered.suffix(3) == ["change-assessment", "change-filing", "implementation"])
        #expect(run.events.contains { $0["description"] as? String == "note [filing]: 项目建设内容调整 报 项目审批部门 备案" })
    }

    @Test func adjustmentBeyondFifteenPercentFollowsTheNationalAndProvincialRules() throws {
        let steps = Self.toProcurement + [Scenario.decide("procurement", "contract-signed"),
                                          Scenario.decide("implementation", "change-request"),
                                          Scenario.decide("change-assessment", "beyond")]
        let run = try Scenario.run("jianshan", Self.project, start: "2024-03-01", steps: steps, afterLastStep: "stop")
        #expect(run.entered.suffix(2) == ["change-assessment", "change-formalities"])
    }

    @Test func completedFirstOfAugustMustApplyForAcceptanceByFifthOfFebruary() throws {
        let steps = Self.toProcurement + Self.construction(builtOn: "2024-08-01")
        let run = try Scenario.run("jianshan", Self.project, start: "2024-03-01", steps: steps, afterLastStep: "stop")
        let deadline = try #require(run.deadline("acceptance-application", "acceptance-due"))
        #expect(deadline["scheduled"] as? String == "2024-08-01 09:00")
        #expect(deadline["due"] as? String == "2025-02-05")
        #expect(deadline["interrupting"] as? Bool == false)
    }

    @Test func acceptedOnFifthOfOctoberSelfEvaluatesByNinthOfOctoberNextYear() throws {
        let steps = Self.toProcurement + Self.construction(builtOn: "2024-08-01") + [
            Scenario.decide("acceptance-application", "submitted"), Scenario.decide("archive-acceptance", "pass"),
            Scenario.decide("acceptance", "apply", task: "apply"),
            Scenario.decide("acceptance", "pass", at: "2024-10-05", task: "final")]
        let run = try Scenario.run("jianshan", Self.project, start: "2024-03-01", steps: steps)
        #expect(run.result == "completed")
        #expect(run.deadline("self-evaluation", "self-evaluation-due")?["due"] as? String == "2025-10-09")
        #expect(run.deadline("acceptance-application", "acceptance-due")?["outcome"] as? String == "met")
    }

    @Test func failedArchiveAcceptanceSendsTheProjectBackToConstruction() throws {
        let steps = Self.toProcurement + Self.construction(builtOn: "2024-08-01") + [
            Scenario.decide("acceptance-application", "submitted"), Scenario.decide("archive-acceptance", "fail")]
        let run = try Scenario.run("jianshan", Self.project, start: "2024-03-01", steps: steps, afterLastStep: "stop")
        #expect(run.facts["archive-acceptance-passed"] == "false")
        #expect(run.entered.suffix(3) == ["archive-acceptance", "implementation", "progress-report"])
        #expect(!run.entered.contains("acceptance"))
    }

    @Test func majorChangeInThePreliminaryDesignReturnsToTheFeasibilityApproval() throws {
        let steps = [Scenario.decide("technical-demonstration", "approve", task: "expert:1"),
                     Scenario.decide("sharing-opinion", "issued"), Scenario.approve("feasibility-approval"),
                     Scenario.decide("preliminary-design", "major-change")]
        let run = try Scenario.run("jianshan", Self.project, start: "2024-03-01", steps: steps, afterLastStep: "stop")
        #expect(run.entered.suffix(3) == ["feasibility-approval", "preliminary-design", "feasibility-approval"])
    }

    @Test func crossDepartmentProjectBeginsWithTheFrameworkDesign() throws {
        let run = try Scenario.run("jianshan", #"{"amount": 1000, "crossDepartment": true}"#, start: "2024-03-01")
        #expect(run.entered.prefix(2) == ["framework-design", "technical-demonstration"])
        #expect(run.result == "completed")
    }

    @Test func majorImpactProjectMayStateAndCorrectDuringTheReview() throws {
        let steps = [Scenario.decide("technical-demonstration", "approve", task: "expert:1"),
                     Scenario.decide("additional-demonstration", "statement"),
                     Scenario.decide("statement", "submitted")]
        let run = try Scenario.run("jianshan", #"{"amount": 1000, "majorImpact": true}"#, start: "2024-03-01",
                                   steps: steps)
        #expect(run.entered.prefix(5)
                    == ["technical-demonstration", "additional-demonstration", "statement", "additional-demonstration",
                        "sharing-opinion"])
        #expect(run.result == "completed")
    }

    @Test func seriousDelaySuspendsTheProject() throws {
        let steps = Self.toProcurement + [Scenario.decide("procurement", "contract-signed"),
                                          Scenario.decide("implementation", "incident"),
                                          Scenario.decide("incident-decision", "suspend")]
        let run = try Scenario.run("jianshan", Self.project, start: "2024-03-01", steps: steps)
        #expect(run.result == "suspended")
    }

    @Test func poorEvaluationLeadsToShutDownOrMerger() throws {
        let steps = Self.toProcurement + Self.construction(builtOn: "2024-08-01") + [
            Scenario.decide("acceptance-application", "submitted"), Scenario.decide("archive-acceptance", "pass"),
            Scenario.decide("acceptance", "apply", task: "apply"), Scenario.decide("acceptance", "pass", task: "final"),
            Scenario.decide("surplus-return", "settled"),
            Scenario.decide("self-evaluation", "submitted", at: "2025-03-03"),
            Scenario.decide("evaluation-use", "shut-down-or-merge")]
        let run = try Scenario.run("jianshan", Self.project, start: "2024-03-01", steps: steps)
        #expect(run.result == "shut-down-or-merged")
        #expect(run.finished == "2025-03-03 09:00")
    }
}
