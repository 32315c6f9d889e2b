import CXLSXWriter
import Spreadsheet

/// Writes ``Workbook`` values as .xlsx files with libxlsxwriter.
///
/// Every sheet gets column widths fitted to its content (Chinese counted double); a sheet with
/// one table gets its header row frozen and an autofilter over the table. Numbers are written
/// as numbers with a display format, dates as dates. The creation time in the document
/// properties is fixed, so the same workbook gives byte-identical files.
public struct XLSXFileWriter: SpreadsheetWriter {
    /// The creation time written into every workbook: 2022-09-16 00:00 UTC, the campaign's first
    /// wave. Fixed so that output is reproducible; the file system keeps the real time.
    public static let creationTime = 1_663_286_400

    /// Where libxlsxwriter keeps a workbook's parts until it is closed, tried in order: the
    /// memory-backed folder (``MemoryFolder``) where there is one, then the system's temporary
    /// folder (`nil`).
    let temporaryFolders: [String?]

    /// Creates a writer.
    public init() { temporaryFolders = MemoryFolder.path.map { [$0, nil] } ?? [nil] }

    /// A writer that tries these temporary folders in order (for tests).
    init(temporaryFolders: [String?]) { self.temporaryFolders = temporaryFolders.isEmpty ? [nil] : temporaryFolders }

    /// `xlsx`.
    public var fileExtension: String { "xlsx" }

    /// Writes `workbook` to `path`.
    ///
    /// - Throws: ``XLSXWriteError`` naming the file (and the sheet and cell when a cell is refused).
    public func write(_ workbook: Workbook, to path: String) throws {
        for folder in temporaryFolders.dropLast() {
            // libxlsxwriter (tmpfileplus) itself moves on to the system's folder when it cannot
            // create a file; but a memory-backed folder may fill up while a workbook is written (a
            // container's is often small): the workbook is then written again through the next
            // folder, and the last one reports a failure that recurs.
            if (try? write(workbook, to: path, temporaryFolder: folder)) != nil { return }
        }
        try write(workbook, to: path, temporaryFolder: temporaryFolders.last ?? nil)
    }

    private func write(_ workbook: Workbook, to path: String, temporaryFolder: String?) throws(XLSXWriteError) {
        let handle = try XLSXWorkbookHandle(file: path, temporaryFolder: temporaryFolder)
        try handle.setProperties(title: workbook.title, created: Self.creationTime)
        let formats = try XLSXFormats(handle)
        for sheet in workbook.sheets {
            try write(sheet, into: handle, formats: formats)
        }
        try handle.close()
    }

    private func write(_ sheet: Sheet, into handle: XLSXWorkbookHandle, formats: XLSXFormats) throws(XLSXWriteError) {
        let ws = try handle.addWorksheet(sheet.name)
        for (c, width) in sheet.fittedWidths.enumerated() {
            let code = worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), width, nil)
            guard code == LXW_NO_ERROR else { throw XLSXWriteError(file: handle.file, "sheet \(sheet.name), column \(c + 1)", code: code) }
        }
        for (r, row) in sheet.rows.enumerated() {
            for (c, cell) in row.cells.enumerated() {
                let code = Self.write(cell, ws, row: r, column: c, style: row.style, formats: formats)
                guard code == LXW_NO_ERROR else {
                    throw XLSXWriteError(file: handle.file, "sheet \(sheet.name), cell \(Self.reference(row: r, column: c))", code: code)
                }
            }
        }
        if let header = sheet.headerRow, header < sheet.rows.count {
            worksheet_freeze_panes(ws, lxw_row_t(header + 1), 0)
            let last = max(sheet.rows.count - 1, header)
            let code = worksheet_autofilter(ws, lxw_row_t(header), 0, lxw_row_t(last), lxw_col_t(max(sheet.columnCount - 1, 0)))
            guard code == LXW_NO_ERROR else { throw XLSXWriteError(file: handle.file, "sheet \(sheet.name), autofilter", code: code) }
        }
    }

    private static func write(_ cell: Cell, _ ws: UnsafeMutablePointer<lxw_worksheet>, row: Int, column: Int,
                              style: Sheet.Row.Style, formats: XLSXFormats) -> lxw_error {
        let r = lxw_row_t(row), c = lxw_col_t(column)
        switch cell {
        case .empty:
            // A styled blank keeps a header's shading; a data blank is simply not written.
            return style == .data ? LXW_NO_ERROR : worksheet_write_blank(ws, r, c, formats.format(style, .text))
        case .text(let s):
            return s.withCString { worksheet_write_string(ws, r, c, $0, formats.format(style, .text)) }
        case .integer(let n):
            return worksheet_write_number(ws, r, c, Double(n), formats.format(style, .integer))
        case let .decimal(x, digits):
            let kind: XLSXFormats.Number = [.decimal0, .decimal1, .decimal2, .decimal3][min(max(digits, 0), 3)]
            return worksheet_write_number(ws, r, c, x, formats.format(style, kind))
        case .percent(let x):
            return worksheet_write_number(ws, r, c, x, formats.format(style, .percent))
        case .date(let d):
            var dt = lxw_datetime(year: Int32(d.year), month: Int32(d.month), day: Int32(d.day), hour: 0, min: 0, sec: 0)
            return worksheet_write_datetime(ws, r, c, &dt, formats.format(style, .date))
        }
    }

    /// `A1`-style reference of a 0-based row and column.
    static func reference(row: Int, column: Int) -> String {
        var letters = ""
        var n = column + 1
        while n > 0 {
            let rem = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + rem))) + letters
            n = (n - 1) / 26
        }
        return letters + String(row + 1)
    }
}
