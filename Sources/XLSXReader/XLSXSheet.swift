/// One sheet of a read workbook: its rows that hold at least one cell, in row order.
public struct XLSXSheet: Sendable, Hashable {
    /// A row: its number and its cells in column order.
    public struct Row: Sendable, Hashable {
        /// 1-based row number.
        public var number: Int
        /// The cells the row holds, in column order (blank cells are not listed).
        public var cells: [Cell]
        /// Creates a row.
        public init(number: Int, cells: [Cell]) { self.number = number; self.cells = cells }
    }
    /// One cell that holds something.
    public struct Cell: Sendable, Hashable {
        /// 1-based column.
        public var column: Int
        /// What it holds.
        public var value: XLSXValue
        /// Creates a cell.
        public init(column: Int, value: XLSXValue) { self.column = column; self.value = value }
    }

    /// The sheet's name as its tab shows it.
    public var name: String
    /// The rows holding at least one cell, in row order.
    public var rows: [Row]
    /// Creates a sheet.
    public init(name: String, rows: [Row]) { self.name = name; self.rows = rows }
}
