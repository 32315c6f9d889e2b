import ArgumentParser
import CadrePlan
import Foundation
import GLPKSolver
import PlanVerifier
import Scenario

extension CadrePlanCommand {
    /// `cadreplan explain`: why targets are left without full service, and what would close each shortage.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain why targets are short of cadres, and check what would close each shortage.",
            discussion: """
            For every target served below its demand, says what keeps cadres from it: no compatible
            cadre (and which rule excludes them), compatible cadres all busy with other targets, a
            full wave quota, or one-to-many capacity. Then recommends extra cadres (level, region,
            group, rank, wave) and quota raises that close every shortage that can be closed, and
            checks the claim by re-solving the scenario with them added.
            Without PLAN the scenario is solved first; with PLAN (a folder written by `solve`) its
            assignments.csv is verified and explained as it is.
            """)

        @Argument(help: "Scenario folder.")
        var scenario: String

        @Argument(help: "Plan folder written by `cadreplan solve` (optional: without it the scenario is solved).")
        var plan: String?

        @OptionGroup var solving: SolvingOptions

        @Option(help: "Report language: zh or en.")
        var lang: String = "zh"

        @Option(help: "Report format: text, md or json.")
        var format: String = "text"

        @Option(help: "Most shortage entries shown in text and md (0: all).")
        var limit: Int = 40

        @Flag(name: .customLong("no-check"), help: "Do not re-solve to check the recommendations.")
        var noCheck = false

        func validate() throws {
            guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be zh or en, got '\(lang)'") }
            guard ["text", "md", "json"].contains(format) else { throw ValidationError("--format must be text, md or json, got '\(format)'") }
            guard limit >= 0 else { throw ValidationError("--limit must be 0 or more, got \(limit)") }
        }

        func run() throws {
            var loaded = try loadScenario(scenario)
            if let override = solving.assignmentMode { loaded.mode = override }
            if let order = solving.model.tiers?.tiers { loaded.tierOrder = order }
            var options = solving.plannerOptions()
            options.mode = nil
            options.tierOrder = nil
            let line = ProgressLine(enabled: standardErrorIsTerminal)
            options.progress = { line.update($0) }

            let given = try plan.map { try readPlan($0, scenario: loaded) }
            let explanation: Explanation
            do {
                explanation = try Explainer.explain(loaded, plan: given, solver: solving.solver, options: options, check: !noCheck)
            } catch let error as PlanError {
                line.finish()
                printError("\(scenario): \(error)")
                throw Exit.noPlan
            }
            line.finish()
            let report = ExplanationReport(explanation: explanation, scenario: loaded,
                                           language: Language(rawValue: lang) ?? .zh, limit: limit == 0 ? nil : limit)
            switch format {
            case "md": print(report.markdown(), terminator: "")
            case "json": print(try report.json(), terminator: "")
            default: print(report.text(), terminator: "")
            }
        }

        /// Reads and verifies a plan folder; a plan that breaks a rule is not explained (exit 3).
        private func readPlan(_ folder: String, scenario s: Scenario) throws -> Plan {
            let read: (assignments: [PlannedAssignment], claimed: [String: Int])
            do {
                read = try PlanFolderReader.read(folder: folder, scenario: s)
            } catch {
                printError(error.description)
                throw Exit.inputError
            }
            // Claimed tier values are not compared: a plan made with another --mode or time limit
            // still has assignments worth explaining, as long as they keep every rule.
            let report = PlanVerifier.verify(scenario: s, assignments: read.assignments, claimed: [:])
            guard report.isValid else {
                for v in report.violations { printError(v.description) }
                printError("\(folder): the plan breaks \(report.violations.count) rule\(report.violations.count == 1 ? "" : "s"); nothing to explain")
                throw Exit.violations
            }
            do {
                return try Explainer.plan(s, assignments: read.assignments.map { ($0.cadre, $0.target, $0.wave) })
            } catch {
                printError("\(folder): \(error)")
                throw Exit.inputError
            }
        }
    }
}
