import ArgumentParser
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

        func run() throws {
            let s = try loadScenario(scenario)
            let read: (assignments: [PlannedAssignment], claimed: [String: Int])
            do {
                read = try PlanFolderReader.read(folder: plan, scenario: s)
            } catch {
                printError(error.description)
                throw Exit.inputError
            }
            let report = PlanVerifier.verify(scenario: s, assignments: read.assignments, claimed: read.claimed)
            for v in report.violations { printError(v.description) }
            let t = report.tiers
            print("\(read.assignments.count) assignments; coverage \(t.coverage), timeliness \(t.timeliness), quality \(t.quality)")
            guard report.isValid else {
                printError("\(report.violations.count) violation\(report.violations.count == 1 ? "" : "s")")
                throw Exit.violations
            }
            print("valid: every rule holds and the claimed tier values match")
        }
    }
}
