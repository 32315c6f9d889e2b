import Foundation
import GLPKSolver
import PlanVerifier
import Scenario
@testable import CadrePlan

/// A compact way to build scenarios in tests: one region "r" unless given, two waves.
struct Build {
    var regions = [Region(id: "r", name: "R", latitude: 20, longitude: 110)]
    var waves = [Wave(id: "w1", date: "2022-09-16"), Wave(id: "w2", date: "2022-09-26")]
    var groups: [ServiceGroup] = []
    var cadres: [Cadre] = []
    var targets: [Target] = []
    var pairs: [PairRule] = []
    var pins: [Pin] = []
    var mode: AssignmentMode = .oneToOne
    var targetLimits = TargetLimits()
    var tierOrder: [Tier]?
    var weights: Weights = .standard
    var rules = Rules()

    mutating func cadre(_ id: String, level: Level = .county, rank: Rank = .section, group: String? = nil, region: String = "r",
                        unit: String = "", skills: [String] = [], capacity: Int? = nil, earliest: String? = nil) {
        cadres.append(Cadre(id: id, name: id, level: level, rank: rank, group: group, region: region, unit: unit, skills: skills, capacity: capacity, earliestWave: earliest))
    }

    mutating func target(_ id: String, kind: TargetKind = .enterprise, category: String = "c", level: Level = .county, region: String = "r",
                         priority: Int = 3, urgent: Bool = false, halted: Bool = false, demand: Int = 1, minRank: Rank = .section,
                         workload: Int = 1, consent: Bool = true, supervisor: String? = nil) {
        targets.append(Target(id: id, name: id, kind: kind, category: category, level: level, region: region, priority: priority, urgent: urgent, halted: halted, demand: demand, minRank: minRank, workload: workload, consent: consent, supervisor: supervisor))
    }

    var scenario: Scenario {
        Scenario(name: "test", waves: waves, groups: groups, mode: mode, targetLimits: targetLimits, tierOrder: tierOrder,
                 weights: weights, rules: rules, regions: regions,
                 cadres: cadres, targets: targets, pairs: pairs, pins: pins)
    }
}

/// Plans with GLPK and checks the plan with the independent verifier.
func solve(_ s: Scenario, mode: AssignmentMode? = nil, aggregate: Bool = true) throws -> Plan {
    var options = PlannerOptions(mode: mode, aggregate: aggregate)
    options.parallel = false
    let plan = try Planner(solver: GLPKSolver()).plan(s, options: options)
    let report = PlanVerifier.verify(scenario: plan.scenario, assignments: plan.assignmentsByID,
                                     claimed: Dictionary(uniqueKeysWithValues: plan.tiers.map { ($0.name, $0.value) }))
    if !report.isValid { throw VerificationFailed(violations: report.violations.map(\.description)) }
    return plan
}

struct VerificationFailed: Error { var violations: [String] }

extension Plan {
    /// Assignments as ids, for the verifier and for readable assertions.
    var assignmentsByID: [PlannedAssignment] {
        pairs.map { PlannedAssignment(cadre: scenario.cadres[$0.cadre].id, target: scenario.targets[$0.target].id, wave: scenario.waves[$0.wave].id) }
    }
    /// "cadre>target@wave" strings, sorted.
    var compact: [String] { assignmentsByID.map { "\($0.cadre)>\($0.target)@\($0.wave)" }.sorted() }
    func tier(_ name: String) -> Int { tiers.first { $0.name == name }!.value }
    var values: [Int] { tiers.map(\.value) }
}
