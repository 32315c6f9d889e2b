import Scenario

/// Content digests that identify a loaded scenario (and an earlier plan's pins) on any machine.
///
/// A digest is the SHA-256 of the scenario's canonical text (``ScenarioWriter/files(_:)``):
/// each file's name, its length in bytes and its text. Encodings, line ends, spellings and
/// `base` folders do not change it; any change to what the planner reads does.
public enum ScenarioDigest {
    /// The digest of `scenario` as loaded (pins added from `--pins` included).
    public static func of(_ scenario: Scenario) -> String {
        var h = SHA256()
        for (name, text) in ScenarioWriter.files(scenario) {
            h.update("\(name)\n\(text.utf8.count)\n")
            h.update(text)
        }
        return h.hexDigest()
    }

    /// The digest of a list of assignments (an earlier plan's pins.csv), in order.
    public static func of(pins: [Pin]) -> String {
        SHA256.hex(CSVText.render(header: ["cadre", "target", "wave"], rows: pins.map { [$0.cadre, $0.target, $0.wave] }))
    }
}
