/// One sheet of a workbook: rows of typed cells, optionally one table with a header row.
///
/// A sheet that holds a single table names its header row: the writer freezes it (it stays in
/// view while scrolling) and puts an autofilter over the table. An overview sheet made of
/// several small tables has no header row and uses ``Row/Style/title`` and ``Row/Style/header``
/// rows to set its blocks apart.
public struct Sheet: Sendable, Hashable {
    /// A row of cells with the look it should have.
    public struct Row: Sendable, Hashable {
        /// How a row is drawn.
        public enum Style: Sendable, Hashable {
            /// Data: plain cells.
            case data
            /// Column names: bold on a shaded background.
            case header
            /// A block's title: bold and larger.
            case title
            /// A note under a block: italic, grey.
            case note
        }
        /// The cells, from column A on.
        public var cells: [Cell]
        /// The row's look.
        public var style: Style
        /// Creates a row.
        public init(_ cells: [Cell], style: Style = .data) { self.cells = cells; self.style = style }
    }

    /// The sheet's name as the tab shows it (made valid and unique by ``Workbook``).
    public var name: String
    /// The rows, from row 1 on.
    public var rows: [Row]
    /// The 0-based index of the header row of the sheet's one table, or `nil` for a sheet of blocks.
    public var headerRow: Int?

    /// Creates a sheet.
    public init(name: String, rows: [Row] = [], headerRow: Int? = nil) {
        self.name = name; self.rows = rows; self.headerRow = headerRow
    }

    /// A sheet holding one table: the header row, then the data rows.
    public init(name: String, header: [String], rows: [[Cell]]) {
        self.name = name
        self.rows = [Row(header.map(Cell.text), style: .header)] + rows.map { Row($0) }
        headerRow = 0
    }

    /// The number of columns: the widest row.
    public var columnCount: Int { rows.reduce(0) { max($0, $1.cells.count) } }

    /// Column widths in the spreadsheet's unit (the width of one digit), fitted to the widest
    /// cell of each column: East Asian characters count two, so Chinese text is not cut off.
    /// Title and note rows span the sheet and are left out; widths stay within 6…60.
    public var fittedWidths: [Double] {
        var widths = [Int](repeating: 0, count: columnCount)
        for row in rows where row.style == .data || row.style == .header {
            for (i, cell) in row.cells.enumerated() {
                // A header carries an autofilter button, about two characters wide.
                let extra = row.style == .header ? 2 : 0
                widths[i] = max(widths[i], cell.displayWidth + extra)
            }
        }
        return widths.map { Double(min(max($0 + 2, 6), 60)) }
    }
}
