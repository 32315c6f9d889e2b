import Foundation
import Scenario
import Testing
@testable import CadrePlan

/// OR-Library import: parsing, error locations, and optima through the planner.
@Suite("OR-Library import")
struct ImportTests {
    // MARK: - Hand-written instances

    /// A 3×3 dense assignment. Optimum 5: rows 1→2, 2→1, 3→3 (1 + 2 + 2).
    static let assign3 = "3\n4 1 3\n2 0 5\n3 2 2\n"

    /// One GAP problem, 2 agents × 3 jobs. Costs c, uses a, capacities b = (4, 5).
    /// Of the 8 assignments only (1,2,1) and (2,2,1) (agent of job 1, 2, 3) fit:
    /// max Σ c = 14 by (2,2,1), min Σ c = 13 by (1,2,1).
    static let gap2x3 = """
    1
    2 3
    6 9 4
    7 3 8
    2 3 2
    3 2 4
    4 5

    """

    @Test func parsesDenseAssignment() throws {
        let imp = try ORLibraryImport.assignment(text: Self.assign3, file: "tiny.txt")
        let s = imp.scenario
        #expect(imp.format == "dense")
        #expect(s.name == "tiny")
        #expect(s.cadres.map(\.id) == ["a1", "a2", "a3"])
        #expect(s.targets.map(\.id) == ["j1", "j2", "j3"])
        #expect(s.cadres.allSatisfy { $0.level == .county && $0.rank == .section && $0.region == "orlib" && $0.group == nil && $0.capacity == nil })
        #expect(s.targets.allSatisfy { $0.demand == 1 && $0.workload == 1 && $0.priority == 3 && $0.level == .county && $0.region == "orlib" })
        #expect(s.regions.count == 1 && s.regions[0].latitude == nil && s.regions[0].longitude == nil)
        #expect(s.pairs.count == 9)
        #expect(s.pairs.map { $0.cost ?? -1 } == [4, 1, 3, 2, 0, 5, 3, 2, 2])
        #expect(s.pairs[5].cadre == "a2" && s.pairs[5].target == "j3" && s.pairs[5].workload == nil)
        #expect(s.mode == .oneToOne)
        #expect(!s.rules.onlyListedPairs)
        #expect(s.waves.count == 1 && s.waves[0].quotas.isEmpty)
        #expect(s.weights.extraTarget == 0 && s.weights.distancePerKm == 0 && s.weights.rankGap == 0 && s.weights.skillMismatch == 0)
        #expect(imp.objective.sense == .min && imp.objective.value(quality: 5) == 5)
    }

    @Test func parsesSparseAssignmentInAnyOrder() throws {
        let text = "3\n2 2 4\n1 1 5\n1 2 3\n3 3 1\n2 1 6\n"
        let imp = try ORLibraryImport.assignment(text: text, file: "p.txt")
        #expect(imp.format == "sparse")
        #expect(imp.scenario.rules.onlyListedPairs)
        #expect(imp.scenario.pairs.map { "\($0.cadre)-\($0.target):\($0.cost ?? -1)" } == ["a1-j1:5", "a1-j2:3", "a2-j1:6", "a2-j2:4", "a3-j3:1"])
        // Forcing the other layout is possible, and then the same text is an error.
        #expect(throws: InputErrors.self) { try ORLibraryImport.assignment(text: text, file: "p.txt", format: .dense) }
    }

    @Test func padsIdsSoTheySortInNumberOrder() throws {
        var text = "12\n"
        for i in 1...12 { text += (1...12).map { String(($0 * i) % 7) }.joined(separator: " ") + "\n" }
        let s = try ORLibraryImport.assignment(text: text, file: "x.txt").scenario
        #expect(s.cadres.map(\.id) == s.cadres.map(\.id).sorted())
        #expect(s.cadres.first?.id == "a01" && s.targets.last?.id == "j12")
    }

