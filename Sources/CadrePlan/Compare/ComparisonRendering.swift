import Foundation
import Scenario

/// Output formats of `cadreplan compare`.
public enum ComparisonFormat: String, Sendable, CaseIterable {
    /// An aligned table for the terminal.
    case text
    /// One Markdown table, with a bold row per section, to paste into a report.
    case md
    /// CSV for spreadsheets and scripts: numbers only, one figure per row.
    case csv
    /// One self-contained HTML page with the charts of report.html for every plan (``ComparisonHTML``).
    case html
}

extension PlanComparison {
    /// The comparison in `format`.
    public func render(_ format: ComparisonFormat) -> String {
        switch format {
        case .text: return text()
        case .md: return markdown()
        case .csv: return csv()
        case .html: return ComparisonHTML(plans: plans, language: language).page()
        }
    }

    /// What a value looks like to a reader: rates as percentages with their counts,
    /// dispatch as dispatched/quota, a tier's status only when it is not proven optimal.
    public static func display(_ value: Value?) -> String {
        guard let value else { return "—" }
        switch value {
        case .count(let n): return String(n)
        case let .decimal(x, digits): return String(format: "%.\(digits)f", x)
        case let .rate(rate, covered, targets): return String(format: "%.1f%%", rate * 100) + " (\(covered)/\(targets))"
        case let .dispatch(n, quota): return "\(n)/\(quota.map(String.init) ?? "—")"
        case let .tier(v, status, gap):
            // "optimal" on every line would hide the one tier that is not.
            return status == "optimal" ? String(v) : "\(v) (\(status), gap \(gap.map { String(format: "%.2f%%", $0 * 100) } ?? "—"))"
        case .text(let s): return s
        }
    }

    // MARK: - text

    func text() -> String {
        let header = [language.text(Header.figure)] + columns
        var lines: [[String]?] = []  // nil: a section title line
        var titles: [Int: String] = [:]
        var section: Section?
        for row in rows {
            if row.section != section {
                section = row.section
                titles[lines.count] = row.section.title(language)
                lines.append(nil)
            }
            lines.append(["  " + row.label] + row.values.map(Self.display))
        }
        var widths = header.map(Self.width)
        for line in lines.compactMap({ $0 }) {
            for (i, cell) in line.enumerated() { widths[i] = max(widths[i], Self.width(cell)) }
        }
        func format(_ cells: [String]) -> String {
            // Labels left, figures right: numbers line up by their last digit.
            var out = Self.pad(cells[0], widths[0], left: true)
            for i in 1..<cells.count { out += "  " + Self.pad(cells[i], widths[i], left: false) }
            return out.trimmingTrailingSpaces + "\n"
        }
        var out = format(header)
        for (i, line) in lines.enumerated() {
            if let line { out += format(line) } else { out += titles[i]! + "\n" }
        }
        return out
    }

    /// Terminal columns of `s`: East Asian wide characters take two.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return n + (wide ? 2 : 1)
        }
    }

    static func pad(_ s: String, _ width: Int, left: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - Self.width(s)))
        return left ? s + fill : fill + s
    }

    // MARK: - Markdown

    func markdown() -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var out = "| " + ([language.text(Header.figure)] + columns).map(cell).joined(separator: " | ") + " |\n"
        out += "|---|" + String(repeating: "---:|", count: columns.count) + "\n"
        var section: Section?
        for row in rows {
            if row.section != section {
                section = row.section
                out += "| **\(cell(row.section.title(language)))** |" + String(repeating: " |", count: columns.count) + "\n"
            }
            out += "| " + ([row.label] + row.values.map(Self.display)).map(cell).joined(separator: " | ") + " |\n"
        }
        return out
    }

    // MARK: - CSV

    /// CSV with a byte-order mark (Excel and WPS need it to read Chinese), a section, key
    /// and label column, then one column per plan. Composite figures are split into one
    /// numeric row per part (`.covered`, `.targets`, `.quota`, `.status`, `.gap`), so every
    /// plan cell holds a plain number or word that a spreadsheet can compute with.
    func csv() -> String {
        let header = [Header.section, .key, .name].map { language.text($0) } + columns
        var out: [[String]] = []
        for row in rows {
            let title = row.section.title(language)
            func add(_ suffix: String, _ label: String, _ part: (Value) -> String?) {
                out.append([title, row.key + suffix, label] + row.values.map { $0.flatMap(part) ?? "" })
            }
            switch row.values.lazy.compactMap({ $0 }).first {
            case .rate?:
                add("", row.label, { if case let .rate(r, _, _) = $0 { String(format: "%.4f", r) } else { nil } })
                add(".covered", row.label + language.text(ComparePhrase.coveredSuffix), { if case let .rate(_, c, _) = $0 { String(c) } else { nil } })
                add(".targets", row.label + language.text(ComparePhrase.targetsSuffix), { if case let .rate(_, _, t) = $0 { String(t) } else { nil } })
            case .dispatch?:
                add("", row.label, { if case let .dispatch(n, _) = $0 { String(n) } else { nil } })
                add(".quota", row.label + language.text(ComparePhrase.quotaSuffix), { if case let .dispatch(_, q) = $0 { q.map(String.init) } else { nil } })
            case .tier?:
                add("", row.label, { if case let .tier(v, _, _) = $0 { String(v) } else { nil } })
                add(".status", row.label + language.text(ComparePhrase.statusSuffix), { if case let .tier(_, s, _) = $0 { s } else { nil } })
                add(".gap", row.label + language.text(ComparePhrase.gapSuffix), { if case let .tier(_, _, g) = $0 { g.map { String(format: "%.6f", $0) } ?? "" } else { nil } })
            default:
                add("", row.label) { value in
                    switch value {
                    case .count(let n): String(n)
                    case let .decimal(x, digits): String(format: "%.\(digits)f", x)
                    case .text(let s): s
                    default: nil
                    }
                }
            }
        }
        return "\u{FEFF}" + CSVText.render(header: header, rows: out)
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
