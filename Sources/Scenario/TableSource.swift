import Foundation
import XLSXReader

/// The tables of a scenario folder, and the names they may have as sheets.
enum ScenarioTableName: String, CaseIterable {
    case regions, cadres, targets, pairs, pins

    /// Sheet names the table is found under in a `scenario.xlsx` (English, as the CSV file is
    /// named, or Chinese), compared ignoring case and surrounding spaces.
    var sheetNames: [String] {
        switch self {
        case .regions: ["regions", "地区"]
        case .cadres: ["cadres", "干部"]
        case .targets: ["targets", "服务对象", "对象"]
        case .pairs: ["pairs", "结对"]
        case .pins: ["pins", "已派"]
        }
    }

    /// The one workbook that may hold every table, one sheet each.
    static let combinedWorkbook = "scenario.xlsx"
}

/// Where one table of a scenario is read from: its CSV file, its own workbook (`cadres.xlsx`,
/// first sheet), or its sheet in the folder's `scenario.xlsx`.
///
/// This is the loader's seam for workbooks: a source hands ``ScenarioTable`` the same header and
/// records a CSV file gives, so every check and message of the loader applies to both. For a
/// sheet, a record's line is its row and a field's position its column, and errors carry the
/// sheet, so they read `targets.xlsx, sheet 对象, cell D17: …`.
struct TableSource {
    /// What the source is.
    enum Origin {
        /// A CSV file.
        case csv
        /// A workbook's sheet; `nil` is the first sheet a person sees.
        case sheet(String?)
        /// The table is given more than once (e.g. cadres.csv and cadres.xlsx): an error.
        case conflict([String])
    }

    /// The table.
    let table: ScenarioTableName
    /// The file messages name.
    let path: String
    /// Where its rows come from.
    let origin: Origin
    /// Whether the file (or sheet) is there (optional tables are skipped when not).
    let exists: Bool

    /// What reading gave: the records and problems, and the sheet read (for a workbook).
    struct Read {
        var outcome: CSVFile.Outcome
        var sheet: String?

        /// `errors` with the sheet set where they concern this source's file (ScenarioTable does
        /// not know it reads a sheet).
        func locate(_ errors: [InputError]) -> [InputError] {
            guard let sheet else { return errors }
            return errors.map { e in
                var e = e
                if e.file == outcome.path, e.sheet == nil { e.sheet = sheet }
                return e
            }
        }
    }

    /// Reads the table's header and records.
    func read(workbooks: WorkbookCache) -> Read {
        switch origin {
        case .csv:
            return Read(outcome: CSVFile.readCollectingErrors(path: path), sheet: nil)
        case .conflict(let files):
            let message = "\(table.rawValue) is given \(files.count) times (\(files.joined(separator: ", "))); keep one, since which one counts would be a guess"
            return Read(outcome: CSVFile.Outcome(path: path, file: nil, errors: [InputError(file: path, message: message)], incomplete: true), sheet: nil)
        case .sheet(let name):
            return SheetRecords.read(path: path, sheet: name, table: table, workbooks: workbooks)
        }
    }
}

/// Workbooks opened while loading one scenario, so that `scenario.xlsx` is read once for all its sheets.
final class WorkbookCache {
    private var opened: [String: Result<XLSXWorkbook, XLSXReadError>] = [:]

    /// The workbook at `path`, opened on first use.
    func workbook(_ path: String) -> Result<XLSXWorkbook, XLSXReadError> {
        if let known = opened[path] { return known }
        let result = Result { () throws(XLSXReadError) in try XLSXWorkbook(path: path) }
        opened[path] = result
        return result
    }
}