    @Test func parsesGAPForMaximisation() throws {
        let imp = try ORLibraryImport.gap(text: Self.gap2x3, file: "data/gapx.txt", problem: 1, sense: .max)
        let s = imp.scenario
        #expect(s.name == "gapx-1")
        #expect(imp.agents == 2 && imp.jobs == 3)
        #expect(s.cadres.map(\.capacity) == [4, 5])
        #expect(s.mode == .oneToMany(maxTargets: 3))
        #expect(s.weights.extraTarget == 0)
        #expect(!s.rules.onlyListedPairs)
        // C = 9: costs become 9 − c.
        #expect(imp.objective.largestCost == 9 && imp.objective.constant == 27)
        #expect(s.pairs.map { $0.cost ?? -1 } == [3, 0, 5, 2, 6, 1])
        #expect(s.pairs.map { $0.workload ?? -1 } == [2, 3, 2, 3, 2, 4])
        #expect(s.pairs.allSatisfy { !$0.forbidden })
        #expect(imp.objective.value(quality: 13) == 14)
        #expect(imp.objective.bound(qualityBound: 13) == 14)
        #expect(imp.readme.contains("27 − quality") && imp.readme.contains("C = max c(i,j) = 9"))
    }

    @Test func parsesGAPForMinimisationAndPicksTheProblem() throws {
        // Two problems; the second is the hand instance.
        let text = "2\n1 2\n5 5\n1 1\n3\n" + Self.gap2x3.dropFirst(2)
        let imp = try ORLibraryImport.gap(text: text, file: "g.txt", problem: 2, sense: .min)
        #expect(imp.scenario.name == "g-2")
        #expect(imp.scenario.pairs.map { $0.cost ?? -1 } == [6, 9, 4, 7, 3, 8])
        #expect(imp.objective.constant == 0 && imp.objective.value(quality: 13) == 13)
        let first = try ORLibraryImport.gap(text: text, file: "g.txt", problem: 1, sense: .min)
        #expect(first.agents == 1 && first.jobs == 2 && first.scenario.cadres[0].capacity == 3)
    }

    @Test func capacityZeroForbidsTheAgent() throws {
        let imp = try ORLibraryImport.gap(text: "1\n2 1\n1\n2\n1\n1\n0 1\n", file: "z.txt", problem: 1, sense: .min)
        #expect(imp.scenario.cadres[0].capacity == 1)
        #expect(imp.scenario.pairs[0].forbidden && !imp.scenario.pairs[1].forbidden)
        #expect(imp.scenario.mode == .oneToOne)
    }

    @Test func senseFromTheFileName() {
        #expect(ORLibraryImport.defaultSense(forFile: "../orlib/gap1.txt") == .max)
        #expect(ORLibraryImport.defaultSense(forFile: "gap12") == .max)
        #expect(ORLibraryImport.defaultSense(forFile: "x/GAPD.txt") == .min)
        #expect(ORLibraryImport.defaultSense(forFile: "gap13.txt") == nil)
        #expect(ORLibraryImport.defaultSense(forFile: "mine.txt") == nil)
    }

    // MARK: - Errors: file, line, column, what was expected

    /// The single error of `body`, which must throw InputErrors.
    private func errors(_ body: () throws -> Void) -> [InputError] {
        do { try body() } catch let e as InputErrors { return e.errors } catch { Issue.record("unexpected \(error)") }
        Issue.record("no error thrown")
        return []
    }

    @Test func truncatedDenseFileNamesTheEnd() {
        let e = errors { _ = try ORLibraryImport.assignment(text: "3\n4 1 3 2\n0 5\n", file: "t.txt") }
        #expect(e.count == 1)
        #expect(e.first?.file == "t.txt" && e.first?.line == 3 && e.first?.column == 4)
        #expect(e.first?.message == "expected the cost of row 3, column 1, found the end of the file")
    }

    @Test func everyNonNumericValueIsReported() {
        let e = errors { _ = try ORLibraryImport.assignment(text: "3\n4 1 x\n2 -1 5\n3 2 2.5\n", file: "b.txt") }
        #expect(e.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["2:5", "3:3", "4:5"])
        #expect(e.first?.description == "b.txt:2:5: expected the cost of row 1, column 3 (an integer from 0 to 1000000000), found 'x'")
        #expect(e.last?.message.hasSuffix("found '2.5'") == true)
    }

    @Test func badHeaderAndEmptyFile() {
        let e1 = errors { _ = try ORLibraryImport.assignment(text: " abc 1 2\n", file: "h.txt") }
        #expect(e1.map(\.description) == ["h.txt:1:2: expected the number of rows n (an integer from 1 to 100000), found 'abc'"])
        let e2 = errors { _ = try ORLibraryImport.assignment(text: "", file: "e.txt") }
        #expect(e2.map(\.description) == ["e.txt:1:1: expected the number of rows n, found the end of the file"])
    }

