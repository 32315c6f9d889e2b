import CadrePlan
import Foundation
import GLPKSolver
import PlanVerifier
import Scenario
import XLSXWriter

/// Why a finished plan was not written: the independent checks refused it.
public struct PlanRefused: Error, CustomStringConvertible, Sendable {
    /// One line per finding (verifier violations, or the failed internal check).
    public var lines: [String]
    /// Creates a refusal.
    public init(lines: [String]) { self.lines = lines }
    /// Every finding on its own line.
    public var description: String { lines.joined(separator: "\n") }
}

/// The one path by which a plan reaches disk, shared by `cadreplan solve`, `merge` and the
/// planning desk (`cadreplan serve`): verify, recount the changes, write atomically, read the
/// written folder back and verify it again before it replaces anything.
public struct VerifiedPlanWriter: Sendable {
    /// Header language of the tables.
    public var language: Language
    /// Table formats to write.
    public var formats: [TableFormat]

    /// Creates a writer.
    public init(language: Language, formats: [TableFormat]) { self.language = language; self.formats = formats }

    /// What was written.
    public struct Written: Sendable {
        /// The plan's summary (as in summary.json).
        public var summary: PlanSummary
        /// The change list against the earlier plan, if one was given.
        public var changes: ChangeReport?
        /// The phases' seconds, with verify, write and total added.
        public var timings: [String: Double]
    }

    /// The default plan folder of a scenario, relative to the working folder.
    public func defaultFolder(for scenario: Scenario) -> String {
        "plans/\(PlanWriter().safeName(scenario.name))"
    }

    /// Verifies `plan`, writes it to `folder` and returns its summary; `earlier` is the previous
    /// plan's assignments. Throws ``PlanRefused`` (nothing written) when a check fails and
    /// ``OutputError`` when the folder cannot be written (nothing replaced).
    public func write(_ plan: Plan, to folder: String, timings: [String: Double], earlier: [Pin]?, started: Date) throws -> Written {
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
            throw PlanRefused(lines: report.violations.map(\.description)
                + ["the plan failed verification (\(report.violations.count) violations); nothing was written"])
        }
        var timings = timings
        timings["verify"] = Date().timeIntervalSince(verifyStart)
        for t in plan.tiers { timings["solve_\(t.name)"] = t.seconds }
        // The change list is recounted from the two plans (not from the model) and must agree
        // with the stability tier: a second, independent check of re-planning.
        var changes: ChangeReport? = nil
        if let earlier {
            let report = ChangeReport(previous: earlier, plan: plan)
            let tier = plan.tiers.first { $0.tier == .stability }?.value ?? 0
            guard report.notKept * s.weights.move == tier else {
                throw PlanRefused(lines: ["internal check failed: \(report.notKept) earlier assignments changed but the stability tier says \(tier); nothing was written"])
            }
            changes = report
        }
        let writer = PlanWriter(language: language, formats: formats, spreadsheetWriter: XLSXFileWriter())
        let writeStart = Date()
        // The written folder is read back and verified before it replaces anything.
        try writer.write(plan, summary: summary, timings: timings, changes: changes, to: folder,
                         check: formats.contains(.csv) ? { try Self.verifyWritten($0, scenario: s) } : nil)
        timings["write"] = Date().timeIntervalSince(writeStart)
        timings["total"] = Date().timeIntervalSince(started)
        return Written(summary: summary, changes: changes, timings: timings)
    }

    /// Reads the plan folder just written at `staging` back and verifies every file of it as
    /// `cadreplan verify` would; throws ``PlanRefused`` (so nothing replaces the old plan) on any finding.
    private static func verifyWritten(_ staging: String, scenario: Scenario) throws {
        let report: VerificationReport
        do {
            report = PlanVerifier.verify(scenario: scenario, plan: try PlanFolderReader.readPlan(folder: staging))
        } catch {
            throw PlanRefused(lines: [error.description, "the written plan could not be read back; nothing was replaced"])
        }
        guard report.isValid else {
            throw PlanRefused(lines: report.violations.map(\.description)
                + ["the written plan failed verification (\(report.violations.count) violations); nothing was replaced"])
        }
    }
}
