import Scenario

/// Checks a re-plan's changes.csv against the plan and recounts the stability tier from it.
///
/// The earlier plan is not in the folder, but the plan and its change list together describe it:
/// the earlier assignments are the plan's rows not listed as added, plus the rows listed as
/// removed or moved. So each listed change must agree with the plan, and the stability tier is
/// `move` times the earlier assignments not kept (docs/DATA.md).
enum ChangeCheck {
    /// Appends a violation for every change that contradicts `rows`; returns the stability tier.
    static func check(_ changes: [ChangeRow], plan rows: [AssignmentRow], index: ScenarioIndex, into violations: inout [Violation]) -> Int {
        let planned = Set(rows.map(\.assignment))
        var byCadre: [String: [PlannedAssignment]] = [:]
        for a in planned { byCadre[a.cadre, default: []].append(a) }
        var notKept = Set<PlannedAssignment>()
        for change in changes {
            let a = change.assignment
            let at = "changes.csv line \(change.line): \(change.kind.rawValue) cadre \(a.cadre) → target \(a.target) in wave \(a.wave)"
            func report(_ why: String) { violations.append(Violation(rule: .changeMismatch, message: "\(at): \(why)")) }
            switch change.kind {
            case .added:
                if !planned.contains(a) { report("the plan has no such assignment") }
            case .removed, .moved:
                notKept.insert(a)
                if planned.contains(a) { report("listed as not kept, but the plan has it") }
                let now = (byCadre[a.cadre] ?? []).map { "\($0.target)@\($0.wave)" }.sorted().joined(separator: ";")
                if change.kind == .removed && !now.isEmpty {
                    report("listed as removed, but the cadre serves \(now.quotedForMessage)")
                } else if change.kind == .moved && now != change.now {
                    report("the cadre is now at \(now.isEmpty ? "nothing" : now.quotedForMessage), not \(change.now.quotedForMessage)")
                }
            }
        }
        return index.scenario.weights.move.multipliedSaturated(by: notKept.count)
    }
}
