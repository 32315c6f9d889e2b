/// A workbook to write: its sheets, in tab order, and its title.
///
/// Sheet names follow the spreadsheet's rules (at most 31 characters, none of `[]:*?/\`, not
/// starting or ending with an apostrophe, unique regardless of case); ``init(title:sheets:)``
/// makes them so, keeping the given names wherever they are already valid.
public struct Workbook: Sendable, Hashable {
    /// The document title (document properties).
    public var title: String
    /// The sheets, in tab order.
    public private(set) var sheets: [Sheet]

    /// Creates a workbook, making sheet names valid and unique.
    public init(title: String, sheets: [Sheet]) {
        self.title = title
        var used = Set<String>()
        self.sheets = sheets.map { sheet in
            var sheet = sheet
            sheet.name = SheetName.unique(SheetName.valid(sheet.name), among: &used)
            return sheet
        }
    }
}

/// The spreadsheet's rules for sheet names.
public enum SheetName {
    /// The most characters a sheet name may have.
    public static let maxLength = 31
    /// Characters a sheet name may not hold.
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// `name` with forbidden characters replaced by `_`, control characters dropped, cut to 31
    /// characters, without a leading or trailing apostrophe; `Sheet` when nothing is left.
    public static func valid(_ name: String) -> String {
        var out = String(name.compactMap { c -> Character? in
            if forbidden.contains(c) { return "_" }
            return c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) ? c : nil
        })
        while out.hasPrefix("'") { out.removeFirst() }
        if out.count > maxLength { out = String(out.prefix(maxLength)) }
        while out.hasSuffix("'") { out.removeLast() }
        return out.isEmpty ? "Sheet" : out
    }

    /// `name`, or `name (2)`, `name (3)`, … cut to fit, the first not yet in `used` (compared
    /// without regard to case, as spreadsheets do); records the result in `used`.
    public static func unique(_ name: String, among used: inout Set<String>) -> String {
        var candidate = name
        var n = 2
        while used.contains(candidate.lowercased()) {
            let suffix = " (\(n))"
            candidate = String(name.prefix(maxLength - suffix.count)) + suffix
            n += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}
