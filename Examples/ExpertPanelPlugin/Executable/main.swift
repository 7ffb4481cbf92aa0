import ExpertPanelPlugin
import Foundation
import Runner
import Stages

var registry = BuiltInStages.registry()
registry.register(ExpertArgumentationStage())
exit(GovFlowCommand.run(arguments: Array(CommandLine.arguments.dropFirst()), registry: registry))
