import Foundation
import Scenario

/// A tier as summary.json names it, with the value it claims (`nil` for `null`).
public struct ClaimedTier: Sendable, Hashable {
    /// The tier's name as written.
    public var name: String
    /// The claimed value, or `nil` when the entry's value is `null`.
    public var value: Int?

    /// Creates a claim.
    public init(name: String, value: Int?) {
        self.name = name; self.value = value
    }
}

/// Reads the tier values a plan claims from its summary.json (`"tiers": [{"name", "value"}, …]`).
enum SummaryClaims {
    /// The claimed values by tier name, or `[:]` when there is no file at `path`.
    ///
    /// Lenient reading, for `explain` and callers that only compare what is claimed: an entry
    /// whose value is `null` claims nothing, and unknown tier names are kept.
    static func read(path: String) throws(InputErrors) -> [String: Int] {
        guard PosixPath.exists(path) else { return [:] }
        var claims: [String: Int] = [:]
        for tier in try tiers(path: path) { if let value = tier.value { claims[tier.name] = value } }
        return claims
    }

    /// Every tier entry of the summary.json at `path`, in file order.
    ///
    /// A file that is missing or not the documented shape is an error naming the file (and the
    /// line and column of a JSON syntax error): a verifier that silently skipped a garbled or
    /// missing claim would vouch for values it never checked.
    static func tiers(path: String) throws(InputErrors) -> [ClaimedTier] {
        func failure(_ message: String) -> InputErrors { InputErrors([InputError(file: path, message: message)]) }
        guard PosixPath.exists(path) else {
            throw failure("file not found: a plan folder holds summary.json with the tier values the plan claims")
        }
        var data: Data
        do { data = Data(try TextDecoding.readBytes(path: path)) } catch { throw InputErrors([error]) }
        // Editors on Windows may add a UTF-8 byte-order mark, which is not JSON.
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = Data(data.dropFirst(3)) }
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw InputErrors([syntaxError(error, data: data, file: path)])
        }
        guard let object = root as? [String: Any] else { throw failure("must hold a JSON object") }
        guard let tiers = object["tiers"] else { throw failure("has no \"tiers\" array") }
        guard let entries = tiers as? [Any] else { throw failure("\"tiers\" must be an array") }

        var claims: [ClaimedTier] = []
        var seen = Set<String>()
        var errors: [InputError] = []
        for (i, entry) in entries.enumerated() {
            let at = "tiers[\(i)]"
            guard let fields = entry as? [String: Any] else {
                errors.append(InputError(file: path, message: "\(at) must be an object with \"name\" and \"value\"")); continue
            }
            guard let name = fields["name"] as? String, !name.isEmpty else {
                errors.append(InputError(file: path, message: "\(at).name must be a non-empty string")); continue
            }
            var value: Int?
            if let raw = fields["value"], !(raw is NSNull) {
                guard let number = integer(raw) else {
                    errors.append(InputError(file: path, message: "\(at).value of tier \(name.quotedForMessage) must be an integer, found \("\(raw)".quotedForMessage)")); continue
                }
                value = number
            }
            guard seen.insert(name).inserted else {
                errors.append(InputError(file: path, message: "\(at): tier \(name.quotedForMessage) is given twice")); continue
            }
            claims.append(ClaimedTier(name: name, value: value))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return claims
    }

    /// A JSON number that is an exact integer within `Int`; `nil` for booleans, fractions and huge numbers.
    private static func integer(_ value: Any) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        // JSON booleans arrive as NSNumber of type char ("c"); `true` must not pass for 1.
        if String(cString: number.objCType) == "c" { return nil }
        return value as? Int
    }

    /// A JSON syntax error, at the line and column the parser's byte offset points to.
    private static func syntaxError(_ error: Error, data: Data, file: String) -> InputError {
        let text = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        guard let range = text.range(of: "around character "),
              let offset = Int(text[range.upperBound...].prefix { $0.isNumber }), offset <= data.count
        else { return InputError(file: file, message: "is not valid JSON: \(text)") }
        let before = data.prefix(offset)
        let line = 1 + before.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? before.startIndex
        let column = 1 + before[lineStart...].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        let message = text.replacingOccurrences(of: " around character \(offset)", with: "")
        return InputError(file: file, line: line, column: column, message: "is not valid JSON: \(message)")
    }
}

/// Whether something is at a path (any kind), without Foundation's folder flag dance.
enum PosixPath {
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
