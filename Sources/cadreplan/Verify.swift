import ArgumentParser
import Foundation
import PlanVerifier
import Scenario

extension CadrePlanCommand {
    /// `cadreplan verify`: checks a plan folder against its scenario, independently of the planner.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify a plan against every hard rule and recompute its tier values.",
            discussion: "The verifier shares no code with the model builder; it exits 3 when it finds a violation.")

        @Argument(help: "Scenario folder.")
        var scenario: String

        @Argument(help: "Plan folder written by `cadreplan solve`.")
        var plan: String

        @OptionGroup var model: ModelOptions

        func run() throws {
            var s = try loadScenario(scenario)
            // The plan is checked under the mode it was made for: the scenario's, or the one given here
            // (as for `solve --mode`). A plan that says otherwise in summary.json is reported.
            if let mode = model.mode { s.mode = mode }
            let read: (assignments: [PlannedAssignment], claimed: [String: Int])
            do {
                read = try PlanFolderReader.read(folder: plan, scenario: s)
            } catch {
                printError(error.description)
                throw Exit.inputError
            }
            let summary = IndicatorClaims.read(path: (plan as NSString).appendingPathComponent("summary.json"))
            let report = PlanVerifier.verify(scenario: s, assignments: read.assignments, claimed: read.claimed,
                                             claimedIndicators: summary.indicators, claimedMode: summary.mode)
            for v in report.violations { printError(v.description) }
            let t = report.tiers
            print("\(read.assignments.count) assignments; coverage \(t.coverage), principle \(t.principle), timeliness \(t.timeliness), quality \(t.quality)")
            guard report.isValid else {
                printError("\(report.violations.count) violation\(report.violations.count == 1 ? "" : "s")")
                throw Exit.violations
            }
            print("valid: every rule holds and the claimed tier values and indicators match")
        }
    }
}
