import FlowCore
import Foundation
import GovFlowTestSupport
import Testing

/// The state snapshot record: pinned bytes of a project mid-way, a lossless round trip, and its version.
@Suite struct StateRecordTests {
    static let document = Fixtures.document(nodes: """
        \(Fixtures.task("review", outcomes: ["pass": "split"],
                        deadlines: #"[{"id": "opinion", "period": "3 workdays", "interrupting": false, "# +
                            #""remindBefore": ["1 workday"]}]"#)),
        {"id": "split", "type": "parallel", "branches": ["finance", "security"], "join": "join"},
        \(Fixtures.task("finance", outcomes: ["agree": "join"], assignee: #"{"department": "区财政局"}"#)),
        \(Fixtures.task("security", outcomes: ["agree": "join"], assignee: #"{"department": "区委网信办"}"#)),
        {"id": "join", "type": "join", "next": "approved"},
        {"id": "approved", "type": "end", "result": "approved"}
        """)

    func midway() throws -> Driver {
        let driver = try Driver(Self.document, startingOn: "2024-09-27")
        _ = try driver.start(["amount": .number("1234.56")])
        try driver.advance(to: "2024-10-03")
        try driver.decide("review", "pass")
        try driver.decide("finance", "agree", as: Actor(id: "wang", department: "区财政局"))
        return driver
    }

    @Test func stateOfAProjectMidwayEncodesToItsGoldenFile() throws {
        try GoldenFile.check(try midway().state.recordText, "state-midway.json")
    }

    @Test func stateReadsBackEqualAtEveryStep() throws {
        let driver = try midway()
        for count in 1...driver.history.count {
            let state = try InstanceState.replay(id: driver.projectID, history: Array(driver.history.prefix(count)))
            #expect(try InstanceState(recordText: state.recordText) == state, "after entry \(count)")
        }
    }

    @Test func stateCarriesItsFormatVersionFirst() throws {
        #expect(try midway().state.recordText.hasPrefix(#"{"v":1,"id":"p1","#))
    }

    @Test func newerStateVersionIsRefusedNamingBothVersions() throws {
        let text = try midway().state.recordText.replacingOccurrences(of: #"{"v":1,"#, with: #"{"v":2,"#)
        #expect(throws: RecordError.newerVersion(found: 2, supported: 1)) { try InstanceState(recordText: text) }
        #expect(RecordError.newerVersion(found: 2, supported: 1).description
                    == "has format version 2; this govflow reads up to 1")
    }
}
