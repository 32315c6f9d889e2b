import Foundation

/// Pieces of a self-contained HTML page: escaping, the page skeleton with its style sheet, and
/// tables. Nothing is fetched: no scripts, no web fonts (the system's CJK fonts are named), no
/// images but inline SVG, so the page opens the same offline as online.
enum HTMLPage {
    /// `text` safe inside an element or a quoted attribute.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The font list: Chinese-capable system fonts first, then the generic family.
    static let fonts = #""Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif"#

    /// A whole page.
    static func page(title: String, language: Language, body: String) -> String {
        let lang = language.text(Word.languageTag)
        return """
        <!DOCTYPE html>
        <html lang="\(lang)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        body { font-family: \(fonts); color: #1a202c; margin: 24px auto; max-width: 1100px; padding: 0 16px; line-height: 1.5; }
        h1 { font-size: 24px; margin-bottom: 4px; }
        h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #cbd5e0; padding-bottom: 4px; }
        p.note { color: #4a5568; font-size: 13px; }
        table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
        th, td { border: 1px solid #e2e8f0; padding: 3px 8px; }
        th { background: #ebf4ff; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        svg text { font-family: \(fonts); }
        .maps { display: flex; flex-wrap: wrap; gap: 16px; }
        .maps figure { margin: 0; }
        figcaption { font-size: 13px; color: #2d3748; }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// A table cell: numbers right-aligned.
    enum Cell {
        case text(String)
        case number(String)
    }

    /// A table with a header row.
    static func table(_ header: [String], _ rows: [[Cell]]) -> String {
        var out = "<table>\n<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        for row in rows {
            out += "<tr>" + row.map { cell -> String in
                switch cell {
                case .text(let s): "<td>\(escape(s))</td>"
                case .number(let s): "<td class=\"n\">\(escape(s))</td>"
                }
            }.joined() + "</tr>\n"
        }
        return out + "</table>\n"
    }

    /// `0.8044` → `80.4%`.
    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
}
