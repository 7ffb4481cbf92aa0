import Testing

/// 盐城市亭湖区政务信息化项目建设管理办法（试行） through `govflow simulate`.
@Suite struct ScenarioTinghuTests {
    static let project = #"{"amount": 1000}"#
    static let departments = ["区委办", "区委网信办", "区财政局", "区审计局"]

    /// 部门会审 → 联合评审 → 完善材料 → 财评报告 → 最终审核意见 → 项目代码, after the 预审 passed.
    static let afterPreReview = approveDepartments + [
        Scenario.decide("joint-review", "approve", task: "expert:1"),
        Scenario.decide("joint-review", "approve", task: "expert:2"),
        Scenario.decide("materials-update", "submitted"), Scenario.decide("fiscal-report", "issued"),
        Scenario.decide("final-opinion", "approve"), Scenario.decide("project-code", "submitted"),
    ]
    static let approveDepartments = Scenario.approveAll("department-review", departments)

    /// From the 预审 to the contract and construction completed, all on the start day unless `approvedOn` is given.
    static func toConstruction(approvedOn: String? = nil) -> [String] {
        [Scenario.decide("pre-review", "pass", task: "review")] + afterPreReview
            + [Scenario.approve("approval", at: approvedOn), Scenario.decide("procurement", "contract-signed")]
    }

    /// The three checks before acceptance, the security assessment with `security`.
    static func checks(security: String = "pass") -> [String] {
        [Scenario.decide("security-assessment", security), Scenario.decide("crypto-assessment", "pass"),
         Scenario.decide("archive-acceptance", "pass")]
    }

    @Test func preReviewOpinionDueTenthOfOctoberAcrossNationalDay() throws {
        let run = try Scenario.run("tinghu", Self.project, start: "2024-09-27")
        let deadline = try #require(run.deadline("pre-review", "initial-opinion"))
        #expect(deadline["due"] as? String == "2024-10-10")
        #expect(deadline["interrupting"] as? Bool == false)
        #expect(run.result == "completed")
    }

    @Test func preReviewOfEighthOfFebruary2024IsDueTwentyFirstAfterSpringFestival() throws {
        let run = try Scenario.run("tinghu", Self.project, start: "2024-02-08")
        #expect(run.deadline("pre-review", "initial-opinion")?["due"] as? String == "2024-02-21")
    }

    @Test func applicantWhoDoesNotReviseWithinFifteenWorkdaysHasTheApplicationReturnedOnThirtiethOfOctober() throws {
        let steps = [Scenario.decide("pre-review", "revise", at: "2024-10-10", task: "review"), Scenario.waitFor("end")]
        let run = try Scenario.run("tinghu", Self.project, start: "2024-09-27", steps: steps)
        #expect(run.timer("pre-review", "revision-window")?["due"] as? String == "2024-10-30")
        #expect(run.result == "returned")
        #expect(run.finished == "2024-10-30 24:00")
    }

    @Test func opinionGivenOnTheTenthOfOctoberIsMetAndTheResubmissionRestartsTheFiveWorkdays() throws {
        let steps = [Scenario.decide("pre-review", "revise", at: "2024-10-10 17:00", task: "review"),
                     Scenario.decide("pre-review", "resubmit", at: "2024-10-14", task: "revision"),
                     Scenario.decide("pre-review", "pass", at: "2024-10-18", task: "review")]
        let run = try Scenario.run("tinghu", Self.project, start: "2024-09-27", steps: steps, afterLastStep: "stop")
        // The first opinion was due 2024-10-10 and given that day; the re-review opened Monday 2024-10-14 is due
        // Monday 2024-10-21 and was given on 2024-10-18: both met, nothing overdue.
        let opinions = run.deadlines.filter { $0["deadline"] as? String == "initial-opinion" }
        #expect(opinions.map { $0["due"] as? String } == ["2024-10-10", "2024-10-21"])
        #expect(opinions.map { $0["outcome"] as? String } == ["met", "met"])
        #expect(!run.events.contains { $0["type"] as? String == "deadlineExpired" })
    }

    @Test func annualPerformanceReportIsDueOnTheLastDayOfTheYear() throws {
        let run = try Scenario.run("tinghu", Self.project, start: "2024-09-27")
        let report = try #require(run.deadline("annual-report", "report-due"))
        #expect(report["due"] as? String == "2024-12-31")
        #expect(report["outcome"] as? String == "met")
    }

    @Test func revisionOnTheFifteenthWorkdayIsStillAccepted() throws {
        let steps = [Scenario.decide("pre-review", "revise", at: "2024-10-10", task: "review"),
                     Scenario.decide("pre-review", "resubmit", at: "2024-10-30 17:00", task: "revision")]
        let run = try Scenario.run("tinghu", Self.project, start: "2024-09-27", steps: steps)
        #expect(run.facts["pre-review.revisions"] == "1")
        #expect(run.result == "completed")
    }

    @Test func departmentReviewOfTwentyFourthOfJanuary2025IsDueFifthOfFebruary() throws {
        let steps = [Scenario.decide("pre-review", "pass", at: "2025-01-24", task: "review")]
        let run = try Scenario.run("tinghu", Self.project, start: "2025-01-20", steps: steps, afterLastStep: "stop")
        #expect(run.deadline("department-review", "opinions")?["due"] as? String == "2025-02-05")
    }

