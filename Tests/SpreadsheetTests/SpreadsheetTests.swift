import Testing
@testable import Spreadsheet

@Suite("Workbooks as data")
struct SpreadsheetTests {
    @Test func sheetNamesAreMadeValidAndUnique() {
        let book = Workbook(title: "t", sheets: [
            Sheet(name: "a/b:c"), Sheet(name: "A_B_C"), Sheet(name: "'quoted'"), Sheet(name: ""),
            Sheet(name: String(repeating: "组", count: 40)), Sheet(name: String(repeating: "组", count: 40)),
        ])
        #expect(book.sheets.map(\.name) == ["a_b_c", "A_B_C (2)", "quoted", "Sheet",
                                            String(repeating: "组", count: 31), String(repeating: "组", count: 27) + " (2)"])
    }

    @Test func widthsFitChineseText() {
        let sheet = Sheet(name: "s", header: ["id", "名称"], rows: [[.text("t1"), .text("工信和建筑业组")], [.integer(123456), .percent(0.8)]])
        // id: "123456" = 6 (+2) = 8; header "id" + filter button = 4. 名称: 14 (+2) = 16.
        #expect(sheet.fittedWidths == [8, 16])
        #expect(Sheet(name: "s", header: ["x"], rows: [[.text(String(repeating: "长", count: 50))]]).fittedWidths == [60])
    }

    @Test func displayTexts() {
        #expect(Cell.percent(0.8044).displayText == "80.4%")
        #expect(Cell.decimal(2.345, digits: 2).displayText == "2.35" || Cell.decimal(2.345, digits: 2).displayText == "2.34")
        #expect(Cell.decimal(-0.5, digits: 1).displayText == "-0.5")
        #expect(Cell.date(CalendarDate(iso: "2022-09-26")!).displayText == "2022-09-26")
        #expect(CalendarDate(iso: "2022-02-29") == nil && CalendarDate(iso: "2024-02-29") != nil && CalendarDate(iso: "22-9-1") == nil)
    }

    @Test func displayWidthsAreTheWidthsOfTheDisplayTexts() {
        // Counted by hand: "-1000" is 5 columns, "0" 1, "9" 1, "10" 2, a date 10, "工信组a" 3 × 2 + 1 = 7,
        // "80.4%" 5, "-0.5" 4, "ｱ" (half-width katakana, U+FF71) 1, "Ａ" (full-width, U+FF21) 2.
        let cells: [(Cell, Int)] = [
            (.integer(-1000), 5), (.integer(0), 1), (.integer(9), 1), (.integer(10), 2), (.integer(-7), 2),
            (.date(CalendarDate(iso: "1900-01-01")!), 10), (.text("工信组a"), 7), (.percent(0.8044), 5),
            (.decimal(-0.5, digits: 1), 4), (.text("ｱ"), 1), (.text("Ａ"), 2), (.empty, 0),
        ]
        for (cell, width) in cells { #expect(cell.displayWidth == width, "\(cell)") }
    }
}
