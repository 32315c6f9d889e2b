import Foundation

/// Formats rows as CSV text (RFC 4180 quoting, LF line ends).
public enum CSVText {
    /// Quotes `field` when it holds a comma, quote, CR or LF, doubling inner quotes.
    public static func escape(_ field: String) -> String {
        guard needsQuotes(field) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Renders a header and rows, each row on its own LF-terminated line.
    ///
    /// Fields are appended to one string in place: a plan's tables hold some 200,000 fields,
    /// and joining each row into a string of its own first took a tenth of `solve`'s writing.
    public static func render(header: [String], rows: [[String]]) -> String {
        var out = ""
        out.reserveCapacity((rows.count + 1) * 96)
        append(header, to: &out)
        for row in rows { append(row, to: &out) }
        return out
    }

    private static func append(_ row: [String], to out: inout String) {
        for (i, field) in row.enumerated() {
            if i > 0 { out += "," }
            out += needsQuotes(field) ? escape(field) : field
        }
        out += "\n"
    }

    /// Whether `field` holds a byte that needs quoting. Checked on UTF-8 bytes, not characters:
    /// the four are ASCII, which no multi-byte sequence contains, and a CR LF pair (one Character)
    /// is then quoted too.
    private static func needsQuotes(_ field: String) -> Bool {
        field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }
}
