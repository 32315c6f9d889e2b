import CXLSXWriter
import Spreadsheet

/// Owns one libxlsxwriter workbook (`lxw_workbook*`) from creation to `workbook_close`.
///
/// `workbook_close` writes the file and frees the workbook; a workbook that is never closed (a
/// cell failed to write) is freed in `deinit` without writing, so an early `throw` leaks nothing
/// and leaves no half-written file behind (libxlsxwriter assembles the file only on close).
final class XLSXWorkbookHandle {
    /// The workbook; `nil` once closed.
    private var pointer: UnsafeMutablePointer<lxw_workbook>?
    /// The file the workbook is written to on close.
    let file: String

    /// Creates a workbook that will be written to `file`, keeping its parts in temporary files
    /// in `temporaryFolder` (the system's temporary folder when `nil`) until it is closed.
    init(file: String, temporaryFolder: String? = nil) throws(XLSXWriteError) {
        self.file = file
        // Constant-memory mode streams each row out as it is written, with its text inline rather
        // than in a shared-string table: a third of the CPU time of the default mode on a plan's
        // tables (measured, docs/DECISIONS.md), at the cost of larger files. Rows are written in order.
        // libxlsxwriter copies the folder's name.
        let created = file.withCString { name in
            Self.withOptionalCString(temporaryFolder) { folder in
                var options = lxw_workbook_options(constant_memory: 1, tmpdir: folder, use_zip64: 0)
                return workbook_new_opt(name, &options)
            }
        }
        guard let created else { throw XLSXWriteError(file: file, "libxlsxwriter could not create the workbook") }
        pointer = created
    }

    /// Calls `body` with a C copy of `text`, or with `nil`.
    private static func withOptionalCString<R>(_ text: String?, _ body: (UnsafeMutablePointer<CChar>?) -> R) -> R {
        guard let text else { return body(nil) }
        return text.withCString { body(UnsafeMutablePointer(mutating: $0)) }
    }

    deinit {
        if let pointer { lxw_workbook_free(pointer) }
    }

    /// The open workbook.
    private func open() throws(XLSXWriteError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let pointer else { throw XLSXWriteError(file: file, "the workbook is already closed") }
        return pointer
    }

    /// Sets the title and a fixed creation time, so that the same content gives the same bytes.
    ///
    /// libxlsxwriter stamps docProps/core.xml with the creation time (left at 0, the current
    /// time); the zip entries it dates 1980-01-01 itself.
    func setProperties(title: String, created: Int) throws(XLSXWriteError) {
        let workbook = try open()
        let code = title.withCString { t -> lxw_error in
            var properties = lxw_doc_properties()
            properties.title = UnsafeMutablePointer(mutating: t)
            properties.created = time_t(created)
            return workbook_set_properties(workbook, &properties)
        }
        guard code == LXW_NO_ERROR else { throw XLSXWriteError(file: file, "setting the document properties", code: code) }
    }

    /// Adds a worksheet named `name` (already valid: see ``SheetName``).
    func addWorksheet(_ name: String) throws(XLSXWriteError) -> UnsafeMutablePointer<lxw_worksheet> {
        let workbook = try open()
        let sheet = name.withCString { workbook_add_worksheet(workbook, $0) }
        guard let sheet else { throw XLSXWriteError(file: file, "libxlsxwriter could not add the sheet \"\(name)\" (its name, or its temporary file)") }
        return sheet
    }

    /// Adds a cell format set up by `configure`.
    func addFormat(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) throws(XLSXWriteError) -> UnsafeMutablePointer<lxw_format> {
        let workbook = try open()
        guard let format = workbook_add_format(workbook) else { throw XLSXWriteError(file: file, "libxlsxwriter could not add a cell format") }
        configure(format)
        return format
    }

    /// Writes the file and frees the workbook.
    func close() throws(XLSXWriteError) {
        let workbook = try open()
        pointer = nil  // workbook_close frees it whatever it returns
        let code = workbook_close(workbook)
        guard code == LXW_NO_ERROR else { throw XLSXWriteError(file: file, "writing the workbook", code: code) }
    }
}
