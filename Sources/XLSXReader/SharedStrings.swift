/// The shared string table (xl/sharedStrings.xml): cells of type `s` index it.
///
/// Rich text is the concatenation of its runs' text; phonetic guides (`rPh`, furigana) are not
/// part of the text and are left out.
enum SharedStrings {
    /// Reads the table from an XML part, stopping at `limit` strings.
    static func read(_ events: (@escaping (XMLEvents.Event) throws -> Void) throws -> Void) throws -> [String] {
        var strings: [String] = []
        var current = ""
        var inItem = false, inText = false, phonetic = 0
        try events { event in
            switch event {
            case .start("si", _): inItem = true; current = ""
            case .end("si"):
                inItem = false
                strings.append(SpreadsheetText.unescaped(current))
            case .start("rPh", _): phonetic += 1
            case .end("rPh"): phonetic -= 1
            case .start("t", _): inText = inItem && phonetic == 0
            case .end("t"): inText = false
            case .text(let s): if inText { current += s }
            default: break
            }
        }
        return strings
    }
}
