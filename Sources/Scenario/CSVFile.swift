// PLACEHOLDER — to be replaced by the loader work.
/// A decoded CSV file: header and records with their line numbers.
public struct CSVFile: Sendable {
    /// The path as given.
    public var path: String
    /// Header names as written (trimmed).
    public var header: [String]
    /// Data records.
    public var records: [CSVRecord]
    /// Reads and decodes `path` (UTF-8 with or without BOM, or GB18030; LF or CRLF).
    public static func read(path: String) throws(InputErrors) -> CSVFile {
        throw InputErrors([InputError(file: path, message: "not implemented")])
    }
}
