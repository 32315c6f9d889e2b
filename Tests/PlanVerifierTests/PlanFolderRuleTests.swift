import PlanVerifier
import Scenario
import Testing

private typealias F = Fixture

/// A row of assignments.csv for cadre `c` → target `t` with every cell as the writer must fill
/// it for `Fixture.scenario()`, written out by hand from the fixture (not by the verifier):
/// cadre 干部c, division (处), no group, no unit, target 企业t, category 工业, province level
/// (省级), region hk (海口).
func planRow(_ c: String = "c1", _ t: String = "t1", _ w: String = "w1", line: Int = 2,
             date: String? = nil, distance: String = "0", change: [PlanColumn: String] = [:]) -> AssignmentRow {
    var cells: [PlanColumn: String] = [
        .wave: w, .date: date ?? (w == "w1" ? "2022-09-16" : "2022-10-01"), .groupID: "", .groupName: "", .cadreID: c,
        .cadreName: "干部\(c)", .rank: "处", .unit: "", .targetID: t, .targetName: "企业\(t)",
        .category: "工业", .level: "省级", .regionID: "hk", .regionName: "海口", .distanceKm: distance,
    ]
    for (column, text) in change { cells[column] = text }
    let positions = Dictionary(uniqueKeysWithValues: PlanColumn.allCases.enumerated().map { ($1, $0 + 1) })
    return AssignmentRow(line: line, assignment: PlannedAssignment(cadre: c, target: t, wave: w), cells: cells, positions: positions)
}

/// Claims in summary.json order; `nil` values claim nothing.
func claims(_ pairs: KeyValuePairs<String, Int?>) -> [ClaimedTier] {
    pairs.map { ClaimedTier(name: $0.key, value: $0.value) }
}

/// The valid plan c1 → t1 in w1 claims coverage 0 (demand met), timeliness 0 (first wave) and
/// quality 70 = β·(division 2 − section 1) + γ·(工业 not among c1's skills) = 20 + 50.
let rightClaims = claims(["coverage": 0, "timeliness": 0, "quality": 70])

/// A plan folder that breaks one folder-level rule (cells, claims, changes) and nothing else.
struct BrokenFolder: Sendable, CustomTestStringConvertible {
    var name: String
    var rule: Rule
    var scenario: Scenario = F.scenario()
    var plan: PlanFolderContents
    var mentions: [String]
    var testDescription: String { name }
}

let brokenFolders: [BrokenFolder] = [
    // Finding 5: a date that belongs to another wave.
    BrokenFolder(name: "date of another wave", rule: .wrongCell(.date),
                 plan: .init(rows: [planRow(date: "2022-10-01")], claims: rightClaims, changes: nil),
                 mentions: ["line 2", "2022-10-01", "2022-09-16"]),
    BrokenFolder(name: "group", rule: .wrongCell(.groupID),
                 plan: .init(rows: [planRow(change: [.groupID: "g1"])], claims: rightClaims, changes: nil), mentions: ["g1"]),
    BrokenFolder(name: "group name", rule: .wrongCell(.groupName),
                 plan: .init(rows: [planRow(change: [.groupName: "工信组"])], claims: rightClaims, changes: nil), mentions: ["工信组"]),
    BrokenFolder(name: "cadre name", rule: .wrongCell(.cadreName),
                 plan: .init(rows: [planRow(change: [.cadreName: "李四"])], claims: rightClaims, changes: nil), mentions: ["李四", "干部c1"]),
    BrokenFolder(name: "rank", rule: .wrongCell(.rank),
                 plan: .init(rows: [planRow(change: [.rank: "厅"])], claims: rightClaims, changes: nil), mentions: ["厅"]),
    BrokenFolder(name: "unit", rule: .wrongCell(.unit),
                 plan: .init(rows: [planRow(change: [.unit: "省工信厅"])], claims: rightClaims, changes: nil), mentions: ["省工信厅"]),
    BrokenFolder(name: "target name", rule: .wrongCell(.targetName),
                 plan: .init(rows: [planRow(change: [.targetName: "别的企业"])], claims: rightClaims, changes: nil), mentions: ["别的企业"]),
    BrokenFolder(name: "category", rule: .wrongCell(.category),
                 plan: .init(rows: [planRow(change: [.category: "服务业"])], claims: rightClaims, changes: nil), mentions: ["服务业"]),
    BrokenFolder(name: "level", rule: .wrongCell(.level),
                 plan: .init(rows: [planRow(change: [.level: "市县"])], claims: rightClaims, changes: nil), mentions: ["市县"]),
    BrokenFolder(name: "region", rule: .wrongCell(.regionID),
                 plan: .init(rows: [planRow(change: [.regionID: "sy"])], claims: rightClaims, changes: nil), mentions: ["'sy'", "'hk'"]),
    BrokenFolder(name: "region name", rule: .wrongCell(.regionName),
                 plan: .init(rows: [planRow(change: [.regionName: "三亚"])], claims: rightClaims, changes: nil), mentions: ["'三亚'", "'海口'"]),
    // Finding 5: a falsified distance. 三亚 → 海口 is 211.9 km by the haversine of docs/DATA.md
    // (computed by hand from the fixture's seats), so 212; the plan says 12.
    BrokenFolder(name: "distance", rule: .wrongCell(.distanceKm),
                 scenario: F.scenario(cadres: [F.cadre("c1", region: "sy")]),
                 plan: .init(rows: [planRow(distance: "12")], claims: claims(["coverage": 0, "timeliness": 0, "quality": 282]), changes: nil),
                 mentions: ["'12'", "'212'"]),
    // Finding 5: a tier the plan must claim is missing (here: claimed as null).
    BrokenFolder(name: "tier without a value", rule: .tierMissing,
                 plan: .init(rows: [planRow()], claims: claims(["coverage": 0, "timeliness": 0, "quality": nil]), changes: nil),
                 mentions: ["quality"]),
    BrokenFolder(name: "unknown tier", rule: .tierUnknown,
                 plan: .init(rows: [planRow()], claims: rightClaims + claims(["moves": 0]), changes: nil), mentions: ["moves"]),
    // A change list that contradicts the plan: c1 → t2 is listed as added but is not planned. No
    // earlier assignment is listed as not kept, so the stability tier is 0, claimed right.
    BrokenFolder(name: "change list contradicts the plan", rule: .changeMismatch,
                 plan: .init(rows: [planRow()], claims: claims(["coverage": 0, "timeliness": 0, "stability": 0, "quality": 70]),
                             changes: [ChangeRow(line: 2, kind: .added, assignment: row("c1", "t2"), now: "")]),
                 mentions: ["changes.csv line 2", "c1", "t2"]),
]

