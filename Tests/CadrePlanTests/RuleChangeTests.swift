import GLPKSolver
import Scenario
import Testing
@testable import CadrePlan

/// `explain` understands one-to-one-first and the county reach: a shortage may be closed by a
/// larger M (一对多 where needed) or a larger reach (属地为主), and its recommendation says which.
@Suite("explain: rule changes")
struct RuleChangeTests {
    private func explain(_ s: Scenario) throws -> Explanation {
        var options = PlannerOptions()
        options.parallel = false
        return try Explainer.explain(s, solver: GLPKSolver(), options: options)
    }

    /// One county cadre, two targets, one to one: t2 (priority 1) is short because c1, the only
    /// compatible cadre, serves t1. One more target for region r's cadres closes it.
    @Test func aLargerTargetsPerCadreLimitForARegion() throws {
        var b = Build()
        b.cadre("c1"); b.target("t1", priority: 5); b.target("t2", priority: 1)
        let e = try explain(b.scenario)
        #expect(e.coverage == 1)
        let change = try #require(e.ruleChanges.first)
        #expect(e.ruleChanges.count == 1)
        #expect(change.setting == .maxTargetsRegion && change.key == "r" && change.from == 1 && change.to == 2)
        #expect(change.yamlKey == "max_targets.regions.r")
        #expect(change.targets == ["t2"] && change.closed == 1)
        #expect(e.shortages.first { $0.target == "t2" }?.ruleChanges == [change.id])
        let text = ExplanationReport(explanation: e, scenario: b.scenario, language: .en).text()
        // The region by its name (R), the setting by its key (r): names for people, keys for the yaml.
        #expect(text.contains("R1. Let cadres from R serve up to 2 targets instead of 1 (max_targets.regions.r)"))
        #expect(text.contains("closes 1 of 1"))
    }

    /// Provincial cadres of a group: the group's limit is the one to raise (具体由各服务组选派).
    @Test func aLargerLimitForAServiceGroup() throws {
        var b = Build()
        b.groups = [ServiceGroup(id: "g", name: "组", categories: ["c"])]
        b.mode = .oneToOneFirst(maxTargets: 3)
        b.targetLimits = TargetLimits(groups: ["g": 1])
        b.cadre("p1", level: .province, group: "g")
        b.target("t1", level: .province, priority: 4); b.target("t2", level: .province, priority: 2)
        let e = try explain(b.scenario)
        let change = try #require(e.ruleChanges.first)
        #expect(change.setting == .maxTargetsGroup && change.key == "g" && change.from == 1 && change.to == 2 && change.closed == 1)
    }

    /// Two regions 87 km apart (海口, 儋州 seats): b's target has no cadre of its own, a has an idle
    /// one. The reach that closes it is 87 km; with it the re-solve serves the target.
    @Test func aLargerCountyReach() throws {
        var b = Build()
        b.regions = [Region(id: "a", name: "A", latitude: 20.04, longitude: 110.20), Region(id: "b", name: "B", latitude: 19.52, longitude: 109.58)]
        b.cadre("c1", region: "a"); b.cadre("c2", region: "a")
        b.target("t1", region: "a"); b.target("t2", region: "b", priority: 4)
        let e = try explain(b.scenario)
        #expect(e.coverage == 4)
        let t2 = try #require(e.shortages.first { $0.target == "t2" })
        #expect(t2.reason.kind == .noCompatibleCadre && t2.excluded.map(\.barrier) == [.region])
        let change = try #require(e.ruleChanges.first { $0.setting == .countyReachKm })
        #expect(change.from == 0 && change.to == 87 && change.targets == ["t2"] && change.closed == 1)
        #expect(t2.ruleChanges == [change.id])
        // No reach recommendation where the only other region's cadres are all busy.
        var busy = b
        busy.cadres.removeLast()
        let none = try explain(busy.scenario)
        #expect(!none.ruleChanges.contains { $0.setting == .countyReachKm })
    }
}
