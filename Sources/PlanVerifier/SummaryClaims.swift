import Foundation
import Scenario

/// Reads the tier values a plan claims from its summary.json (`"tiers": [{"name", "value"}, …]`).
enum SummaryClaims {
    /// The claimed values by tier name, or `[:]` when there is no file at `path`.
    ///
    /// A file that exists but is not the documented shape is an error naming the file: a verifier
    /// that silently skipped a garbled claim would vouch for values it never checked. An entry whose
    /// value is `null` claims nothing. Tier names other than the three known ones are kept; the
    /// verifier ignores them.
    static func read(path: String) throws(InputErrors) -> [String: Int] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [:] }
        func failure(_ message: String) -> InputErrors { InputErrors([InputError(file: path, message: message)]) }
        if isDirectory.boolValue { throw failure("is a folder, expected a JSON file") }

        var data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw failure("cannot be read: \(error.localizedDescription)")
        }
        // Editors on Windows may add a UTF-8 byte-order mark, which is not JSON.
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw failure("is not valid JSON: \(error.localizedDescription)")
        }
        guard let object = root as? [String: Any] else { throw failure("must hold a JSON object") }
        guard let tiers = object["tiers"] else { throw failure("has no \"tiers\" array") }
        guard let entries = tiers as? [Any] else { throw failure("\"tiers\" must be an array") }

        var claims: [String: Int] = [:]
        var errors: [InputError] = []
        for (i, entry) in entries.enumerated() {
            let at = "tiers[\(i)]"
            guard let fields = entry as? [String: Any] else {
                errors.append(InputError(file: path, message: "\(at) must be an object with \"name\" and \"value\"")); continue
            }
            guard let name = fields["name"] as? String, !name.isEmpty else {
                errors.append(InputError(file: path, message: "\(at).name must be a non-empty string")); continue
            }
            guard let raw = fields["value"], !(raw is NSNull) else { continue }
            guard let value = integer(raw) else {
                errors.append(InputError(file: path, message: "\(at).value of tier \(name) must be an integer, found \(raw)")); continue
            }
            if claims[name] != nil {
                errors.append(InputError(file: path, message: "\(at): tier \(name) is given twice")); continue
            }
            claims[name] = value
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
}