    @Test func trailingNumbersAreAnError() {
        let e = errors { _ = try ORLibraryImport.assignment(text: "2\n1 2 3 4\n5\n", file: "x.txt", format: .dense) }
        #expect(e.map(\.description) == ["x.txt:3:1: expected the end of the file after the 2×2 costs, found '5'"])
    }

    @Test func sparseIndexOutOfRangeAndDuplicatePair() {
        let e1 = errors { _ = try ORLibraryImport.assignment(text: "3\n1 1 5\n1 4 3\n", file: "s.txt") }
        #expect(e1.map(\.description) == ["s.txt:3:3: expected the column j of pair 2 (an integer from 1 to 3), found '4'"])
        let e2 = errors { _ = try ORLibraryImport.assignment(text: "3\n1 1 5\n2 2 3\n1 1 7\n3 3 1\n", file: "s.txt") }
        #expect(e2.map(\.description) == ["s.txt:4:1: pair (1, 1) is listed twice (first on line 2); expected each pair once"])
        // A triple cut short at the end of the file.
        let e3 = errors { _ = try ORLibraryImport.assignment(text: "3\n1 1 5\n2 2\n", file: "s.txt", format: .sparse) }
        #expect(e3.map(\.description) == ["s.txt:3:4: expected the cost of pair 2 (2, 2), found the end of the file"])
    }

    @Test func gapErrors() {
        // Cut inside the capacities.
        let cut = errors { _ = try ORLibraryImport.gap(text: "1\n2 3\n6 9 4\n7 3 8\n2 3 2\n3 2 4\n4", file: "g.txt", problem: 1, sense: .max) }
        #expect(cut.map(\.description) == ["g.txt:7:2: expected the capacity b(2) of problem 1, a cadre's capacity in cadreplan, found the end of the file"])
        // A non-numeric cost and a zero resource use, both reported.
        let bad = errors { _ = try ORLibraryImport.gap(text: "1\n2 3\n6 9 4\n7 three 8\n2 3 2\n3 0 4\n4 5\n", file: "g.txt", problem: 1, sense: .min) }
        #expect(bad.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["4:3", "6:3"])
        #expect(bad.first?.message == "expected the cost c(2,2) of problem 1 (an integer from 0 to 1000000000), found 'three'")
        #expect(bad.last?.message == "expected the resource use a(2,2) of problem 1, a cadre's workload in cadreplan (an integer from 1 to 10000), found '0'")
        // Asking for a problem the file does not hold.
        let missing = errors { _ = try ORLibraryImport.gap(text: Self.gap2x3, file: "g.txt", problem: 2, sense: .max) }
        #expect(missing.map(\.description) == ["g.txt:1:1: the file holds 1 problem; expected a problem number from 1 to 1, got 2"])
        // A later problem cut short is reported even when an earlier one is asked for.
        let later = errors { _ = try ORLibraryImport.gap(text: "2\n1 1\n5\n1\n3\n1 2\n5 5\n", file: "g.txt", problem: 1, sense: .max) }
        #expect(later.map(\.description) == ["g.txt:7:4: expected 5 numbers for problem 2 (1×2 costs, 1×2 resource uses, 1 capacities), but the file ends after 2"])
        // A bad header token stops at once.
        let header = errors { _ = try ORLibraryImport.gap(text: "1\n2 x\n", file: "g.txt", problem: 1, sense: .max) }
        #expect(header.map(\.description) == ["g.txt:2:3: expected the number of jobs n of problem 1 (an integer from 1 to 1000000), found 'x'"])
    }

    @Test func aFileOfTheWrongKindStopsAfterTheErrorLimit() {
        let words = Array(repeating: "word", count: 200).joined(separator: " ")
        let e = errors { _ = try ORLibraryImport.gap(text: "1\n1 100\n" + words, file: "w.txt", problem: 1, sense: .max) }
        #expect(e.count == ORLibraryCursor.errorLimit + 1)
        #expect(e.last?.message.hasPrefix("stopped after") == true)
    }

    // MARK: - Optima through the planner (GLPK, checked by the verifier)

    @Test func tinyAssignmentReachesItsOptimum() throws {
        let plan = try solve(try ORLibraryImport.assignment(text: Self.assign3, file: "tiny.txt").scenario)
        #expect(plan.isOptimal)
        #expect(plan.values == [0, 0, 5])
        #expect(plan.compact == ["a1>j2@w1", "a2>j1@w1", "a3>j3@w1"])
    }

