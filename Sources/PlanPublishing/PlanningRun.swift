import CadrePlan
import Foundation
import GLPKSolver
import MIP
import Scenario

/// One solve as the planning desk runs it, from a loaded scenario to a verified plan folder:
/// GLPK with the exact matching path, the earlier plan's assignments as the stability tier's
/// reference when re-solving, and the plan written only through ``VerifiedPlanWriter``.
/// The desk's solves and the pin-and-re-solve benchmark both go through here.
public enum PlanningRun {
    /// What a run published: the plan folder as written, and, when the workbooks were left for
    /// later, how to write them.
    public struct Published: Sendable {
        /// The written plan folder's summary, change list and timings.
        public var written: VerifiedPlanWriter.Written
        /// Writes the plan folder once more, now with its workbooks, through the same verified,
        /// atomic path (the tables come out byte for byte as before); nil when the workbooks
        /// were written with the tables.
        public var workbooks: (@Sendable () throws -> VerifiedPlanWriter.Written)?
    }

    /// Plans `scenario` and writes the plan (csv and xlsx tables, in `language`) to `folder`.
    ///
    /// - Parameters:
    ///   - previous: the current plan's assignments to stay close to (fewest changes), or nil.
    ///   - workbooksLater: publish the tables first and leave the workbooks to
    ///     ``Published/workbooks``: the desk shows a re-solved plan as soon as its tables are
    ///     verified and written (the workbooks take about a quarter of a second more on
    ///     hainan-2022, and only a download needs them).
    ///   - progress: the planner's progress reports.
    ///   - cancellation: raised to stop; the run then throws ``PlanError/cancelled``.
    ///   - mayWrite: asked once the plan is made, just before writing; false throws
    ///     ``PlanError/cancelled`` with nothing written (the desk's last chance to honour a cancel).
    /// - Throws: ``PlanError`` when no plan is made, ``PlanRefused`` or ``OutputError`` when it is
    ///   not written; the folder then holds the last plan as it was.
    public static func solve(_ scenario: Scenario, to folder: String, previous: [Pin]?, language: Language,
                             workbooksLater: Bool = false,
                             progress: (@Sendable (PlanProgress) -> Void)? = nil, cancellation: Cancellation? = nil,
                             mayWrite: () -> Bool = { true }) throws -> Published {
        let started = Date()
        var options = PlannerOptions()
        options.matchingSolver = MatchingRoutine { try AssignmentSolver.maximumWeightMatching(left: $0, right: $1, edges: $2) }
        options.previous = previous
        options.progress = progress
        options.cancellation = cancellation
        let plan = try Planner(solver: GLPKSolver()).plan(scenario, options: options)
        guard mayWrite() else { throw PlanError.cancelled }
        var timings = plan.statistics.seconds
        timings["read"] = 0
        let written = try VerifiedPlanWriter(language: language, formats: workbooksLater ? [.csv] : [.csv, .xlsx])
            .write(plan, to: folder, timings: timings, earlier: previous, started: started)
        guard workbooksLater else { return Published(written: written, workbooks: nil) }
        let phases = timings
        return Published(written: written, workbooks: {
            try VerifiedPlanWriter(language: language, formats: [.csv, .xlsx])
                .write(plan, to: folder, timings: phases, earlier: previous, started: started)
        })
    }
}
