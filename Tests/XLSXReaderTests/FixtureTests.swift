import Foundation
import Testing
@testable import XLSXReader

/// Workbooks written by other programs (Fixtures/make-fixtures.py says how they were made).
@Suite("Workbooks saved by openpyxl and LibreOffice")
struct FixtureTests {
    /// What both fixtures hold in their first sheet, as text.
    static let expected: [String: String] = [
        "A1": "id", "B1": "name", "C1": "priority", "D1": "ratio", "E1": "urgent", "F1": "date", "G1": "note", "H1": "double",
        "A2": "t001", "B2": "海口某食品有限公司", "C2": "4", "D2": "20.04", "E2": "true", "F2": "2022-09-16",
        "A3": "7", "B3": "Ünïcödé & <xml> \"quoted\"", "C3": "3", "D3": "0.1", "E3": "false", "F3": "2022-09-26 08:30:00",
        "G3": "第一行\n第二行",
        "A5": "t003", "B5": "  spaced  ", "C5": "-2", "D5": "1e-05",
    ]

    @Test func openpyxlWorkbook() throws {
        let book = try XLSXWorkbook(path: TestWorkbooks.fixtures.appendingPathComponent("openpyxl.xlsx").path)
        #expect(book.sheetNames == ["对象", "hidden", "pins"])
        #expect(book.firstVisibleSheet == "对象")
        let cells = TestWorkbooks.cells(try book.sheet(named: "对象"))
        for (ref, text) in Self.expected { #expect(cells[ref] == text, "\(ref)") }
        // openpyxl writes the empty note of row 5 as an empty string or not at all; either reads as blank.
        #expect(cells["G5"] == nil || cells["G5"] == "")
        #expect(cells["A4"] == nil)
        #expect(TestWorkbooks.cells(try book.sheet(named: "pins")) == ["A1": "cadre", "B1": "target", "C1": "wave", "A2": "p01", "B2": "t001", "C2": "w1"])
    }

    @Test func libreOfficeWorkbook() throws {
        let book = try XLSXWorkbook(path: TestWorkbooks.fixtures.appendingPathComponent("libreoffice.xlsx").path)
        #expect(book.sheetNames == ["对象", "hidden", "pins"])
        #expect(book.firstVisibleSheet == "对象")
        let sheet = try book.sheet(named: "对象")
        let cells = TestWorkbooks.cells(sheet)
        for (ref, text) in Self.expected { #expect(cells[ref] == text, "\(ref)") }
        // The formula =C2*2 that LibreOffice computed on saving: its saved result is the value.
        #expect(cells["H2"] == "8")
        // Types, not only text: numbers are numbers, booleans booleans, dates dates.
        let row2 = sheet.rows.first { $0.number == 2 }!
        #expect(row2.cells.first { $0.column == 4 }?.value == .number(20.04, written: "20.04"))
        #expect(row2.cells.first { $0.column == 5 }?.value == .bool(true))
        #expect(row2.cells.first { $0.column == 6 }?.value == .date(year: 2022, month: 9, day: 16, seconds: nil))
    }

    @Test func aFormulaWithoutASavedResultIsAnErrorAtItsCell() throws {
        let sheet = #"<row r="1"><c r="A1"><f>1+1</f></c></row>"#
        let path = try TestWorkbooks.file(try TestWorkbooks.zip(TestWorkbooks.workbook(sheets: [("对象", sheet)])))
        let book = try XLSXWorkbook(path: path)
        let error = try #require(throws: XLSXReadError.self) { try book.sheet(named: "对象") }
        #expect(error.sheet == "对象" && error.cell?.description == "A1")
        #expect(error.description.hasPrefix(path + ", sheet 对象, cell A1: holds a formula without a saved result"))
    }
}
