import Foundation
import Spreadsheet
import Testing
import XLSXReader
@testable import XLSXWriter

@Suite("Writing .xlsx with libxlsxwriter")
struct XLSXFileWriterTests {
    static func temporary(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    static let sample = Workbook(title: "派驻方案", sheets: [
        Sheet(name: "w1 2022-09-16", header: ["批次", "日期", "服务组", "干部姓名", "距离公里", "覆盖率", "平均"], rows: [
            [.text("w1"), .date(CalendarDate(year: 2022, month: 9, day: 16)!), .text("工信和建筑业组"), .text("王伟"), .integer(87), .percent(0.804), .decimal(1.25, digits: 2)],
            [.text("w1"), .date(CalendarDate(year: 2022, month: 9, day: 16)!), .empty, .text("007"), .integer(0), .percent(1), .decimal(2, digits: 1)],
        ]),
        Sheet(name: "总览", rows: [
            Sheet.Row([.text("目标分层")], style: .title),
            Sheet.Row([.text("层"), .text("值")], style: .header),
            Sheet.Row([.text("覆盖"), .integer(3422)]),
            Sheet.Row([.text("无界时显示 —")], style: .note),
        ]),
    ])

    @Test func cellsReadBackWithTheirTypes() throws {
        let path = try Self.temporary("plan.xlsx")
        try XLSXFileWriter().write(Self.sample, to: path)
        let book = try XLSXWorkbook(path: path)
        #expect(book.sheetNames == ["w1 2022-09-16", "总览"])
        let sheet = try book.sheet(named: "w1 2022-09-16")
        let row2 = try #require(sheet.rows.first { $0.number == 2 })
        let values = row2.cells.map(\.value)
        #expect(values == [.text("w1"), .date(year: 2022, month: 9, day: 16, seconds: nil), .text("工信和建筑业组"), .text("王伟"),
                           .number(87, written: "87"), .number(0.804, written: "0.804"), .number(1.25, written: "1.25")])
        // A blank data cell is not written; text that looks like a number stays text.
        let row3 = try #require(sheet.rows.first { $0.number == 3 })
        #expect(row3.cells.map(\.column) == [1, 2, 4, 5, 6, 7])
        #expect(row3.cells[2].value == .text("007"))
        let overview = try book.sheet(named: "总览")
        #expect(overview.rows.map(\.number) == [1, 2, 3, 4])
    }

    @Test func theSameWorkbookGivesTheSameBytes() throws {
        let a = try Self.temporary("a.xlsx"), b = try Self.temporary("b.xlsx")
        try XLSXFileWriter().write(Self.sample, to: a)
        Thread.sleep(forTimeInterval: 2.1)  // zip timestamps have a resolution of two seconds
        try XLSXFileWriter().write(Self.sample, to: b)
        #expect(FileManager.default.contentsEqual(atPath: a, andPath: b))
    }

    @Test func theBytesDoNotDependOnTheTemporaryFolder() throws {
        // The memory-backed folder, the system's, and a folder that does not exist (libxlsxwriter's
        // tmpfileplus then falls back to the system's itself) give the same file.
        let missing = "/nonexistent-cadreplan-\(UUID().uuidString)"
        let system = try Self.temporary("system.xlsx")
        try XLSXFileWriter(temporaryFolders: [nil]).write(Self.sample, to: system)
        for folders in [[MemoryFolder.path], [missing, nil], [missing]] {
            let path = try Self.temporary("other.xlsx")
            try XLSXFileWriter(temporaryFolders: folders).write(Self.sample, to: path)
            #expect(FileManager.default.contentsEqual(atPath: path, andPath: system), "\(folders)")
        }
    }

    @Test func frozenHeaderAutofilterAndWidths() throws {
        let path = try Self.temporary("plan.xlsx")
        try XLSXFileWriter().write(Self.sample, to: path)
        let xml = try Self.part("xl/worksheets/sheet1.xml", of: path)
        #expect(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(xml.contains(#"<autoFilter ref="A1:G3"/>"#))
        // 工信和建筑业组: 7 wide characters = 14, plus 2 = 16.
        #expect(xml.contains(#"<col min="3" max="3" width="16.7109375" customWidth="1"/>"#))
        let core = try Self.part("docProps/core.xml", of: path)
        #expect(core.contains("2022-09-16T00:00:00Z") && core.contains("<dc:title>派驻方案</dc:title>"))
        // The overview sheet has no single table: no frozen pane, no filter.
        let overview = try Self.part("xl/worksheets/sheet2.xml", of: path)
        #expect(!overview.contains("autoFilter") && !overview.contains("frozen"))
    }

    @Test func anUnwritableFileIsAnErrorNamingIt() throws {
        let path = "/nonexistent-folder-\(UUID().uuidString)/plan.xlsx"
        let error = try #require(throws: XLSXWriteError.self) { try XLSXFileWriter().write(Self.sample, to: path) }
        #expect(error.description.hasPrefix(path))
    }

    @Test func tooLongTextIsAnErrorNamingTheCell() throws {
        let long = Workbook(title: "t", sheets: [Sheet(name: "s", header: ["a"], rows: [[.text(String(repeating: "x", count: 40_000))]])])
        let path = try Self.temporary("long.xlsx")
        let error = try #require(throws: XLSXWriteError.self) { try XLSXFileWriter().write(long, to: path) }
        #expect(error.message.contains("sheet s, cell A2"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// A part of the written zip, through the reader's own container (unzip is not assumed installed).
    static func part(_ name: String, of path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())", path, name]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
