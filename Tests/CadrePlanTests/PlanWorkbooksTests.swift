import Foundation
import GLPKSolver
import Scenario
import Spreadsheet
import Testing
import XLSXReader
import XLSXWriter
@testable import CadrePlan

/// plan.xlsx and the group and region workbooks, read back with the project's own reader.
@Suite("Plan workbooks")
struct PlanWorkbooksTests {
    /// Plans `scenarios/<name>` and writes its folder with CSV and workbooks in `language`.
    static func written(_ name: String, language: Language = .zh) throws -> (plan: Plan, summary: PlanSummary, folder: String) {
        let plan = try solve(try ScenarioLoader.load(folder: packageRoot.appendingPathComponent("scenarios/\(name)").path))
        let summary = PlanSummary(plan: plan, solverName: "GLPK", violations: 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-xlsx-\(UUID().uuidString)").path
        try PlanWriter(language: language, formats: [.csv, .xlsx], spreadsheetWriter: XLSXFileWriter())
            .write(plan, summary: summary, timings: [:], to: folder)
        return (plan, summary, folder)
    }

    /// Each row's cells as text, blank cells as "".
    static func texts(_ sheet: XLSXSheet) -> [[String]] {
        sheet.rows.map { row in
            var out = [String](repeating: "", count: row.cells.last?.column ?? 0)
            for c in row.cells { out[c.column - 1] = c.value.text ?? "#" }
            return out
        }
    }

    @Test func planWorkbookHasTheOverviewEachWaveAndTheTables() throws {
        let (_, summary, folder) = try Self.written("small")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let book = try XLSXWorkbook(path: folder + "/plan.xlsx")
        #expect(book.sheetNames == ["总览", "w1 2022-09-16", "w2 2022-09-26", "全部派驻", "覆盖率", "未派出干部"])
        let overview = Self.texts(try book.sheet(named: "总览"))
        // The tier values derived by hand in scenarios/small/README.md, with bound and status.
        #expect(overview.contains(["覆盖（加权缺口）", "1018", "1018", "0", "最优"]))
        #expect(overview.contains(["时效（加权延后）", "40", "40", "0", "最优"]))
        #expect(overview.contains(["质量（成本）", "1574", "1574", "0", "最优"]))
        // Indicators with the declined targets apart, and the 100 % goal.
        for r in summary.indicators.indicators {
            #expect(overview.contains([r.name, String(r.targets), String(r.declined), String(r.accepting), String(r.covered), String(r.rate), "1"]))
        }
        // Dispatch per wave and level against the quota (w1: 6 provincial of 6).
        #expect(overview.contains(["w1", "2022-09-16", "省级", "6", "6", "1"]))
        // Every region, with its shortages and idle cadres.
        for r in RegionFigures.rows(summary) {
            #expect(overview.contains { $0.first == r.name && $0.count == 13 && $0[5] == String(r.short) && $0[9] == String(r.idle) })
        }
        // The assignment sheets hold every pair, the waves split them.
        let all = try book.sheet(named: "全部派驻"), w1 = try book.sheet(named: "w1 2022-09-16"), w2 = try book.sheet(named: "w2 2022-09-26")
        #expect(all.rows.count - 1 == summary.indicators.pairs)
        #expect(w1.rows.count + w2.rows.count - 2 == summary.indicators.pairs)
    }

    @Test func tablesMatchTheCSVFilesWithNumbersAndDatesTyped() throws {
        let (_, _, folder) = try Self.written("small")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (csv, xlsx) in [("assignments.csv", ("plan.xlsx", "全部派驻")), ("groups/gx.csv", ("groups/gx.xlsx", "工信组 派驻名单")),
                            ("regions/haikou.csv", ("regions/haikou.xlsx", "海口 派驻名单"))] {
            let file = try CSVFile.read(path: folder + "/" + csv)
            let book = try XLSXWorkbook(path: folder + "/" + xlsx.0)
            #expect(xlsx.0 == "plan.xlsx" ? book.sheetNames.contains(xlsx.1) : book.sheetNames == [xlsx.1])
            let sheet = try book.sheet(named: xlsx.1)
            #expect(Self.texts(sheet) == [file.header] + file.records.map(\.fields).map { row in
                // Trailing blank cells are not written.
                var r = row
                while r.last == "" { r.removeLast() }
                return r
            })
            for row in sheet.rows.dropFirst() {
                #expect(row.cells.first { $0.column == 2 }.map { if case .date = $0.value { true } else { false } } == true)
                #expect(row.cells.first { $0.column == 15 }.map { if case .number = $0.value { true } else { false } } == true)
            }
        }
        // Names beside ids: the group's and the region's, and the rank and level in Chinese.
        let gx = Self.texts(try XLSXWorkbook(path: folder + "/groups/gx.xlsx").sheet(named: "工信组 派驻名单"))
        #expect(gx.dropFirst().allSatisfy { $0[2] == "gx" && $0[3] == "工信组" && ["厅", "处", "科"].contains($0[6]) && $0[11] == "省级" })
    }

    @Test func principleTierAndEnglish() throws {
        let (_, _, folder) = try Self.written("small-first", language: .en)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let book = try XLSXWorkbook(path: folder + "/plan.xlsx")
        #expect(book.sheetNames == ["Overview", "w1 2022-09-16", "w2 2022-09-26", "All assignments", "Coverage", "Idle cadres"])
        let overview = Self.texts(try book.sheet(named: "Overview"))
        // The optimum derived by hand for scenarios/small-first: principle 7 after coverage 1009.
        #expect(overview.contains(["coverage (weighted shortfall)", "1009", "1009", "0", "optimal"]))
        #expect(overview.contains(["one-to-one principle (extra targets)", "7", "7", "0", "optimal"]))
        let header = Self.texts(try book.sheet(named: "All assignments"))[0]
        #expect(header == AssignmentColumn.allCases.map(\.rawValue))
    }

    @Test func aMissingBoundIsADash() throws {
        let plan = try solve(try ScenarioLoader.load(folder: packageRoot.appendingPathComponent("scenarios/small").path))
        var summary = PlanSummary(plan: plan, solverName: "GLPK", violations: 0)
        summary.tiers[2].bound = nil
        summary.tiers[2].gap = nil
        summary.tiers[2].status = "feasible (time limit)"
        let rows = OverviewSheet(summary: summary, language: .zh).sheet().rows
        #expect(rows.contains { $0.cells == [.text("质量（成本）"), .integer(1574), .text("—"), .text("—"), .text("可行（时限已到，未证最优）")] })
        let html = HTMLReport(summary: summary, language: .en).page()
        #expect(html.contains("<td class=\"n\">1574</td><td class=\"n\">—</td><td class=\"n\">—</td><td>feasible (time limit)</td>"))
    }
}
