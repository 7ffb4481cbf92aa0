import FlowCore
import Synchronization

/// A plugin whose entry fails for large amounts until it is "fixed" (as if a corrected build were deployed): the
/// stage kind the incident tests (engine and runner) make fail inside a timer firing or a user's command.
package struct GateStage: StageKind {
    /// Whether the fixed build is deployed; shared by every value of the kind in one test.
    package final class Build: Sendable {
        private let fixed: Mutex<Bool>
        /// A build with or without the fix.
        package init(fixed: Bool = false) { self.fixed = Mutex(fixed) }

        package var isFixed: Bool { fixed.withLock { $0 } }
        package func deployFix() { fixed.withLock { $0 = true } }
    }

    package let identifier = "gate"
    package let summary = "test gate that refuses large amounts until fixed"
    package let build: Build

    /// The kind as `build` behaves.
    package init(build: Build) { self.build = build }

    package struct Parameters: Sendable {}
    package typealias State = NoState

    package func readParameters(_ reader: inout ParameterReader) -> Parameters? { Parameters() }

    package func outcomes(for parameters: Parameters) -> [String] { ["done"] }

    package func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        guard case .decimal(let amount)? = context.project["amount"] else { throw StageRefusal("no amount") }
        if amount > 300 && !build.isFixed {
            throw StageRefusal("amount \(amount) is above this gate's limit of 300")
        }
        return [.complete(outcome: "done")]
    }

    package func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        throw StageRefusal("the gate has no tasks")
    }
}
