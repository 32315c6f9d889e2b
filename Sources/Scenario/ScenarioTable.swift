/// One CSV file of a scenario folder, checked against the columns docs/DATA.md gives it,
/// with typed, error-collecting access to the cells of one record at a time.
///
/// A class so that the per-file readers can share one error list and one "row is usable"
/// flag without threading `inout` through every cell access.
final class ScenarioTable {
    /// A column the file may have.
    struct Column {
        /// The name, lower case (headers match it case-insensitively).
        var name: String
        /// Whether the column must be in the header.
        var required: Bool
    }

    /// The file's path, for errors.
    let path: String
    /// The records to read (empty when the file could not be read).
    let records: [CSVRecord]
    /// True when the file was read with every record, so ids missing from it really are unknown.
    let complete: Bool
    /// Every problem found so far in this file.
    private(set) var errors: [InputError] = []
    /// Field position of each known column present in the header.
    private let positions: [String: Int]
    /// The record being read.
    private var record = CSVRecord(line: 0, fields: [])
    /// False once a cell of the current record was wrong or a required value is missing.
    private(set) var rowOK = true

    /// Checks the header of a read file against `columns`, reporting missing required and unknown columns.
    init(_ outcome: CSVFile.Outcome, columns: [Column]) {
        path = outcome.path
        var errors = outcome.errors
        defer { self.errors = errors }
        guard let file = outcome.file else {
            records = []; complete = false; positions = [:]
            return
        }
        records = file.records
        var positions: [String: Int] = [:]
        let known = Set(columns.map(\.name))
        let expectedList = columns.map(\.name).joined(separator: ", ")
        for (i, name) in file.header.enumerated() {
            let key = name.lowercased()
            if known.contains(key) {
                if positions[key] == nil { positions[key] = i }  // duplicates were already reported by CSVFile
            } else if key.isEmpty {
                // Spreadsheets often save a trailing empty column; only a nameless column holding data is a mistake.
                if let line = file.records.first(where: { i < $0.fields.count && !$0.fields[i].scenarioTrimmed.isEmpty })?.line {
                    errors.append(InputError(file: outcome.path, line: file.headerLine, column: i + 1,
                                             message: "column \(i + 1) has no name but holds data (first on line \(line)); expected one of: \(expectedList)"))
                }
            } else {
                errors.append(InputError(file: outcome.path, line: file.headerLine, column: i + 1, columnName: name,
                                         message: "unknown column \(name.quotedForMessage); expected one of: \(expectedList)"))
            }
        }
        // A missing column is located at the end of the header line: where it would be added.
        for column in columns where column.required && positions[column.name] == nil {
            errors.append(InputError(file: outcome.path, line: file.headerLine, column: file.header.count + 1, columnName: column.name,
                                     message: "missing required column \(column.name.quotedForMessage) in the header (found: \(file.header.listedForMessage()))"))
        }
        self.positions = positions
        complete = !outcome.incomplete
    }

    /// The 1-based column of each known column present in the header (for locating later messages).
    var columnNumbers: [String: Int] { positions.mapValues { $0 + 1 } }

    /// Whether the header has `column`.
    func has(_ column: String) -> Bool { positions[column] != nil }

    /// Starts reading `record`.
    func begin(_ record: CSVRecord) {
        self.record = record
        rowOK = true
        rejected = []
    }

    /// Columns of the current record whose cell was refused for its characters (already reported).
    private var rejected: Set<String> = []

    /// Columns whose text may hold line breaks and tabs: free text nobody uses as a key.
    private static let freeText: Set<String> = ["reason"]

    /// The line of the current record.
    var line: Int { record.line }

    /// Reports a problem with `column` of the current record and marks the row unusable.
    func fail(_ column: String, _ message: String) {
        rowOK = false
        errors.append(InputError(file: path, line: record.line, column: positions[column].map { $0 + 1 },
                                 columnName: column, message: message))
    }

    /// The trimmed cell of `column`, or nil when the column is absent, the cell empty, or the
    /// cell holds a control character (reported: ids and names end up in tables, file names and
    /// messages, where a line break or an escape code would corrupt them).
    func cell(_ column: String) -> String? {
        guard let i = positions[column], i < record.fields.count else { return nil }
        let value = record.fields[i].scenarioTrimmed
        if value.isEmpty { return nil }
        let allowed: Set<Unicode.Scalar> = Self.freeText.contains(column) ? ["\n", "\t"] : []
        if let bad = value.unicodeScalars.first(where: { $0.isControlCharacter && !allowed.contains($0) }) {
            if rejected.insert(column).inserted {
                fail(column, "expected text without control characters, found \(value.quotedForMessage), which holds \(String(bad).escapedForMessage) (a line break, tab or other invisible character; remove it)")
            }
            return nil
        }
        return value
    }

    /// The trimmed cell of a required column; an empty cell is reported.
    ///
    /// A missing column was reported once at the header, so it only marks the row unusable.
    func required(_ column: String, _ expected: String) -> String? {
        if let value = cell(column) { return value }
        if has(column) && !rejected.contains(column) { fail(column, "expected \(expected), found an empty cell") } else { rowOK = false }
        return nil
    }

    /// The cell converted by `parse`, or nil when empty (reported when `required`) or unconvertible (reported).
    func value<T>(_ column: String, _ expected: String, required: Bool = false, _ parse: (String) -> T?) -> T? {
        guard let text = required ? self.required(column, expected) : cell(column) else { return nil }
        if let value = parse(text) { return value }
        fail(column, "expected \(expected), found \(text.quotedForMessage)")
        return nil
    }

    /// An integer cell within `range`; nil when empty or wrong (reported).
    func int(_ column: String, _ range: ClosedRange<Int>, required: Bool = false) -> Int? {
        value(column, ScenarioExpect.integer(range), required: required) { Int($0).flatMap { range.contains($0) ? $0 : nil } }
    }

    /// A boolean cell; nil when empty or wrong (reported).
    func bool(_ column: String) -> Bool? {
        value(column, ScenarioExpect.boolean) { Bool(scenarioText: $0) }
    }
}
