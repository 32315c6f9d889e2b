import Foundation
import Testing
@testable import XLSXReader

/// Every cell type and layout SpreadsheetML allows, in small workbooks made here.
@Suite("Cell types")
struct CellTypeTests {
    private func cells(_ sheet: String, sharedStrings: [String]? = nil, styles: String? = nil, workbookPr: String = "",
                       prefix: String = "") throws -> [String: String] {
        let parts = TestWorkbooks.workbook(sheets: [("s", sheet)], sharedStrings: sharedStrings, styles: styles,
                                           workbookPr: workbookPr, prefix: prefix)
        let book = try XLSXWorkbook(path: try TestWorkbooks.file(try TestWorkbooks.zip(parts)))
        return TestWorkbooks.cells(try book.sheet(named: "s"))
    }

    @Test func inlineStringsRichTextAndEscapes() throws {
        let sheet = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>海口</t></is></c>\
            <c r="B1" t="inlineStr"><is><r><t>工信</t></r><r><t xml:space="preserve"> 组</t></r><rPh><t>こう</t></rPh></is></c>\
            <c r="C1" t="inlineStr"><is><t>a_x000D_b_x005F_x0041_</t></is></c>\
            <c r="D1" t="str"><f>A1</f><v>海口</v></c>\
            <c r="E1" t="e"><v>#N/A</v></c></row>
            """
        #expect(try cells(sheet) == ["A1": "海口", "B1": "工信 组", "C1": "a\rb_x0041_", "D1": "海口", "E1": "#N/A"])
    }

    @Test func rowsAndCellsWithoutReferencesFollowTheOneBefore() throws {
        let sheet = #"<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>"#
        #expect(try cells(sheet) == ["A1": "a", "B1": "2", "C2": "3", "D2": "4"])
    }

    @Test func rowsAndCellsOutOfOrderAreSorted() throws {
        let sheet = #"<row r="2"><c r="B2"><v>4</v></c><c r="A2"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>"#
        let parts = TestWorkbooks.workbook(sheets: [("s", sheet)])
        let read = try XLSXWorkbook(path: try TestWorkbooks.file(try TestWorkbooks.zip(parts))).sheet(named: "s")
        #expect(read.rows.map(\.number) == [1, 2] && read.rows[1].cells.map(\.column) == [1, 2])
        #expect(try cells(sheet) == ["A1": "1", "A2": "3", "B2": "4"])
    }

    @Test func sharedStringsAndNamespacePrefixes() throws {
        let sheet = #"<x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c></x:row>"#
        #expect(try cells(sheet, sharedStrings: ["零", "一"], prefix: "x") == ["A1": "一"])
    }

    @Test func datesInBothSystemsAndCustomFormats() throws {
        let styles = #"<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot; d&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>"#
        let sheet = #"<row r="1"><c r="A1" s="1"><v>44820</v></c><c r="B1" s="2"><v>44830.5</v></c><c r="C1" s="3"><v>44820</v></c><c r="D1" s="1"><v>60</v></c><c r="E1" s="1"><v>1</v></c><c r="F1" t="d"><v>2022-09-16T00:00:00</v></c></row>"#
        #expect(try cells(sheet, styles: styles) == ["A1": "2022-09-16", "B1": "2022-09-26 12:00:00", "C1": "44820", "D1": "1900-02-29",
                                                      "E1": "1900-01-01", "F1": "2022-09-16"])
        let sheet1904 = #"<row r="1"><c r="A1" s="1"><v>43358</v></c></row>"#
        #expect(try cells(sheet1904, styles: styles, workbookPr: #"<workbookPr date1904="1"/>"#) == ["A1": "2022-09-16"])
    }

    @Test func numbersReadAsTheFileWroteThem() throws {
        let sheet = #"<row r="1"><c r="A1"><v>3.0</v></c><c r="B1"><v>1E-005</v></c><c r="C1"><v>20.04</v></c><c r="D1" t="b"><v>0</v></c><c r="E1"><v>123456789012</v></c></row>"#
        #expect(try cells(sheet) == ["A1": "3", "B1": "1e-05", "C1": "20.04", "D1": "false", "E1": "123456789012"])
    }

    @Test func cellReferences() {
        #expect(CellReference("D17") == CellReference(row: 17, column: 4))
        #expect(CellReference("$AA$1")?.column == 27)
        #expect(CellReference("XFD1048576") == CellReference(row: 1_048_576, column: 16_384))
        #expect(CellReference("XFE1") == nil && CellReference("A0") == nil && CellReference("1A") == nil && CellReference("") == nil)
        #expect(CellReference(row: 17, column: 4).description == "D17")
        #expect(CellReference(row: 1, column: 703).description == "AAA1")
    }

    @Test func dateFormatCodes() {
        #expect(CellFormats.isDateCode("yyyy-mm-dd"))
        #expect(CellFormats.isDateCode("[$-804]yyyy\"年\"m\"月\""))
        #expect(!CellFormats.isDateCode("General"))
        #expect(!CellFormats.isDateCode("0.00\" d\""))
        #expect(!CellFormats.isDateCode("[Red]0.0%"))
    }
}
