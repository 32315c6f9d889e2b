import Scenario
import Testing
@testable import CadrePlan

/// The rule book's check of pins (`PinCheck`): what `check` and `solve` both refuse, at the pin's line.
@Suite("Pin check")
struct PinCheckTests {
    /// A pin read from pins.csv line `line` (columns cadre 1, target 2, wave 3).
    static func pin(_ cadre: String, _ target: String, _ wave: String, line: Int) -> Pin {
        Pin(cadre: cadre, target: target, wave: wave, source: SourceLine(file: "pins.csv", line: line, columns: ["cadre": 1, "target": 2, "wave": 3]))
    }

    @Test func pinOfForbiddenPair() {
        var b = Build()
        b.cadre("c1"); b.target("t1")
        b.pairs = [PairRule(cadre: "c1", target: "t1", forbidden: true, reason: "回避")]
        b.pins = [Self.pin("c1", "t1", "w1", line: 2)]
        let errors = PinCheck.problems(b.scenario)
        #expect(errors.map(\.description) == ["pins.csv:2:2: target: cadre c1 may not serve target t1: pairs.csv forbids this pair"])
    }

    @Test func pinBeforeTheCadresEarliestWave() {
        var b = Build()
        b.cadre("c1", earliest: "w2"); b.target("t1")
        b.pins = [Self.pin("c1", "t1", "w1", line: 4)]
        let errors = PinCheck.problems(b.scenario)
        #expect(errors.count == 1)
        #expect(errors.first?.line == 4 && errors.first?.column == 3)
        #expect(errors.first?.message.contains("may not serve target t1 in wave w1") == true)
    }

    @Test func pinOfAnUnlistedPairWhenOnlyListedPairsAreAllowed() {
        var b = Build()
        b.cadre("c1"); b.cadre("c2"); b.target("t1")
        b.rules.onlyListedPairs = true
        b.pairs = [PairRule(cadre: "c2", target: "t1")]
        b.pins = [Self.pin("c1", "t1", "w1", line: 2)]
        #expect(PinCheck.problems(b.scenario).map(\.message) == ["cadre c1 may not serve target t1: only pairs listed in pairs.csv are allowed"])
    }

    @Test func tooManyPinsForTheMode() {
        var b = Build()
        b.cadre("c1"); b.target("t1"); b.target("t2")
        b.pins = [Self.pin("c1", "t1", "w1", line: 2), Self.pin("c1", "t2", "w1", line: 3)]
        let errors = PinCheck.problems(b.scenario)
        #expect(errors.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["3:1"])
        #expect(errors.first?.message.contains("may serve at most 1 (mode one-to-one)") == true)
        // Under one-to-many:2 (e.g. `--mode` on the command line) the same pins are fine.
        #expect(PinCheck.problems(b.scenario, mode: .oneToMany(maxTargets: 2)).isEmpty)
    }

    /// Issue 11, finding 10: a pin whose workload fits the capacity of the mode planned with
    /// (`--mode one-to-many:2`) must not be refused because scenario.yaml says one-to-one.
    @Test func workloadIsCheckedUnderTheModePlannedWith() throws {
        var b = Build()
        b.cadre("c1"); b.target("t1", workload: 2)
        b.pins = [Self.pin("c1", "t1", "w1", line: 2)]
        #expect(PinCheck.problems(b.scenario).first?.message.contains("the workload exceeds the cadre's capacity") == true)
        #expect(PinCheck.problems(b.scenario, mode: .oneToMany(maxTargets: 2)).isEmpty)
        // And the planner itself accepts it under that mode: the pin is kept.
        let plan = try solve(b.scenario, mode: .oneToMany(maxTargets: 2))
        #expect(plan.compact == ["c1>t1@w1"])
    }

    @Test func perGroupLimitNamesItsSource() {
        var b = Build()
        b.groups = [ServiceGroup(id: "g", name: "G", categories: ["c"])]
        b.mode = .oneToOneFirst(maxTargets: 3)
        b.targetLimits = TargetLimits(groups: ["g": 1])
        b.cadre("c1", group: "g"); b.target("t1"); b.target("t2")
        b.pins = [Self.pin("c1", "t1", "w1", line: 2), Self.pin("c1", "t2", "w1", line: 3)]
        #expect(PinCheck.problems(b.scenario).first?.message.contains("at most 1 (max_targets.groups.g)") == true)
    }

    /// Issue 11, finding 9: pins that alone exceed a wave quota are found before solving.
    @Test func pinsBeyondAQuota() {
        var b = Build()
        b.waves[0].quotas = [.county: 1]
        b.cadre("c1"); b.cadre("c2"); b.target("t1"); b.target("t2")
        b.pins = [Self.pin("c1", "t1", "w1", line: 2), Self.pin("c2", "t2", "w1", line: 3)]
        let errors = PinCheck.problems(b.scenario)
        #expect(errors.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["3:3"])
        #expect(errors.first?.message.contains("more than 1 cadres counted by the county-level quota of wave w1") == true)
        // The planner refuses the same pins with the same located problem.
        #expect(throws: PlanError.self) { try solve(b.scenario) }
    }

    @Test func validPinsPass() {
        var b = Build()
        b.cadre("c1"); b.target("t1")
        b.pins = [Self.pin("c1", "t1", "w2", line: 2)]
        #expect(PinCheck.problems(b.scenario).isEmpty)
    }
}
