import Testing

/// 上城区电子政务项目管理办法（征求意见稿） through `govflow simulate`.
@Suite struct ScenarioShangchengTests {
    static let project = #"{"amount": 200}"#

    /// 申报 → 合规性审查 → 初审 → 专家评审 → 复核审查, then the 立项 steps (the joint issuance on `approvedOn`).
    static func toApproval(approvedOn: String? = nil) -> [String] {
        [Scenario.decide("application", "submitted"), Scenario.decide("compliance-review", "pass")]
            + Scenario.approveAll("preliminary-review", ["区数据资源局", "区发改经信局", "区财政局", "区委网信办", "区信创办"])
            + [Scenario.decide("preliminary-decision", "pass"), Scenario.decide("review-materials", "uploaded"),
               Scenario.decide("expert-review", "approve", task: "expert:1", data: #"{"suggestedBudget": 180}"#),
               Scenario.decide("revised-materials", "uploaded")]
            + Scenario.approveAll("recheck", ["区数据资源局", "区发改经信局", "区财政局"])
            + [Scenario.approve("approval"), Scenario.approve("approval", at: approvedOn, task: "step:2")]
    }

    /// From the contract to the 初验 passed on `inspectedOn`.
    static func contractToInspection(signedOn: String, inspectedOn: String) -> [String] {
        [Scenario.decide("procurement", "contract-signed", at: signedOn), Scenario.decide("change-window", "no-change"),
         Scenario.decide("procurement-filing", "filed"), Scenario.decide("supervision", "engaged"),
         Scenario.decide("implementation", "completed"), Scenario.decide("progress-report", "final")]
            + (1...2).map { seat in
                Scenario.decide("initial-inspection", "pass", at: seat == 1 ? inspectedOn : nil,
                                task: "initial:\(seat)",
                                actor: #"{"id": "expert-\#(seat)", "roles": ["acceptance-expert"]}"#)
            }
    }

    @Test func monthlyProgressReportStartedOnTheTwentiethOfJuly2024IsDueThatDay() throws {
        // 2024-07-20 is a Saturday: the 20th's report moves to Monday 2024-07-22.
        let run = try Scenario.run("shangcheng", Self.project, start: "2024-07-20")
        let report = try #require(run.deadline("progress-report", "report-due"))
        #expect(report["due"] as? String == "2024-07-22")
    }

    @Test func sixMonthsAfterApprovalOnSeventhOfAprilWithoutContractCancelsTheApprovalOnEighthOfOctober() throws {
        let steps = Self.toApproval(approvedOn: "2024-04-07") + [Scenario.waitFor("end")]
        let run = try Scenario.run("shangcheng", Self.project, start: "2024-04-01", steps: steps)
        #expect(run.date("approval.approvedOn") == "2024-04-07")
        #expect(run.result == "approval-cancelled")
        #expect(run.finished == "2024-10-08 24:00")
        #expect(run.deadline("procurement", "procurement-due")?["due"] as? String == "2024-10-08")
    }

    @Test func contractSignedTwentySixthOfSeptember2025IsFiledByTenthOfOctober() throws {
        let steps = Self.toApproval(approvedOn: "2025-09-01")
            + [Scenario.decide("procurement", "contract-signed", at: "2025-09-26"),
               Scenario.decide("change-window", "no-change")]
        let run = try Scenario.run("shangcheng", Self.project, start: "2025-08-25", steps: steps, afterLastStep: "stop")
        #expect(run.deadline("procurement", "procurement-due")?["outcome"] as? String == "met")
        let filing = try #require(run.deadline("procurement-filing", "filing-due"))
        #expect(filing["due"] as? String == "2025-10-10")
        #expect(filing["interrupting"] as? Bool == false)
    }

    @Test func initialInspectionOnTwentyFourthOfJanuaryIsFiledBySeventhOfFebruary() throws {
        let steps = Self.toApproval() + Self.contractToInspection(signedOn: "2024-11-01", inspectedOn: "2025-01-24")
        let run = try Scenario.run("shangcheng", Self.project, start: "2024-10-08", steps: steps, afterLastStep: "stop")
        #expect(run.facts["initial-inspection.result"] == #""accepted""#)
        #expect(run.deadline("initial-filing", "filing-due")?["due"] as? String == "2025-02-07")
    }

    @Test func thirtyDayTrialFromSecondOfJanuaryMayBeReportedFromSecondOfFebruaryInTheSpringFestival() throws {
        let steps = Self.toApproval() + Self.contractToInspection(signedOn: "2024-11-01", inspectedOn: "2025-01-02")
            + [Scenario.decide("initial-filing", "filed")]
        let open = try Scenario.run("shangcheng", Self.project, start: "2024-10-08", steps: steps,
                                    afterLastStep: "stop")
        #expect(open.date("trial-run.startedOn") == "2025-01-02")
        // 2025-01-02 is not counted; the 30th day is 2025-02-01, a holiday: a minimum is not extended past rest days.
        #expect(open.date("trial-run.earliestEnd") == "2025-02-02")
        let early = try Scenario.run("shangcheng", Self.project, start: "2024-10-08",
                                     steps: steps + [Scenario.decide("trial-run", "completed", at: "2025-01-27")])
        #expect(early.status == 1)
        #expect(early.errors.hasSuffix("""
            stage "trial-run" refused: the trial run started on 2025-01-02 must last at least 30 days: completion can \
            be reported from 2025-02-02

            """))
    }

    @Test func acceptanceFailedTwentyNinthOfNovemberMayBeRectifiedUntilFifthOfFebruary() throws {
        let steps = Self.toApproval() + Self.contractToInspection(signedOn: "2024-07-01", inspectedOn: "2024-09-02")
            + [Scenario.decide("initial-filing", "filed"), Scenario.decide("trial-run", "completed", at: "2024-10-08"),
               Scenario.decide("acceptance-approval", "approve"), Scenario.decide("acceptance", "apply", task: "apply"),
               Scenario.decide("acceptance", "fail", at: "2024-11-29", task: "final"), Scenario.waitFor("end")]
        let run = try Scenario.run("shangcheng", Self.project, start: "2024-06-03", steps: steps)
        #expect(run.date("trial-run.earliestEnd") == "2024-10-03")
        #expect(run.timer("acceptance", "rectification")?["due"] as? String == "2025-02-05")
        #expect(run.result == "acceptance-failed")
        #expect(run.finished == "2025-02-05 24:00")
    }

    @Test func rectifiedAcceptanceIsAppliedForAgainAndPasses() throws {
        let steps = Self.toApproval() + Self.contractToInspection(signedOn: "2024-07-01", inspectedOn: "2024-09-02")
            + [Scenario.decide("initial-filing", "filed"), Scenario.decide("trial-run", "completed", at: "2024-10-08"),
               Scenario.decide("acceptance-approval", "approve"), Scenario.decide("acceptance", "apply", task: "apply"),
               Scenario.decide("acceptance", "fail", at: "2024-11-29", task: "final"),
               Scenario.decide("acceptance", "reapply", at: "2025-01-20", task: "rectify")]
        let run = try Scenario.run("shangcheng", Self.project, start: "2024-06-03", steps: steps)
        #expect(run.result == "completed")
        #expect(run.facts["acceptance.rectifications"] == "1")
        #expect(run.deadline("final-filing", "filing-due")?["due"] as? String == "2025-01-26")
    }

    @Test func complianceFailureWithoutAReReviewEndsThisRound() throws {
        let steps = [Scenario.decide("application", "submitted"), Scenario.decide("compliance-review", "fail"),
                     Scenario.decide("compliance-adjustment", "not-requested")]
        let run = try Scenario.run("shangcheng", Self.project, start: "2024-10-08", steps: steps)
        #expect(run.result == "ended-this-round")
        #expect(run.timers.isEmpty)
    }

    @Test func leaderApprovedProjectGoesFromComplianceReviewToApproval() throws {
        let run = try Scenario.run("shangcheng", #"{"amount": 200, "leaderApproved": true}"#, start: "2024-10-08")
        #expect(run.entered.prefix(3) == ["application", "compliance-review", "approval"])
        #expect(!run.entered.contains("expert-review"))
    }

    @Test func nonDistrictFundsNotObtainedWithinTwoYearsCancelTheApprovalOnNinthOfOctober2025() throws {
        let steps = [Scenario.decide("application", "submitted"), Scenario.decide("compliance-review", "pass"),
                     Scenario.approve("approval"), Scenario.approve("approval", at: "2023-10-08", task: "step:2"),
                     Scenario.waitFor("end")]
        let run = try Scenario.run("shangcheng", #"{"amount": 200, "nonDistrictFunds": true}"#, start: "2023-09-25",
                                   steps: steps)
        #expect(run.result == "approval-cancelled")
        #expect(run.finished == "2025-10-09 24:00")
        #expect(run.deadline("await-funding", "approval-validity")?["due"] as? String == "2025-10-09")
    }

    @Test func changeBeforeProcurementFollowsTheFifteenPercentRule() throws {
        func change(_ outcome: String, _ more: [String]) throws -> ScenarioRun {
            try Scenario.run("shangcheng", Self.project, start: "2024-10-08", steps: Self.toApproval() + [
                Scenario.decide("change-window", "change"), Scenario.decide("change-assessment", outcome)] + more,
                afterLastStep: "stop")
        }
        let within = try change("reduction-within-15-percent", [])
        let over = try change("reduction-over-15-percent", [Scenario.decide("change-preliminary-review", "pass")])
        let increase = try change("over-budget", [])
        #expect(within.entered.suffix(1) == ["change-filing"])
        #expect(within.events.contains { $0["description"] as? String == "note [filing]: 变更内控流程材料 报 区数据资源局 备案" })
        #expect(over.entered.suffix(2) == ["change-preliminary-review", "change-expert-review"])
        #expect(increase.result == "reapplication-required")
    }

    @Test func terminationNeedsThePartyCommitteeAndTheDistrictLeaderThenIsFiled() throws {
        let steps = Self.toApproval() + [
            Scenario.decide("procurement", "contract-signed"), Scenario.decide("change-window", "no-change"),
            Scenario.decide("procurement-filing", "filed"), Scenario.decide("supervision", "engaged"),
            Scenario.decide("implementation", "terminate")]
        let run = try Scenario.run("shangcheng", Self.project, start: "2024-10-08", steps: steps)
        #expect(run.result == "terminated")
        #expect(run.facts["termination.approvals"]?.contains("分管区领导批示同意") == true)
        #expect(run.entered.suffix(2) == ["termination", "termination-filing"])
    }

    @Test func smallTradingProjectHasNoSupervisionTenderAndTheUnitOrganisesAcceptance() throws {
        let steps = Self.toApproval()
            + Self.contractToInspection(signedOn: "2024-11-01", inspectedOn: "2025-01-02")
                .filter { !$0.contains("supervision") }
            + [Scenario.decide("initial-filing", "filed"), Scenario.decide("trial-run", "completed", at: "2025-02-05")]
        let run = try Scenario.run("shangcheng", #"{"amount": 80, "channel": "小额公共资源交易"}"#, start: "2024-10-08",
                                   steps: steps)
        #expect(run.gateway("supervision-route") == "gateway took the default branch → 项目建设 (construction)")
        #expect(!run.entered.contains("supervision"))
        #expect(run.gateway("acceptance-route")
                    == "gateway took the default branch → 项目验收（建设单位自行组织） (acceptance-small)")
        #expect(run.result == "completed")
    }
}