extension ScenarioAssembly {
    /// Where to read `table`: from the folder (its CSV file, its workbook, or its sheet in
    /// scenario.xlsx), else from the base folder of a variant. `nil` when it would come from a
    /// base folder that is missing (reported once, at `base`). A table found nowhere is
    /// looked for as its CSV file, whose absence is then reported as before.
    func tableSource(_ table: ScenarioTableName) -> TableSource? {
        if let found = Self.find(table, in: folder, workbooks: workbooks) { return found }
        if let baseFolder, let found = Self.find(table, in: baseFolder, workbooks: workbooks) { return found }
        guard let path = csvPath(table.rawValue + ".csv") else { return nil }
        return TableSource(table: table, path: path, origin: .csv, exists: FileManager.default.fileExists(atPath: path))
    }

    /// The table's source in `folder`, or `nil` when the folder does not give it.
    private static func find(_ table: ScenarioTableName, in folder: String, workbooks: WorkbookCache) -> TableSource? {
        func join(_ name: String) -> String { folder.hasSuffix("/") ? folder + name : folder + "/" + name }
        var found: [TableSource] = []
        let csv = join(table.rawValue + ".csv"), own = join(table.rawValue + ".xlsx")
        if FileManager.default.fileExists(atPath: csv) { found.append(TableSource(table: table, path: csv, origin: .csv, exists: true)) }
        if FileManager.default.fileExists(atPath: own) { found.append(TableSource(table: table, path: own, origin: .sheet(nil), exists: true)) }
        let combined = join(ScenarioTableName.combinedWorkbook)
        if FileManager.default.fileExists(atPath: combined) {
            // A workbook that cannot be opened is reported once, with the first table looked for in it.
            switch workbooks.workbook(combined) {
            case .success(let book):
                if let sheet = SheetRecords.sheet(for: table, in: book) {
                    found.append(TableSource(table: table, path: combined, origin: .sheet(sheet), exists: true))
                }
            case .failure:
                if table == .regions { found.append(TableSource(table: table, path: combined, origin: .sheet(nil), exists: true)) }
            }
        }
        guard found.count <= 1 else {
            let files = found.map { s -> String in
                if case .sheet(let name?) = s.origin { return "\((s.path as NSString).lastPathComponent) sheet \(name)" }
                return (s.path as NSString).lastPathComponent
            }
            return TableSource(table: table, path: found[0].path, origin: .conflict(files), exists: true)
        }
        return found.first
    }

    /// Where errors of files that are not the yaml or CSV files go in the report's order:
    /// a workbook of one table as that table's CSV file would, scenario.xlsx by its sheet.
    static func reportRank(of error: InputError, csvRank: (String) -> Int) -> Int {
        let name = (error.file as NSString).lastPathComponent
        guard name.lowercased().hasSuffix(".xlsx") else { return csvRank(error.file) }
        if name == ScenarioTableName.combinedWorkbook {
            let table = ScenarioTableName.allCases.first { t in
                t.sheetNames.contains { $0 == error.sheet?.scenarioTrimmed.lowercased() }
            }
            return table.map { csvRank($0.rawValue + ".csv") } ?? csvRank("scenario.yaml")
        }
        return csvRank(String(name.dropLast(5)) + ".csv")
    }
}

/// A workbook sheet as a CSV file's header and records.
enum SheetRecords {
    /// The sheet of `book` that holds `table` (by its English or Chinese name), if any.
    static func sheet(for table: ScenarioTableName, in book: XLSXWorkbook) -> String? {
        book.sheetNames.first { name in table.sheetNames.contains(name.scenarioTrimmed.lowercased()) }
    }

    /// Reads `sheet` (the first visible one when `nil`) of the workbook at `path`.
    static func read(path: String, sheet: String?, table: ScenarioTableName, workbooks: WorkbookCache) -> TableSource.Read {
        func failed(_ errors: [InputError], sheet: String?) -> TableSource.Read {
            TableSource.Read(outcome: CSVFile.Outcome(path: path, file: nil, errors: errors, incomplete: true), sheet: sheet)
        }
        let book: XLSXWorkbook
        switch workbooks.workbook(path) {
        case .success(let b): book = b
        case .failure(let e): return failed([inputError(e)], sheet: nil)
        }
        guard let name = sheet ?? book.firstVisibleSheet else {
            return failed([InputError(file: path, message: "has no sheets; expected the \(table.rawValue) table in its first sheet")], sheet: nil)
        }
        do {
            return TableSource.Read(outcome: records(try book.sheet(named: name), path: path), sheet: name)
        } catch {
            return failed([inputError(error)], sheet: name)
        }
    }

