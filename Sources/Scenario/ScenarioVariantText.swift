import Foundation

extension ScenarioWriter {
    /// The complete scenario.yaml of a variant: `scenario`'s settings, in the canonical text of
    /// ``files(_:)``, with `base: <base>` after the name, so the variant reads every CSV file it
    /// does not hold itself from `base` (relative to the variant's folder; docs/DATA.md).
    public static func variantYAML(_ scenario: Scenario, base: String) -> String {
        let text = yaml(scenario)
        let nameLine = text.prefix { $0 != "\n" }
        return nameLine + "\nbase: \(scalar(base))" + text.dropFirst(nameLine.count)
    }
}

extension ScenarioLoader {
    /// The `base` of `folder`'s scenario.yaml as written (a variant's), or nil when it has none.
    public static func baseReference(of folder: String) -> String? {
        ScenarioYAMLReader.read(path: folder + "/scenario.yaml").base?.folder
    }
}
