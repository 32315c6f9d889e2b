import Foundation
import Scenario
import Spreadsheet
import Testing
@testable import CadrePlan

/// The workbooks are written in the background while the plan writer writes and checks the
/// other files; the folder must still be put in place (or refused) only once they are done.
@Suite("Workbooks written in the background", .serialized)
struct BackgroundWorkbooksTests {
    let root = NSTemporaryDirectory() + "cadreplan-background-workbooks-" + UUID().uuidString
    let scenario: Scenario

    init() throws {
        scenario = try ScenarioLoader.load(folder: packageRoot.appendingPathComponent("scenarios/small").path)
    }

    /// scenarios/small's workbooks: plan.xlsx, its three groups' and its three regions'.
    static let books = ["plan.xlsx", "groups/gx.xlsx", "groups/ly.xlsx", "groups/xm.xlsx",
                        "regions/haikou.xlsx", "regions/sanya.xlsx", "regions/danzhou.xlsx"]

    func write(with writer: any SpreadsheetWriter, to folder: String, check: ((String) throws -> Void)? = nil) throws {
        let plan = try solve(scenario)
        try PlanWriter(language: .zh, formats: [.csv, .xlsx], spreadsheetWriter: writer)
            .write(plan, summary: PlanSummary(plan: plan, solverName: "GLPK", violations: 0), timings: [:], to: folder, check: check)
    }

    /// Every file under `folder`, relative, sorted.
    func files(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    @Test("every workbook is in the folder that replaces the old plan, however slowly it was written")
    func folderWaitsForTheWorkbooks() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/plan"
        let writer = SlowWriter(seconds: 0.1)
        try write(with: writer, to: folder)
        #expect(writer.finished == Self.books.count)
        #expect(files(folder).filter { $0.hasSuffix(".xlsx") } == Self.books.sorted())
        // The group's workbook is titled with the group's name (scenarios/small: gx is 工信组).
        #expect(try String(contentsOfFile: folder + "/groups/gx.xlsx", encoding: .utf8) == "工信组 派驻名单")
        #expect(FileManager.default.fileExists(atPath: folder + "/assignments.csv"))
    }

    @Test("a refused check still waits for the workbooks, and replaces nothing")
    func refusedCheckWaits() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/plan"
        try write(with: SlowWriter(seconds: 0), to: folder)
        let before = files(folder)
        struct Refused: Error {}
        let writer = SlowWriter(seconds: 0.1)
        #expect(throws: Refused.self) { try write(with: writer, to: folder) { _ in throw Refused() } }
        // Nothing is still writing into a folder that is gone, and no staging folder is left.
        #expect(writer.finished == Self.books.count && writer.failed == 0)
        #expect(files(folder) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["plan"])
    }

    @Test("a workbook that fails is reported before a refused check, as when it was written first")
    func workbookFailureComesFirst() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/plan"
        struct Refused: Error {}
        #expect {
            try write(with: FailingWriter(failing: "regions/sanya.xlsx"), to: folder) { _ in throw Refused() }
        } throws: { error in
            (error as? WorkbookFailed)?.path.hasSuffix("/regions/sanya.xlsx") == true
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}

/// Writes each workbook's title as the file after a pause, counting what it finished.
private final class SlowWriter: SpreadsheetWriter, @unchecked Sendable {
    let seconds: Double
    private let lock = NSLock()
    private var done = 0, errors = 0
    init(seconds: Double) { self.seconds = seconds }
    var fileExtension: String { "xlsx" }
    var finished: Int { lock.lock(); defer { lock.unlock() }; return done }
    var failed: Int { lock.lock(); defer { lock.unlock() }; return errors }

    func write(_ workbook: Workbook, to path: String) throws {
        Thread.sleep(forTimeInterval: seconds)
        do {
            try Data(workbook.title.utf8).write(to: URL(fileURLWithPath: path))
            lock.lock(); done += 1; lock.unlock()
        } catch {
            lock.lock(); errors += 1; lock.unlock()
            throw error
        }
    }
}

/// Fails on one path.
private struct FailingWriter: SpreadsheetWriter {
    let failing: String
    var fileExtension: String { "xlsx" }
    func write(_ workbook: Workbook, to path: String) throws {
        if path.hasSuffix(failing) { throw WorkbookFailed(path: path) }
        try Data(workbook.title.utf8).write(to: URL(fileURLWithPath: path))
    }
}

private struct WorkbookFailed: Error { let path: String }

/// The typed rows shared by the workbooks' sheets make the very sheets the tables made.
@Suite("Typed assignment rows")
struct TypedAssignmentsTests {
    @Test func sheetsAreTheTablesSheets() throws {
        let plan = try solve(try ScenarioLoader.load(folder: packageRoot.appendingPathComponent("scenarios/small").path))
        for language in Language.allCases {
            let rows = AssignmentRows(plan: plan, language: language)
            let typed = TypedAssignments(rows, language: language)
            let all = Array(rows.rows.indices)
            #expect(typed.sheet(name: "all", rows: all) == rows.table(language, rows: all).sheet(name: "all"))
            let gx = try #require(rows.ofGroup["gx"])
            #expect(typed.sheet(name: "gx", rows: gx) == rows.table(language, rows: gx).sheet(name: "gx"))
            // Dates and distances are typed (column 2 and 15), not left as text.
            let first = try #require(typed.cells.first)
            #expect(first.count == 15)
            if case .date = first[1] {} else { Issue.record("the date is not a date: \(first[1])") }
            if case .integer = first[14] {} else { Issue.record("the distance is not a number: \(first[14])") }
        }
    }
}
