import FlowCore
import Foundation
import Stages

/// Drives N projects through the reference workflow in memory, by scripted decisions: stage transitions per
/// second, and memory per running project.
struct EngineBenchmark {
    let calendar: HolidayCalendar

    func run(quick: Bool) throws {
        let definition = try DefinitionLoader(registry: BuiltInStages.registry())
            .load(ReferenceWorkflow.source, file: "reference.json")
        let engine = WorkflowEngine(definition: definition, registry: BuiltInStages.registry(), calendar: calendar)
        var rates: [Double] = []
        for count in quick ? [1_000, 10_000] : [10_000, 100_000] {
            rates.append(try drive(engine, projects: count))
        }
        try memory(engine, projects: quick ? 10_000 : 100_000)
        Measurement(name: "engine.transitions.growth", parameters: ["sizes": quick ? "1k→10k" : "10k→100k"],
                    operations: 0, seconds: 0, extra: ["rateRatio": rates[1] / rates[0]]).print()
    }

    /// Runs `projects` projects to their end; returns stage transitions per second.
    private func drive(_ engine: WorkflowEngine, projects: Int) throws -> Double {
        let start = CivilDate(iso: "2024-09-27")!.startInChina.addingTimeInterval(9 * 3600)
        var transitions = 0
        var decisions = 0
        let seconds = try measureSeconds {
            for index in 0..<projects {
                var state = try engine.start(projectID: "p\(index)", variables: ["amount": .number(index % 1000)],
                                             actor: Actor(id: "unit"), at: start).state
                while let task = state.openTasks.first {
                    let step = try engine.handle(
                        .decide(task: task.id, actor: ReferenceWorkflow.actor(for: task.assignee),
                                outcome: task.outcomes[0], comment: nil, data: .null),
                        state: state, at: start)
                    decisions += 1
                    for entry in step.entries {
                        if case .stageCompleted = entry.event { transitions += 1 }
                    }
                    state = step.state
                }
            }
        }
        Measurement(name: "engine.in-memory", parameters: ["projects": String(projects)], operations: transitions,
                    seconds: seconds, extra: ["decisionsPerSecond": Double(decisions) / seconds]).print()
        return Double(transitions) / seconds
    }

    /// Keeps `projects` projects waiting in the parallel block and measures the memory they take.
    private func memory(_ engine: WorkflowEngine, projects: Int) throws {
        let start = CivilDate(iso: "2024-09-27")!.startInChina.addingTimeInterval(9 * 3600)
        let before = ProcessMemory.residentBytes()
        var states: [InstanceState] = []
        states.reserveCapacity(projects)
        let seconds = try measureSeconds {
            for index in 0..<projects {
                let state = try engine.start(projectID: "m\(index)", variables: ["amount": .number(100)],
                                             actor: Actor(id: "unit"), at: start).state
                guard let task = state.openTasks.first else { continue }
                states.append(try engine.handle(
                    .decide(task: task.id, actor: ReferenceWorkflow.actor(for: task.assignee), outcome: "approve",
                            comment: nil, data: .null),
                    state: state, at: start).state)
            }
        }
        let after = ProcessMemory.residentBytes()
        Measurement(name: "engine.memory-per-running-project", parameters: ["projects": String(states.count)],
                    operations: states.count, seconds: seconds,
                    extra: ["bytesPerProject": Double(after - before) / Double(max(states.count, 1))]).print()
        withExtendedLifetime(states) {}
    }
}
