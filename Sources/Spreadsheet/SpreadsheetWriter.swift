/// Writes workbooks to files. The planning library builds ``Workbook`` values and hands them to
/// a writer it is given, so that it never depends on the C library that writes .xlsx.
public protocol SpreadsheetWriter: Sendable {
    /// The file name extension of what the writer writes (`xlsx`).
    var fileExtension: String { get }
    /// Writes `workbook` to `path`, replacing a file there.
    func write(_ workbook: Workbook, to path: String) throws
}
