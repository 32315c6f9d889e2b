/// Reads a worksheet part (xl/worksheets/sheetN.xml) into rows of typed cells.
///
/// Every cell type of SpreadsheetML is read: shared strings (`s`), inline strings (`inlineStr`),
/// formula text (`str`), booleans (`b`), errors (`e`), ISO dates (`d`) and numbers (no type or
/// `n`), the latter as dates when their cell format shows a date. A formula's saved result is
/// its value. Rows and cells without a reference follow the one before, as the format allows.
struct SheetParser {
    let file: String
    let sheet: String
    let sharedStrings: [String]
    let formats: CellFormats
    let date1904: Bool
    let maxCells: Int

    private struct CellState {
        var reference: CellReference
        var type: String
        var style: Int
        var value = ""
        var hasValue = false
        var inline = ""
        var formula = false
    }

    /// Parses the part's events.
    func parse(_ events: (@escaping (XMLEvents.Event) throws -> Void) throws -> Void) throws -> XLSXSheet {
        // Rows and cells come in order in every workbook seen; they are kept in order as they come
        // and sorted at the end only when some did not.
        var rows: [XLSXSheet.Row] = []
        var inOrder = true
        var rowNumber = 0, lastColumn = 0, count = 0
        var cell: CellState?
        var inValue = false, inInlineText = false, phonetic = 0
        try events { event in
            switch event {
            case let .start("row", attrs):
                if let r = attrs["r"] {
                    guard let n = Int(r), n >= 1, n <= CellReference.maxRow else { throw fail(nil, "row number \"\(r)\" is not a row of a sheet") }
                    rowNumber = n
                } else {
                    rowNumber += 1
                }
                lastColumn = 0
            case let .start("c", attrs):
                let reference: CellReference
                if let r = attrs["r"] {
                    guard let ref = CellReference(r) else { throw fail(nil, "cell reference \"\(r)\" is not a cell of a sheet") }
                    reference = ref
                } else {
                    reference = CellReference(row: max(rowNumber, 1), column: lastColumn + 1)
                }
                guard reference.column <= CellReference.maxColumn else { throw fail(nil, "a cell lies beyond the last column") }
                lastColumn = reference.column
                count += 1
                guard count <= maxCells else { throw fail(nil, "holds more than \(maxCells) cells; refused") }
                cell = CellState(reference: reference, type: attrs["t"] ?? "n", style: attrs["s"].flatMap(Int.init) ?? 0)
            case .start("f", _): cell?.formula = true
            case .start("v", _): inValue = cell != nil
            case .end("v"): inValue = false
            case .start("rPh", _): phonetic += 1
            case .end("rPh"): phonetic -= 1
            case .start("t", _): inInlineText = cell != nil && phonetic == 0
            case .end("t"): inInlineText = false
            case .text(let s):
                if inValue { cell?.value += s; cell?.hasValue = true } else if inInlineText { cell?.inline += s }
            case .end("c"):
                guard let c = cell else { break }
                cell = nil
                guard let value = try value(of: c) else { break }
                let cell = XLSXSheet.Cell(column: c.reference.column, value: value)
                if let last = rows.indices.last, rows[last].number == c.reference.row {
                    if let previous = rows[last].cells.last?.column, previous >= cell.column { inOrder = false }
                    rows[last].cells.append(cell)
                } else {
                    if let previous = rows.last?.number, previous >= c.reference.row { inOrder = false }
                    rows.append(XLSXSheet.Row(number: c.reference.row, cells: [cell]))
                }
            default: break
            }
        }
        return XLSXSheet(name: sheet, rows: inOrder ? rows : try Self.ordered(rows, fail: fail))
    }

    /// Rows given out of order, merged by number and sorted; a cell given twice is an error.
    static func ordered(_ rows: [XLSXSheet.Row], fail: (CellReference?, String) -> XLSXReadError) throws -> [XLSXSheet.Row] {
        var byRow: [Int: [Int: XLSXValue]] = [:]
        for row in rows {
            for cell in row.cells {
                guard byRow[row.number, default: [:]][cell.column] == nil else {
                    throw fail(CellReference(row: row.number, column: cell.column), "the cell is given twice")
                }
                byRow[row.number, default: [:]][cell.column] = cell.value
            }
        }
        return byRow.keys.sorted().map { r in
            XLSXSheet.Row(number: r, cells: byRow[r]!.keys.sorted().map { XLSXSheet.Cell(column: $0, value: byRow[r]![$0]!) })
        }
    }

    private func fail(_ cell: CellReference?, _ message: String) -> XLSXReadError {
        XLSXReadError(file: file, sheet: sheet, cell: cell, message: message)
    }

    /// The value of a finished cell, or `nil` for a blank one.
    private func value(of c: CellState) throws -> XLSXValue? {
        let v = c.value.trimmingSpaces
        if c.formula && !c.hasValue && c.type != "inlineStr" {
            // A formula whose result was never saved (openpyxl writes them so): its value is unknown.
            throw fail(c.reference, "holds a formula without a saved result; open the workbook in Excel, WPS or LibreOffice and save it, or enter the value itself")
        }
        switch c.type {
        case "s":
            guard c.hasValue else { return nil }
            guard let i = Int(v), i >= 0, i < sharedStrings.count else {
                throw fail(c.reference, "refers to shared string \(v) but the workbook has \(sharedStrings.count); the file is damaged")
            }
            return .text(sharedStrings[i])
        case "inlineStr":
            return .text(SpreadsheetText.unescaped(c.inline))
        case "str":
            return .text(SpreadsheetText.unescaped(c.value))
        case "b":
            guard c.hasValue else { return nil }
            guard v == "1" || v == "0" || v == "true" || v == "false" else { throw fail(c.reference, "boolean cell holds \"\(v)\"") }
            return .bool(v == "1" || v == "true")
        case "e":
            return .error(v.isEmpty ? "#VALUE!" : v)
        case "d":
            guard c.hasValue else { return nil }
            guard let d = Self.isoDate(v) else { throw fail(c.reference, "date cell holds \"\(v)\", not an ISO 8601 date") }
            return d
        case "n":
            guard c.hasValue, !v.isEmpty else { return nil }
            guard let x = Double(v), x.isFinite else { throw fail(c.reference, "number cell holds \"\(v)\"") }
            if formats.showsDate(c.style), let d = SerialDate.components(x, date1904: date1904) {
                return .date(year: d.year, month: d.month, day: d.day, seconds: d.seconds)
            }
            return .number(x, written: v)
        default:
            throw fail(c.reference, "has the unknown cell type \"\(c.type)\"")
        }
    }

    /// `2022-09-16` or `2022-09-16T08:30:00` (strict OOXML's `d` cells).
    static func isoDate(_ s: String) -> XLSXValue? {
        let u = Array(s.utf8)
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= u.count, r.allSatisfy({ (48...57).contains(u[$0]) }) else { return nil }
            return r.reduce(0) { $0 * 10 + Int(u[$1] - 48) }
        }
        guard u.count >= 10, u[4] == 45, u[7] == 45, let y = num(0..<4), let m = num(5..<7), let d = num(8..<10),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        var seconds: Int?
        if u.count >= 19, u[10] == 84, let h = num(11..<13), let mi = num(14..<16), let se = num(17..<19) {
            let t = h * 3600 + mi * 60 + se
            seconds = t == 0 ? nil : t
        }
        return .date(year: y, month: m, day: d, seconds: seconds)
    }
}

extension String {
    /// Without surrounding ASCII spaces, tabs and line ends.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" || f == "\r\n" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" || l == "\r\n" { s.removeLast() }
        return String(s)
    }
}
