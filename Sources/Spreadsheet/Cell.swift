/// One cell of a sheet, typed so that a spreadsheet computes with numbers and sorts dates.
///
/// Text stays text even when it looks like a number (an id such as `007` keeps its zeros);
/// counts, measures, rates and dates are written as numbers with a display format.
public enum Cell: Sendable, Hashable {
    /// Nothing: the cell is left blank.
    case empty
    /// Text, shown as written.
    case text(String)
    /// A whole number (a count, a quota, kilometres).
    case integer(Int)
    /// A measured quantity shown with a fixed number of decimals (the value itself is kept whole).
    case decimal(Double, digits: Int)
    /// A share, stored as a fraction (0.804) and shown as a percentage with one decimal (80.4%).
    case percent(Double)
    /// A calendar date, stored as a spreadsheet date and shown as YYYY-MM-DD.
    case date(CalendarDate)

    /// The text a reader sees, used to fit column widths (numbers as their display format shows them).
    public var displayText: String {
        switch self {
        case .empty: ""
        case .text(let s): s
        case .integer(let n): String(n)
        case let .decimal(x, digits): Self.fixed(x, digits)
        case .percent(let x): Self.fixed(x * 100, 1) + "%"
        case .date(let d): d.description
        }
    }

    /// How many columns ``displayText`` takes on screen (``DisplayWidth``), without making the
    /// text of a whole number or a date: column widths are fitted over every cell of a plan's
    /// tables, hundreds of thousands of them.
    public var displayWidth: Int {
        switch self {
        case .empty: 0
        case .text(let s): DisplayWidth.of(s)
        case .integer(let n): Self.digits(n)
        case .date: 10  // YYYY-MM-DD: the year is always four digits (1900…9999)
        case .decimal, .percent: DisplayWidth.of(displayText)
        }
    }

    /// The length of `String(n)`: its digits, and the minus sign of a negative number.
    static func digits(_ n: Int) -> Int {
        var count = n < 0 ? 2 : 1
        var rest = n / 10
        while rest != 0 { count += 1; rest /= 10 }
        return count
    }

    /// `x` with `digits` decimals, without Foundation (this target has no dependencies).
    static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return String(x) }
        let digits = max(0, min(digits, 9))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9e15 else { return String(x) }
        let whole = Int(scaled) / Int(scale), fraction = Int(scaled) % Int(scale)
        var out = (x < 0 && scaled > 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let f = String(fraction)
            out += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return out
    }
}

/// A date without a time of day or a time zone (a wave's date).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year, 1900…9999 (the range spreadsheets can show).
    public var year: Int
    /// Month, 1…12.
    public var month: Int
    /// Day of the month, 1…31 (checked against the month).
    public var day: Int

    /// A valid date, or `nil` (February 30th, month 13, a year outside 1900…9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= Self.days(inMonth: month, of: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD` (the form scenario.yaml gives wave dates in).
    public init?(iso text: String) {
        var text = text
        text.makeContiguousUTF8()  // a no-op for a native string
        guard let (y, m, d) = text.utf8.withContiguousStorageIfAvailable(Self.parse) ?? nil else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month and day of `YYYY-MM-DD`, byte by byte: a plan's tables hold one date per row,
    /// so this runs hundreds of thousands of times.
    private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for k in range {
                guard b[k] >= UInt8(ascii: "0"), b[k] <= UInt8(ascii: "9") else { return nil }
                n = n * 10 + Int(b[k] - UInt8(ascii: "0"))
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return (y, m, d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days in `month` of `year` in the Gregorian calendar.
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
