import FlowCore
import Foundation
import GovFlowTestSupport
import Testing

/// The event records: pinned bytes per type, a lossless round trip, and typed refusals of what this build cannot read.
@Suite struct EventRecordTests {
    @Test func everyEventTypeHasASampleAndEverySampleIsAKnownType() {
        let sampled = Set(RecordSamples.events.map { RecordSamples.typeName(of: $0.event) })
        #expect(sampled == Set(Event.recordTypes))
        #expect(Event.recordTypes.count == Set(Event.recordTypes).count)
    }

    @Test(arguments: RecordSamples.events.map(\.name))
    func eventEncodesToItsGoldenFile(name: String) throws {
        let event = try #require(RecordSamples.events.first { $0.name == name }?.event)
        try GoldenFile.check(event.recordText, "events/\(name).json")
    }

    @Test func everyEventDecodesBackToAnEqualValue() throws {
        for (name, event) in RecordSamples.events {
            #expect(try Event(recordText: event.recordText) == event, "\(name)")
        }
    }

    @Test func eventRecordStartsWithItsTypeAndHasNoPositionalMembers() {
        for (_, event) in RecordSamples.events {
            let text = event.recordText
            #expect(text.hasPrefix(#"{"type":"\#(RecordSamples.typeName(of: event))""#))
            #expect(!text.contains(#""_0""#))
        }
    }

    @Test func assigneeIsOneMemberNamingHowAndPurposeIsAKind() {
        #expect(Event.taskHandedBack(task: 3, to: .department("区数据局"), comment: nil).recordText
                    == #"{"type":"taskHandedBack","task":3,"to":{"department":"区数据局"},"comment":null}"#)
        let timer = Event.timerScheduled(RecordSamples.deadline).recordText
        #expect(timer.contains(#""purpose":{"kind":"deadline","deadline":"initial-opinion"}"#))
    }

    @Test func unknownEventTypeIsATypedErrorNamingIt() {
        let text = #"{"type":"projectArchived","archive":1}"#
        let unknown = RecordError.unknownType(path: "event.type", found: "projectArchived", known: Event.recordTypes)
        #expect(throws: unknown) {
            try Event(recordText: text)
        }
        var message = ""
        do throws(RecordError) {
            _ = try Event(recordText: text)
        } catch {
            message = error.description
        }
        #expect(message.hasPrefix("event.type is \"projectArchived\", which this govflow does not know (a newer "
                                    + "GovFlow may have written it); known: instanceStarted, tokenCreated"))
    }

    @Test func missingOrMistypedFieldNamesItsPath() {
        #expect(throws: RecordError.malformed(path: "event.task", problem: "is missing")) {
            try Event(recordText: #"{"type":"taskUrged","comment":null}"#)
        }
        let mistyped = RecordError.malformed(path: "event.to.department", problem: "must be a string, found a number")
        #expect(throws: mistyped) {
            try Event(recordText: #"{"type":"taskHandedBack","task":3,"to":{"department":5},"comment":null}"#)
        }
        #expect(throws: RecordError.unknownType(path: "event.reason.kind", found: "exploded",
                                                known: CancellationReason.recordKinds)) {
            try Event(recordText: #"{"type":"stageCancelled","activation":2,"reason":{"kind":"exploded"}}"#)
        }
    }

    @Test func textThatIsNotJSONIsMalformedNotACrash() {
        #expect(throws: RecordError.self) { try Event(recordText: "{\"type\": ") }
        #expect(throws: RecordError.malformed(path: "event", problem: "must be an object, found an array")) {
            try Event(recordText: "[]")
        }
    }

    @Test func actorRecordSortsRolesAndWritesAMissingDepartmentAsNull() throws {
        #expect(RecordSamples.reviewer.recordText
                    == #"{"id":"li","department":"区数据局","roles":["reviewer","reviewing-office"]}"#)
        #expect(RecordSamples.unit.recordText == #"{"id":"edu","department":null,"roles":["project-unit"]}"#)
        #expect(try Actor(recordText: RecordSamples.reviewer.recordText) == RecordSamples.reviewer)
    }

    @Test func instantsKeepTheirFractionAndReadBackToTheSameDate() throws {
        #expect(RecordInstant.text(RecordSamples.opened) == "2024-09-27T09:00:00+08:00")
        #expect(RecordInstant.text(RecordSamples.opened.addingTimeInterval(0.25)) == "2024-09-27T09:00:00.25+08:00")
        #expect(RecordInstant.text(CivilDate(iso: "2024-10-11")!.startInChina) == "2024-10-11T00:00:00+08:00")
        let now = Date()
        for date in [now, now.addingTimeInterval(0.000_123), RecordSamples.opened.addingTimeInterval(1e-6),
                     Date(timeIntervalSinceReferenceDate: 754_358_400.123_456_7)] {
            #expect(RecordInstant.date(RecordInstant.text(date)) == date, "\(RecordInstant.text(date))")
        }
        #expect(RecordInstant.date("2024-09-27T09:00:00Z") == nil)
        #expect(RecordInstant.date("2024-09-27T25:00:00+08:00") == nil)
        #expect(RecordInstant.date("2024-09-27T09:00:00.+08:00") == nil)
    }

    @Test func stageStateCodableAssigneeUsesTheRecordFormAndReadsTheLegacyOne() throws {
        let data = try JSONEncoder().encode(Assignee.department("区数据局"))
        #expect(String(decoding: data, as: UTF8.self) == #"{"department":"区数据局"}"#)
        let legacy = Data(#"{"role":{"_0":"expert"}}"#.utf8)
        #expect(try JSONDecoder().decode(Assignee.self, from: legacy) == .role("expert"))
    }
}
