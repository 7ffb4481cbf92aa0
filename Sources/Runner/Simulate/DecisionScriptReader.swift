import FlowCore
import Foundation

/// Reads a decisions script (see docs/simulate.md) and reports the first problem at its line and column.
struct DecisionScriptReader {
    /// The file as the user named it.
    let file: String

    static let actions = [
        "decide", "transfer", "delegate", "handBack", "addReviewer", "returnTo", "urge", "withdraw", "wait",
        "waitFor",
    ]

    func read(_ text: String) throws(InputFileError) -> DecisionScript {
        let root = try parseInputFile(text, file: file)
        let object = try InputObject(root, file: file, what: "the script", allowed: ["start", "afterLastStep", "steps"])
        var script = DecisionScript(steps: [])
        if let start = try object.string("start") {
            guard let date = CivilDate(iso: start) else {
                throw object.fail("\"start\" must be a date as YYYY-MM-DD, found \"\(start)\"",
                                  at: object.value("start"))
            }
            script.start = date
        }
        if let after = try object.string("afterLastStep") {
            guard let continuation = DecisionScript.Continuation(rawValue: after) else {
                throw object.fail("\"afterLastStep\" must be \"approve-all\" or \"stop\", found \"\(after)\"",
                                  at: object.value("afterLastStep"))
            }
            script.afterLastStep = continuation
        }
        if let steps = object.value("steps") {
            guard let elements = steps.elements else {
                throw object.fail("\"steps\" must be an array, found \(steps.value.kindDescription)", at: steps)
            }
            for (index, element) in elements.enumerated() {
                script.steps.append(try step(element, number: index + 1))
            }
        }
        return script
    }

    private func step(_ element: JSONElement, number: Int) throws(InputFileError) -> ScriptStep {
        let what = "step \(number)"
        let object = try InputObject(element, file: file, what: what, allowed: ["at"] + Self.actions)
        let named = (element.members ?? []).map(\.key).filter { Self.actions.contains($0) }
        guard named.count == 1, let name = named.first, let body = object.value(name) else {
            throw object.fail("a step needs exactly one of " + Self.actions.map { "\"\($0)\"" }.joined(separator: ", ")
                                + (named.isEmpty ? "" : "; found " + named.map { "\"\($0)\"" }.joined(separator: ", ")))
        }
        var at: Date?
        if let text = try object.string("at") {
            guard ["wait", "waitFor"].contains(name) == false else {
                throw object.fail("\"\(name)\" moves the clock itself; remove \"at\"", at: object.value("at"))
            }
            guard let instant = ChinaTime.parse(text) else {
                throw object.fail("\"at\" must be \(ChinaTime.acceptedForms), found \"\(text)\"",
                                  at: object.value("at"))
            }
            at = instant
        }
        return ScriptStep(number: number, at: at, action: try action(name, body, what: what))
    }

    private func action(_ name: String, _ body: JSONElement, what: String) throws(InputFileError) -> ScriptAction {
        switch name {
        case "wait":
            guard let text = body.string, let instant = ChinaTime.parse(text) else {
                throw InputFileError(file: file, location: body.location,
                                     message: "\(what): \"wait\" must be \(ChinaTime.acceptedForms)")
            }
            return .wait(until: instant)
        case "waitFor":
            guard let text = body.string, !text.isEmpty else {
                throw InputFileError(file: file, location: body.location,
                                     message: "\(what): \"waitFor\" must be \"end\" or a node id")
            }
            return .waitFor(node: text == "end" ? nil : text)
        case "withdraw":
            let object = try InputObject(body, file: file, what: "\"withdraw\" of \(what)",
                                         allowed: ["actor", "comment"])
            return .withdraw(actor: try object.actor("actor"), comment: try object.string("comment"))
        default:
            return try taskAction(name, body, what: what)
        }
    }

    private func taskAction(_ name: String, _ body: JSONElement, what: String) throws(InputFileError) -> ScriptAction {
        let common = ["node", "task", "actor", "comment"]
        let extra: [String]
        switch name {
        case "decide": extra = ["outcome", "data"]
        case "transfer", "delegate": extra = ["to"]
        case "addReviewer": extra = ["reviewer", "blocking"]
        case "returnTo": extra = ["to"]
        default: extra = []
        }
        let object = try InputObject(body, file: file, what: "\"\(name)\" of \(what)", allowed: common + extra)
        guard let node = try object.string("node", required: true) else { throw object.fail("\"node\" is required") }
        let selector = TaskSelector(node: node, key: try object.string("task"), actor: try object.actor("actor"))
        let comment = try object.string("comment")
        switch name {
        case "decide":
            guard let outcome = try object.string("outcome", required: true) else { throw object.fail("no outcome") }
            return .decide(selector, outcome: outcome, comment: comment, data: object.value("data")?.value ?? .null)
        case "transfer", "delegate":
            guard let assignee = try object.assignee("to") else { throw object.fail("\"to\" is required") }
            return name == "transfer" ? .transfer(selector, to: assignee, comment: comment)
                : .delegate(selector, to: assignee, comment: comment)
        case "handBack":
            return .handBack(selector, comment: comment)
        case "addReviewer":
            guard let reviewer = try object.assignee("reviewer") else { throw object.fail("\"reviewer\" is required") }
            return .addReviewer(selector, reviewer: reviewer, blocking: try object.bool("blocking") ?? true,
                                comment: comment)
        case "returnTo":
            guard let target = try object.string("to", required: true) else { throw object.fail("\"to\" is required") }
            return .returnTo(selector, node: target, comment: comment)
        default:
            return .urge(selector, comment: comment)
        }
    }
}
