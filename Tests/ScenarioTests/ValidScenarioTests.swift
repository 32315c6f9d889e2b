import Foundation
import Testing
@testable import Scenario

@Suite("Loading a valid scenario")
struct ValidScenarioTests {
    @Test("every value and default is read")
    func loadsValues() throws {
        let fixture = try Fixture()
        let s = try ScenarioLoader.load(folder: fixture.folder)

        #expect(s.name == "small")
        #expect(s.mode == .oneToMany(maxTargets: 2))
        #expect(s.waves == [
            Wave(id: "w1", date: "2022-09-16", quotas: [.province: 5, .county: 10], regionQuotas: ["haikou": 3]),
            Wave(id: "w2", date: "2022-10-01", groupQuotas: ["gongxin": 2]),
        ])
        #expect(s.groups == [ServiceGroup(id: "gongxin", name: "工信和建筑业组", categories: ["规模以上工业企业", "建筑业企业"])])
        var weights = Weights.standard
        weights.halted = 500
        #expect(s.weights == weights)
        #expect(s.rules == Rules(forbidOwnSupervisor: true, minRankByKind: [.park: .division]))
        #expect(s.indicators == [Indicator(id: "sishang", name: "四上企业服务覆盖率", categories: ["规模以上工业企业"], level: .province)])

        #expect(s.regions == [
            Region(id: "haikou", name: "海口", latitude: 20.04, longitude: 110.32),
            Region(id: "sanya", name: "三亚"),
        ])
        #expect(s.cadres == [
            Cadre(id: "c1", name: "张三", level: .province, rank: .division, group: "gongxin", region: "haikou",
                  unit: "省工信厅", skills: ["规模以上工业企业", "建筑业企业"]),
            Cadre(id: "c2", name: "李四", level: .county, rank: .division, region: "sanya", capacity: 2, earliestWave: "w2"),
            Cadre(id: "c3", name: "王五", level: .county, rank: .division, region: "sanya"),
        ])
        #expect(s.cadres[0].skills == ["建筑业企业", "规模以上工业企业"].sorted())
        #expect(s.targets == [
            Target(id: "t1", name: "海口工厂", kind: .enterprise, category: "规模以上工业企业", level: .province, region: "haikou",
                   priority: 5, urgent: true, halted: false, demand: 2, minRank: .division, workload: 1, consent: true,
                   supervisor: "省工信厅"),
            Target(id: "t2", name: "三亚园区", kind: .park, category: "园区", level: .county, region: "sanya"),
        ])
        // Defaults of an all-empty optional row.
        let t2 = s.targets[1]
        #expect(t2.priority == 3 && !t2.urgent && !t2.halted && t2.demand == 1 && t2.minRank == .section
                && t2.workload == 1 && t2.consent && t2.supervisor == nil)
        #expect(s.pairs == [PairRule(cadre: "c1", target: "t1", forbidden: false, cost: 7, workload: nil, reason: "熟悉")])
        #expect(s.pins == [Pin(cadre: "c2", target: "t2", wave: "w2")])
    }

    @Test("validate returns nothing for a valid folder")
    func validateIsEmpty() throws {
        let fixture = try Fixture()
        #expect(fixture.errors == [])
    }

    @Test("pairs.csv and pins.csv are optional; scenario.yaml minimal form takes all defaults")
    func optionalFilesAndDefaults() throws {
        let fixture = try Fixture([
            "pairs.csv": nil, "pins.csv": nil,
            "scenario.yaml": "name: bare\nwaves:\n  - {id: only, date: 2024-02-29}\n",
            "cadres.csv": "id,name,level,rank,region\nc1,甲,province,bureau,haikou\n",
        ])
        let s = try ScenarioLoader.load(folder: fixture.folder)
        #expect(s.mode == .oneToOne)
        #expect(s.groups.isEmpty && s.indicators.isEmpty && s.pairs.isEmpty && s.pins.isEmpty)
        #expect(s.weights == .standard)
        #expect(s.rules == Rules())
        #expect(s.waves == [Wave(id: "only", date: "2024-02-29")])
        #expect(s.cadres == [Cadre(id: "c1", name: "甲", level: .province, rank: .bureau, region: "haikou")])
    }

    @Test("headers match case-insensitively in any order; cells are trimmed; blank rows are skipped")
    func lenientHeadersAndCells() throws {
        let fixture = try Fixture([
            "regions.csv": " NAME , Id ,LON,lat\n\n海口, haikou ,110.32,20.04\n,,,\n三亚,sanya,,\n",
        ])
        let s = try ScenarioLoader.load(folder: fixture.folder)
        #expect(s.regions == [
            Region(id: "haikou", name: "海口", latitude: 20.04, longitude: 110.32),
            Region(id: "sanya", name: "三亚"),
        ])
    }

    @Test("Chinese spellings of booleans, kinds, levels and ranks are accepted")
    func chineseSpellings() throws {
        let fixture = try Fixture([
            "targets.csv": """
            id,name,kind,category,level,region,urgent,halted,min_rank,consent
            t1,甲,项目,规模以上工业企业,省级,haikou,否,是,厅级,Y
            t2,乙,园区,园区,市县,sanya,N,0,科,是

            """,
            "pairs.csv": nil,
        ])
        let s = try ScenarioLoader.load(folder: fixture.folder)
        #expect(s.targets.map(\.kind) == [.project, .park])
        #expect(s.targets.map(\.level) == [.province, .county])
        #expect(s.targets.map(\.urgent) == [false, false])
        #expect(s.targets.map(\.halted) == [true, false])
        #expect(s.targets.map(\.minRank) == [.bureau, .section])
        #expect(s.targets.map(\.consent) == [true, true])
    }

    @Test("the example scenario in the repository loads")
    func repositoryExample() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios/small").path
        try #require(FileManager.default.fileExists(atPath: folder + "/scenario.yaml"))
        #expect(ScenarioLoader.validate(folder: folder) == [])
    }
}
