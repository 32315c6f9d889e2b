import Foundation
import Scenario
import Testing
@testable import CadrePlan

/// The package root, found from this file's path (Tests/CadrePlanTests/<file>).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("scenarios/small")
struct SmallScenarioTests {
    let folder = packageRoot.appendingPathComponent("scenarios/small").path

    /// The optimum derived by hand in scenarios/small/README.md.
    @Test func reachesTheHandDerivedOptimum() throws {
        let s = try ScenarioLoader.load(folder: folder)
        #expect(s.cadres.count == 30 && s.targets.count == 40)
        let plan = try solve(s)
        #expect(plan.isOptimal)
        #expect(plan.values == [2024, 40, 1574])
    }

    @Test func individualModelAgrees() throws {
        let plan = try solve(try ScenarioLoader.load(folder: folder), aggregate: false)
        #expect(plan.isOptimal)
        #expect(plan.values == [2024, 40, 1574])
    }

    /// Hand-checked details: the forbidden pair and the minimum rank leave j01 with p10 only;
    /// c08 (wave 2 only) is not in wave 1; the urgent targets are in wave 1.
    @Test func keepsTheRulesThatCost() throws {
        let plan = try solve(try ScenarioLoader.load(folder: folder))
        let a = plan.assignmentsByID
        #expect(a.filter { $0.target == "j01" }.map(\.cadre) == ["p10"])
        #expect(!a.contains { $0.cadre == "c08" && $0.wave == "w1" })
        for urgent in ["e01", "e07", "k01", "k02", "k11", "k20"] {
            #expect(a.first { $0.target == urgent }?.wave == "w1")
        }
        #expect(!a.contains { ["e06", "e10", "k21"].contains($0.target) })
    }

    @Test func sameInputSameOutput() throws {
        let s = try ScenarioLoader.load(folder: folder)
        #expect(try solve(s).compact == (try solve(s).compact))
    }
}
