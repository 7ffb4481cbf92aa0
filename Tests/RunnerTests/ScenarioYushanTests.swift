import Testing

/// 玉山县政务信息化项目管理办法（征求意见稿） through `govflow simulate`: the 50/100/200万元 routes of 第七条、第八条.
@Suite struct ScenarioYushanTests {
    /// The annual round up to 立项: 需求方案 in time, 联合审议, 县政府批准, 事前绩效评估, 县发改委立项.
    static let toApproval = [
        Scenario.decide("demand-submission", "submitted"), Scenario.decide("demand-intake", "on-time"),
    ] + Scenario.approveAll("joint-deliberation", ["县大数据发展中心", "县发改委", "县财政局"]) + [
        Scenario.decide("county-government", "approve"), Scenario.decide("ex-ante-evaluation", "done"),
        Scenario.approve("approval"),
    ]

    /// 备案审查, the contract and construction, for a project without technical review.
    static let mallToAcceptance = toApproval + [
        Scenario.decide("cac-filing", "acknowledge", task: "acknowledge:县委网信办"),
        Scenario.decide("procurement", "contract-signed"), Scenario.decide("implementation", "completed"),
    ]

    /// Three different members of the acceptance group decide.
    static func acceptanceGroup(_ outcomes: [String]) -> [String] {
        outcomes.enumerated().map { index, outcome in
            Scenario.decide("acceptance", outcome, task: "initial:\(index + 1)",
                            actor: #"{"id": "member-\#(index + 1)", "roles": ["acceptance-group"]}"#)
        }
    }

    @Test func fortyThousandGoesToTheElectronicMallWithoutTechnicalReview() throws {
        let run = try Scenario.run("yushan", #"{"amount": 40}"#, start: "2024-09-02")
        #expect(run.gateway("technical-route") == "gateway took the default branch → 网信办备案审查 (cac-filing)")
        #expect(run.facts["procurement.method"] == #""江西省政府采购电子卖场（服务工程馆）""#)
        #expect(!run.entered.contains("technical-plan"))
        #expect(!run.entered.contains("expert-review"))
        #expect(!run.entered.contains("demand-survey"))
    }

    @Test func oneAndAHalfMillionGetsAnExpertReviewAndTenderingWithoutDemandSurvey() throws {
        let run = try Scenario.run("yushan", #"{"amount": 150}"#, start: "2024-09-02")
        #expect(run.gateway("review-route")
                    == #"gateway took branch "100万元（含）以上" ("project.amount >= 100") → 专家技术性论证评审 (expert-review)"#)
        #expect(run.facts["expert-review.result"] == #""approved""#)
        #expect(run.gateway("survey-route") == "gateway took the default branch → 采购 (procurement)")
        #expect(run.facts["procurement.method"] == #""依法依规招标采购""#)
        #expect(Array(run.entered.drop { $0 != "technical-plan" }.prefix(4))
                    == ["technical-plan", "expert-review", "technical-review", "cac-filing"])
    }

    @Test func customDevelopmentAtOneAndAHalfMillionNeedsADemandSurvey() throws {
        let run = try Scenario.run("yushan", #"{"amount": 150, "customDevelopment": true}"#, start: "2024-09-02")
        #expect(run.entered.contains("expert-review"))
        #expect(Array(run.entered.drop { $0 != "demand-survey" }.prefix(2)) == ["demand-survey", "procurement"])
    }

    @Test func exactlyTwoMillionNeedsADemandSurveyAndJustBelowDoesNot() throws {
        let at = try Scenario.run("yushan", #"{"amount": 200}"#, start: "2024-09-02")
        let below = try Scenario.run("yushan", #"{"amount": 199.99}"#, start: "2024-09-02")
        #expect(at.entered.contains("demand-survey"))
        #expect(!below.entered.contains("demand-survey"))
    }

    @Test func boundariesOfFiftyAndOneHundredChooseTheCentreOrTheExperts() throws {
        let fifty = try Scenario.run("yushan", #"{"amount": 50}"#, start: "2024-09-02")
        let justBelowHundred = try Scenario.run("yushan", #"{"amount": 99.99}"#, start: "2024-09-02")
        let hundred = try Scenario.run("yushan", #"{"amount": 100}"#, start: "2024-09-02")
        let justBelowFifty = try Scenario.run("yushan", #"{"amount": 49.99}"#, start: "2024-09-02")
        #expect(fifty.entered.contains("technical-review") && !fifty.entered.contains("expert-review"))
        #expect(fifty.facts["procurement.method"] == #""依法依规招标采购""#)
        #expect(justBelowHundred.entered.contains("technical-review"))
        #expect(!justBelowHundred.entered.contains("expert-review"))
        #expect(hundred.entered.contains("expert-review"))
        #expect(!justBelowFifty.entered.contains("technical-plan"))
        #expect(justBelowFifty.facts["procurement.method"] == #""江西省政府采购电子卖场（服务工程馆）""#)
    }

    @Test func catalogueItemUnderFiftyThousandStillNeedsTheTechnicalReview() throws {
        let run = try Scenario.run("yushan", #"{"amount": 40, "inCentralCatalog": true}"#, start: "2024-09-02")
        #expect(run.entered.contains("technical-plan"))
        #expect(run.entered.contains("technical-review"))
        #expect(!run.entered.contains("expert-review"))
    }

    @Test func failedTechnicalReviewEndsWithoutProcurement() throws {
        let steps = Self.toApproval + [Scenario.decide("technical-plan", "submitted"),
                                       Scenario.decide("technical-review", "fail")]
        let run = try Scenario.run("yushan", #"{"amount": 80}"#, start: "2024-09-02", steps: steps)
        #expect(run.result == "no-procurement")
        #expect(!run.entered.contains("procurement"))
    }

    @Test func demandAfterTheEndOfSeptemberMissesTheAnnualPlan() throws {
        let steps = [Scenario.decide("demand-submission", "submitted", at: "2024-10-08"),
                     Scenario.decide("demand-intake", "late")]
        let run = try Scenario.run("yushan", #"{"amount": 80}"#, start: "2024-09-02", steps: steps)
        #expect(run.result == "not-in-annual-plan")
        #expect(run.finished == "2024-10-08 09:00")
    }

    @Test func midYearAdditionGoesToTheSameJointDeliberation() throws {
        let run = try Scenario.run("yushan", #"{"amount": 80, "midYear": true}"#, start: "2025-03-03")
        #expect(run.entered.prefix(3) == ["midyear-application", "joint-deliberation", "county-government"])
    }

    @Test func acceptanceGroupOfThreeAcceptsAndThePerformanceEvaluationCloses() throws {
        let steps = Self.mallToAcceptance + Self.acceptanceGroup(["pass", "fail", "pass"])
        let run = try Scenario.run("yushan", #"{"amount": 40}"#, start: "2024-09-02", steps: steps)
        #expect(run.result == "completed")
        #expect(run.facts["acceptance.result"] == #""accepted""#)
        #expect(run.entered.suffix(2) == ["acceptance", "performance-evaluation"])
    }

    @Test func failedAcceptanceWithholdsTheRemainingPayment() throws {
        let steps = Self.mallToAcceptance + Self.acceptanceGroup(["fail", "fail"])
        let run = try Scenario.run("yushan", #"{"amount": 40}"#, start: "2024-09-02", steps: steps)
        #expect(run.result == "acceptance-failed")
        #expect(run.events.contains { $0["description"] as? String
                    == "note [notification]: 验收不合格：依照合同约定不予支付剩余款项；项目不得投入正式使用" })
    }
}
