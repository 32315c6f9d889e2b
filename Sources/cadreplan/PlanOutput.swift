import ArgumentParser
import CadrePlan
import Foundation
import PlanPublishing
import Scenario

/// What `solve` and `merge` do with a finished plan, so that both write the same folder: the
/// independent check, re-planning's change list, the plan folder and the printed summary
/// (the checks and the writing are ``VerifiedPlanWriter``'s, shared with `cadreplan serve`).
struct PlanOutput {
    /// `--lang`, `--format` and `--out` (already validated).
    var lang: String
    var format: String
    var out: String?

    /// Verifies `plan`, writes it and prints its summary; `earlier` is the `--previous` plan's
    /// assignments (read from `previousPath`), `timings` the phases so far, `started` the command's start.
    func finish(_ plan: Plan, timings: [String: Double], earlier: [Pin]?, previousPath: String?, started: Date) throws {
        let writer = VerifiedPlanWriter(language: Language(rawValue: lang) ?? .zh,
                                        formats: format.split(separator: ",").compactMap { TableFormat(rawValue: String($0)) })
        let folder = out ?? writer.defaultFolder(for: plan.scenario)
        let written: VerifiedPlanWriter.Written
        do {
            written = try writer.write(plan, to: folder, timings: timings, earlier: earlier, started: started)
        } catch let refused as PlanRefused {
            for line in refused.lines { printError(line) }
            throw Exit.violations
        }
        print(Report.text(summary: written.summary, timings: written.timings), terminator: "")
        if let changes = written.changes { print("changes against \(previousPath ?? ""): \(changes.notKept) earlier assignments not kept, \(changes.changes.count - changes.notKept) added (changes.csv)") }
        print("plan written to \(folder)")
    }
}
