/// A problem in a workbook, located as precisely as the workbook allows: the file, the sheet
/// and the cell when one is at fault, else the part of the zip container.
public struct XLSXReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The workbook's path as given.
    public var file: String
    /// The sheet's name, when the problem is in a sheet.
    public var sheet: String?
    /// The cell (`D17`), when the problem is in one cell.
    public var cell: CellReference?
    /// What was expected and what was found.
    public var message: String

    /// Creates an error.
    public init(file: String, sheet: String? = nil, cell: CellReference? = nil, message: String) {
        self.file = file; self.sheet = sheet; self.cell = cell; self.message = message
    }

    /// `targets.xlsx, sheet 对象, cell D17: message`.
    public var description: String {
        var s = file
        if let sheet { s += ", sheet \(sheet)" }
        if let cell { s += ", cell \(cell)" }
        return s + ": " + message
    }
}
