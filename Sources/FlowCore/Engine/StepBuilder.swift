import Foundation

/// The working copy of one command: it emits events (applying each to its copy of the state at once, so later
/// decisions see earlier effects) and becomes the step when the command succeeds.
struct StepBuilder {
    let engine: WorkflowEngine
    private(set) var state: InstanceState
    private(set) var entries: [HistoryEntry] = []
    let now: Date
    /// The actor who issued the command.
    let actor: Actor
    private var automaticSteps = 0
    /// What tokens still have to do in this command, last first (see `advance`).
    private var worklist: [Advance] = []
    /// Whether `advance` is draining the worklist (a nested call only schedules).
    private var draining = false

    /// A pending advance of a token.
    enum Advance {
        /// Run the node the token is at.
        case enter(token: Int)
        /// Move the token to a node.
        case move(token: Int, to: String)
        /// Move a new branch token to its first node, if it still exists.
        case branch(token: Int, to: String)
    }

    init(engine: WorkflowEngine, state: InstanceState, now: Date, actor: Actor) {
        self.engine = engine
        self.state = state
        self.now = now
        self.today = CivilDate(chinaDateOf: now)
        self.actor = actor
    }

    var step: Step { Step(state: state, entries: entries) }

    var definition: WorkflowDefinition { engine.definition }

    /// Today in China Standard Time: the day periods are counted from.
    let today: CivilDate

    /// Records an event and applies it.
    mutating func emit(_ event: Event, actor: Actor? = nil) {
        let entry = HistoryEntry(sequence: state.lastSequence + 1, at: now, actor: actor ?? self.actor, event: event)
        state.applyInOrder(entry)
        entries.append(entry)
    }

    /// A fresh id for a token, scope, activation, task or timer.
    var nextID: Int { state.nextID }

    // MARK: Nodes

    /// Runs the node a token has just arrived at (and whatever follows automatically).
    mutating func enterNode(token tokenID: Int) throws(EngineError) {
        try advance(.enter(token: tokenID))
    }

    /// Moves a token to `target`: leaves every parallel block the target is outside of (cancelling the other
    /// branches), arrives at a join, or enters the target node; then runs whatever follows automatically.
    mutating func move(token tokenID: Int, to target: String) throws(EngineError) {
        try advance(.move(token: tokenID, to: target))
    }

    /// Schedules `work`; unless a drain is already under way, drains the worklist.
    ///
    /// Tokens advance through an explicit stack instead of by recursion, so a long chain of gateways or deeply
    /// nested parallel blocks cannot exhaust the call stack. Each handler pushes what follows it (a split its
    /// branches in reverse) and does nothing after, so popping the stack visits nodes in exactly the depth-first
    /// order recursion did. Every node entered counts against `WorkflowEngine.automaticStepLimit`.
    private mutating func advance(_ work: Advance) throws(EngineError) {
        worklist.append(work)
        guard !draining else { return }
        draining = true
        defer { draining = false }
        while let next = worklist.popLast() {
            switch next {
            case .enter(let token):
                try enterNow(token: token)
            case .move(let token, let target):
                try moveNow(token: token, to: target)
            case .branch(let token, let target):
                // An earlier branch may have ended the project or left the block, removing this token.
                if state.tokens[token] != nil { try moveNow(token: token, to: target) }
            }
        }
    }

    private mutating func enterNow(token tokenID: Int) throws(EngineError) {
        guard let token = state.tokens[tokenID], let node = definition.node(token.node) else {
            preconditionFailure("token \(tokenID) is at a node the definition does not have")
        }
        try countAutomaticStep(at: node.id)
        switch node.kind {
        case .stage(let stage):
            try enterStage(node: node, stage: stage, token: tokenID)
        case .exclusive(let gateway):
            let (branch, target) = try choose(gateway, at: node.id)
            emit(.gatewayPassed(node: node.id, branch: branch, target: target), actor: .system)
            worklist.append(.move(token: tokenID, to: target))
        case .parallel(let split):
            let scope = nextID
            emit(.scopeOpened(scope: scope, split: node.id, join: split.join, parent: token.scope,
                              branches: split.branches.count), actor: .system)
            emit(.tokenRemoved(token: tokenID), actor: .system)
            var branchTokens: [Int] = []
            for _ in split.branches {
                let branchToken = nextID
                emit(.tokenCreated(token: branchToken, node: node.id, scope: scope), actor: .system)
                branchTokens.append(branchToken)
            }
            for (branchToken, branch) in zip(branchTokens, split.branches).reversed() {
                worklist.append(.branch(token: branchToken, to: branch))
            }
        case .join(let join):
            worklist.append(.move(token: tokenID, to: join.next))
        case .wait(let wait):
            try enterWait(node: node, wait: wait, token: tokenID)
        case .end(let end):
            try endInstance(node: node.id, result: end.result, token: tokenID)
        }
    }

