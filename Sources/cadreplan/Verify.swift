import ArgumentParser
import Foundation
import PlanVerifier
import Scenario

extension CadrePlanCommand {
    /// `cadreplan verify`: checks a plan folder against its scenario, independently of the planner.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify a plan against every hard rule and recompute its tier values.",
            discussion: "The verifier shares no code with the model builder. It checks every hard rule, every cell of assignments.csv that the scenario determines (dates, names, ranks, units, categories, regions, distances), every tier summary.json must claim (and refuses unknown or renamed tiers), every campaign indicator it claims, the mode it was made under, and for a re-plan its changes.csv and stability tier. It exits 3 when it finds a violation and 2 when the plan folder cannot be read (summary.json is required).")

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
            if let order = model.tiers?.tiers { s.tierOrder = order }
            let read: PlanFolderContents
            do {
                read = try PlanFolderReader.readPlan(folder: plan)
            } catch {
                printError(error.description)
                printError("\(error.errors.count) error\(error.errors.count == 1 ? "" : "s") in \(plan.escapedForMessage); nothing verified")
                throw Exit.inputError
            }
            let report = PlanVerifier.verify(scenario: s, plan: read)
            for v in report.violations { printError(v.description) }
            let t = report.tiers
            let stability = report.stability.map { ", stability \($0)" } ?? ""
            print("\(read.rows.count) assignments; coverage \(t.coverage), principle \(t.principle), timeliness \(t.timeliness)\(stability), quality \(t.quality)")
            guard report.isValid else {
                printError("\(report.violations.count) violation\(report.violations.count == 1 ? "" : "s")")
                throw Exit.violations
            }
            print("valid: every rule holds and the claimed tier values and indicators match")
        }
    }
}
