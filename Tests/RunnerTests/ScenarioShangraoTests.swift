import Testing

/// 上饶市 饶府办字〔2024〕26号 through `govflow simulate`, with the regulation's own numbers.
@Suite struct ScenarioShangraoTests {
    static let sixMillion = #"{"amount": 600, "category": "其他类别"}"#
    static let threeMillion = #"{"amount": 300, "category": "其他类别"}"#

    /// 限额以上: 市级统筹把关 → 省论证评估 → 申报 → 专班审定 → 省论证 → 资金来源证明 → 立项, then the intention.
    static let aboveQuotaToIntention = [
        Scenario.decide("demand-submission", "submitted"), Scenario.decide("city-screening", "forward"),
        Scenario.decide("province-evaluation", "pass"), Scenario.decide("application", "submitted"),
        Scenario.decide("task-force-review", "approve"), Scenario.decide("province-review", "pass"),
        Scenario.decide("funding-certificate", "issued"), Scenario.approve("approval"),
        Scenario.decide("procurement", "published"),
    ]

    /// 限额以下: 市级统一评估论证 → 申报 → 本级评估论证 → 联合会审 → 专班审核 → 资金来源证明 → 立项, then the intention.
    static let belowQuotaToIntention = [
        Scenario.decide("demand-submission", "submitted"), Scenario.decide("city-evaluation", "pass"),
        Scenario.decide("application", "submitted"), Scenario.decide("local-evaluation", "pass"),
    ] + Scenario.approveAll("joint-review", ["市政务服务管理局", "市大数据发展管理局", "市委网信办", "市委保密机要局"]) + [
        Scenario.decide("task-force-approval", "approve"), Scenario.decide("funding-certificate", "issued"),
        Scenario.approve("approval"), Scenario.decide("procurement", "published"),
    ]

    /// From the contract to the trial run.
    static func contractToTrial(on day: String) -> [String] {
        [Scenario.decide("procurement", "started", at: day), Scenario.decide("procurement", "contract-signed"),
         Scenario.decide("supervision", "engaged"),
         Scenario.decide("implementation", "completed"), Scenario.decide("annual-report", "final")]
    }

    @Test func sixMillionIntentionPublishedSecondOfSeptemberAllowsProcurementFromSeventeenthOfOctober() throws {
        let run = try Scenario.run("shangrao", Self.sixMillion, start: "2024-09-02")
        #expect(run.gateway("quota")
                    == #"gateway took branch "限额以上" ("computed.aboveQuota") → 市级统筹把关 (city-screening)"#)
        #expect(run.facts["procurement.method"] == #""按招标投标、政府采购有关规定""#)
        #expect(run.date("procurement.intentionPublishedOn") == "2024-09-02")
        #expect(run.date("procurement.earliestStart") == "2024-10-17")
    }

