import FlowCore

/// Why a simulation could not run to its end.
enum SimulationError: Error, Sendable, CustomStringConvertible {
    /// The project was refused before anything ran (its variables do not match the definition).
    case projectRefused(file: String, message: String)
    /// A script step failed; `subject` says what it acted on (e.g. `decide at node "pre-review"`).
    case step(number: Int, subject: String, message: String)
    /// The simulation took more steps than allowed without the project ending.
    case runaway(limit: Int, state: String)
    /// The service refused something outside any step (a store or calendar problem).
    case service(String)

    var description: String {
        switch self {
        case .projectRefused(let file, let message):
            return "\(file): \(message)"
        case .step(let number, let subject, let message):
            return "step \(number) (\(subject)): \(message)"
        case .runaway(let limit, let state):
            return "the project did not end within \(limit) simulation steps (\(state)); a task's first outcome "
                + "probably leads back to an earlier stage: answer it differently with a decisions script"
        case .service(let message):
            return message
        }
    }
}

extension ServiceError {
    /// The message without the service's wrapping: the engine's or the store's own words. A simulation stops at
    /// the first failure inside the engine, so an incident's error is the message (the runner would raise one).
    var message: String {
        if case .incident(_, _, let error) = self { return error }
        return description
    }
}
