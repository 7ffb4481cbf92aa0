import FlowCore
import Foundation

/// The project a simulation runs: its id, its variables and who applies.
///
/// Written as `{"id": "demo-1", "applicant": {"id": "…"}, "variables": {"amount": 600}}`; only `variables` is
/// usually needed. The variables are checked against the definition when the project starts.
struct SimulationProject: Sendable {
    static let defaultID = "simulated-project"
    static let defaultApplicant = Actor(id: "applicant", roles: ["project-unit"])

    var id = SimulationProject.defaultID
    var applicant = SimulationProject.defaultApplicant
    var variables: [String: JSONValue] = [:]

    /// Reads a project file's text; `file` names it in errors.
    static func read(_ text: String, file: String) throws(InputFileError) -> SimulationProject {
        let root = try parseInputFile(text, file: file)
        let object = try InputObject(root, file: file, what: "the project file",
                                     allowed: ["id", "applicant", "variables"])
        var project = SimulationProject()
        if let id = try object.string("id") { project.id = id }
        if let applicant = try object.actor("applicant") { project.applicant = applicant }
        if let variables = object.value("variables") {
            guard let members = variables.members else {
                throw object.fail("\"variables\" must be an object, found \(variables.value.kindDescription)",
                                  at: variables)
            }
            for member in members { project.variables[member.key] = member.value.value }
        }
        return project
    }
}
