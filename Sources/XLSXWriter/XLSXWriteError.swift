import CXLSXWriter

/// Why a workbook could not be written: the file, the sheet and cell when one is at fault, and
/// libxlsxwriter's own reason.
public struct XLSXWriteError: Error, Sendable, CustomStringConvertible {
    /// The file being written.
    public var file: String
    /// What failed, with libxlsxwriter's message.
    public var message: String

    init(file: String, _ message: String) { self.file = file; self.message = message }

    /// An error for a libxlsxwriter return code.
    init(file: String, _ what: String, code: lxw_error) {
        self.file = file
        let reason = lxw_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
        message = "\(what): \(reason)"
    }

    public var description: String { "\(file): \(message)" }
}
