import Foundation

/// Reads the type-specific fields of one node.
struct NodeFields {
    let reader: ObjectReader
    /// Every node id in the definition.
    let known: Set<String>
    let registry: StageRegistry
    let symbols: SymbolTable

    private var sink: DiagnosticSink { reader.sink }
    private var path: JSONPath { reader.path }

    private func allow(_ fields: [String]) {
        reader.rejectUnknownFields(allowed: NodeReader.commonFields + fields)
    }

    /// A reference to another node in `element`, checked against the known ids; `path` is built only to report.
    private func reference(_ element: JSONElement, path: @autoclosure () -> JSONPath) -> String? {
        guard let target = element.string else {
            sink.report(.wrongType, "a node reference must be a node id string, found \(element.value.kindDescription)",
                        at: element, path: path())
            return nil
        }
        guard known.contains(target) else {
            sink.report(.missingNode,
                        "there is no node \"\(Excerpt.of(target))\"\(sink.nodeHint(for: target, in: known))",
                        at: element, path: path())
            return nil
        }
        return target
    }

    private func reference(_ key: String, required: Bool = true) -> String? {
        reader.element(key, required: required).flatMap { reference($0, path: path.appending(key)) }
    }

    func stage() -> NodeKind? {
        allow(["stage", "parameters", "outcomes", "deadlines", "returnTo"])
        let kindName = reader.string("stage", required: true)
        let parametersElement = reader.element("parameters", required: false)
        let parameters = parametersElement?.value ?? .object([])
        var stageKind: (any StageKind)?
        if let kindName, let element = reader.element("stage", required: false) {
            stageKind = registry.kind(kindName)
            if stageKind == nil {
                sink.report(.unknownStageKind,
                            "unknown stage kind \"\(kindName)\"\(Suggestion.hint(for: kindName, in: registry.identifiers)); "
                                + "registered kinds: " + registry.identifiers.joined(separator: ", "),
                            at: element, path: path.appending("stage"))
            }
        }
        var offered: [String]?
        var read: StageParameters?
        if let stageKind {
            let problems: [ParameterProblem]
            (read, problems) = stageKind.readParameters(json: parameters, symbols: symbols)
            let parametersPath = path.appending("parameters")
            for problem in problems {
                let at = parametersElement?.element(at: problem.path) ?? parametersElement ?? reader.element
                sink.report(.invalidParameter, "\(stageKind.identifier): \(problem.message)", at: at.location,
                            path: parametersPath.appending(problem.path))
            }
            if let read { offered = stageKind.outcomes(of: read) }
        }
        let outcomes = readOutcomes(offered: offered, kind: kindName)
        let deadlines = readDeadlines()
        let returnElements = reader.array("returnTo", required: false) ?? []
        let returnTo = returnElements.enumerated().compactMap { index, element in
            reference(element, path: path.appending("returnTo").appending(index))
        }
        guard let kindName, let read, let outcomes, let deadlines, returnTo.count == returnElements.count
        else { return nil }
        return .stage(StageNode(stageKind: kindName, parameters: parameters, read: read, outcomes: outcomes,
                                deadlines: deadlines, returnTo: returnTo))
    }

    private func readOutcomes(offered: [String]?, kind: String?) -> [OutcomeRoute]? {
        guard let object = reader.object("outcomes", required: true, what: "\"outcomes\"") else { return nil }
        var routes: [OutcomeRoute] = []
        var complete = true
        for member in object.element.members ?? [] {
            func memberPath() -> JSONPath { object.path.appending(member.key) }
            if let offered, !offered.contains(member.key) {
                sink.report(.unknownOutcome,
                            "stage kind \"\(kind ?? "")\" has no outcome \"\(member.key)\""
                                + "\(Suggestion.hint(for: member.key, in: offered)); its outcomes are "
                                + offered.map { "\"\($0)\"" }.joined(separator: ", "),
                            at: member.keyLocation, path: memberPath())
                complete = false
            }
            if let target = reference(member.value, path: memberPath()) {
                routes.append(OutcomeRoute(outcome: member.key, target: target))
            } else {
                complete = false
            }
        }
        // Searched once per outcome the kind offers (a handful), so a plain array keeps this linear.
        let written = (object.element.members ?? []).map(\.key)
        for outcome in offered ?? [] where !written.contains(outcome) {
            sink.report(.unroutedOutcome,
                        "outcome \"\(outcome)\" of stage kind \"\(kind ?? "")\" has no route; add \"\(outcome)\": "
                            + "\"<node id>\" to \"outcomes\"",
                        at: object.element, path: object.path)
            complete = false
        }
        return complete ? routes : nil
    }

