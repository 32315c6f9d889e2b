import Foundation
import Scenario

/// A titled table: header keys and rows of text cells.
struct Table {
    var header: [String]
    var rows: [[String]]

    func csv() -> String { CSVText.render(header: header, rows: rows) }

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
struct AssignmentRows {
    let keys = AssignmentColumn.allCases.map(\.rawValue)
    /// One row per pair with its sort key fields.
    var rows: [(wave: Int, group: String, region: String, target: String, cadre: String, cells: [String])] = []

    init(plan: Plan) {
        let s = plan.scenario
        let p = plan.prepared
        rows.reserveCapacity(plan.pairs.count)
        for pair in plan.pairs {
            let c = s.cadres[pair.cadre], t = s.targets[pair.target], w = s.waves[pair.wave]
            let cells = [w.id, w.date, c.group ?? "", c.id, c.name, c.rank.chinese, c.unit, t.id, t.name, t.category, t.region,
                         String(p.distance(cadre: pair.cadre, target: pair.target))]
            rows.append((pair.wave, c.group ?? "", t.region, t.id, c.id, cells))
        }
        // Reading order: wave, group, region, target, cadre.
        rows.sort { ($0.wave, $0.group, $0.region, $0.target, $0.cadre) < ($1.wave, $1.group, $1.region, $1.target, $1.cadre) }
    }

    func table(_ lang: Language, where include: (Int) -> Bool = { _ in true }) -> Table {
        Table(header: AssignmentColumn.allCases.map { $0.header(lang) },
              rows: rows.indices.filter(include).map { rows[$0].cells })
    }
}
