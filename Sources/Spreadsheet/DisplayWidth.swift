/// How many columns text takes on screen: East Asian wide and full-width characters take two.
public enum DisplayWidth {
    /// The display width of `text`.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// Whether `u` is drawn two columns wide (CJK ideographs, kana, hangul, full-width forms).
    public static func isWide(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        // Everything below U+1100 (Latin, digits, punctuation: most of a plan's cells) is narrow.
        if v < 0x1100 { return false }
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}
