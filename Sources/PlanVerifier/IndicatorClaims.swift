import Foundation
import Scenario

/// Reads what a plan's summary.json claims beyond the tier values: the mode it was planned
/// under and its campaign indicators (`"mode"`, `"indicators": {"indicators": [{"id", "targets",
/// "declined", "accepting", "covered"}, …]}`).
public enum IndicatorClaims {
    /// The claims of the summary.json at `path`; `nil` fields when the file or the key is absent.
    /// A present file that is not JSON is reported by ``SummaryClaims``; here it claims nothing.
    public static func read(path: String) -> (mode: String?, indicators: [IndicatorCount]?) {
        guard var data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { return (nil, nil) }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return (nil, nil) }
        let mode = root["mode"] as? String
        guard let block = root["indicators"] as? [String: Any], let list = block["indicators"] as? [Any] else { return (mode, nil) }
        let counts: [IndicatorCount] = list.compactMap { entry in
            guard let e = entry as? [String: Any], let id = e["id"] as? String else { return nil }
            func int(_ key: String) -> Int { (e[key] as? NSNumber)?.intValue ?? -1 }
            // An older plan without declined/accepting counted every target as accepting.
            let targets = int("targets"), declined = e["declined"] == nil ? 0 : int("declined")
            return IndicatorCount(id: id, targets: targets, declined: declined,
                                  accepting: e["accepting"] == nil ? targets : int("accepting"), covered: int("covered"))
        }
        return (mode, counts)
    }
}
