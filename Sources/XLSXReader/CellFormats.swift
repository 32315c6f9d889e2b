/// Which cell formats show numbers as dates (xl/styles.xml): a cell's `s` attribute indexes
/// `cellXfs`, whose `numFmtId` is a built-in format or one of the workbook's own `numFmts`.
struct CellFormats {
    /// For each `cellXfs` index, whether its number format is a date or time.
    private(set) var isDate: [Bool] = []

    /// Built-in date and time formats (ECMA-376 §18.8.30; 27–36 and 50–58 are the East Asian ones).
    static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Reads styles.xml.
    init(xml: [XMLEvents.Event]) {
        var custom: [Int: String] = [:]
        var inCellXfs = false
        for event in xml {
            switch event {
            case let .start("numFmt", attrs):
                if let id = attrs["numFmtId"].flatMap(Int.init), let code = attrs["formatCode"] { custom[id] = code }
            case .start("cellXfs", _): inCellXfs = true
            case .end("cellXfs"): inCellXfs = false
            case let .start("xf", attrs) where inCellXfs:
                let id = attrs["numFmtId"].flatMap(Int.init) ?? 0
                isDate.append(custom[id].map(Self.isDateCode) ?? Self.builtInDates.contains(id))
            default: break
            }
        }
    }

    /// No styles part: nothing is a date.
    init() {}

    /// Whether the format at `index` shows dates.
    func showsDate(_ index: Int) -> Bool { index >= 0 && index < isDate.count && isDate[index] }

    /// Whether a format code shows a date or time: it has y, m, d, h or s outside quoted text,
    /// escapes and brackets (`[Red]`, `[$-804]`), and is not a general or elapsed-time code.
    static func isDateCode(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[": if !inQuote { inBracket = true }
            case "]": if !inQuote { inBracket = false }
            case "y", "m", "d", "h", "s":
                if !inQuote && !inBracket { return true }
            default: break
            }
        }
        return false
    }
}
