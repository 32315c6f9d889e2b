import ArgumentParser
import Scenario

extension CadrePlanCommand {
    /// `cadreplan check`: validates a scenario without solving it.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a scenario folder and report every problem at once.")

        @Argument(help: "Scenario folder.")
        var scenario: String

        func run() throws {
            let errors = ScenarioLoader.validate(folder: scenario)
            guard errors.isEmpty else {
                for e in errors { printError(e.description) }
                printError("\(errors.count) error\(errors.count == 1 ? "" : "s") in \(scenario)")
                throw Exit.inputError
            }
            let s = try loadScenario(scenario)
            print("\(scenario): ok — \(s.cadres.count) cadres, \(s.targets.count) targets, \(s.regions.count) regions, \(s.waves.count) waves, \(s.pairs.count) pair rules, \(s.pins.count) pins")
        }
    }
}
