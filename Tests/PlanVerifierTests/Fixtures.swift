import PlanVerifier
import Scenario

/// Small in-memory scenarios for the verifier's tests.
///
/// Defaults are chosen so that a cadre and a target built with no arguments form an allowed
/// pair (both province level, same region, no group, section minimum, consent, workload 1), so
/// each test changes exactly the fact it is about.
enum Fixture {
    /// Haikou, Sanya and Danzhou seats, plus a region with no coordinates.
    static let regions = [
        Region(id: "hk", name: "海口", latitude: 20.0442, longitude: 110.1999),
        Region(id: "sy", name: "三亚", latitude: 18.2528, longitude: 109.5119),
        Region(id: "dz", name: "儋州", latitude: 19.5209, longitude: 109.5808),
        Region(id: "nowhere", name: "无坐标"),
    ]
    static let waves = [Wave(id: "w1", date: "2022-09-16"), Wave(id: "w2", date: "2022-10-01")]
    static let groups = [
        ServiceGroup(id: "g1", name: "工信组", categories: ["工业"]),
        ServiceGroup(id: "g2", name: "服务业组", categories: ["服务业"]),
    ]

    static func cadre(
        _ id: String, level: Level = .province, rank: Rank = .division, group: String? = nil,
        region: String = "hk", unit: String = "", skills: [String] = [], capacity: Int? = nil,
        earliest: String? = nil
    ) -> Cadre {
        Cadre(id: id, name: "干部\(id)", level: level, rank: rank, group: group, region: region,
              unit: unit, skills: skills, capacity: capacity, earliestWave: earliest)
    }

    static func target(
        _ id: String, kind: TargetKind = .enterprise, category: String = "工业", level: Level = .province,
        region: String = "hk", priority: Int = 3, urgent: Bool = false, halted: Bool = false,
        demand: Int = 1, minRank: Rank = .section, workload: Int = 1, consent: Bool = true,
        supervisor: String? = nil
    ) -> Target {
        Target(id: id, name: "企业\(id)", kind: kind, category: category, level: level, region: region,
               priority: priority, urgent: urgent, halted: halted, demand: demand, minRank: minRank,
               workload: workload, consent: consent, supervisor: supervisor)
    }

    static func scenario(
        cadres: [Cadre] = [cadre("c1")], targets: [Target] = [target("t1")],
        mode: AssignmentMode = .oneToOne, waves: [Wave] = waves, weights: Weights = .standard,
        rules: Rules = Rules(), pairs: [PairRule] = [], pins: [Pin] = []
    ) -> Scenario {
        Scenario(name: "test", waves: waves, groups: groups, mode: mode, weights: weights, rules: rules,
                 regions: regions, cadres: cadres, targets: targets, pairs: pairs, pins: pins)
    }
}

/// `PlannedAssignment(cadre:target:wave:)`, short for tables of plans.
func row(_ cadre: String, _ target: String, _ wave: String = "w1") -> PlannedAssignment {
    PlannedAssignment(cadre: cadre, target: target, wave: wave)
}

/// The rules a plan breaks, in report order, repeats kept (so a rule reported twice shows).
func brokenRules(_ scenario: Scenario, _ plan: [PlannedAssignment], claimed: [String: Int]? = nil) -> [Rule] {
    PlanVerifier.verify(scenario: scenario, assignments: plan, claimed: claimed).violations.map(\.rule)
}
