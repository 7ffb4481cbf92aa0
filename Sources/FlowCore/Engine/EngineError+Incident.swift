extension EngineError {
    /// Whether this error, met while applying a user's command, is a failure inside the engine or a plugin that
    /// the user cannot fix (so the project gets an incident), rather than a refusal of the request itself (the
    /// caller changes the request: another task, outcome or actor).
    ///
    /// Every firing of a timer that fails raises an incident whatever the error; this decides for user commands.
    /// The switch is exhaustive on purpose: a new case must be classified here.
    public var raisesIncident: Bool {
        switch self {
        case .instanceNotRunning, .invalidVariables, .taskNotFound, .taskNotOpen, .notAssignee, .outcomeNotOffered,
             .delegated, .notDelegated, .awaitingAddedReviewers, .returnNotAllowed, .consultationTask, .refused,
             .timerNotFound, .timerNotDue, .incidentNotFound, .incidentNotOpen, .incidentNotRetryable,
             .moveNotPossible:
            return false
        case .wrongDefinition, .entryRefused, .stageMisbehaved, .stageStateUnreadable, .expressionFailed, .runaway:
            return true
        }
    }
}
