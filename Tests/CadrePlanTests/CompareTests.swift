import Foundation
import Scenario
import Testing
@testable import CadrePlan

/// Two plan folders of scenarios/small (one-to-one and one-to-many:2), written by PlanWriter
/// into a fresh temporary folder that is removed with the fixture.
private final class TwoPlans {
    let root: String
    var a: String { root + "/one-to-one" }
    var b: String { root + "/one-to-many" }

    init() throws {
        root = NSTemporaryDirectory() + "cadreplan-compare-tests-" + UUID().uuidString
        let scenario = try ScenarioLoader.load(folder: packageRoot.appendingPathComponent("scenarios/small").path)
        for (mode, folder) in [(AssignmentMode.oneToOne, a), (.oneToMany(maxTargets: 2), b)] {
            let plan = try solve(scenario, mode: mode)
            let summary = PlanSummary(plan: plan, solverName: "GLPK", violations: 0)
            try PlanWriter().write(plan, summary: summary, timings: ["solve": 0.25, "read": 0.5], to: folder)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// A copy of plan `a` under `name`, with `edit` applied to its summary.json text.
    func copyOfA(_ name: String, editing edit: (String) -> String = { $0 }) throws -> String {
        let folder = root + "/" + name
        try FileManager.default.copyItem(atPath: a, toPath: folder)
        let path = folder + "/summary.json"
        try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        return folder
    }
}

/// The errors `ComparedPlan.loadAll` throws for `folders` (none when they load).
private func loadErrors(_ folders: [String]) -> [InputError] {
    do {
        _ = try ComparedPlan.loadAll(folders: folders)
        return []
    } catch {
        return error.errors
    }
}

@Suite("compare: plans side by side")
struct CompareTests {
    @Test func smallInBothModes() throws {
        let f = try TwoPlans()
        let plans = try ComparedPlan.loadAll(folders: [f.a, f.b])
        let c = PlanComparison(plans: plans, language: .en)
        #expect(c.columns == ["one-to-one", "one-to-many"])
        func values(_ key: String) -> [PlanComparison.Value?] { c.row(key)?.values ?? [] }
        // scenarios/small/README.md derives one-to-one by hand: coverage 1018, timeliness 40,
        // quality 1574, every one of the 30 cadres dispatched to one target, halted help 3 of the 4
        // halted targets that accept service.
        #expect(values("tier.coverage").first == .tier(1018, status: "optimal", gap: 0))
        #expect(values("tier.timeliness").first == .tier(40, status: "optimal", gap: 0))
        #expect(values("tier.quality").first == .tier(1574, status: "optimal", gap: 0))
        // One-to-many:2, by hand: every consenting target can now be served except the second
        // unit of j01 (only p10 may serve it: weight 1005) and of k18 (only c09 is 处 in 三亚: 3);
        // the refusals e10 and k21 count apart. Coverage 1005 + 3 = 1008, and the 42 units of
        // demand less 2 refused and 2 short give 38 pairs.
        #expect(values("tier.coverage").last == .tier(1008, status: "optimal", gap: 0))
        #expect(values("cadres_dispatched").first == .count(30))
        #expect(values("pairs") == [.count(30), .count(38)])
        #expect(values("targets_per_cadre.1").first == .count(30))
        #expect(values("targets_per_cadre.2").first == .some(nil))  // no one-to-one cadre serves two
        #expect(values("targets_per_cadre.mean").first == .decimal(1, digits: 2))
        // Halted targets e03, j01, k01, k12, k21: k21 refuses (counted apart), j01 stays short in both modes.
        #expect(values("indicator.halted") == [.rate(0.75, covered: 3, targets: 4), .rate(0.75, covered: 3, targets: 4)])
        #expect(values("indicator.halted.declined") == [.count(1), .count(1)])
        // 四上 (规模以上工业企业 + 四上企业): 18 of 27 one to one; all but the refusing k21 with two each.
        #expect(values("indicator.sishang").map { v -> Int? in if case let .rate(_, c, _)? = v { c } else { nil } } == [18, 26])
        #expect(values("dispatch.w1.province").first == .dispatch(6, quota: 6))
        #expect(values("mode") == [.text("one-to-one"), .text("one-to-many:2")])
        #expect(values("time.solve_s") == [.decimal(0.25, digits: 3), .decimal(0.25, digits: 3)])
        #expect(values("model.solver").first == .text("GLPK"))
        // Sections come in their fixed order.
        let order = c.rows.map(\.section)
        #expect(order == order.sorted { PlanComparison.Section.allCases.firstIndex(of: $0)! < PlanComparison.Section.allCases.firstIndex(of: $1)! })
    }

    @Test func summaryJSONRoundTrips() throws {
        let f = try TwoPlans()
        let plan = try ComparedPlan.load(folder: f.b)
        let again = try JSONDecoder.snakeCase.decode(PlanSummary.self, from: Data(try plan.summary.json().utf8))
        #expect(again == plan.summary)
        #expect(plan.timings == ["solve": 0.25, "read": 0.5])
    }

    @Test func aJSONSyntaxErrorIsLocated() throws {
        let f = try TwoPlans()
        // Break the value on the third line: `"by_category" : [` becomes `"by_category" : ]`.
        let broken = try f.copyOfA("broken") { text in
            var lines = text.components(separatedBy: "\n")
            lines[2] = lines[2].replacingOccurrences(of: "[", with: "]")
            return lines.joined(separator: "\n")
        }
        let errors = loadErrors([broken])
        #expect(errors.count == 1)
        let e = try #require(errors.first)
        #expect(e.file == broken + "/summary.json")
        #expect(e.line == 3)
        #expect(e.column == 21)  // `    "by_category" : ]`: the bracket is the 21st character
        #expect(e.message.hasPrefix("invalid JSON"))
    }

    @Test func columnsCountCharactersNotBytes() {
        let data = Data("{\n  \"名称\": x}".utf8)
        var errors: [InputError] = []
        _ = JSONFile.decode([String: Int].self, data: data, file: "f.json", errors: &errors)
        #expect(errors.first?.line == 2)
        #expect(errors.first?.column == 9)
        // A byte-order mark does not shift the column.
        errors = []
        _ = JSONFile.decode([String: Int].self, data: Data([0xEF, 0xBB, 0xBF]) + Data("{\"a\": x}".utf8), file: "f.json", errors: &errors)
        #expect(errors.first?.line == 1 && errors.first?.column == 7)
    }

    @Test func aMissingKeyIsNamedAsInTheFile() throws {
        let f = try TwoPlans()
        let folder = try f.copyOfA("old") { text in
            text.components(separatedBy: "\n").filter { !$0.contains("\"pairs_above_minimum_rank\"") }.joined(separator: "\n")
        }
        let e = try #require(loadErrors([folder]).first)
        #expect(e.file == folder + "/summary.json")
        #expect(e.message.contains("missing key `pairs_above_minimum_rank` in `indicators`"), "\(e)")
    }

    @Test func aWrongTypeNamesItsPath() throws {
        let f = try TwoPlans()
        let folder = try f.copyOfA("typed") { $0.replacingOccurrences(of: "\"cadres_dispatched\" : 30", with: "\"cadres_dispatched\" : \"thirty\"") }
        let e = try #require(loadErrors([folder]).first)
        #expect(e.message.contains("`indicators.cadres_dispatched`: expected an integer"), "\(e)")
    }

    @Test func everyFolderIsCheckedAndEveryProblemReported() throws {
        let f = try TwoPlans()
        let empty = f.root + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let blank = try f.copyOfA("blank") { _ in "" }
        let badTimings = try f.copyOfA("timings")
        try "{\"solve\": x}".write(toFile: badTimings + "/timings.json", atomically: true, encoding: .utf8)
        let file = f.a + "/summary.json"
        let errors = loadErrors([f.a, f.root + "/nowhere", empty, blank, badTimings, file])
        #expect(errors.count == 5, "\(InputErrors(errors))")
        #expect(errors.contains { $0.file == f.root + "/nowhere" && $0.message == "plan folder not found" })
        #expect(errors.contains { $0.file == empty + "/summary.json" && $0.message.hasPrefix("not found") })
        #expect(errors.contains { $0.file == blank + "/summary.json" && $0.message.hasPrefix("is empty") })
        #expect(errors.contains { $0.file == badTimings + "/timings.json" && $0.line == 1 && $0.column == 11 })
        #expect(errors.contains { $0.file == file && $0.message.hasPrefix("is a file") })
    }

    @Test func timingsAreOptional() throws {
        let f = try TwoPlans()
        let folder = try f.copyOfA("untimed")
        try FileManager.default.removeItem(atPath: folder + "/timings.json")
        let plans = try ComparedPlan.loadAll(folders: [folder])
        #expect(plans[0].timings == nil)
        let c = PlanComparison(plans: plans, language: .en)
        #expect(c.row("time.solve_s")?.values == [nil])
        #expect(c.render(.text).contains("—"))
    }

    @Test func solveTimeFallsBackToTheTierTimes() {
        var plan = ComparedPlan(name: "p", folder: "p", summary: Self.placeholderSummary, timings: ["solve_coverage": 1, "solve_quality": 0.5])
        #expect(plan.solveSeconds == 1.5)
        plan.timings = ["solve": 3, "solve_coverage": 1]
        #expect(plan.solveSeconds == 3)
        plan.timings = ["read": 1]
        #expect(plan.solveSeconds == nil)
    }

    @Test func foldersWithTheSameNameKeepTheirPaths() throws {
        let f = try TwoPlans()
        let other = f.root + "/x/one-to-one"
        try FileManager.default.createDirectory(atPath: f.root + "/x", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: f.a, toPath: other)
        let plans = try ComparedPlan.loadAll(folders: [f.a, other, f.b + "/"])
        #expect(plans.map(\.name) == [f.a, other, "one-to-many"])
    }

    @Test func rowsOfDifferentScenariosAlign() throws {
        let f = try TwoPlans()
        // A plan of another scenario: one more category, and more cadres serving two and ten targets.
        var edited = try ComparedPlan.load(folder: f.b)
        edited.name = "other"
        edited.summary.indicators.byCategory.append(.init(id: "新类别", name: "新类别", targets: 4, declined: 0, accepting: 4, covered: 1, demand: 4, served: 1, rate: 0.25))
        edited.summary.indicators.targetsPerCadre["10"] = 1
        let a = try ComparedPlan.load(folder: f.a)
        let c = PlanComparison(plans: [a, edited], language: .zh)
        #expect(c.row("category.新类别")?.values == [nil, .rate(0.25, covered: 1, targets: 4)])
        // Histogram rows in numeric order: 10 after 2.
        let histogram = c.rows.map(\.key).filter { $0.hasPrefix("targets_per_cadre.") && $0 != "targets_per_cadre.mean" }
        #expect(histogram == ["targets_per_cadre.1", "targets_per_cadre.2", "targets_per_cadre.10"])
        let csv = c.render(.csv)
        #expect(csv.contains("\n分类覆盖率,category.新类别,新类别,,0.2500\n"))
        #expect(csv.contains("\n分类覆盖率,category.新类别.covered,新类别（已覆盖）,,1\n"))
    }

    @Test func theThreeFormats() throws {
        let f = try TwoPlans()
        let c = PlanComparison(plans: try ComparedPlan.loadAll(folders: [f.a, f.b]), language: .en)

        let md = c.render(.md)
        let mdLines = md.split(separator: "\n").map(String.init)
        #expect(mdLines[0] == "| figure | one-to-one | one-to-many |")
        #expect(mdLines[1] == "|---|---:|---:|")
        #expect(mdLines.contains("| **tiers** | | |"))
        #expect(mdLines.contains("| coverage (weighted shortfall) | 1018 | 1008 |"))
        #expect(mdLines.contains("| pairs | 30 | 38 |"))
        #expect(mdLines.contains("| 停产停工企业和项目帮扶率 | 75.0% (3/4) | 75.0% (3/4) |"))
        #expect(mdLines.contains("| w1 2022-09-16 province | 6/6 | 6/6 |"))
        // Every table line has one cell per plan plus the label (no cell here holds a `|`).
        for line in mdLines { #expect(line.filter { $0 == "|" }.count == 4, "\(line)") }

        let csv = c.render(.csv)
        #expect(csv.hasPrefix("\u{FEFF}section,key,name,one-to-one,one-to-many\n"))
        #expect(csv.contains("\ntiers,tier.coverage,coverage (weighted shortfall),1018,1008\n"))
        #expect(csv.contains("\ntiers,tier.coverage.status,coverage (weighted shortfall) (status),optimal,optimal\n"))
        #expect(csv.contains("\nindicators,indicator.halted,停产停工企业和项目帮扶率,0.7500,0.7500\n"))
        #expect(csv.contains("\ndispatch (dispatched/quota),dispatch.w2.province.quota,w2 2022-09-26 province (quota),10,10\n"))
        #expect(csv.contains("\ncadres and pairs,targets_per_cadre.2,cadres serving 2 targets,,"))

        let text = c.render(.text)
        let lines = text.split(separator: "\n").map(String.init)
        func tokens(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }
        #expect(tokens(lines[0]) == ["figure", "one-to-one", "one-to-many"])
        // Figures are right-aligned, so every row ends at the same terminal column, Chinese labels included.
        let rows = lines.filter { $0.hasPrefix("  ") || $0.hasPrefix("figure") }
        let widths = Set(rows.map(PlanComparison.width))
        #expect(widths.count == 1, "\(text)")
        #expect(lines.contains { $0.hasPrefix("  停产停工企业和项目帮扶率 ") && tokens($0) == ["停产停工企业和项目帮扶率", "75.0%", "(3/4)", "75.0%", "(3/4)"] })
        #expect(lines.contains("tiers"))
    }

    @Test func aTierShortOfOptimalShowsItsStatus() {
        #expect(PlanComparison.display(.tier(12, status: "optimal", gap: 0)) == "12")
        #expect(PlanComparison.display(.tier(12, status: "feasible (time limit)", gap: 0.125)) == "12 (feasible (time limit), gap 12.50%)")
        #expect(PlanComparison.display(.dispatch(3, quota: nil)) == "3/—")
        #expect(PlanComparison.display(nil) == "—")
    }

    @Test func wideCharactersCountTwice() {
        #expect(PlanComparison.width("abc") == 3)
        #expect(PlanComparison.width("海口（市）") == 10)
        #expect(PlanComparison.width("—") == 1)
    }

    /// A summary for tests that need one without solving.
    static var placeholderSummary: PlanSummary {
        let json = """
        {"scenario": "s", "mode": "one-to-one", "status": "optimal", "tiers": [], "violations": 0,
         "indicators": {"indicators": [], "by_category": [], "by_region": [], "dispatch": [], "cadres_dispatched": 0, "pairs": 0,
           "targets_per_cadre": {}, "distance_total_km": 0, "distance_mean_km": 0, "distance_max_km": 0,
           "pairs_by_rank": {}, "pairs_above_minimum_rank": 0},
         "model": {"individual": {"variables": 0, "rows": 0, "nonzeros": 0}, "solved": {"variables": 0, "rows": 0, "nonzeros": 0},
           "cadre_classes": 0, "target_classes": 0, "blocks": 0, "simplex_iterations": 0, "nodes": 0, "solver": "GLPK"}}
        """
        return try! JSONDecoder.snakeCase.decode(PlanSummary.self, from: Data(json.utf8))
    }
}

private extension JSONDecoder {
    /// The decoder for summary.json's snake_case keys.
    static var snakeCase: JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return d
    }
}
