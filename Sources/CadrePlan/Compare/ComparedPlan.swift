import Foundation
import Scenario

/// One plan folder read back for `cadreplan compare`: its summary.json and, when present, its timings.json.
///
/// Only these two files are read. The comparison works on what `solve` already computed, so it
/// needs neither the scenario nor the solver, and a plan folder copied from another machine
/// compares as it is.
public struct ComparedPlan: Sendable {
    /// The column name: the folder's last path component (made unique by ``loadAll(folders:)``).
    public var name: String
    /// The folder as the user gave it.
    public var folder: String
    /// The plan's deterministic summary.
    public var summary: PlanSummary
    /// Phase times in seconds from timings.json, or `nil` when the folder has none.
    public var timings: [String: Double]?

    /// Creates a compared plan from parts already in memory (tests and callers that hold a summary).
    public init(name: String, folder: String, summary: PlanSummary, timings: [String: Double]? = nil) {
        self.name = name; self.folder = folder; self.summary = summary; self.timings = timings
    }

    /// Wall-clock seconds of the solve phase: timings.json's `solve`, or the sum of its
    /// `solve_<tier>` entries when an older folder lacks the total; `nil` without timings.
    public var solveSeconds: Double? {
        guard let timings else { return nil }
        if let solve = timings["solve"] { return solve }
        let tiers = timings.filter { $0.key.hasPrefix("solve_") }
        return tiers.isEmpty ? nil : tiers.values.reduce(0, +)
    }

    /// Reads the plan folder `folder`.
    ///
    /// - Throws: every problem found (missing folder, missing or malformed summary.json,
    ///   malformed timings.json), each naming the file and, for JSON syntax errors, the line and column.
    public static func load(folder: String) throws(InputErrors) -> ComparedPlan {
        var errors: [InputError] = []
        guard let plan = read(folder: folder, errors: &errors), errors.isEmpty else { throw InputErrors(errors) }
        return plan
    }

    /// Reads every folder, reporting the problems of all of them together, and names the columns.
    ///
    /// Two folders with the same last path component (`runs/a/plan`, `runs/b/plan`) keep the
    /// path as given instead, so no two columns share a name.
    public static func loadAll(folders: [String]) throws(InputErrors) -> [ComparedPlan] {
        var errors: [InputError] = []
        var plans: [ComparedPlan] = []
        for folder in folders {
            if let plan = read(folder: folder, errors: &errors) { plans.append(plan) }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        var count: [String: Int] = [:]
        for plan in plans { count[plan.name, default: 0] += 1 }
        for i in plans.indices where count[plans[i].name]! > 1 { plans[i].name = plans[i].folder }
        return plans
    }

    /// The column name of `folder`: its last component, ignoring a trailing slash.
    static func columnName(_ folder: String) -> String {
        let name = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        return name.isEmpty || name == "/" ? folder : name
    }

    private static func read(folder: String, errors: inout [InputError]) -> ComparedPlan? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            errors.append(InputError(file: folder, message: "plan folder not found"))
            return nil
        }
        guard isFolder.boolValue else {
            errors.append(InputError(file: folder, message: "is a file; expected a plan folder written by `cadreplan solve`"))
            return nil
        }
        let summaryPath = join(folder, "summary.json")
        guard FileManager.default.fileExists(atPath: summaryPath) else {
            errors.append(InputError(file: summaryPath, message: "not found: expected a plan folder written by `cadreplan solve`"))
            return nil
        }
        let summary = JSONFile.decode(PlanSummary.self, path: summaryPath, errors: &errors)
        // timings.json is optional (a plan folder trimmed to its tables still compares), but a
        // present and broken one is reported: silently showing no time would hide the damage.
        let timingsPath = join(folder, "timings.json")
        var timings: [String: Double]?
        if FileManager.default.fileExists(atPath: timingsPath) {
            timings = JSONFile.decode([String: Double].self, path: timingsPath, errors: &errors)
        }
        guard let summary else { return nil }
        return ComparedPlan(name: columnName(folder), folder: folder, summary: summary, timings: timings)
    }

    /// `folder/name`, written the way the user wrote the folder (so messages show the path they typed).
    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// Reads JSON files with errors located by line and column.
