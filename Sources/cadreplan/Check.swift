import ArgumentParser
import CadrePlan
import Scenario

extension CadrePlanCommand {
    /// `cadreplan check`: validates a scenario without solving it.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a scenario folder and report every problem at once.",
            discussion: "Besides every file, line and cell, pins are checked against the rules under the mode given here (or the scenario's): a pinned pair a rule forbids, a cadre pinned beyond its targets or capacity, pins alone over a wave quota — what `solve` would refuse.")

        @Argument(help: "Scenario folder.")
        var scenario: String

        @OptionGroup var model: ModelOptions

        func run() throws {
            let errors = ScenarioLoader.validate(folder: scenario)
            guard errors.isEmpty else {
                for e in errors { printError(e.description) }
                printError("\(errors.count) error\(errors.count == 1 ? "" : "s") in \(scenario)")
                throw Exit.inputError
            }
            let s = try loadScenario(scenario)
            let pinProblems = PinCheck.problems(s, mode: model.mode)
            guard pinProblems.isEmpty else {
                for e in pinProblems { printError(e.description) }
                printError("\(pinProblems.count) pin\(pinProblems.count == 1 ? "" : "s") cannot be kept in \(scenario)")
                throw Exit.inputError
            }
            print("\(scenario): ok — \(s.cadres.count) cadres, \(s.targets.count) targets, \(s.regions.count) regions, \(s.waves.count) waves, \(s.pairs.count) pair rules, \(s.pins.count) pins")
        }
    }
}
