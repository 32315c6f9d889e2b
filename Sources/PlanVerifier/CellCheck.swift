import Scenario

/// Checks the cells of assignments.csv that the scenario determines: the wave's date, the cadre's
/// group (id and name), name, rank and unit, the target's name, category, level and region (id
/// and name), and the distance.
///
/// A planner reads these cells, not the ids: a row whose date belongs to another wave or whose
/// distance was edited would send someone to the wrong place on the wrong day while every rule
/// on the ids still holds. Cells that depend on an id the scenario does not know are skipped (the
/// unknown id is reported instead).
enum CellCheck {
    /// Appends a violation for every cell of `rows` that disagrees with `index`'s scenario.
    static func check(_ rows: [AssignmentRow], index: ScenarioIndex, into violations: inout [Violation]) {
        let scenario = index.scenario
        let groupNames = Dictionary(scenario.groups.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let regionNames = Dictionary(scenario.regions.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for row in rows {
            let a = row.assignment
            let cadre = index.cadres[a.cadre], target = index.targets[a.target]
            let wave = index.waveIndex[a.wave].map { index.scenario.waves[$0] }
            func expect(_ column: PlanColumn, _ expected: String, same: (String, String) -> Bool = { $0 == $1 }) {
                guard let found = row.cells[column], !same(found, expected) else { return }
                let at = "assignments.csv line \(row.line), column \(row.positions[column] ?? 0) (\(column.label)): cadre \(a.cadre) → target \(a.target) in wave \(a.wave)"
                violations.append(Violation(rule: .wrongCell(column),
                    message: "\(at): found \(found.quotedForMessage), expected \(expected.quotedForMessage)"))
            }
            if let wave { expect(.date, wave.date) }
            if let cadre {
                expect(.groupID, cadre.group ?? "")
                expect(.groupName, cadre.group.flatMap { groupNames[$0] } ?? "")
                expect(.cadreName, cadre.name)
                // The writer gives the Chinese rank (厅/处/科); any spelling of the right rank is fine.
                expect(.rank, cadre.rank.chinese) { found, _ in Rank(text: found) == cadre.rank }
                expect(.unit, cadre.unit)
            }
            if let target {
                expect(.targetName, target.name)
                expect(.category, target.category)
                // The writer gives the level in the plan's language; any spelling of the right level is fine.
                expect(.level, target.level.rawValue) { found, _ in Level(scenarioText: found) == target.level }
                expect(.regionID, target.region)
                expect(.regionName, regionNames[target.region] ?? target.region)
            }
            if let cadre, let target {
                let km = GreatCircle.roundedKilometres(from: cadre.region, to: target.region, regions: index.regions)
                expect(.distanceKm, String(km)) { found, _ in Int(found) == km }
            }
        }
    }
}