    private func readDeadlines() -> [Deadline]? {
        guard let elements = reader.array("deadlines", required: false) else {
            return reader.element("deadlines", required: false) == nil ? [] : nil
        }
        var deadlines: [Deadline] = []
        var seen: Set<String> = []
        var complete = true
        for (index, element) in elements.enumerated() {
            let deadlinePath = path.appending("deadlines").appending(index)
            guard let deadline = readDeadline(element, path: deadlinePath) else {
                complete = false
                continue
            }
            if !seen.insert(deadline.id).inserted {
                sink.report(.duplicateID, "deadline id \"\(deadline.id)\" is used twice on this node",
                            at: element.member("id")?.value ?? element, path: deadlinePath.appending("id"))
                complete = false
            }
            deadlines.append(deadline)
        }
        return complete ? deadlines : nil
    }

    private func readDeadline(_ element: JSONElement, path: JSONPath) -> Deadline? {
        guard let deadline = ObjectReader(element, path: path, what: "a deadline", sink: sink) else { return nil }
        deadline.rejectUnknownFields(
            allowed: ["id", "period", "on", "interrupting", "goto", "remindBefore", "basis", "task"])
        let id = deadline.identifier("id", required: true)
        let due: DeadlineDue?
        switch (deadline.element("period", required: false), deadline.element("on", required: false)) {
        case (let element?, nil):
            due = NodeFields.period(element, path: path.appending("period"), sink: sink).map { .period($0) }
        case (nil, let element?):
            due = NodeFields.recurring(element, path: path.appending("on"), sink: sink).map { .recurring($0) }
        case (.some, .some):
            sink.report(.invalidValue, "a deadline has either \"period\" or \"on\", not both", at: element, path: path)
            return nil
        case (nil, nil):
            sink.report(.missingField, "a deadline needs \"period\" (e.g. \"5 workdays\") or \"on\" (a recurring due "
                            + "day, e.g. \"monthly 20\")", at: element, path: path)
            return nil
        }
        let interrupting = deadline.bool("interrupting", required: true)
        var target: String?
        let gotoElement = deadline.element("goto", required: false)
        switch (interrupting, gotoElement) {
        case (true, nil):
            sink.report(.missingField, "an interrupting deadline needs \"goto\": the node to go to when it expires",
                        at: element, path: path)
            return nil
        case (false, let element?):
            sink.report(.invalidValue, "a non-interrupting deadline does not leave the stage; remove \"goto\" or set "
                            + "\"interrupting\": true", at: element, path: path.appending("goto"))
            return nil
        case (true, let element?):
            target = reference(element, path: path.appending("goto"))
            if target == nil { return nil }
        default:
            break
        }
        var reminders: [Period] = []
        for (index, reminder) in (deadline.array("remindBefore", required: false) ?? []).enumerated() {
            if let period = NodeFields.period(reminder, path: path.appending("remindBefore").appending(index), sink: sink) {
                reminders.append(period)
            }
        }
        let basis = deadline.string("basis", required: false)
        let task = deadline.string("task", required: false)
        guard let id, let due, let interrupting else { return nil }
        return Deadline(id: id, due: due, interrupting: interrupting, target: target, remindBefore: reminders,
                        basis: basis, task: task)
    }

    /// A period written as a string, or `nil` after reporting.
    static func period(_ element: JSONElement, path: JSONPath, sink: DiagnosticSink) -> Period? {
        guard let text = element.string else {
            sink.report(.wrongType, "a period must be a string such as \"5 workdays\", found \(element.value.kindDescription)",
                        at: element, path: path)
            return nil
        }
        do {
            return try Period.parse(text)
        } catch {
            sink.report(.invalidPeriod, error.description, at: element, path: path)
            return nil
        }
    }

    /// A recurring due day written as a string, or `nil` after reporting.
    static func recurring(_ element: JSONElement, path: JSONPath, sink: DiagnosticSink) -> RecurringDueDay? {
        guard let text = element.string, let day = RecurringDueDay.parse(text) else {
            sink.report(.invalidPeriod, "\(element.value) is not a recurring due day; write "
                            + RecurringDueDay.acceptedForms, at: element, path: path)
            return nil
        }
        return day
    }