    @Test func procurementStartedBeforeTheFortyFifthDayIsRefused() throws {
        // 第二十七条 不得晚于采购活动开始前45日: published 2024-01-15, which is not counted; the 45th day is 2024-02-29.
        let steps = Self.aboveQuotaToIntention + [Scenario.decide("procurement", "started", at: "2024-02-28")]
        let run = try Scenario.run("shangrao", Self.sixMillion, start: "2024-01-15", steps: steps)
        #expect(run.status == 1)
        #expect(run.errors.hasSuffix("""
            step 10 (decide at node "procurement"): stage "procurement" refused: procurement activities cannot start \
            before 2024-02-29: the procurement intention was published on 2024-01-15 and must be public 45 days \
            before procurement starts

            """))
        let onTheDay = try Scenario.run("shangrao", Self.sixMillion, start: "2024-01-15",
                                        steps: Self.aboveQuotaToIntention
                                            + [Scenario.decide("procurement", "started", at: "2024-02-29")],
                                        afterLastStep: "stop")
        #expect(onTheDay.date("procurement.procurementStartedOn") == "2024-02-29")
    }

    @Test func threeMillionIntentionNeedsThirtyDaysEvenWhenTheyEndInTheNationalDayHolidays() throws {
        let run = try Scenario.run("shangrao", Self.threeMillion, start: "2024-09-02")
        #expect(run.gateway("quota") == "gateway took the default branch → 市级统一评估论证 (city-evaluation)")
        #expect(run.entered.contains("joint-review"))
        // 2024-09-02 is not counted; the 30th day is 2024-10-02: a lead time is not extended past rest days.
        #expect(run.date("procurement.earliestStart") == "2024-10-02")
    }

    @Test func sixMillionTrialRunFromSeventeenthOfMarchEndsAfterMidAutumnOnEighteenthOfSeptember() throws {
        let steps = Self.aboveQuotaToIntention + Self.contractToTrial(on: "2024-03-17")
        let open = try Scenario.run("shangrao", Self.sixMillion, start: "2024-01-15", steps: steps,
                                    afterLastStep: "stop")
        #expect(open.date("procurement.earliestStart") == "2024-02-29")
        #expect(open.date("trial-run.startedOn") == "2024-03-17")
        #expect(open.date("trial-run.earliestEnd") == "2024-09-18")
        let early = try Scenario.run("shangrao", Self.sixMillion, start: "2024-01-15",
                                     steps: steps + [Scenario.decide("trial-run", "completed", at: "2024-09-14")])
        #expect(early.status == 1)
        #expect(early.errors.hasSuffix("""
            stage "trial-run" refused: the trial run started on 2024-03-17 must last at least 6 months: completion \
            can be reported from 2024-09-18

            """))
    }

    @Test func threeMillionTrialRunFromFirstOfJulyMayBeReportedFromSecondOfOctoberAndTheProjectCompletes() throws {
        let steps = Self.belowQuotaToIntention + Self.contractToTrial(on: "2024-07-01")
            + [Scenario.decide("trial-run", "completed", at: "2024-10-08")]
        let run = try Scenario.run("shangrao", Self.threeMillion, start: "2024-05-06", steps: steps)
        #expect(run.date("procurement.earliestStart") == "2024-06-05")
        // Three months end on 2024-10-01, a holiday, which the trial runs through; not extended.
        #expect(run.date("trial-run.earliestEnd") == "2024-10-02")
        #expect(run.date("trial-run.completedOn") == "2024-10-08")
        #expect(run.result == "completed")
        #expect(run.deadline("self-evaluation", "self-evaluation-due")?["due"] as? String == "2025-10-09")
    }

    @Test func eightMillionInfrastructureIsBelowQuotaYetPublishesFortyFiveDaysAhead() throws {
        let run = try Scenario.run("shangrao", #"{"amount": 800, "category": "基础设施类"}"#, start: "2024-09-02")
        #expect(run.gateway("quota") == "gateway took the default branch → 市级统一评估论证 (city-evaluation)")
        #expect(run.date("procurement.earliestStart") == "2024-10-17")
    }

    @Test func exactlyFiveMillionIsAboveQuotaAndJustBelowIsNot() throws {
        let at = try Scenario.run("shangrao", #"{"amount": 500, "category": "其他类别"}"#, start: "2024-09-02")
        let below = try Scenario.run("shangrao", #"{"amount": 499.99, "category": "其他类别"}"#, start: "2024-09-02")
        #expect(at.entered.contains("city-screening"))
        #expect(at.date("procurement.earliestStart") == "2024-10-17")
        #expect(below.entered.contains("city-evaluation"))
        #expect(below.date("procurement.earliestStart") == "2024-10-02")
    }

    @Test func operationsProjectGoesToCityEvaluationWhateverItsAmount() throws {
        let run = try Scenario.run("shangrao", #"{"amount": 1200, "category": "基础设施类", "kind": "运维类"}"#,
                                   start: "2024-09-02")
        #expect(run.entered.prefix(3) == ["demand-submission", "city-evaluation", "application"])
    }

    @Test func halfYearAfterApprovalWithoutContractEndsWithFundsRecoveredOnThirdOfMarch() throws {
        // The intention is published on 2024-09-02 and no contract follows: the half year runs out.
        let steps = Self.aboveQuotaToIntention + [Scenario.wait("2025-03-04 10:00"),
                                                  Scenario.decide("funds-recovery", "recover")]
        let run = try Scenario.run("shangrao", Self.sixMillion, start: "2024-09-02", steps: steps)
        #expect(run.result == "funds-recovered")
        #expect(run.finished == "2025-03-04 10:00")
        let deadline = try #require(run.deadline("procurement", "construction-start"))
        #expect(deadline["due"] as? String == "2025-03-03")
        #expect(deadline["outcome"] as? String == "expired")
    }

    @Test func forceMajeureReopensProcurementWithANewHalfYear() throws {
        let steps = Self.aboveQuotaToIntention + [Scenario.wait("2025-03-04 10:00"),
                                                  Scenario.decide("funds-recovery", "force-majeure")]
        let run = try Scenario.run("shangrao", Self.sixMillion, start: "2024-09-02", steps: steps,
                                   afterLastStep: "stop")
        #expect(run.entered.filter { $0 == "procurement" }.count == 2)
        #expect(run.deadlines.compactMap { $0["due"] as? String } == ["2026-09-02", "2025-03-03", "2025-09-04"])
    }

    @Test func failedProvinceEvaluationDefersToNextYearsCollection() throws {
        let steps = [Scenario.decide("demand-submission", "submitted"), Scenario.decide("city-screening", "forward"),
                     Scenario.decide("province-evaluation", "fail")]
        let run = try Scenario.run("shangrao", Self.sixMillion, start: "2024-09-02", steps: steps)
        #expect(run.result == "deferred-to-next-year")
    }

    @Test func libraryEntryOfFirstOfOctober2023LapsesOnNinthOfOctober2025() throws {
        let steps = [Scenario.decide("demand-submission", "submitted"),
                     Scenario.decide("city-evaluation", "pass", at: "2023-10-01"), Scenario.waitFor("end")]
        let run = try Scenario.run("shangrao", Self.threeMillion, start: "2023-09-28", steps: steps)
        #expect(run.result == "library-entry-expired")
        #expect(run.finished == "2025-10-09 24:00")
    }

    @Test func changeRequestIsDecidedByTheTaskForceOfficeAndReturnsToImplementation() throws {
        let steps = Self.belowQuotaToIntention + [
            Scenario.decide("procurement", "started", at: "2024-07-01"),
            Scenario.decide("procurement", "contract-signed"),
            Scenario.decide("supervision", "engaged"),
            Scenario.decide("implementation", "change-request"), Scenario.decide("change-approval", "approve"),
        ]
        let run = try Scenario.run("shangrao", Self.threeMillion, start: "2024-05-06", steps: steps,
                                   afterLastStep: "stop")
        #expect(run.entered.suffix(4) == ["implementation", "annual-report", "change-approval", "implementation"])
        let opened = run.events.first {
            $0["type"] as? String == "taskOpened" && $0["node"] as? String == "change-approval"
        }
        #expect((opened?["description"] as? String)?
                    .hasSuffix(#""审批建设内容或投资额的调整、变更" opened for department 市工作专班办公室"#) == true)
    }

    @Test func classifiedProjectLeavesForTheSecrecyRules() throws {
        let run = try Scenario.run("shangrao", #"{"amount": 600, "category": "其他类别", "secret": true}"#,
                                   start: "2024-09-02")
        #expect(run.result == "secret-procedure")
        #expect(run.entered == [])
    }
}
