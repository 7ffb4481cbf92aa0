import FlowCore
import Foundation
@testable import GovFlowAPI
import GovFlowHTTP
import GovFlowTestSupport
import Stages
import Testing

/// The endpoints the console needs: who am I, calendar months, due dates and working-day counts.
@Suite struct APIConsoleEndpointsTests {
    /// A router over the bundled cn-mainland calendar (2024 has the National Day holiday and its make-up days).
    static func router(tokens: TokenTable? = nil) throws -> (APIRouter, Date) {
        let library = try CalendarLibrary.load(
            directory: StoreFixtures.packageRoot.appendingPathComponent("workflows/calendars"))
        let calendars = library.calendars.mapValues { $0 as any WorkingCalendar }
        let clock = ManualClock(at: CivilDate(iso: "2024-09-27")!)
        let service = try WorkflowService(registry: BuiltInStages.registry(), calendars: calendars,
                                          store: InMemoryProjectStore(), clock: clock)
        return (APIRouter(service: service, tokens: tokens), clock.now())
    }

    static func get(_ router: APIRouter, _ target: String, now: Date, token: String? = nil) -> HTTPResponse {
        var fields = [("Host", "test")]
        if let token { fields.append(("Authorization", "Bearer \(token)")) }
        return router.respond(to: HTTPRequest(method: "GET", target: target, headers: HTTPHeaders(fields), body: []),
                              now: now)
    }

    @Test func me_NamesTheCallerTheirRolesAndTheServersDay() throws {
        let tokens = try TokenTable([("wang-token-0000000000", Caller(id: "wang", department: "区数据局",
                                                                      roles: [.expert, .reviewingOffice],
                                                                      taskRoles: ["technical-expert"]))])
        let (router, now) = try Self.router(tokens: tokens)
        let response = Self.get(router, "/v1/me", now: now, token: "wang-token-0000000000")
        #expect(response.status.code == 200)
        #expect(response.bodyText == #"{"actor":"wang","department":"区数据局","roles":["expert","reviewing-office"],"#
            + #""taskRoles":["technical-expert"],"authenticated":true,"now":"2024-09-27T09:00:00+08:00","#
            + #""today":"2024-09-27"}"#)
        #expect(Self.get(router, "/v1/me", now: now).status.code == 401)
    }

    @Test func me_WithoutATokensFileIsTheLocalAdministrator() throws {
        let (router, now) = try Self.router()
        let response = Self.get(router, "/v1/me", now: now)
        #expect(response.json["actor"]?.stringValue == "local-administrator")
        #expect(response.json["roles"] == .array([.string("administrator")]))
        #expect(response.json["authenticated"] == .bool(false))
    }

    @Test func month_MarksTheNationalDayHolidayAndItsMakeUpWorkingDays() throws {
        let (router, now) = try Self.router()
        let response = Self.get(router, "/v1/calendars/cn-mainland/months/2024-10", now: now)
        #expect(response.status.code == 200)
        let days = try #require(response.json["days"]?.arrayValue)
        #expect(days.count == 31)
        #expect(days[0].jsonText == #"{"date":"2024-10-01","weekday":2,"kind":"holiday","name":"国庆节","working":false,"#
            + #""provisional":false}"#)
        #expect(days[11].jsonText == #"{"date":"2024-10-12","weekday":6,"kind":"make-up-workday","name":"国庆节","#
            + #""working":true,"provisional":false}"#)
        #expect(days[12]["kind"]?.stringValue == "weekend")
        #expect(days[7]["kind"]?.stringValue == "workday")
        #expect(response.json["provisional"] == .bool(false))
    }

    @Test func month_RefusesABadMonthAndAnUnknownCalendar() throws {
        let (router, now) = try Self.router()
        let bad = Self.get(router, "/v1/calendars/cn-mainland/months/2024-13", now: now)
        #expect(bad.status.code == 400)
        #expect(bad.json["error"]?["message"]?.stringValue == #""2024-13" is not a month; write YYYY-MM, e.g. 2024-10"#)
        let unknown = Self.get(router, "/v1/calendars/mars/months/2024-10", now: now)
        #expect(unknown.status.code == 404)
        #expect(unknown.errorCode == "calendar-not-found")
    }

    @Test func due_CountsFiveWorkingDaysAcrossNationalDayTo10October() throws {
        let (router, now) = try Self.router()
        let response = Self.get(router, "/v1/calendars/cn-mainland/due?from=2024-09-27&period=5%20workdays", now: now)
        #expect(response.status.code == 200)
        #expect(response.json["due"]?.jsonText
            == #"{"date":"2024-10-10","provisional":false,"expiresAt":"2024-10-11T00:00:00+08:00"}"#)
        #expect(response.json["workingDays"] == .number(5))
        let days = try #require(response.json["days"]?.arrayValue)
        #expect(days.count == 13)
        let numbered = days.compactMap { day in
            day["workingDayNumber"]?.intValue.map { (day["date"]?.stringValue ?? "", $0) }
        }
        #expect(numbered.map(\.0) == ["2024-09-29", "2024-09-30", "2024-10-08", "2024-10-09", "2024-10-10"])
        #expect(numbered.map(\.1) == [1, 2, 3, 4, 5])
    }

    @Test func due_WithNextWorkingDayMakesTheFirstWorkingDayDayZero() throws {
        let (router, now) = try Self.router()
        let target = "/v1/calendars/cn-mainland/due?from=2024-10-05&period=5%20workdays&convention=next-working-day"
        let response = Self.get(router, target, now: now)
        #expect(response.json["due"]?["date"]?.stringValue == "2024-10-14")
        let days = try #require(response.json["days"]?.arrayValue)
        #expect(days.first { $0["date"]?.stringValue == "2024-10-08" }?["workingDayNumber"] == .number(0))
        #expect(days.last?["workingDayNumber"] == .number(5))
    }

    @Test func due_NamesEveryWrongQueryParameter() throws {
        let (router, now) = try Self.router()
        let response = Self.get(router, "/v1/calendars/cn-mainland/due?from=2024-9-27&period=5%20weeks&convention=x",
                                now: now)
        #expect(response.status.code == 400)
        #expect(response.errorCode == "invalid-query")
        let fields = response.json["error"]?["details"]?.arrayValue?.compactMap { $0["field"]?.stringValue }
        #expect(fields == ["from", "period", "convention"])
    }

    @Test func between_CountsWorkingDaysBothWays() throws {
        let (router, now) = try Self.router()
        let ahead = Self.get(router, "/v1/calendars/cn-mainland/between?from=2024-09-27&to=2024-10-10", now: now)
        #expect(ahead.bodyText == #"{"calendar":"cn-mainland","from":"2024-09-27","to":"2024-10-10","workingDays":5,"#
            + #""provisional":false}"#)
        let back = Self.get(router, "/v1/calendars/cn-mainland/between?from=2024-10-10&to=2024-09-27", now: now)
        #expect(back.json["workingDays"] == .number(-5))
    }

    @Test func calendars_ListsTheBundledCalendarsWithTheirYears() throws {
        let (router, now) = try Self.router()
        let response = Self.get(router, "/v1/calendars", now: now)
        let list = try #require(response.json["calendars"]?.arrayValue)
        let mainland = try #require(list.first { $0["id"]?.stringValue == "cn-mainland" })
        #expect(mainland["coveredYears"]?.arrayValue?.contains(.number(2024)) == true)
    }
}