    private mutating func countAutomaticStep(at node: String) throws(EngineError) {
        automaticSteps += 1
        if automaticSteps > WorkflowEngine.automaticStepLimit {
            throw .runaway(node: node)
        }
    }

    private func choose(_ gateway: ExclusiveGateway, at node: String) throws(EngineError) -> (Int?, String) {
        let values = state.expressionValues
        for (index, branch) in gateway.branches.enumerated() {
            let result: Value
            do {
                result = try branch.condition.evaluate(values)
            } catch {
                throw .expressionFailed(node: node, message: "condition \"\(branch.condition.source)\": \(error.message)")
            }
            if result == .bool(true) { return (index, branch.target) }
        }
        guard let fallback = gateway.defaultTarget else {
            throw .expressionFailed(node: node, message: "no condition holds and the gateway has no default")
        }
        return (nil, fallback)
    }

    private mutating func enterWait(node: Node, wait: WaitNode, token: Int) throws(EngineError) {
        let rule: DueRule
        switch wait.until {
        case .period(let period):
            rule = .period(period, from: today)
        case .date(let expression):
            let value: Value
            do {
                value = try expression.evaluate(state.expressionValues)
            } catch {
                throw .expressionFailed(node: node.id, message: "\"until\" \"\(expression.source)\": \(error.message)")
            }
            guard case .date(let date) = value else {
                throw .expressionFailed(node: node.id, message: "\"until\" did not give a date")
            }
            // Waiting until a date means going on when it begins, i.e. at the end of the day before.
            guard date > today else {
                try move(token: token, to: wait.next)
                return
            }
            rule = .date(date.adding(days: -1))
        }
        emit(.timerScheduled(PendingTimer(id: nextID, purpose: .wait, activationID: nil, tokenID: token,
                                          nodeID: node.id, rule: rule, due: rule.dueDate(using: engine.periods))),
             actor: .system)
    }

    // MARK: Tokens and parallel scopes

    /// One step of `move`: leaves the blocks the target is outside of, arrives at a join or moves the token, and
    /// schedules entering the node.
    private mutating func moveNow(token tokenID: Int, to target: String) throws(EngineError) {
        while let scopeID = state.tokens[tokenID]?.scope, let scope = state.scopes[scopeID], target != scope.join,
              !definition.parallelBlocks.contains(target, inBlockOf: scope.split) {
            try cancelScope(scopeID, leavingToken: tokenID)
            emit(.tokenMoved(token: tokenID, node: state.tokens[tokenID]?.node ?? target, scope: scope.parent),
                 actor: .system)
        }
        if let scopeID = state.tokens[tokenID]?.scope, let scope = state.scopes[scopeID], target == scope.join {
            emit(.branchArrived(scope: scopeID, token: tokenID), actor: .system)
            emit(.tokenRemoved(token: tokenID), actor: .system)
            guard let arrived = state.scopes[scopeID]?.arrived.count, arrived == scope.branches else { return }
            emit(.scopeCompleted(scope: scopeID), actor: .system)
            let joined = nextID
            emit(.tokenCreated(token: joined, node: target, scope: scope.parent), actor: .system)
            worklist.append(.enter(token: joined))
            return
        }
        emit(.tokenMoved(token: tokenID, node: target, scope: state.tokens[tokenID]?.scope), actor: .system)
        worklist.append(.enter(token: tokenID))
    }

    /// Cancels every token inside `scopeID` (and its nested scopes) except `leavingToken`, then the scope.
    private mutating func cancelScope(_ scopeID: Int, leavingToken: Int) throws(EngineError) {
        let inside = state.tokens.values.filter { $0.id != leavingToken && isInside($0, scope: scopeID) }
        for token in inside.sorted(by: { $0.id < $1.id }) {
            try cancelWork(of: token.id, reason: .branchLeft)
            emit(.tokenRemoved(token: token.id), actor: .system)
        }
        let nested = state.scopes.values.filter { $0.id != scopeID && isNested($0.id, in: scopeID) }
        for scope in nested.sorted(by: { $0.id > $1.id }) {
            emit(.scopeCancelled(scope: scope.id, byToken: leavingToken), actor: .system)
        }
        emit(.scopeCancelled(scope: scopeID, byToken: leavingToken), actor: .system)
    }