    /// A reader's error, located the loader's way (row as line, column number as column).
    static func inputError(_ e: XLSXReadError) -> InputError {
        InputError(file: e.file, line: e.cell?.row, column: e.cell?.column, sheet: e.sheet, message: e.message)
    }

    /// The first row holding text is the header; rows after it are records (blank rows
    /// skipped), their cells as text the way a CSV export writes them. A row with an error
    /// cell (`#N/A`) is reported at that cell and left out, as a CSV record with a quoting
    /// mistake is, and the table is marked incomplete so that its ids are not missed elsewhere.
    static func records(_ sheet: XLSXSheet, path: String) -> CSVFile.Outcome {
        var errors: [InputError] = []
        func text(_ value: XLSXValue) -> String { value.text ?? "" }
        func blank(_ row: XLSXSheet.Row) -> Bool { row.cells.allSatisfy { ($0.value.text ?? "x").scenarioTrimmed.isEmpty } }
        guard let headerIndex = sheet.rows.firstIndex(where: { !blank($0) }) else {
            errors.append(InputError(file: path, sheet: sheet.name, message: "is empty: expected a header row naming the columns"))
            return CSVFile.Outcome(path: path, file: nil, errors: errors, incomplete: true)
        }
        let headerRow = sheet.rows[headerIndex]
        let width = sheet.rows[headerIndex...].reduce(0) { max($0, $1.cells.last?.column ?? 0) }
        var header = [String](repeating: "", count: width)
        for cell in headerRow.cells { header[cell.column - 1] = text(cell.value).scenarioTrimmed }
        var firstColumn: [String: Int] = [:]
        for (i, name) in header.enumerated() where !name.isEmpty {
            let key = name.lowercased()
            if let earlier = firstColumn[key] {
                errors.append(InputError(file: path, line: headerRow.number, column: i + 1, columnName: name, sheet: sheet.name,
                                         message: "duplicate column name \(name.quotedForMessage) (also column \(earlier + 1))"))
            } else {
                firstColumn[key] = i
            }
        }
        var records: [CSVRecord] = []
        records.reserveCapacity(sheet.rows.count - headerIndex)
        var incomplete = false
        for row in sheet.rows[(headerIndex + 1)...] where !blank(row) || row.cells.contains(where: { $0.value.text == nil }) {
            var fields = [String](repeating: "", count: width)
            var broken = false
            for cell in row.cells {
                if case .error(let code) = cell.value {
                    let name = header[cell.column - 1]
                    errors.append(InputError(file: path, line: row.number, column: cell.column, columnName: name.isEmpty ? nil : name, sheet: sheet.name,
                                             message: "holds the spreadsheet error \(code); expected a value (the row is skipped)"))
                    broken = true
                }
                fields[cell.column - 1] = text(cell.value)
            }
            if broken { incomplete = true; continue }
            records.append(CSVRecord(line: row.number, fields: fields))
        }
        let file = CSVFile(path: path, header: header, records: records, headerLine: headerRow.number)
        return CSVFile.Outcome(path: path, file: file, errors: errors, incomplete: incomplete)
    }
}

/// How an error in a workbook is written: `targets.xlsx, sheet 对象, cell D17: priority: …`.
enum WorkbookLocation {
    static func describe(_ e: InputError, sheet: String) -> String {
        var s = e.file.escapedForMessage + ", sheet " + sheet.escapedForMessage
        switch (e.line, e.column) {
        case let (row?, column?): s += ", cell " + CellReference(row: row, column: column).description
        case let (row?, nil): s += ", row \(row)"
        default: break
        }
        s += ": "
        if let name = e.columnName { s += "\(name.count > 60 ? name.quotedForMessage : name.escapedForMessage): " }
        return s + e.message.escapedForMessage
    }
}
