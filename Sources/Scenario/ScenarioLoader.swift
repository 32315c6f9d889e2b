import Foundation

/// Loads a scenario folder (docs/DATA.md) and checks it completely.
///
/// Every file is read even when an earlier one has problems, and every bad cell of every
/// row is reported, so one run of `cadreplan check` lists everything to fix. Errors come
/// sorted by file (scenario.yaml, regions, cadres, targets, pairs, pins), then line, then column.
public enum ScenarioLoader {
    /// The files of a scenario folder, in the order their errors are reported.
    public static let fileNames = ["scenario.yaml", "regions.csv", "cadres.csv", "targets.csv", "pairs.csv", "pins.csv"]

    /// Loads the scenario in `folder`, keeping every list in file order.
    ///
    /// - Throws: all problems found in all files, together (see ``validate(folder:)``).
    public static func load(folder: String) throws(InputErrors) -> Scenario {
        let (scenario, errors) = check(folder: folder)
        guard errors.isEmpty, let scenario else {
            throw InputErrors(errors.isEmpty ? [InputError(file: folder, message: "could not be loaded")] : errors)
        }
        return scenario
    }

    /// Every problem in the scenario folder `folder`, sorted by file, line and column; empty when it loads.
    public static func validate(folder: String) -> [InputError] {
        check(folder: folder).errors
    }

    /// Reads and cross-checks everything; the scenario is returned only when there is no error.
    static func check(folder: String) -> (scenario: Scenario?, errors: [InputError]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            return (nil, [InputError(file: folder, message: "scenario folder not found")])
        }
        guard isFolder.boolValue else {
            return (nil, [InputError(file: folder, message: "is a file; expected a scenario folder holding scenario.yaml and the CSV files")])
        }

        let yamlPath = folder.hasSuffix("/") ? folder + "scenario.yaml" : folder + "/scenario.yaml"
        let yaml = ScenarioYAMLReader.read(path: yamlPath)
        // Files depend on each other in this order: regions ← cadres, targets ← pairs ← pins.
        var assembly = ScenarioAssembly(folder: folder, yaml: yaml)
        assembly.errors = yaml.errors
        if let base = yaml.base { resolve(base, of: folder, yamlPath: yamlPath, into: &assembly) }
        assembly.readRegions()
        assembly.checkYAMLRegionReferences()
        assembly.readCadres()
        assembly.readTargets()
        assembly.readPairs()
        assembly.readPins()

        let errors = sorted(assembly.errors)
        guard errors.isEmpty else { return (nil, errors) }
        let s = yaml.settings
        let scenario = Scenario(
            name: s.name, waves: s.waves, groups: s.groups, mode: s.mode, targetLimits: s.targetLimits, tierOrder: s.tierOrder,
            weights: s.weights, rules: s.rules,
            indicators: s.indicators, regions: assembly.regions, cadres: assembly.cadres, targets: assembly.targets,
            pairs: assembly.pairs, pins: assembly.pins)
        return (scenario, [])
    }

    /// Points `assembly` at the base folder of a variant, or reports a base that is not a folder.
    ///
    /// Only the base's CSV files are used; its scenario.yaml is never read, so a variant's yaml
    /// is complete on its own and chains or cycles of bases cannot arise.
    private static func resolve(_ base: YAMLBaseReference, of folder: String, yamlPath: String, into assembly: inout ScenarioAssembly) {
        // Relative to the variant's folder, not to the working directory: the pair of folders moves together.
        let joined = base.folder.hasPrefix("/") ? base.folder : (folder.hasSuffix("/") ? folder : folder + "/") + base.folder
        let resolved = lexicallyNormalized(joined)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), isFolder.boolValue {
            assembly.baseFolder = resolved
        } else {
            assembly.baseMissing = true
            let what = FileManager.default.fileExists(atPath: resolved) ? "is a file" : "not found"
            assembly.errors.append(InputError(file: yamlPath, line: base.line, column: base.column, columnName: "base",
                                              message: "base folder \(base.folder.quotedForMessage) \(what) (looked for \(resolved)); expected a scenario folder whose CSV files this variant inherits"))
        }
    }

    /// `a/b/../c/./d` → `a/c/d`, so that messages name the file the way a person would write it.
    /// Leading `..` segments are kept (they point outside the folder given).
    static func lexicallyNormalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if part == "..", absolute, parts.isEmpty { continue }  // "/.." is "/"
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// Sorts by file (in ``fileNames`` order, folder-level problems first), then line, then column,
    /// keeping the discovery order of problems at the same place.
    static func sorted(_ errors: [InputError]) -> [InputError] {
        func rank(_ file: String) -> Int {
            let name = (file as NSString).lastPathComponent
            return fileNames.firstIndex(of: name) ?? (file.hasSuffix(".csv") || file.hasSuffix(".yaml") ? fileNames.count : -1)
        }
        return errors.enumerated().map { (rank: ScenarioAssembly.reportRank(of: $1, csvRank: rank), order: $0, error: $1) }
            .sorted { a, b in
                if a.rank != b.rank { return a.rank < b.rank }
                if a.error.file != b.error.file { return a.error.file < b.error.file }
                let (la, lb) = (a.error.line ?? 0, b.error.line ?? 0)
                if la != lb { return la < lb }
                let (ca, cb) = (a.error.column ?? 0, b.error.column ?? 0)
                if ca != cb { return ca < cb }
                return a.order < b.order
            }
            .map(\.error)
    }
}
