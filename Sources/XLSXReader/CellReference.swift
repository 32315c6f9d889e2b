/// A cell's place in a sheet: 1-based row and column, written `D17`.
public struct CellReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The largest row and column a sheet may have (Excel's limits).
    public static let maxRow = 1_048_576
    public static let maxColumn = 16_384

    /// 1-based row.
    public var row: Int
    /// 1-based column (A = 1).
    public var column: Int

    /// Creates a reference.
    public init(row: Int, column: Int) { self.row = row; self.column = column }

    /// Parses `D17` (letters then digits, within the sheet's limits); `nil` otherwise.
    public init?(_ text: some StringProtocol) {
        var column = 0, row = 0
        var seenDigit = false
        for u in text.utf8 {
            switch u {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !seenDigit else { return nil }
                column = column * 26 + Int((u | 0x20) - UInt8(ascii: "a")) + 1
                guard column <= Self.maxColumn else { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                row = row * 10 + Int(u - UInt8(ascii: "0"))
                guard row <= Self.maxRow else { return nil }
            case UInt8(ascii: "$"):
                continue  // absolute references ($D$17) mean the same cell
            default:
                return nil
            }
        }
        guard column >= 1, row >= 1 else { return nil }
        self.row = row; self.column = column
    }

    /// The column's letters: 1 → A, 27 → AA.
    public static func letters(ofColumn column: Int) -> String {
        var letters: [Character] = []
        var n = column
        while n > 0 {
            letters.append(Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `D17`.
    public var description: String { Self.letters(ofColumn: column) + String(row) }

    public static func < (a: CellReference, b: CellReference) -> Bool { (a.row, a.column) < (b.row, b.column) }
}
