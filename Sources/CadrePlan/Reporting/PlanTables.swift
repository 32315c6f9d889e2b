import Foundation
import Scenario
import Spreadsheet

/// What a table column holds, so that a workbook gets numbers as numbers and dates as dates
/// while CSV, Markdown and JSON keep the same text.
enum ColumnKind: Sendable {
    case text, integer, date, percent
}

/// A titled table: header keys and rows of text cells, with what each column holds.
struct Table {
    var header: [String]
    var rows: [[String]]
    /// Per column; columns beyond the list are text.
    var kinds: [ColumnKind] = []

    func csv() -> String { CSVText.render(header: header, rows: rows) }

    /// The table as a sheet: its header frozen and filtered, its cells typed by ``kinds``
    /// (a cell that does not read as its kind stays text, so nothing is lost).
    func sheet(name: String) -> Sheet {
        Sheet(name: name, header: header, rows: rows.map { row in
            row.enumerated().map { i, text in Self.cell(text, i < kinds.count ? kinds[i] : .text) }
        })
    }

    /// `text` as a typed cell.
    static func cell(_ text: String, _ kind: ColumnKind) -> Cell {
        if text.isEmpty { return .empty }
        switch kind {
        case .text: return .text(text)
        case .integer: return Int(text).map(Cell.integer) ?? .text(text)
        case .date: return CalendarDate(iso: text).map(Cell.date) ?? .text(text)
        case .percent: return Double(text).map(Cell.percent) ?? .text(text)
        }
    }

    func markdown(title: String) -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var out = "# \(title)\n\n| " + header.map(cell).joined(separator: " | ") + " |\n|"
        out += String(repeating: "---|", count: header.count) + "\n"
        for r in rows { out += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    /// JSON array of objects keyed by `keys` (English keys whatever the header language).
    func json(keys: [String]) -> String {
        var out = "[\n"
        for (i, r) in rows.enumerated() {
            let fields = zip(keys, r).map { "\(jsonString($0)): \(jsonString($1))" }
            out += "  {" + fields.joined(separator: ", ") + "}" + (i + 1 < rows.count ? ",\n" : "\n")
        }
        return out + "]\n"
    }
}

/// Escapes text as a JSON string literal.
func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
        }
    }
    return out + "\""
}

/// The assignment rows of a plan, in reading order, and their sub-tables.
///
/// Each row names the service group and the region as well as giving their ids, and gives the
/// rank and level in the table's language (厅/处/科 and 省级/市县 in Chinese).
struct AssignmentRows {
    let keys = AssignmentColumn.allCases.map(\.rawValue)
    /// What each column holds.
    static let kinds: [ColumnKind] = AssignmentColumn.allCases.map {
        switch $0 {
        case .date: .date
        case .distance_km: .integer
        default: .text
        }
    }
    /// One row per pair with its sort key fields.
    var rows: [(wave: Int, group: String, region: String, target: String, cadre: String, cells: [String])] = []
    /// The rows of each wave (by position), group and region (by id), in reading order: every
    /// per-wave, per-group and per-region table is one lookup, not a pass over all rows.
    private(set) var ofWave: [Int: [Int]] = [:]
    private(set) var ofGroup: [String: [Int]] = [:]
    private(set) var ofRegion: [String: [Int]] = [:]

    init(plan: Plan, language: Language) {
        let s = plan.scenario
        let p = plan.prepared
        let groupNames = Dictionary(s.groups.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let regionNames = Dictionary(s.regions.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let ranks = Dictionary(uniqueKeysWithValues: Rank.allCases.map { ($0, language.text(Word.rank($0))) })
        let levels = Dictionary(uniqueKeysWithValues: Level.allCases.map { ($0, language.text(Word.level($0))) })
        rows.reserveCapacity(plan.pairs.count)
        for pair in plan.pairs {
            let c = s.cadres[pair.cadre], t = s.targets[pair.target], w = s.waves[pair.wave]
            let group = c.group ?? ""
            let cells = [w.id, w.date, group, groupNames[group] ?? "", c.id, c.name, ranks[c.rank]!, c.unit, t.id, t.name, t.category,
                         levels[t.level]!, t.region, regionNames[t.region] ?? t.region,
                         String(p.distance(cadre: pair.cadre, target: pair.target))]
            rows.append((pair.wave, group, t.region, t.id, c.id, cells))
        }
        // Reading order: wave, group, region, target, cadre.
        rows.sort { ($0.wave, $0.group, $0.region, $0.target, $0.cadre) < ($1.wave, $1.group, $1.region, $1.target, $1.cadre) }
        for (i, row) in rows.enumerated() {
            ofWave[row.wave, default: []].append(i)
            ofGroup[row.group, default: []].append(i)
            ofRegion[row.region, default: []].append(i)
        }
    }

    /// The table of every row.
    func table(_ lang: Language) -> Table { table(lang, rows: Array(rows.indices)) }

    /// The table of the rows at `indices` (from ``ofWave``, ``ofGroup``, ``ofRegion``), in their order.
    func table(_ lang: Language, rows indices: [Int]) -> Table {
        Table(header: AssignmentColumn.allCases.map { $0.header(lang) }, rows: indices.map { rows[$0].cells }, kinds: Self.kinds)
    }
}
