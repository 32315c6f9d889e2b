import Foundation
import Testing
@testable import Scenario

@Suite("Large scenarios")
struct LargeScenarioTests {
    /// 10,000 cadres and 10,000 targets, the size of a real campaign.
    @Test("10,000 cadres and 10,000 targets load in file order, in linear time")
    func tenThousand() throws {
        var cadres = "id,name,level,rank,group,region,unit,skills,capacity,earliest_wave\n"
        var targets = "id,name,kind,category,level,region,priority,urgent,halted,demand,min_rank,workload,consent,supervisor\n"
        for i in 0..<10_000 {
            cadres += "c\(i),干部\(i),\(i % 5 == 0 ? "province" : "county"),\(["科", "处", "厅"][i % 3]),,\(i % 2 == 0 ? "haikou" : "sanya"),单位\(i % 300),规模以上工业企业,,\n"
            targets += "t\(i),\"企业,\(i)\",enterprise,规模以上工业企业,\(i % 5 == 0 ? "province" : "county"),\(i % 2 == 0 ? "haikou" : "sanya"),\(1 + i % 5),,\(i % 11 == 0),,,,,\n"
        }
        let fixture = try Fixture(["cadres.csv": cadres, "targets.csv": targets, "pairs.csv": nil, "pins.csv": nil])
        let start = ContinuousClock.now
        let s = try ScenarioLoader.load(folder: fixture.folder)
        let elapsed = ContinuousClock.now - start
        #expect(s.cadres.count == 10_000 && s.targets.count == 10_000)
        #expect(s.cadres.map(\.id) == (0..<10_000).map { "c\($0)" })
        #expect(s.targets[9_999].name == "企业,9999" && s.targets[11].halted)
        // Release builds take about 0.12 s and debug builds about 0.6 s; the bound is loose so that a
        // busy machine does not fail it, yet catches grossly quadratic work.
        #expect(elapsed < .seconds(15), "loading took \(elapsed)")
    }
}