@Suite("Each plan-folder rule broken alone")
struct PlanFolderRuleTests {
    @Test("reports exactly the broken rule", arguments: brokenFolders)
    func reportsExactlyTheBrokenRule(_ case_: BrokenFolder) {
        let report = PlanVerifier.verify(scenario: case_.scenario, plan: case_.plan)
        #expect(report.violations.map(\.rule) == [case_.rule], "\(report.violations)")
        let message = report.violations.first?.description ?? ""
        for text in case_.mentions { #expect(message.contains(text), "\(message.debugDescription) should mention \(text)") }
    }

    @Test("the plan with every cell and claim right is valid, and any spelling of the right rank is accepted")
    func validFolder() {
        #expect(PlanVerifier.verify(scenario: F.scenario(), plan: .init(rows: [planRow()], claims: rightClaims, changes: nil)).violations.isEmpty)
        for rank in ["处", "处级", "division", " Division "] {
            let plan = PlanFolderContents(rows: [planRow(change: [.rank: rank.trimmingCharacters(in: .whitespaces)])], claims: rightClaims, changes: nil)
            #expect(PlanVerifier.verify(scenario: F.scenario(), plan: plan).violations.isEmpty, "\(rank)")
        }
        let far = PlanFolderContents(rows: [planRow(distance: "212")], claims: claims(["coverage": 0, "timeliness": 0, "quality": 282]), changes: nil)
        #expect(PlanVerifier.verify(scenario: F.scenario(cadres: [F.cadre("c1", region: "sy")]), plan: far).violations.isEmpty)
    }

    /// Finding 5: a summary.json whose coverage tier was renamed passed; now the renamed tier is
    /// unknown and coverage is missing.
    @Test("a renamed tier is refused as unknown, and the tier it replaced as missing")
    func renamedTier() {
        let plan = PlanFolderContents(rows: [planRow()], claims: claims(["Coverage": 0, "timeliness": 0, "quality": 70]), changes: nil)
        let rules = PlanVerifier.verify(scenario: F.scenario(), plan: plan).violations.map(\.rule)
        #expect(rules == [.tierMissing, .tierUnknown])
    }

    /// A re-plan (changes.csv present) must claim stability; a plan that is not must not.
    @Test("stability is expected exactly when the folder holds changes.csv, and is recounted from it")
    func stability() {
        // c2 → t1 in w1 was in the earlier plan and is gone; c2 now serves nobody: 1 change, move 1.
        let gone = [ChangeRow(line: 2, kind: .removed, assignment: row("c2", "t1"), now: "")]
        let scenario = F.scenario(cadres: [F.cadre("c1"), F.cadre("c2")])
        let right = claims(["coverage": 0, "timeliness": 0, "stability": 1, "quality": 70])
        #expect(PlanVerifier.verify(scenario: scenario, plan: .init(rows: [planRow()], claims: right, changes: gone)).violations.isEmpty)
        let wrong = claims(["coverage": 0, "timeliness": 0, "stability": 0, "quality": 70])
        let report = PlanVerifier.verify(scenario: scenario, plan: .init(rows: [planRow()], claims: wrong, changes: gone))
        #expect(report.violations.map(\.rule) == [.tierMismatch] && report.stability == 1, "\(report.violations)")
        let missing = PlanVerifier.verify(scenario: scenario, plan: .init(rows: [planRow()], claims: rightClaims, changes: gone))
        #expect(missing.violations.map(\.rule) == [.tierMissing])
        let notAReplan = PlanVerifier.verify(scenario: scenario, plan: .init(rows: [planRow()], claims: right, changes: nil))
        #expect(notAReplan.violations.map(\.rule) == [.tierUnknown])
    }

    @Test("a moved cadre must be where changes.csv says")
    func movedCadre() {
        let scenario = F.scenario(targets: [F.target("t1"), F.target("t2")])
        let right = claims(["coverage": 3, "timeliness": 0, "stability": 1, "quality": 70])
        let moved = [ChangeRow(line: 2, kind: .moved, assignment: row("c1", "t2"), now: "t1@w1")]
        #expect(PlanVerifier.verify(scenario: scenario, plan: .init(rows: [planRow()], claims: right, changes: moved)).violations.isEmpty)
        let elsewhere = [ChangeRow(line: 2, kind: .moved, assignment: row("c1", "t2"), now: "t2@w2")]
        let report = PlanVerifier.verify(scenario: scenario, plan: .init(rows: [planRow()], claims: right, changes: elsewhere))
        #expect(report.violations.map(\.rule) == [.changeMismatch], "\(report.violations)")
    }
}
