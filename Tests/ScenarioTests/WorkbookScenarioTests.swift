import Foundation
import Spreadsheet
import Testing
import XLSXReader
import XLSXWriter
@testable import Scenario

/// Scenarios given as workbooks: each table's own workbook, or one scenario.xlsx with a sheet per
/// table; the same checks and messages as CSV, located by sheet and cell.
@Suite("Scenarios given as workbooks")
struct WorkbookScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A CSV text of the fixture as rows of cells: whole numbers and decimals as numbers (as a
    /// spreadsheet would hold them), everything else as text.
    static func cells(_ csv: String, numbers: Bool = true) throws -> (header: [String], rows: [[Cell]]) {
        let file = try CSVFile.parse(text: csv, path: "x.csv")
        let rows = file.records.map { record in
            record.fields.map { text -> Cell in
                guard numbers, !text.isEmpty else { return text.isEmpty ? .empty : .text(text) }
                if let n = Int(text) { return .integer(n) }
                if let x = Double(text), text.contains(".") { return .decimal(x, digits: 2) }
                return .text(text)
            }
        }
        return (file.header, rows)
    }

    /// Writes `sheets` (name, CSV text) as one workbook at `path`.
    static func workbook(_ sheets: [(String, String)], to path: String, numbers: Bool = true) throws {
        let book = Workbook(title: "t", sheets: try sheets.map { name, csv in
            let t = try cells(csv, numbers: numbers)
            return Sheet(name: name, header: t.header, rows: t.rows)
        })
        try XLSXFileWriter().write(book, to: path)
    }

    /// Fields the loader reads, compared as a whole (pins without where they were read).
    static func same(_ a: Scenario, _ b: Scenario) -> Bool {
        a.regions == b.regions && a.cadres == b.cadres && a.targets == b.targets && a.pairs == b.pairs && a.pins == b.pins
    }

    @Test func oneWorkbookWithChineseSheetNamesLoadsLikeTheCSVFiles() throws {
        let csv = try Fixture()
        let book = try Fixture(["regions.csv": nil, "cadres.csv": nil, "targets.csv": nil, "pairs.csv": nil, "pins.csv": nil])
        try Self.workbook([("地区", Fixture.valid["regions.csv"]!), ("干部", Fixture.valid["cadres.csv"]!),
                           ("服务对象", Fixture.valid["targets.csv"]!), ("结对", Fixture.valid["pairs.csv"]!), ("pins", Fixture.valid["pins.csv"]!)],
                          to: book.folder + "/scenario.xlsx")
        #expect(book.errors == [])
        let a = try ScenarioLoader.load(folder: csv.folder), b = try ScenarioLoader.load(folder: book.folder)
        #expect(Self.same(a, b))
        #expect(b.pins.first?.source?.sheet == "pins" && b.pins.first?.source?.file == book.folder + "/scenario.xlsx")
    }

    @Test func eachTableItsOwnWorkbookBesideCSVFiles() throws {
        let fixture = try Fixture(["targets.csv": nil, "cadres.csv": nil])
        try Self.workbook([("对象", Fixture.valid["targets.csv"]!)], to: fixture.folder + "/targets.xlsx")
        try Self.workbook([("Sheet1", Fixture.valid["cadres.csv"]!)], to: fixture.folder + "/cadres.xlsx", numbers: false)
        #expect(fixture.errors == [])
        let csv = try Fixture()
        #expect(Self.same(try ScenarioLoader.load(folder: fixture.folder), try ScenarioLoader.load(folder: csv.folder)))
    }

    @Test func errorsNameTheFileTheSheetAndTheCellAllAtOnce() throws {
        let targets = valid("targets.csv", replacing: "haikou,5,是", with: "haikou,9,是")
        let fixture = try Fixture(["targets.csv": nil, "cadres.csv": valid("cadres.csv", replacing: "c3,王五,county,division", with: "c3,王五,county,colonel")])
        try Self.workbook([("对象", targets)], to: fixture.folder + "/targets.xlsx")
        let errors = fixture.errors.map(\.description)
        #expect(errors == [
            fixture.folder + "/cadres.csv:4:4: rank: expected bureau, division or section (厅/处/科), found 'colonel'",
            fixture.folder + "/targets.xlsx, sheet 对象, cell G2: priority: expected an integer from 1 to 5, found '9'",
        ])
    }

    @Test func aSpreadsheetErrorIsReportedAtItsCellAndItsRowLeftOut() throws {
        // The writer makes no error cells, so the sheet is made as the reader would give it.
        let sheet = XLSXSheet(name: "regions", rows: [
            .init(number: 1, cells: [.init(column: 1, value: .text("id")), .init(column: 2, value: .text("name"))]),
            .init(number: 2, cells: [.init(column: 1, value: .text("haikou")), .init(column: 2, value: .text("海口"))]),
            .init(number: 3, cells: [.init(column: 1, value: .text("sanya")), .init(column: 2, value: .error("#N/A"))]),
        ])
        let outcome = SheetRecords.records(sheet, path: "regions.xlsx")
        #expect(outcome.errors.map(\.description) == ["regions.xlsx, sheet regions, cell B3: name: holds the spreadsheet error #N/A; expected a value (the row is skipped)"])
        #expect(outcome.file?.records.map(\.line) == [2])
        #expect(outcome.incomplete)
    }

    @Test func aTableGivenTwiceIsAnError() throws {
        let fixture = try Fixture()
        try Self.workbook([("cadres", Fixture.valid["cadres.csv"]!)], to: fixture.folder + "/cadres.xlsx")
        let errors = fixture.errors
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("cadres is given 2 times (cadres.csv, cadres.xlsx)") == true)
    }

    @Test func aDamagedWorkbookIsAnErrorNamingIt() throws {
        let fixture = try Fixture(["targets.csv": nil])
        try Self.workbook([("targets", Fixture.valid["targets.csv"]!)], to: fixture.folder + "/targets.xlsx")
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture.folder + "/targets.xlsx"))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: fixture.folder + "/targets.xlsx"))
        let errors = fixture.errors
        #expect(errors.first?.description.hasPrefix(fixture.folder + "/targets.xlsx: is damaged or truncated") == true, "\(errors)")
        // Targets unread: the pairs and pins that name them are not reported as unknown.
        #expect(errors.count == 1, "\(errors)")
    }

    @Test func aVariantInheritsWorkbooksFromItsBase() throws {
        let base = try Fixture(["cadres.csv": nil])
        try Self.workbook([("干部", Fixture.valid["cadres.csv"]!)], to: base.folder + "/cadres.xlsx")
        let variant = try Fixture(["regions.csv": nil, "cadres.csv": nil, "targets.csv": nil, "pairs.csv": nil, "pins.csv": nil,
                                   "scenario.yaml": Fixture.valid["scenario.yaml"]! + "base: \(base.folder)\n"])
        #expect(variant.errors == [])
        #expect(try ScenarioLoader.load(folder: variant.folder).cadres == ScenarioLoader.load(folder: base.folder).cadres)
    }

    /// The campaign converted by LibreOffice (scenarios/hainan-2022-xlsx/README.md) reads exactly
    /// as its CSV twin, so it plans byte-identically (the planner sees the same scenario).
    @Test func hainanWorkbooksReadLikeTheirCSVTwin() throws {
        let csv = try ScenarioLoader.load(folder: Self.root.appendingPathComponent("scenarios/hainan-2022").path)
        let xlsx = try ScenarioLoader.load(folder: Self.root.appendingPathComponent("scenarios/hainan-2022-xlsx").path)
        #expect(xlsx.cadres.count == 10_000 && xlsx.targets.count == 11_200 && xlsx.regions.count == 19)
        #expect(Self.same(csv, xlsx))
        #expect(csv.name == xlsx.name && csv.waves == xlsx.waves && csv.mode == xlsx.mode)
    }
}
