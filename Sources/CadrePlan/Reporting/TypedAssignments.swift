import Spreadsheet

/// The assignment rows as typed sheet cells, made once per plan and shared by every sheet that
/// shows them: each row appears four times in the workbooks (its wave's sheet and the whole table
/// in plan.xlsx, its group's and its region's workbook), and a sheet's rows share the cell arrays
/// rather than parse the text into numbers and dates again.
struct TypedAssignments: Sendable {
    /// The header row, in the table's language.
    let header: Sheet.Row
    /// Each row's cells, in the order of ``AssignmentRows/rows``, typed as ``Table/sheet(name:)`` types them.
    let cells: [[Cell]]

    init(_ rows: AssignmentRows, language: Language) {
        let table = rows.table(language, rows: [])
        header = Sheet.Row(table.header.map(Cell.text), style: .header)
        let kinds = AssignmentRows.kinds
        cells = rows.rows.map { row in
            row.cells.enumerated().map { i, text in Table.cell(text, i < kinds.count ? kinds[i] : .text) }
        }
    }

    /// The sheet of the rows at `indices` (from ``AssignmentRows/ofWave`` and the like), in their
    /// order: the same sheet as ``Table/sheet(name:)`` of ``AssignmentRows/table(_:rows:)``.
    func sheet(name: String, rows indices: [Int]) -> Sheet {
        var rows = [header]
        rows.reserveCapacity(indices.count + 1)
        for i in indices { rows.append(Sheet.Row(cells[i])) }
        return Sheet(name: name, rows: rows, headerRow: 0)
    }
}
