/// One problem in an input file, located precisely.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path as given by the user.
    public var file: String
    /// 1-based line number, or `nil` when the problem concerns the whole file.
    public var line: Int?
    /// 1-based column number (a CSV field's position, or a YAML character column), or `nil`.
    public var column: Int?
    /// The column's name (CSV header or YAML key), if known.
    public var columnName: String?
    /// The sheet, when the file is a workbook: then `line` is the row and `column` the column
    /// number of the cell (`D17` is line 17, column 4).
    public var sheet: String?
    /// What was expected, and what was found.
    public var message: String

    /// Creates an input error.
    public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil, sheet: String? = nil, message: String) {
        self.file = file; self.line = line; self.column = column; self.columnName = columnName; self.sheet = sheet; self.message = message
    }

    /// `file:line:column: (name) message`, the form compilers use so editors can jump to it;
    /// in a workbook `file, sheet 对象, cell D17: (name) message`.
    ///
    /// Always one line: any line break or control character that reached the file name, the
    /// column name or the message (from cell text) is written as an escape.
    public var description: String {
        if let sheet { return WorkbookLocation.describe(self, sheet: sheet) }
        var s = file.escapedForMessage
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        s += ": "
        if let columnName { s += "\(columnName.count > 60 ? columnName.quotedForMessage : columnName.escapedForMessage): " }
        return s + message.escapedForMessage
    }
}

/// Every problem found in a scenario or plan, reported together.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in file then line order.
    public var errors: [InputError]
    /// Creates a report.
    public init(_ errors: [InputError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// One data row of a CSV file, with the line it starts on.
public struct CSVRecord: Sendable, Hashable {
    /// 1-based line number where the record starts.
    public var line: Int
    /// The fields, one per header column (short rows are padded with empty strings only after reporting).
    public var fields: [String]
    /// Creates a record.
    public init(line: Int, fields: [String]) { self.line = line; self.fields = fields }
}
