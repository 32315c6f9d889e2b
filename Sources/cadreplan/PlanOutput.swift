import ArgumentParser
import CadrePlan
import Foundation
import GLPKSolver
import PlanVerifier
import Scenario
import XLSXWriter

/// What `solve` and `merge` do with a finished plan, so that both write the same folder: the
/// independent check, re-planning's change list, the plan folder and the printed summary.
struct PlanOutput {
    /// `--lang`, `--format` and `--out` (already validated).
    var lang: String
    var format: String
    var out: String?

    /// Verifies `plan`, writes it and prints its summary; `earlier` is the `--previous` plan's
    /// assignments (read from `previousPath`), `timings` the phases so far, `started` the command's start.
    func finish(_ plan: Plan, timings: [String: Double], earlier: [Pin]?, previousPath: String?, started: Date) throws {
        // The independent check: nothing is written unless it passes.
        let verifyStart = Date()
        let s = plan.scenario
        let assignments = plan.pairs.map { PlannedAssignment(cadre: s.cadres[$0.cadre].id, target: s.targets[$0.target].id, wave: s.waves[$0.wave].id) }
        let claimed = Dictionary(uniqueKeysWithValues: plan.tiers.map { ($0.name, $0.value) })
        let summary = PlanSummary(plan: plan, solverName: GLPKSolver.versionDescription, violations: 0)
        // The indicators the plan will report are recounted by the verifier, on its own.
        let claimedIndicators = summary.indicators.indicators.map {
            IndicatorCount(id: $0.id, targets: $0.targets, declined: $0.declined, accepting: $0.accepting, covered: $0.covered)
        }
        let report = PlanVerifier.verify(scenario: s, assignments: assignments, claimed: claimed,
                                         claimedIndicators: claimedIndicators, claimedMode: summary.mode)
        guard report.isValid else {
            for v in report.violations { printError(v.description) }
            printError("the plan failed verification (\(report.violations.count) violations); nothing was written")
            throw Exit.violations
        }
        let verifySeconds = Date().timeIntervalSince(verifyStart)

        var timings = timings
        timings["verify"] = verifySeconds
        for t in plan.tiers { timings["solve_\(t.name)"] = t.seconds }
        // The change list is recounted from the two plans (not from the model) and must agree
        // with the stability tier: a second, independent check of re-planning.
        var changes: ChangeReport? = nil
        if let earlier {
            let report = ChangeReport(previous: earlier, plan: plan)
            let tier = plan.tiers.first { $0.tier == .stability }?.value ?? 0
            guard report.notKept * s.weights.move == tier else {
                printError("internal check failed: \(report.notKept) earlier assignments changed but the stability tier says \(tier); nothing was written")
                throw Exit.violations
            }
            changes = report
        }
        let writer = PlanWriter(language: Language(rawValue: lang) ?? .zh,
                                formats: format.split(separator: ",").compactMap { TableFormat(rawValue: String($0)) },
                                spreadsheetWriter: XLSXFileWriter())
        let folder = out ?? "plans/\(writer.safeName(s.name))"
        let writeStart = Date()
        // The written folder is read back and verified before it replaces anything (OutputError: exit 5).
        try writer.write(plan, summary: summary, timings: timings, changes: changes, to: folder,
                         check: writer.formats.contains(.csv) ? { try verifyWritten($0, scenario: s) } : nil)
        timings["write"] = Date().timeIntervalSince(writeStart)
        timings["total"] = Date().timeIntervalSince(started)
        print(Report.text(summary: summary, timings: timings), terminator: "")
        if let changes { print("changes against \(previousPath ?? ""): \(changes.notKept) earlier assignments not kept, \(changes.changes.count - changes.notKept) added (changes.csv)") }
        print("plan written to \(folder)")
    }
}

/// Reads the plan folder just written at `staging` back and verifies every file of it as
/// `cadreplan verify` would; throws exit 3 (so nothing replaces the old plan) on any finding.
private func verifyWritten(_ staging: String, scenario: Scenario) throws {
    let report: VerificationReport
    do {
        report = PlanVerifier.verify(scenario: scenario, plan: try PlanFolderReader.readPlan(folder: staging))
    } catch {
        printError(error.description)
        printError("the written plan could not be read back; nothing was replaced")
        throw Exit.violations
    }
    guard report.isValid else {
        for v in report.violations { printError(v.description) }
        printError("the written plan failed verification (\(report.violations.count) violations); nothing was replaced")
        throw Exit.violations
    }
}