    @Test func tinySparseAssignmentUsesListedPairsOnly() throws {
        // Optimum 1 + 9. Were unlisted pairs allowed, they would cost 0 and a2→j3, a3→j1, a1→j2 would give 3.
        let imp = try ORLibraryImport.assignment(text: "3\n1 1 5\n1 2 3\n2 1 6\n2 2 4\n3 3 1\n", file: "p.txt")
        let plan = try solve(imp.scenario)
        #expect(plan.values == [0, 0, 10])
    }

    @Test func tinyGAPBothSensesAgreeWithBruteForce() throws {
        let maxImp = try ORLibraryImport.gap(text: Self.gap2x3, file: "g.txt", problem: 1, sense: .max)
        let maxPlan = try solve(maxImp.scenario)
        #expect(maxPlan.tier("coverage") == 0)
        #expect(maxImp.objective.value(quality: maxPlan.tier("quality")) == 14)
        #expect(maxPlan.compact == ["a1>j3@w1", "a2>j1@w1", "a2>j2@w1"])
        let minImp = try ORLibraryImport.gap(text: Self.gap2x3, file: "g.txt", problem: 1, sense: .min)
        let minPlan = try solve(minImp.scenario)
        #expect(minPlan.tier("coverage") == 0 && minPlan.tier("quality") == 13)
    }

    @Test func infeasibleGAPLeavesCoverageAboveZero() throws {
        // One agent of capacity 3, two jobs of use 2 each: only one fits.
        let imp = try ORLibraryImport.gap(text: "1\n1 2\n4 5\n2 2\n3\n", file: "i.txt", problem: 1, sense: .max)
        let plan = try solve(imp.scenario)
        #expect(plan.tier("coverage") == 3)
    }

