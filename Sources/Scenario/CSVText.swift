import Foundation

/// Formats rows as CSV text (RFC 4180 quoting, LF line ends).
public enum CSVText {
    /// Quotes `field` when it holds a comma, quote, CR or LF, doubling inner quotes.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Renders a header and rows, each row on its own LF-terminated line.
    public static func render(header: [String], rows: [[String]]) -> String {
        var out = header.map(escape).joined(separator: ",") + "\n"
        out.reserveCapacity(rows.count * 64)
        for row in rows { out += row.map(escape).joined(separator: ",") + "\n" }
        return out
    }
}
