import Foundation
import PlanVerifier
import Scenario
import Testing

/// Reading plan folders written into a fresh temporary directory per test.
@Suite("Plan folder reader")
struct PlanFolderReaderTests {
    let folder: String
    let scenario = Fixture.scenario()

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("planverifier-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String, bom: Bool = false) throws {
        let data = (bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)
        try data.write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    /// The errors `read` throws, or `[]` if it does not throw.
    func errors() -> [InputError] {
        do throws(InputErrors) {
            _ = try PlanFolderReader.read(folder: folder, scenario: scenario)
            return []
        } catch { return error.errors }
    }

    @Test("English headers with BOM and CRLF, extra columns ignored, summary claims read")
    func english() throws {
        try write("assignments.csv", """
            wave,date,group,cadre_id,cadre_name,rank,unit,target_id,target_name,category,region,distance_km\r
            w1,2022-09-16,g1,c1,干部c1,处,工信厅,t1,企业t1,工业,hk,0\r
            w2,2022-10-01,,c2,干部c2,厅,,t2,"企业, 二",工业,sy,212\r

            """, bom: true)
        try write("summary.json", """
            {"scenario": "test", "tiers": [
              {"name": "coverage", "value": 12, "bound": 12, "status": "optimal"},
              {"name": "timeliness", "value": 3.0},
              {"name": "quality", "value": null},
              {"name": "moves", "value": 4}]}
            """)
        let plan = try PlanFolderReader.read(folder: folder, scenario: scenario)
        #expect(plan.assignments == [row("c1", "t1", "w1"), row("c2", "t2", "w2")])
        // A null value claims nothing; unknown names are kept (the verifier ignores them).
        #expect(plan.claimed == ["coverage": 12, "timeliness": 3, "moves": 4])
    }

    @Test("Chinese headers, any column order and case; no summary.json means no claims")
    func chinese() throws {
        try write("assignments.csv", """
            服务对象编号, 批次 ,干部编号,干部姓名
            t1,w1,c1,张三
             t2 , w2 , c2 ,李四

            """)
        let plan = try PlanFolderReader.read(folder: folder + "/", scenario: scenario)
        #expect(plan.assignments == [row("c1", "t1", "w1"), row("c2", "t2", "w2")])
        #expect(plan.claimed.isEmpty)
    }

    @Test("mixed-case English header, and a header-only file is an empty plan")
    func emptyPlan() throws {
        try write("assignments.csv", "Wave,CADRE_ID,Target_Id\n")
        let plan = try PlanFolderReader.read(folder: folder, scenario: scenario)
        #expect(plan.assignments.isEmpty)
    }

    @Test("missing columns are named, with the header line")
    func missingColumns() throws {
        try write("assignments.csv", "批次,cadre_name\nw1,x\n")
        let found = errors()
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.file == folder + "/assignments.csv" && $0.line == 1 })
        #expect(found.contains { $0.message.contains("cadre_id (干部编号)") })
        #expect(found.contains { $0.message.contains("target_id (服务对象编号)") })
    }

    @Test("the same column under its English and Chinese name is refused")
    func repeatedColumn() throws {
        try write("assignments.csv", "wave,cadre_id,target_id,批次\nw1,c1,t1,w1\n")
        let found = errors()
        #expect(found.count == 1)
        #expect(found.first?.column == 4)
        #expect(found.first?.message.contains("wave (批次)") == true)
    }

    @Test("empty cells are reported with line and column, all of them")
    func emptyCells() throws {
        try write("assignments.csv", "wave,cadre_id,target_id\nw1,c1,t1\nw1,,t2\n,c3,\n")
        let found = errors()
        #expect(found.map { [$0.line ?? 0, $0.column ?? 0] } == [[3, 2], [4, 1], [4, 3]])
        #expect(found.map(\.columnName) == ["cadre_id", "wave", "target_id"])
        #expect(found.first?.description.hasPrefix(folder + "/assignments.csv:3:2: cadre_id: empty") == true)
    }

    @Test("a missing assignments.csv is an error naming it")
    func missingAssignments() {
        let found = errors()
        #expect(found.count == 1)
        #expect(found.first?.file == folder + "/assignments.csv")
    }

    @Test("malformed summary.json is an error naming the file", arguments: [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        (#"{"status": "optimal"}"#, "no \"tiers\""),
        (#"{"tiers": {"coverage": 1}}"#, "must be an array"),
        (#"{"tiers": [3]}"#, "tiers[0] must be an object"),
        (#"{"tiers": [{"value": 3}]}"#, "tiers[0].name"),
        (#"{"tiers": [{"name": "coverage", "value": 2.5}]}"#, "must be an integer"),
        (#"{"tiers": [{"name": "coverage", "value": true}]}"#, "must be an integer"),
        (#"{"tiers": [{"name": "coverage", "value": "12"}]}"#, "must be an integer"),
        (#"{"tiers": [{"name": "coverage", "value": 1e40}]}"#, "must be an integer"),
        (#"{"tiers": [{"name": "coverage", "value": 1}, {"name": "coverage", "value": 1}]}"#, "given twice"),
    ])
    func malformedSummary(text: String, expected: String) throws {
        try write("assignments.csv", "wave,cadre_id,target_id\nw1,c1,t1\n")
        try write("summary.json", text)
        let found = errors()
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.file == folder + "/summary.json")
        #expect(found.first?.message.contains(expected) == true, "\(found)")
    }

    @Test("problems in both files are reported together")
    func bothFiles() throws {
        try write("assignments.csv", "wave,target_id\n")
        try write("summary.json", "")
        let files = errors().map(\.file)
        #expect(files == [folder + "/assignments.csv", folder + "/summary.json"])
    }

    @Test("a plan read back verifies against its scenario")
    func readAndVerify() throws {
        try write("assignments.csv", "批次,干部编号,服务对象编号\nw1,c1,t1\n", bom: true)
        // c1 → t1: quality 70 (rank gap 1·20 + skill miss 50); see RuleViolationTests.
        try write("summary.json", #"{"tiers":[{"name":"coverage","value":0},{"name":"timeliness","value":0},{"name":"quality","value":71}]}"#)
        let plan = try PlanFolderReader.read(folder: folder, scenario: scenario)
        let report = PlanVerifier.verify(scenario: scenario, assignments: plan.assignments, claimed: plan.claimed)
        #expect(report.violations.map(\.description) == ["tier-mismatch: tier quality: plan claims 71, recomputed 70"])
    }
}
