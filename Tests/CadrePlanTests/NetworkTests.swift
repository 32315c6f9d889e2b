import Foundation
import GLPKSolver
import PlanVerifier
import Scenario
import Testing
@testable import CadrePlan

/// GLPK's out-of-kilter assignment routine as the planner's matching solver.
let glpkMatching = MatchingRoutine { try AssignmentSolver.maximumWeightMatching(left: $0, right: $1, edges: $2) }

/// Plans with or without the network fast path and checks the plan with the verifier
/// (which recomputes every tier from the assignments, so the fast path's claimed tier
/// values are checked independently too).
func planNetwork(_ s: Scenario, matching: Bool, aggregate: Bool = true) throws -> Plan {
    var options = PlannerOptions(aggregate: aggregate)
    options.parallel = false
    if matching { options.matchingSolver = glpkMatching }
    let plan = try Planner(solver: GLPKSolver()).plan(s, options: options)
    let report = PlanVerifier.verify(scenario: plan.scenario, assignments: plan.assignmentsByID,
                                     claimed: Dictionary(uniqueKeysWithValues: plan.tiers.map { ($0.name, $0.value) }))
    if !report.isValid { throw VerificationFailed(violations: report.violations.map(\.description)) }
    return plan
}

/// Pure assignment blocks are solved as one maximum weight matching, with the same tier
/// values as the lexicographic integer program (docs: NetworkFastPath).
@Suite("Network fast path")
struct NetworkTests {
    /// A random one-wave, one-to-one scenario: every block is a pure assignment problem.
    ///
    /// Odd seeds have more targets than cadres (some targets must go unserved, so tier 1
    /// decides who is served); priorities, halted targets, demands of 2, ranks, groups,
    /// skills, two regions with distances and pairs.csv costs and prohibitions vary.
    static func randomAssignment(seed: UInt64) -> Scenario {
        var r = TestRandom(state: seed &* 7919)
        var b = Build()
        b.regions = [Region(id: "a", name: "A", latitude: 20.04, longitude: 110.20), Region(id: "b", name: "B", latitude: 19.52, longitude: 109.58)]
        b.waves = [Wave(id: "w1", date: "2022-09-16")]
        // Quotas at least the number of cadres never bind, so the block keeps its structure.
        if r.chance(0.3) { b.waves[0].quotas = [.province: 50, .county: 50] }
        b.groups = [ServiceGroup(id: "g1", name: "G1", categories: ["x", "y"]), ServiceGroup(id: "g2", name: "G2", categories: ["z"])]
        let cadres = r.int(3...9)
        let targets = seed % 2 == 1 ? cadres + r.int(2...4) : r.int(2...9)
        let categories = ["x", "y", "z"]
        for i in 0..<cadres {
            let level: Level = r.chance(0.5) ? .province : .county
            b.cadre("c\(i)", level: level, rank: Rank(rawValue: r.int(1...3))!,
                    group: level == .province && r.chance(0.5) ? (r.chance(0.7) ? "g1" : "g2") : nil,
                    region: r.chance(0.6) ? "a" : "b", skills: r.chance(0.5) ? ["x"] : [])
        }
        for i in 0..<targets {
            b.target("t\(i)", category: categories[r.int(0...2)], level: r.chance(0.5) ? .province : .county,
                     region: r.chance(0.6) ? "a" : "b", priority: r.int(1...5), urgent: r.chance(0.2), halted: r.chance(0.15),
                     demand: r.chance(0.2) ? 2 : 1, minRank: r.chance(0.2) ? .division : .section)
        }
        if r.chance(0.6) {
            for _ in 0..<r.int(1...6) {
                let c = "c\(r.int(0...(cadres - 1)))", t = "t\(r.int(0...(targets - 1)))"
                guard !b.pairs.contains(where: { $0.cadre == c && $0.target == t }) else { continue }
                b.pairs.append(PairRule(cadre: c, target: t, forbidden: r.chance(0.2), cost: r.int(0...300)))
            }
        }
        return b.scenario
    }

