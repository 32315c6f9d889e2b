import Foundation

/// Reads a standalone pins file (`cadre,target,wave` rows), such as the pins.csv a plan folder holds.
public enum PinsFile {
    /// Reads `path`. With `scenario`, every id must exist in it (for pins to keep); without,
    /// ids are taken as written (an earlier plan may name cadres who have since left).
    public static func read(path: String, scenario: Scenario? = nil) throws(InputErrors) -> [Pin] {
        let file = try CSVFile.read(path: path)
        var errors: [InputError] = []
        var columns: [String: Int] = [:]
        for name in ["cadre", "target", "wave"] {
            if let i = file.columnIndex(of: name) { columns[name] = i } else {
                errors.append(InputError(file: path, line: file.headerLine, column: file.header.count + 1, columnName: name, message: "missing required column '\(name)' in the header (found: \(file.header.listedForMessage())); expected cadre,target,wave"))
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        let cadres = Set(scenario?.cadres.map(\.id) ?? [])
        let targets = Set(scenario?.targets.map(\.id) ?? [])
        let waves = Set(scenario?.waves.map(\.id) ?? [])
        var pins: [Pin] = []
        for r in file.records {
            func cell(_ name: String) -> String {
                let i = columns[name]!
                return i < r.fields.count ? r.fields[i].trimmingCharacters(in: .whitespaces) : ""
            }
            var ok = true
            for (name, known) in [("cadre", cadres), ("target", targets), ("wave", waves)] {
                let v = cell(name)
                if v.isEmpty {
                    errors.append(InputError(file: path, line: r.line, column: columns[name]! + 1, columnName: name, message: "expected a \(name) id, found an empty cell"))
                    ok = false
                } else if scenario != nil && !known.contains(v) {
                    errors.append(InputError(file: path, line: r.line, column: columns[name]! + 1, columnName: name, message: "unknown \(name) \(v.quotedForMessage); expected an id from the scenario"))
                    ok = false
                }
            }
            if ok {
                let numbers = columns.mapValues { $0 + 1 }
                pins.append(Pin(cadre: cell("cadre"), target: cell("target"), wave: cell("wave"),
                                source: SourceLine(file: path, line: r.line, columns: numbers)))
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return pins
    }
}