///
/// `JSONDecoder` on Linux reports a syntax error without any position, so the text is first
/// parsed with `JSONSerialization`, whose message gives a byte offset; that offset is turned
/// into a line and a column. Structural problems (a missing key, a wrong type) come from the
/// decoder and are located by their key path instead.
enum JSONFile {
    /// Decodes `type` from the snake_case JSON file at `path`, appending any problem to `errors`.
    static func decode<T: Decodable>(_ type: T.Type, path: String, errors: inout [InputError]) -> T? {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            errors.append(InputError(file: path, message: "cannot be read: \(error.localizedDescription)"))
            return nil
        }
        return decode(type, data: data, file: path, errors: &errors)
    }

    /// Decodes `type` from `data`, naming `file` in errors.
    static func decode<T: Decodable>(_ type: T.Type, data raw: Data, file: String, errors: inout [InputError]) -> T? {
        // A BOM (an editor may add one) is dropped so that offsets count from the first character.
        let data = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? raw.dropFirst(3) : raw
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            errors.append(InputError(file: file, line: 1, column: 1, message: "is empty: expected a JSON object"))
            return nil
        }
        do {
            _ = try JSONSerialization.jsonObject(with: Data(data), options: [.fragmentsAllowed])
        } catch {
            errors.append(syntaxError(error, data: Data(data), file: file))
            return nil
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(type, from: Data(data))
        } catch let error as DecodingError {
            errors.append(InputError(file: file, message: describe(error)))
        } catch {
            errors.append(InputError(file: file, message: "invalid: \(error)"))
        }
        return nil
    }

    /// A syntax error, with line and column when the parser's message gives an offset.
    static func syntaxError(_ error: Error, data: Data, file: String) -> InputError {
        let text = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        guard let offset = byteOffset(in: text), offset <= data.count else {
            return InputError(file: file, message: "invalid JSON: \(text)")
        }
        let (line, column) = position(ofByte: offset, in: data)
        // The parser's "around character N" counts bytes; the line and column replace it.
        let message = text.replacingOccurrences(of: " around character \(offset)", with: "")
        return InputError(file: file, line: line, column: column, message: "invalid JSON: \(message)")
    }

    /// The N of "… around character N." in a JSONSerialization message.
    static func byteOffset(in message: String) -> Int? {
        guard let range = message.range(of: "around character ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }

    /// 1-based line and column (in characters, so a Chinese character is one column) of byte `offset`.
    static func position(ofByte offset: Int, in data: Data) -> (line: Int, column: Int) {
        let before = data.prefix(offset)
        let line = 1 + before.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? before.startIndex
        // Only UTF-8 lead bytes start a character; continuation bytes are 10xxxxxx.
        let column = 1 + before[lineStart...].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return (line, column)
    }

    /// "missing key `indicators.cadres_dispatched`" and the like, with JSON's own key names.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            var out = ""
            for key in keys {
                if let i = key.intValue {
                    out += "[\(i)]"
                } else {
                    out += (out.isEmpty ? "" : ".") + snakeCase(key.stringValue)
                }
            }
            return out.isEmpty ? "the top level" : "`\(out)`"
        }
        switch error {
        case let .keyNotFound(key, context):
            let at = context.codingPath.isEmpty ? "" : " in \(path(context.codingPath))"
            return "missing key `\(snakeCase(key.stringValue))`\(at): not a summary.json written by this version of `cadreplan solve`?"
        case let .typeMismatch(type, context):
            return "\(path(context.codingPath)): expected \(describe(type)); \(context.debugDescription)"
        case let .valueNotFound(type, context):
            return "\(path(context.codingPath)): expected \(describe(type)), found null"
        case let .dataCorrupted(context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is String.Type: return "a string"
        default:
            let name = "\(type)"
            return name.hasPrefix("Array") ? "a list" : name.hasPrefix("Dictionary") ? "an object" : "an object (\(name))"
        }
    }

    /// `cadresDispatched` → `cadres_dispatched`: the decoder reports Swift names, the file uses snake_case.
    static func snakeCase(_ name: String) -> String {
        var out = ""
        for ch in name {
            if ch.isUppercase, !out.isEmpty { out += "_" }
            out += ch.lowercased()
        }
        return out
    }
}
