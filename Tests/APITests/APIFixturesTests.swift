import FlowCore
import Foundation
import GovFlowAPI
import GovFlowTestSupport
import Stages
import Testing

@Suite struct APIFixturesTests {
    @Test func harness_StartsTheProjectAsTheUnit() throws {
        let harness = try APIHarness()
        #expect(try harness.service.history(of: "p1").first?.actor.id == "unit-a")
        #expect(try harness.task(at: "review") > 0)
    }
}
