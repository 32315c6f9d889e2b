import Foundation
import PlanVerifier
import Scenario
import Testing

/// `PlanFolderReader.readPlan`, the verifier's strict reading of a plan folder (issue 11, finding 5).
@Suite("Plan folder contents")
struct PlanFolderContentsTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("planverifier-contents-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    static let header = "wave,date,group_id,group_name,cadre_id,cadre_name,rank,unit,target_id,target_name,category,level,region_id,region_name,distance_km\n"
    static let summary = #"{"tiers": [{"name": "coverage", "value": 0}, {"name": "timeliness", "value": 0}, {"name": "quality", "value": 70}]}"#

    func errors() -> [InputError] {
        do throws(InputErrors) { _ = try PlanFolderReader.readPlan(folder: folder); return [] } catch { return error.errors }
    }

    @Test("a plan without summary.json cannot be verified")
    func summaryRequired() throws {
        try write("assignments.csv", Self.header + "w1,2022-09-16,,,c1,干部c1,处,,t1,企业t1,工业,省级,hk,海口,0\n")
        let e = errors()
        #expect(e.count == 1 && e[0].file.hasSuffix("/summary.json") && e[0].message.contains("not found"), "\(e)")
        try write("summary.json", Self.summary)
        let plan = try PlanFolderReader.readPlan(folder: folder)
        #expect(plan.rows.count == 1 && plan.rows[0].cells[.distanceKm] == "0" && plan.rows[0].line == 2)
        #expect(plan.claims.map(\.name) == ["coverage", "timeliness", "quality"] && plan.changes == nil)
        #expect(PlanVerifier.verify(scenario: Fixture.scenario(), plan: plan).violations.isEmpty)
    }

    @Test("every column is required, a missing one located at the header line's end")
    func everyColumnRequired() throws {
        try write("assignments.csv", "批次,干部编号,服务对象编号\nw1,c1,t1\n")
        try write("summary.json", Self.summary)
        let e = errors()
        #expect(e.count == 12, "\(e)")
        #expect(e.allSatisfy { $0.line == 1 && $0.column == 4 }, "\(e)")
        #expect(e.contains { $0.message.contains("distance_km (距离公里)") })
    }

    @Test("a JSON syntax error in summary.json is located by line and column")
    func summarySyntax() throws {
        try write("assignments.csv", Self.header)
        try write("summary.json", "{\n  \"tiers\": [,]\n}\n")
        let e = errors()
        #expect(e.count == 1 && e[0].line == 2 && e[0].column != nil, "\(e)")
    }

    @Test("changes.csv is read in Chinese or English and makes the plan a re-plan")
    func changes() throws {
        try write("assignments.csv", Self.header + "w1,2022-09-16,,,c1,干部c1,处,,t1,企业t1,工业,省级,hk,海口,0\n")
        try write("summary.json", Self.summary)
        try write("changes.csv", "\u{FEFF}变动,干部编号,服务对象编号,批次,现安排,原因\nremoved,c2,t1,w1,,cadre no longer on the roster\n")
        let plan = try PlanFolderReader.readPlan(folder: folder)
        #expect(plan.changes == [ChangeRow(line: 2, kind: .removed, assignment: row("c2", "t1"), now: "")])
        try write("changes.csv", "change,cadre_id,target_id,wave,now,reason\nvanished,c2,t1,w1,,\n")
        let e = errors()
        #expect(e.count == 1 && e[0].line == 2 && e[0].column == 1 && e[0].message.contains("'vanished'"), "\(e)")
    }
}