    private func isInside(_ token: InstanceState.Token, scope: Int) -> Bool {
        guard let innermost = token.scope else { return false }
        return innermost == scope || isNested(innermost, in: scope)
    }

    private func isNested(_ candidate: Int, in scope: Int) -> Bool {
        var current = state.scopes[candidate]?.parent
        while let id = current {
            if id == scope { return true }
            current = state.scopes[id]?.parent
        }
        return false
    }

    /// Cancels what a token is doing: its stage (closing tasks and timers) or its wait.
    mutating func cancelWork(of token: Int, reason: CancellationReason) throws(EngineError) {
        if let activation = state.activations.values.first(where: { $0.token == token }) {
            try cancel(activation: activation.id, reason: reason)
        }
        for timer in state.timers.values.filter({ $0.tokenID == token }).sorted(by: { $0.id < $1.id }) {
            emit(.timerCancelled(timer: timer.id), actor: .system)
        }
    }

    // MARK: Ending

    private mutating func endInstance(node: String, result: String, token: Int) throws(EngineError) {
        for other in state.tokens.keys.sorted() where other != token {
            try cancelWork(of: other, reason: .instanceEnded)
            emit(.tokenRemoved(token: other), actor: .system)
        }
        for scope in state.scopes.keys.sorted(by: >) {
            emit(.scopeCancelled(scope: scope, byToken: token), actor: .system)
        }
        emit(.tokenRemoved(token: token), actor: .system)
        emit(.instanceEnded(node: node, result: result), actor: .system)
    }

    /// Withdraws the project: every stage is cancelled, every task closed, every timer cancelled.
    mutating func withdraw(comment: String?) throws(EngineError) {
        for token in state.tokens.keys.sorted() {
            try cancelWork(of: token, reason: .withdrawn)
            emit(.tokenRemoved(token: token), actor: .system)
        }
        for scope in state.scopes.keys.sorted(by: >) {
            emit(.scopeCancelled(scope: scope, byToken: 0), actor: .system)
        }
        emit(.instanceWithdrawn(actor: actor, comment: comment))
    }

    // MARK: Timers

    /// Fires a due timer.
    mutating func fire(timer timerID: Int) throws(EngineError) {
        guard let timer = state.timers[timerID] else { throw .timerNotFound(timerID) }
        guard now >= timer.fireAt else { throw .timerNotDue(timer: timerID, fireAt: timer.fireAt, now: now) }
        emit(.timerFired(timer: timerID, lateBy: Int(now.timeIntervalSince(timer.fireAt).rounded(.down))))
        switch timer.purpose {
        case .wait:
            guard let node = definition.node(timer.nodeID), case .wait(let wait) = node.kind else { return }
            try move(token: timer.tokenID, to: wait.next)
        case .deadline(let deadlineID):
            try deadlineExpired(deadlineID, timer: timer)
        case .reminder(let deadlineID):
            guard let activationID = timer.activationID else { return }
            let deadlineDue = state.timers.values.first {
                $0.activationID == activationID && $0.purpose == .deadline(deadlineID)
            }?.due ?? timer.due
            emit(.reminderSent(activation: activationID, deadline: deadlineID, due: deadlineDue))
            try notifyStage(activationID, of: .reminder(deadlineID))
        case .stage(let key):
            guard let activationID = timer.activationID else { return }
            try notifyStage(activationID, of: .own(key))
        }
    }

    private mutating func deadlineExpired(_ deadlineID: String, timer: PendingTimer) throws(EngineError) {
        guard let activationID = timer.activationID, let activation = state.activations[activationID],
              let node = definition.node(activation.node), case .stage(let stage) = node.kind,
              let deadline = stage.deadline(deadlineID)
        else { return }
        emit(.deadlineExpired(activation: activationID, deadline: deadlineID, due: timer.due,
                              interrupting: deadline.interrupting))
        if deadline.interrupting, let target = deadline.target {
            try cancel(activation: activationID, reason: .deadlineExpired(deadlineID))
            try move(token: activation.token, to: target)
        } else {
            try notifyStage(activationID, of: .deadline(deadlineID))
        }
    }

    /// Recomputes provisional due dates; records each change.
    mutating func recalculateProvisionalTimers() {
        for timer in state.pendingTimers where timer.due.provisional {
            let due = timer.rule.dueDate(using: engine.periods)
            if due != timer.due {
                emit(.timerRescheduled(timer: timer.id, from: timer.due, to: due))
            }
        }
    }
}
