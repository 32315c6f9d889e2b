/// What one cell of a read workbook holds.
public enum XLSXValue: Sendable, Hashable {
    /// Text (shared, inline or a formula's text result).
    case text(String)
    /// A number, with the digits the file wrote (so that `20.04` reads back as `20.04`).
    case number(Double, written: String)
    /// A boolean.
    case bool(Bool)
    /// A number shown as a date or time by its cell format: the date, and the time of day in
    /// seconds when it has one.
    case date(year: Int, month: Int, day: Int, seconds: Int?)
    /// A spreadsheet error such as `#N/A` or `#DIV/0!`.
    case error(String)

    /// The cell as text, the way a CSV export would write it: numbers without a trailing `.0`,
    /// booleans as `true`/`false`, dates as `YYYY-MM-DD` (with ` HH:MM:SS` when there is a time).
    /// An error cell has no text (`nil`): it needs a message of its own.
    public var text: String? {
        switch self {
        case .text(let s): return s
        case let .number(x, written): return Self.numberText(x, written: written)
        case .bool(let b): return b ? "true" : "false"
        case let .date(y, m, d, seconds):
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
            var out = String(y) + "-" + two(m) + "-" + two(d)
            if let s = seconds { out += " " + two(s / 3600) + ":" + two(s / 60 % 60) + ":" + two(s % 60) }
            return out
        case .error: return nil
        }
    }

    /// A whole number as an integer (`3`, not `3.0` or `3E0`); any other as the file wrote it
    /// when that is plain decimal notation, else as the shortest text that reads back the same.
    static func numberText(_ x: Double, written: String) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        let plain = written.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }
        return plain && !written.isEmpty ? written : String(x)
    }
}

/// Spreadsheet serial dates: days since the workbook's epoch, with the time as the fraction.
enum SerialDate {
    /// The date and time of `serial` in the 1900 system (Excel's: serial 1 is 1900-01-01, and
    /// the fictitious 1900-02-29 is serial 60) or the 1904 system (serial 0 is 1904-01-01).
    /// `nil` outside 1900…9999 or for a negative serial.
    static func components(_ serial: Double, date1904: Bool) -> (year: Int, month: Int, day: Int, seconds: Int?)? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        let totalSeconds = Int(((serial - Double(days)) * 86_400).rounded())
        var seconds = totalSeconds
        if seconds >= 86_400 { days += 1; seconds = 0 }
        // Days from 1970-01-01 of the serial's day.
        let civil: Int
        if date1904 {
            civil = days - 24_107  // 1904-01-01 is 24,107 days before 1970-01-01
        } else {
            if days == 60 { return (1900, 2, 29, seconds == 0 ? nil : seconds) }
            if days == 0 { return nil }  // "1900-01-00"
            civil = (days < 60 ? days + 1 : days) - 25_569  // serial 25,569 is 1970-01-01
        }
        let (y, m, d) = fromCivil(civil)
        guard (1900...9999).contains(y) else { return nil }
        return (y, m, d, seconds == 0 ? nil : seconds)
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
    static func fromCivil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
