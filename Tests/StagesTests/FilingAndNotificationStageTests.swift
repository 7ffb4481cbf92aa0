import FlowCore
import StageTesting
import Stages
import Testing

@Suite struct FilingAndNotificationStageTests {
    @Test func filingWithoutAcknowledgementNotesEachOfficeAndCompletes() throws {
        let run = try StageHarness(kind: FilingStage(), parameters: """
            {"offices": ["市政务服务管理局", "市发改委"], "document": "竣工验收报告"}
            """, start: Given.monday)
        #expect(run.result == "filed")
        #expect(run.notes.map(\.message) == ["竣工验收报告 报 市政务服务管理局 备案", "竣工验收报告 报 市发改委 备案"])
        #expect(run.facts["stage.filedOn"] == .string("2024-09-02"))
    }

    @Test func filingWithAcknowledgementWaitsForEveryOffice() throws {
        var run = try StageHarness(kind: FilingStage(), parameters: """
            {"offices": ["区数据局", "区财政局"], "document": "竣工验收材料", "acknowledgement": true, "due": "5 workdays"}
            """, start: Given.monday)
        try run.decide("acknowledge:区数据局", as: Given.dataBureau, outcome: "acknowledge")
        #expect(run.result == nil)
        try run.decide("acknowledge:区财政局", as: Given.finance, outcome: "acknowledge")
        #expect(run.result == "filed")
    }

    @Test func filingDueWithoutAcknowledgementIsReported() {
        #expect(Given.problems(FilingStage(), #"{"offices": ["区数据局"], "document": "报告", "due": "5 workdays"}"#) == [
            #"$.nodes[0].parameters.due: filing: "due" applies only with "acknowledgement": true"#,
        ])
    }

    @Test func notificationRecordsTheNoticeAndCompletes() throws {
        let run = try StageHarness(kind: NotificationStage(), parameters: """
            {"message": "专家评审未通过，本次申报结束", "recipients": ["项目单位"]}
            """, start: Given.monday)
        #expect(run.result == "notified")
        #expect(run.notes.map(\.kind) == ["notification"])
    }

    @Test func everyBuiltInKindIsRegistered() {
        #expect(BuiltInStages.registry().identifiers == [
            "acceptance", "automatic", "expert-review", "filing", "human-task", "joint-department-review",
            "notification", "pre-review", "procurement", "project-approval", "trial-run",
        ])
    }
}