    @Test func jointReviewOfThirtiethOfApril2025IsDueTwelfthOfMay() throws {
        let steps = [Scenario.decide("pre-review", "pass", task: "review")]
            + Scenario.approveAll("department-review", Self.departments).enumerated().map { index, step in
                index == 3
                    ? step.replacingOccurrences(of: "{\"decide\"", with: "{\"at\": \"2025-04-30\", \"decide\"")
                    : step
            }
        let run = try Scenario.run("tinghu", Self.project, start: "2025-04-28", steps: steps, afterLastStep: "stop")
        #expect(run.deadline("joint-review", "expert-opinion")?["due"] as? String == "2025-05-12")
    }

    @Test func adjustmentWithinTenPercentIsReviewedByDataBureauAndFinanceThenFiled() throws {
        let steps = Self.toConstruction() + [Scenario.decide("implementation", "change-request"),
                                             Scenario.decide("change-assessment", "within-10-percent")]
            + Scenario.approveAll("change-review", ["区数据局", "区财政局"])
        let run = try Scenario.run("tinghu", Self.project, start: "2024-09-02", steps: steps, afterLastStep: "stop")
        #expect(run.entered.suffix(4) == ["change-assessment", "change-review", "change-filing", "implementation"])
        let beyond = try Scenario.run("tinghu", Self.project, start: "2024-09-02", steps: Self.toConstruction() + [
            Scenario.decide("implementation", "change-request"), Scenario.decide("change-assessment", "beyond")],
            afterLastStep: "stop")
        #expect(beyond.entered.suffix(1) == ["change-formalities"])
    }

    @Test func constructionNotStartedSixMonthsAfterApprovalOnThirtyFirstOfMarchIsOverdueOnThirtiethOfSeptember()
        throws {
        let steps = [Scenario.decide("pre-review", "pass", task: "review")] + Self.afterPreReview
            + [Scenario.approve("approval", at: "2025-03-31"), Scenario.wait("2025-10-08")]
        let run = try Scenario.run("tinghu", Self.project, start: "2025-03-24", steps: steps, afterLastStep: "stop")
        let deadline = try #require(run.deadline("procurement", "construction-start"))
        #expect(deadline["due"] as? String == "2025-09-30")
        #expect(deadline["outcome"] as? String == "expired")
        #expect(run.document["status"] as? String == "running")
    }

    @Test func builtThirtyFirstOfAugustMustBeAcceptedByTwentyEighthOfFebruary() throws {
        let steps = Self.toConstruction() + [Scenario.decide("annual-report", "final"),
                                             Scenario.decide("implementation", "completed", at: "2024-08-31")]
            + Self.checks()
        let run = try Scenario.run("tinghu", Self.project, start: "2024-03-01", steps: steps, afterLastStep: "stop")
        #expect(run.deadline("acceptance", "acceptance-due")?["due"] as? String == "2025-02-28")
    }

    @Test func acceptedThirtyFirstOfOctoberFilesFinalAccountsByFifthOfFebruary() throws {
        let steps = Self.toConstruction() + [Scenario.decide("annual-report", "final"),
                                             Scenario.decide("implementation", "completed")] + Self.checks()
            + [Scenario.decide("acceptance", "apply", task: "apply"),
               Scenario.decide("acceptance", "pass", at: "2024-10-31", task: "final")]
        let run = try Scenario.run("tinghu", Self.project, start: "2024-03-01", steps: steps)
        #expect(run.deadline("final-accounts", "accounts-due")?["due"] as? String == "2025-02-05")
        #expect(run.deadline("self-evaluation", "evaluation-due")?["due"] as? String == "2025-10-31")
        #expect(run.result == "completed")
    }

    @Test func failedSecurityAssessmentBarsTheAcceptanceApplication() throws {
        let steps = Self.toConstruction() + [Scenario.decide("annual-report", "final"),
                                             Scenario.decide("implementation", "completed")]
            + Self.checks(security: "fail") + [Scenario.decide("acceptance", "apply", task: "apply")]
        let run = try Scenario.run("tinghu", Self.project, start: "2024-03-01", steps: steps)
        #expect(run.status == 1)
        #expect(run.errors.hasSuffix("""
            stage "acceptance" refused: final acceptance cannot be applied for yet; these preconditions are not met: \
            "security-assessment-passed" (each must be recorded as the fact true)

            """))
    }

    @Test func seriousDelayReportedAndSuspendedEndsTheProject() throws {
        let steps = Self.toConstruction() + [Scenario.decide("implementation", "incident"),
                                             Scenario.decide("delay-report", "reported"),
                                             Scenario.decide("delay-decision", "suspend")]
        let run = try Scenario.run("tinghu", Self.project, start: "2024-03-01", steps: steps)
        #expect(run.result == "suspended")
    }

    @Test func socialCapitalProjectFilesWithTheDataBureauBeforeProcurement() throws {
        let run = try Scenario.run("tinghu", #"{"amount": 1000, "socialCapital": true, "civilWorks": true}"#,
                                   start: "2024-03-01")
        #expect(Array(run.entered.drop { $0 != "final-opinion" }.prefix(3))
                    == ["final-opinion", "extra-approvals", "project-code"])
        #expect(Array(run.entered.drop { $0 != "approval" }.prefix(3))
                    == ["approval", "social-capital-filing", "procurement"])
    }

    @Test func classifiedProjectIsDeclaredUnderTheSecrecyRules() throws {
        let run = try Scenario.run("tinghu", #"{"amount": 1000, "secret": true}"#, start: "2024-03-01")
        #expect(run.result == "secret-procedure")
    }
}