    func exclusive() -> NodeKind? {
        allow(["branches", "default"])
        guard let elements = reader.array("branches", required: true) else { return nil }
        var branches: [ConditionalBranch] = []
        var complete = true
        for (index, element) in elements.enumerated() {
            let branchPath = path.appending("branches").appending(index)
            guard let branch = ObjectReader(element, path: branchPath, what: "a branch", sink: sink) else {
                complete = false
                continue
            }
            branch.rejectUnknownFields(allowed: ["when", "to", "label"])
            let condition = branch.element("when", required: true).flatMap {
                DefinitionLoader.expression(in: $0, path: branchPath.appending("when"), symbols: symbols,
                                            expecting: .bool, sink: sink)
            }
            let target = branch.element("to", required: true).flatMap { reference($0, path: branchPath.appending("to")) }
            let label = branch.string("label", required: false)
            guard let condition, let target else {
                complete = false
                continue
            }
            branches.append(ConditionalBranch(condition: condition, target: target, label: label))
        }
        if elements.isEmpty, let element = reader.element("branches", required: false) {
            sink.report(.invalidValue, "an exclusive gateway needs at least one branch", at: element,
                        path: path.appending("branches"))
            complete = false
        }
        let defaultTarget = reader.element("default", required: false).flatMap { reference($0, path: path.appending("default")) }
        if defaultTarget == nil, reader.element("default", required: false) == nil, !branches.isEmpty,
           !NodeFields.coversEveryCase(branches) {
            sink.report(.gatewayFallThrough,
                        "no branch is taken when every condition is false; add \"default\": \"<node id>\", or make "
                            + "the last condition \"true\"",
                        at: reader.element, path: path)
            complete = false
        }
        guard complete, reader.element("default", required: false) == nil || defaultTarget != nil else { return nil }
        return .exclusive(ExclusiveGateway(branches: branches, defaultTarget: defaultTarget))
    }

    /// Whether the branches cannot all be false: one of them is the literal `true`.
    static func coversEveryCase(_ branches: [ConditionalBranch]) -> Bool {
        branches.contains { $0.condition.source.trimmingCharacters(in: .whitespaces) == "true" }
    }

    func parallel() -> NodeKind? {
        allow(["branches", "join"])
        guard let elements = reader.array("branches", required: true) else { return nil }
        let branches = elements.enumerated().compactMap { index, element in
            reference(element, path: path.appending("branches").appending(index))
        }
        if elements.count < 2, let element = reader.element("branches", required: false) {
            sink.report(.invalidValue, "a parallel split needs at least two branches", at: element,
                        path: path.appending("branches"))
            return nil
        }
        let join = reference("join")
        guard branches.count == elements.count, let join else { return nil }
        return .parallel(ParallelSplit(branches: branches, join: join))
    }

    func join() -> NodeKind? {
        allow(["next"])
        return reference("next").map { .join(ParallelJoin(next: $0)) }
    }

    func wait() -> NodeKind? {
        allow(["period", "until", "next"])
        let next = reference("next")
        let periodElement = reader.element("period", required: false)
        let untilElement = reader.element("until", required: false)
        let until: WaitNode.Until?
        switch (periodElement, untilElement) {
        case (let element?, nil):
            until = NodeFields.period(element, path: path.appending("period"), sink: sink).map { .period($0) }
        case (nil, let element?):
            until = DefinitionLoader.expression(in: element, path: path.appending("until"), symbols: symbols,
                                                expecting: .date, sink: sink).map { .date($0) }
        case (.some, .some):
            sink.report(.invalidValue, "a wait node has either \"period\" or \"until\", not both", at: reader.element,
                        path: path)
            return nil
        case (nil, nil):
            sink.report(.missingField, "a wait node needs \"period\" (e.g. \"6 months\") or \"until\" (a date expression)",
                        at: reader.element, path: path)
            return nil
        }
        guard let until, let next else { return nil }
        return .wait(WaitNode(until: until, next: next))
    }

    func end() -> NodeKind? {
        allow(["result"])
        return reader.identifier("result", required: true).map { .end(EndNode(result: $0)) }
    }
}