    /// (a) Cross-check: the fast path and GLPK's integer program give identical tiers.
    @Test("random pure assignment scenarios: fast path and integer program agree", arguments: 1...40)
    func crossCheck(seed: Int) throws {
        let s = Self.randomAssignment(seed: UInt64(seed))
        let aggregate = seed % 3 != 0
        let fast = try planNetwork(s, matching: true, aggregate: aggregate)
        let general = try planNetwork(s, matching: false, aggregate: aggregate)
        #expect(fast.isOptimal && general.isOptimal)
        #expect(fast.values == general.values, "seed \(seed)")
        #expect(fast.statistics.networkBlocks == fast.statistics.blocks, "seed \(seed): every block is a pure assignment")
        #expect(general.statistics.networkBlocks == 0)
    }

    /// The random family really contains the cases that matter: unserved targets and pair costs.
    @Test("the random family includes shortfalls and pairs.csv costs")
    func familyCoversCases() throws {
        var shortfalls = 0, withCosts = 0
        for seed in 1...40 {
            let s = Self.randomAssignment(seed: UInt64(seed))
            if s.pairs.contains(where: { $0.cost != nil && !$0.forbidden }) { withCosts += 1 }
            if try planNetwork(s, matching: true).tier("coverage") > 0 { shortfalls += 1 }
        }
        #expect(shortfalls >= 10)
        #expect(withCosts >= 10)
    }

    /// Three county cadres and three targets in one region, one wave: a pure assignment.
    static func small(waves: Int = 1, quota: Int? = nil, mode: AssignmentMode = .oneToOne) -> Scenario {
        var b = Build()
        b.waves = Array(b.waves.prefix(waves))
        if let quota { b.waves[0].quotas = [.county: quota] }
        b.mode = mode
        for i in 0..<3 { b.cadre("c\(i)", rank: Rank(rawValue: 1 + i)!) }
        for i in 0..<3 { b.target("t\(i)", priority: 1 + i, minRank: Rank(rawValue: 1 + i)!) }
        return b.scenario
    }

    /// (b) The fast path is taken exactly when the block is a pure assignment problem.
    @Test("taken for pure assignment blocks, not with a binding quota, two waves or one-to-many")
    func takenOnlyWhenItFits() throws {
        let pure = try planNetwork(Self.small(), matching: true)
        #expect(pure.statistics.networkBlocks == 1)
        #expect(pure.tier("coverage") == 0)
        // A quota of 3 for 3 cadres cannot bind: the model has no quota row.
        #expect(try planNetwork(Self.small(quota: 3), matching: true).statistics.networkBlocks == 1)
        let quota = try planNetwork(Self.small(quota: 2), matching: true)
        #expect(quota.statistics.networkBlocks == 0)
        #expect(quota.values == (try planNetwork(Self.small(quota: 2), matching: false)).values)
        #expect(try planNetwork(Self.small(waves: 2), matching: true).statistics.networkBlocks == 0)
        #expect(try planNetwork(Self.small(mode: .oneToMany(maxTargets: 2)), matching: true).statistics.networkBlocks == 0)
        // Without a matching solver the option is off.
        #expect(try planNetwork(Self.small(), matching: false).statistics.networkBlocks == 0)
    }

    /// One to one, a pinned pair leaves the model (its cadre and its demand-1 target are done), so
    /// what is left is still a pure assignment: the fast path is taken, keeps the pin and agrees with
    /// the integer program. Not taken when models are written out.
    @Test("taken around one-to-one pins, not when models are written out")
    func pinsAndModelSink() throws {
        var s = Self.small()
        s.pins = [Pin(cadre: "c2", target: "t0", wave: "w1")]
        let fast = try planNetwork(s, matching: true)
        #expect(fast.statistics.networkBlocks == 1)
        #expect(fast.compact.contains("c2>t0@w1"))
        #expect(fast.values == (try planNetwork(s, matching: false)).values)
        var options = PlannerOptions()
        options.matchingSolver = glpkMatching
        options.modelSink = { _, _, _ in }
        #expect(try Planner(solver: GLPKSolver()).plan(Self.small(), options: options).statistics.networkBlocks == 0)
    }

    /// A routine that throws (e.g. weights too large for it) sends the block to the integer program.
    @Test("falls back to the integer program when the routine throws or answers nonsense")
    func fallsBack() throws {
        struct Refusing: MatchingSolver {
            func maximumWeightMatching(left: Int, right: Int, edges: [(left: Int, right: Int, weight: Int)]) throws -> [Int] {
                throw AssignmentError.overflowRisk("test")
            }
        }
        struct Nonsense: MatchingSolver {
            // Every edge: vertices matched twice.
            func maximumWeightMatching(left: Int, right: Int, edges: [(left: Int, right: Int, weight: Int)]) throws -> [Int] {
                Array(edges.indices)
            }
        }
        let expected = try planNetwork(Self.small(), matching: false).values
        for matching in [Refusing() as any MatchingSolver, Nonsense()] {
            var options = PlannerOptions()
            options.matchingSolver = matching
            let plan = try Planner(solver: GLPKSolver()).plan(Self.small(), options: options)
            #expect(plan.statistics.networkBlocks == 0)
            #expect(plan.values == expected)
        }
    }

