import Foundation

/// Why the engine calls a stage.
enum StageCall {
    case enter
    case decide(TaskDecision)
    case timerFired(FiredTimer)
    case cancelled(CancellationReason)
}

extension StageKind {
    /// Calls the kind with its typed parameters and state: decodes the stored state, runs the call, and encodes the
    /// state in the actions it returns. The engine holds kinds as `any StageKind` and reaches their associated
    /// types only through this method.
    func call(_ call: StageCall, context: StageContext<StageParameters, JSONValue>) throws(EngineError)
        -> [StageAction<JSONValue>]
    {
        let state = try decodeState(context.state, context: context)
        let typedContext = context.with(parameters: typed(context.parameters), state: state)
        let actions: [Action]
        do {
            switch call {
            case .enter: actions = try enter(typedContext)
            case .decide(let decision): actions = try decide(decision, in: typedContext)
            case .timerFired(let timer): actions = timerFired(timer, in: typedContext)
            case .cancelled(let reason): actions = cancelled(typedContext, reason: reason)
            }
        } catch {
            // A refused entry is not a refused decision: no actor can act on it (see `EngineError.raisesIncident`).
            if case .enter = call { throw .entryRefused(node: context.nodeID, reason: error.reason) }
            throw .refused(node: context.nodeID, reason: error.reason)
        }
        return try actions.map { action throws(EngineError) in
            try action.mapState { state throws(EngineError) in try encodeState(state, context: context) }
        }
    }

    /// The stored state as `State`: `nil` when none is stored, a typed error when it no longer decodes.
    private func decodeState(_ stored: JSONValue, context: StageContext<StageParameters, JSONValue>)
        throws(EngineError) -> State?
    {
        guard stored != .null else { return nil }
        do {
            let data = try JSONEncoder().encode(stored)
            return try JSONDecoder().decode(State.self, from: data)
        } catch {
            throw .stageStateUnreadable(node: context.nodeID, kind: identifier, activation: context.activationID,
                                        problem: DecodingProblem.describe(error))
        }
    }

    /// The state as stored JSON, keys sorted.
    private func encodeState(_ state: State, context: StageContext<StageParameters, JSONValue>)
        throws(EngineError) -> JSONValue
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        do {
            return try JSONDecoder().decode(JSONValue.self, from: encoder.encode(state))
        } catch {
            throw .stageMisbehaved(node: context.nodeID, kind: identifier,
                                   problem: "its state cannot be stored as JSON: \(DecodingProblem.describe(error))")
        }
    }
}

/// Words for a `DecodingError` or `EncodingError`: what was wrong, and where in the value.
enum DecodingProblem {
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing key \"\(key.stringValue)\" at \(path(context.codingPath))"
        case DecodingError.typeMismatch(let type, let context):
            return "expected \(type) at \(path(context.codingPath)): \(context.debugDescription)"
        case DecodingError.valueNotFound(let type, let context):
            return "expected \(type) at \(path(context.codingPath)), found null"
        case DecodingError.dataCorrupted(let context):
            return "invalid value at \(path(context.codingPath)): \(context.debugDescription)"
        case EncodingError.invalidValue(let value, let context):
            return "\(value) at \(path(context.codingPath)) cannot be encoded: \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }

    /// A coding path as `$.opinions[0].seat` (`$` for the whole value).
    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce("$") { path, key in
            key.intValue.map { "\(path)[\($0)]" } ?? "\(path).\(key.stringValue)"
        }
    }
}