    /// Finding 6 of issue 11: capacities and resource uses above 10,000 were accepted on import and
    /// refused by `check`. They are now refused on import, at their line and column, with the reason.
    @Test func valuesCheckWouldRefuseAreRefusedOnImport() {
        // Capacity b(2) = 20000 and resource use a(1,3) = 10001 are above cadreplan's 10,000.
        let text = "1\n2 3\n6 9 4\n7 3 8\n2 3 10001\n3 2 4\n4 20000\n"
        let found = errors { _ = try ORLibraryImport.gap(text: text, file: "g.txt", problem: 1, sense: .max) }
        #expect(found.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["5:5", "7:3"])
        #expect(found.map(\.message) == [
            "expected the resource use a(1,3) of problem 1, a cadre's workload in cadreplan (an integer from 1 to 10000), found '10001'",
            "expected the capacity b(2) of problem 1, a cadre's capacity in cadreplan (an integer from 0 to 10000), found '20000'",
        ])
        // The largest accepted values import and pass the loader's check.
        let edge = "1\n2 3\n6 9 4\n7 3 8\n2 3 10000\n3 2 4\n4 10000\n"
        #expect(throws: Never.self) {
            let imp = try ORLibraryImport.gap(text: edge, file: "g.txt", problem: 1, sense: .max)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orlib-edge-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            try ScenarioWriter.write(imp.scenario, to: dir.path)
            #expect(ScenarioLoader.validate(folder: dir.path).isEmpty)
        }
    }

    /// Whatever an import produces, the writer checks it as `check` would and writes nothing it
    /// would refuse: here a scenario name holding a line break (from `--name`).
    @Test func theWriterRefusesWhatCheckRefuses() throws {
        var imp = try ORLibraryImport.gap(text: Self.gap2x3, file: "g.txt", problem: 1, sense: .max)
        imp.scenario.name = "gap\nproblem"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orlib-refused-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            try ScenarioWriter.write(imp.scenario, to: dir.path)
            Issue.record("expected the write to be refused")
        } catch let error as InputErrors {
            #expect(error.errors.count == 1 && error.errors[0].file == dir.path + "/scenario.yaml" && error.errors[0].line == 1, "\(error)")
            #expect(error.description.contains("control characters"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/scenario.yaml"))
    }

    /// The folder the CLI writes loads back to the same instance (README included).
    @Test func writtenFolderLoadsBack() throws {
        let imp = try ORLibraryImport.gap(text: Self.gap2x3, file: "g.txt", problem: 1, sense: .max)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orlib-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try ScenarioWriter.write(imp.scenario, to: dir.path, readme: imp.readme)
        let loaded = try ScenarioLoader.load(folder: dir.path)
        #expect(loaded.mode == imp.scenario.mode && loaded.weights == imp.scenario.weights)
        #expect(loaded.pairs == imp.scenario.pairs && loaded.cadres == imp.scenario.cadres)
        #expect(try imp.objective.value(quality: solve(loaded).tier("quality")) == 14)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("README.md").path))
    }

    /// A sparse instance keeps `only_listed_pairs` through the folder: losing it would allow
    /// every unlisted pair at cost 0 and silently change the optimum.
    @Test func sparseFolderKeepsOnlyListedPairs() throws {
        let imp = try ORLibraryImport.assignment(text: "3\n1 1 5\n1 2 3\n2 1 6\n2 2 4\n3 3 1\n", file: "p.txt")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orlib-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try ScenarioWriter.write(imp.scenario, to: dir.path, readme: imp.readme)
        let loaded = try ScenarioLoader.load(folder: dir.path)
        #expect(loaded.rules.onlyListedPairs)
        #expect(try solve(loaded).values == [0, 0, 10])
    }

    // MARK: - Published optima (OR-Library files beside the package)

    /// ../shared/data/orlib relative to the package root.
    static let orlib = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/orlib")
    static func has(_ file: String) -> Bool {
        FileManager.default.fileExists(atPath: orlib.appendingPathComponent(file).path)
    }
    static func read(_ file: String) throws -> (text: String, path: String) {
        let path = orlib.appendingPathComponent(file).path
        return (try String(contentsOfFile: path, encoding: .utf8), path)
    }

    @Test(.enabled(if: has("gap1.txt"), "../shared/data/orlib/gap1.txt is absent (OR-Library data live outside the package)"))
    func gap1Problem1PublishedOptima() throws {
        let (text, path) = try Self.read("gap1.txt")
        #expect(ORLibraryImport.defaultSense(forFile: path) == .max)
        let maxImp = try ORLibraryImport.gap(text: text, file: path, problem: 1, sense: .max)
        #expect(maxImp.agents == 5 && maxImp.jobs == 15 && maxImp.scenario.pairs.count == 75)
        let maxPlan = try solve(maxImp.scenario)
        #expect(maxPlan.isOptimal && maxPlan.tier("coverage") == 0)
        #expect(maxImp.objective.value(quality: maxPlan.tier("quality")) == 336)

        let minImp = try ORLibraryImport.gap(text: text, file: path, problem: 1, sense: .min)
        let minPlan = try solve(minImp.scenario)
        #expect(minPlan.isOptimal && minPlan.tier("coverage") == 0)
        #expect(minPlan.tier("quality") == 261)
    }

    @Test(.enabled(if: has("assign100.txt"), "../shared/data/orlib/assign100.txt is absent (OR-Library data live outside the package)"))
    func assign100PublishedOptimum() throws {
        let (text, path) = try Self.read("assign100.txt")
        let imp = try ORLibraryImport.assignment(text: text, file: path)
        #expect(imp.format == "dense" && imp.scenario.pairs.count == 10_000)
        let plan = try solve(imp.scenario)
        #expect(plan.isOptimal)
        #expect(plan.values == [0, 0, 305])
    }

    @Test(.enabled(if: has("assignp800.txt"), "../shared/data/orlib/assignp800.txt is absent (OR-Library data live outside the package)"))
    func assignp800IsReadAsSparse() throws {
        let (text, path) = try Self.read("assignp800.txt")
        let imp = try ORLibraryImport.assignment(text: text, file: path)
        #expect(imp.format == "sparse" && imp.scenario.rules.onlyListedPairs)
        #expect(imp.jobs == 800 && imp.scenario.pairs.count == 100_057)
    }

    @Test(.enabled(if: has("gapd.txt"), "../shared/data/orlib/gapd.txt is absent (OR-Library data live outside the package)"))
    func everyGAPProblemOfGapdParses() throws {
        let (text, path) = try Self.read("gapd.txt")
        let sizes = try (1...6).map { k in
            let imp = try ORLibraryImport.gap(text: text, file: path, problem: k, sense: .min)
            return "\(imp.agents)x\(imp.jobs)"
        }
        #expect(sizes == ["5x100", "5x200", "10x100", "10x200", "20x100", "20x200"])
    }
}