    /// Huge coverage weights make the combined edge weights too large for GLPK's int
    /// arithmetic: the routine refuses and the plan still comes out right.
    @Test("combined weights beyond GLPK's range fall back and stay optimal")
    func hugeWeightsFallBack() throws {
        var b = Build()
        b.waves = [Wave(id: "w1", date: "2022-09-16")]
        b.weights.halted = 1_000_000_000
        for i in 0..<3 { b.cadre("c\(i)") }
        for i in 0..<4 { b.target("t\(i)", priority: 1 + i, halted: i == 0) }
        let fast = try planNetwork(b.scenario, matching: true)
        #expect(fast.statistics.networkBlocks == 0)
        #expect(fast.values == (try planNetwork(b.scenario, matching: false)).values)
    }

    // MARK: - Literature

    /// `<package root>/../shared/data/orlib`, found from this file's path.
    static let orlib = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/orlib")

    static func has(_ file: String) -> Bool { FileManager.default.fileExists(atPath: orlib.appendingPathComponent(file).path) }

    /// An OR-Library assignment instance as a scenario: cadres = rows, targets = columns,
    /// one wave, one-to-one, a pairs.csv row with its cost per allowed pair and only
    /// listed pairs allowed (so distances, ranks and skills play no part).
    /// Dense files (`assignN`) list n×n costs; sparse ones (`assignpN`) `i j c` triples.
    static func orlibScenario(_ file: String) throws -> Scenario {
        let text = try String(contentsOf: orlib.appendingPathComponent(file), encoding: .utf8)
        let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        let n = numbers[0]
        var triples: [(Int, Int, Int)] = []
        if file.hasPrefix("assignp") {
            for k in stride(from: 1, to: numbers.count - 2, by: 3) { triples.append((numbers[k], numbers[k + 1], numbers[k + 2])) }
        } else {
            for i in 0..<n { for j in 0..<n { triples.append((i + 1, j + 1, numbers[1 + i * n + j])) } }
        }
        var b = Build()
        b.regions = [Region(id: "r", name: "R")]
        b.waves = [Wave(id: "w1", date: "2022-09-16")]
        b.rules = Rules(onlyListedPairs: true)
        for i in 1...n { b.cadre("c\(i)", level: .province) }
        for j in 1...n { b.target("t\(j)", level: .province) }
        b.pairs = triples.map { PairRule(cadre: "c\($0.0)", target: "t\($0.1)", cost: $0.2) }
        return b.scenario
    }

    /// (c) assign100 (Beasley 1990): optimum 305, through the fast path and the integer program.
    @Test("OR-Library assign100: quality 305, everyone served", .enabled(if: has("assign100.txt"), "shared/data/orlib is absent"))
    func assign100() throws {
        let s = try Self.orlibScenario("assign100.txt")
        #expect(s.pairs.count == 10_000)
        let fast = try planNetwork(s, matching: true)
        #expect(fast.statistics.networkBlocks == 1)
        #expect(fast.tier("coverage") == 0)
        #expect(fast.tier("quality") == 305)
        #expect(fast.pairs.count == 100)
        let general = try planNetwork(s, matching: false)
        #expect(general.values == fast.values)
    }

    /// (c) assignp800 (sparse, 100,057 pairs): optimum 2239.
    @Test("OR-Library assignp800: quality 2239, everyone served", .enabled(if: has("assignp800.txt"), "shared/data/orlib is absent"))
    func assignp800() throws {
        let s = try Self.orlibScenario("assignp800.txt")
        #expect(s.pairs.count == 100_057)
        let fast = try planNetwork(s, matching: true)
        #expect(fast.statistics.networkBlocks == 1)
        #expect(fast.tier("coverage") == 0)
        #expect(fast.tier("quality") == 2239)
        #expect(fast.pairs.count == 800)
    }
}
