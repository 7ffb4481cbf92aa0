import Foundation
import Runner
import Stages

exit(GovFlowCommand.run(arguments: Array(CommandLine.arguments.dropFirst()), registry: BuiltInStages.registry()))
