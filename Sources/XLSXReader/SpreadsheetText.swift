/// Text as SpreadsheetML stores it.
enum SpreadsheetText {
    /// Decodes `_xHHHH_` escapes (how OOXML writes characters XML cannot hold, such as a
    /// carriage return `_x000D_`); `_x005F_` escapes a literal underscore.
    static func unescaped(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_" {
                let hex = String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)]))
                if hex.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit }), let v = UInt32(hex, radix: 16),
                   let u = Unicode.Scalar(v) {
                    out.append(u)
                    i += 7
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }
}
