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
    /// plan's assignments. Throws ``PlanRefused`` (nothing replaced) when a check fails and
    /// ``OutputError`` when the folder cannot be written (nothing replaced).
    ///
    /// With CSV tables the verifier checks the written folder, before it replaces anything: every
    /// rule, tier, indicator and cell as `cadreplan verify` would, which is everything a check of
    /// the plan in memory would find and more, so the plan is verified once, on the files (a plan
    /// that fails is written to the staging folder only, which is then removed). Without CSV
    /// (tables as Markdown or JSON only) there is nothing to read back, and the plan is verified
    /// in memory before anything is written.
    public func write(_ plan: Plan, to folder: String, timings: [String: Double], earlier: [Pin]?, started: Date) throws -> Written {
        let s = plan.scenario
        let summary = PlanSummary(plan: plan, solverName: GLPKSolver.versionDescription, violations: 0)
        var timings = timings
        for t in plan.tiers { timings["solve_\(t.name)"] = t.seconds }
        let readBack = formats.contains(.csv)
        if !readBack { timings["verify"] = try Self.verifyInMemory(plan, summary: summary) }
        let changes = try earlier.map { try Self.changeReport(plan, earlier: $0) }
        let writer = PlanWriter(language: language, formats: formats, spreadsheetWriter: XLSXFileWriter())
        let writeStart = Date()
        var verifySeconds: Double?
        try writer.write(plan, summary: summary, timings: timings.merging(verifySeconds.map { ["verify": $0] } ?? [:]) { _, new in new },
                         changes: changes, to: folder, check: readBack ? { staging in
                             let verifyStart = Date()
                             try Self.verifyWritten(staging, scenario: s)
                             verifySeconds = Date().timeIntervalSince(verifyStart)
                         } : nil)
        if let verifySeconds { timings["verify"] = verifySeconds }
        // The written files were verified inside the write; the write phase is the rest.
        timings["write"] = Date().timeIntervalSince(writeStart) - (verifySeconds ?? 0)
        timings["total"] = Date().timeIntervalSince(started)
        return Written(summary: summary, changes: changes, timings: timings)
    }

    /// Verifies `plan` in memory (tiers, indicators and mode as `summary` claims them) and
    /// returns the seconds it took; throws ``PlanRefused`` when the verifier finds anything.
    private static func verifyInMemory(_ plan: Plan, summary: PlanSummary) throws -> Double {
        let verifyStart = Date()
        let s = plan.scenario
        let assignments = plan.pairs.map { PlannedAssignment(cadre: s.cadres[$0.cadre].id, target: s.targets[$0.target].id, wave: s.waves[$0.wave].id) }
        let claimed = Dictionary(uniqueKeysWithValues: plan.tiers.map { ($0.name, $0.value) })
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
        return Date().timeIntervalSince(verifyStart)
    }

    /// The change list against the earlier plan, recounted from the two plans (not from the
    /// model); it must agree with the stability tier: a second, independent check of re-planning.
    private static func changeReport(_ plan: Plan, earlier: [Pin]) throws -> ChangeReport {
        let report = ChangeReport(previous: earlier, plan: plan)
        let tier = plan.tiers.first { $0.tier == .stability }?.value ?? 0
        guard report.notKept * plan.scenario.weights.move == tier else {
            throw PlanRefused(lines: ["internal check failed: \(report.notKept) earlier assignments changed but the stability tier says \(tier); nothing was written"])
        }
        return report
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
