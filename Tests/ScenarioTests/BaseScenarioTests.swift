import Foundation
import Testing
@testable import Scenario

/// A base scenario folder and a variant folder beside it, in a fresh temporary directory.
///
/// The base holds the valid fixture (all six files); the variant holds only what the test writes.
private final class VariantFixture {
    let root: String
    var base: String { root + "/base" }
    var variant: String { root + "/variant" }

    init() throws {
        root = NSTemporaryDirectory() + "cadreplan-base-tests-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: base, withIntermediateDirectories: true)
        try fm.createDirectory(atPath: variant, withIntermediateDirectories: true)
        for (name, text) in Fixture.valid { try text.write(toFile: base + "/" + name, atomically: true, encoding: .utf8) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes `text` as `name` in the variant folder.
    func variant(_ name: String, _ text: String) throws {
        try text.write(toFile: variant + "/" + name, atomically: true, encoding: .utf8)
    }

    /// The fixture's scenario.yaml with a `base` line after `name`, and `mode` replaced by `mode`.
    static func yaml(base: String, mode: String = "one-to-one") -> String {
        valid("scenario.yaml", replacing: "name: small\nmode: one-to-many:2\n", with: "name: variant\nbase: \(base)\nmode: \(mode)\n")
    }
}

@Suite("Scenario variants inherit CSV files from a base folder")
struct BaseScenarioTests {
    @Test func aVariantWithOnlyScenarioYAMLLoadsTheBaseFiles() throws {
        let f = try VariantFixture()
        try f.variant("scenario.yaml", VariantFixture.yaml(base: "../base"))
        let variant = try ScenarioLoader.load(folder: f.variant)
        let base = try ScenarioLoader.load(folder: f.base)
        // The yaml is the variant's own…
        #expect(variant.name == "variant")
        #expect(variant.mode == .oneToOne)
        #expect(base.mode == .oneToMany(maxTargets: 2))
        // …and every CSV file, optional ones included, is the base's.
        #expect(variant.regions.map(\.id) == base.regions.map(\.id))
        #expect(variant.cadres.map(\.id) == ["c1", "c2", "c3"])
        #expect(variant.targets.map(\.id) == ["t1", "t2"])
        #expect(variant.pairs.count == 1)
        #expect(variant.pins.count == 1)
    }

    @Test func aVariantOverridingTargetsUsesItsOwn() throws {
        let f = try VariantFixture()
        try f.variant("scenario.yaml", VariantFixture.yaml(base: "../base"))
        // pins.csv (inherited) pins c2 to t2, so t2 stays; t1 is dropped and t3 added.
        try f.variant("targets.csv", """
            id,name,kind,category,level,region
            t2,三亚园区,park,园区,county,sanya
            t3,三亚酒店,enterprise,大型旅游文体企业,county,sanya

            """)
        try f.variant("pairs.csv", "cadre,target,forbidden\n")
        let s = try ScenarioLoader.load(folder: f.variant)
        #expect(s.targets.map(\.id) == ["t2", "t3"])
        #expect(s.cadres.map(\.id) == ["c1", "c2", "c3"])  // still the base's
        #expect(s.pairs.isEmpty)  // the variant's own (empty) pairs.csv hides the base's
        #expect(s.pins.map(\.target) == ["t2"])
    }

    @Test func errorsNameTheFileActuallyRead() throws {
        let f = try VariantFixture()
        try f.variant("scenario.yaml", VariantFixture.yaml(base: "../base"))
        // One bad cell in an inherited file (base) and one in the variant's own file.
        try valid("cadres.csv", replacing: "c3,王五,county,division", with: "c3,王五,county,colonel")
            .write(toFile: f.base + "/cadres.csv", atomically: true, encoding: .utf8)
        try f.variant("targets.csv", valid("targets.csv", replacing: "t2,三亚园区,park,园区,county,sanya,,", with: "t2,三亚园区,park,园区,county,sanya,9,"))
        let errors = ScenarioLoader.validate(folder: f.variant)
        #expect(errors.count == 2, "\(InputErrors(errors))")
        let cadres = try #require(errors.first { $0.file.hasSuffix("cadres.csv") })
        // The path is the base's, written without the variant's `..` detour.
        #expect(cadres.file == f.base + "/cadres.csv")
        #expect(cadres.line == 4)
        let targets = try #require(errors.first { $0.file.hasSuffix("targets.csv") })
        #expect(targets.file == f.variant + "/targets.csv")
        #expect(targets.line == 3)
    }

    @Test func aMissingBaseFolderIsReportedAtTheBaseKey() throws {
        let f = try VariantFixture()
        try f.variant("scenario.yaml", VariantFixture.yaml(base: "../nowhere"))
        let errors = ScenarioLoader.validate(folder: f.variant)
        // One error, not one more per inherited CSV file.
        #expect(errors.count == 1, "\(InputErrors(errors))")
        let e = try #require(errors.first)
        #expect(e.file == f.variant + "/scenario.yaml")
        #expect(e.line == 2)
        #expect(e.column == 1)
        #expect(e.columnName == "base")
        #expect(e.message.contains("../nowhere") && e.message.contains("not found"))
        #expect(e.description.hasPrefix(f.variant + "/scenario.yaml:2:1: base: "))
    }

    @Test func aBaseThatIsAFileIsAnError() throws {
        let f = try VariantFixture()
        try f.variant("scenario.yaml", VariantFixture.yaml(base: "../base/regions.csv"))
        let e = try #require(ScenarioLoader.validate(folder: f.variant).first)
        #expect(e.columnName == "base" && e.message.contains("is a file"))
    }

    @Test func anEmptyBaseIsAnError() throws {
        let f = try VariantFixture()
        try f.variant("scenario.yaml", VariantFixture.yaml(base: "''"))
        let errors = ScenarioLoader.validate(folder: f.variant)
        #expect(errors.contains { $0.columnName == "base" && $0.message.contains("empty") }, "\(InputErrors(errors))")
    }

    @Test func aFileMissingFromBothFoldersNamesTheBasePath() throws {
        let f = try VariantFixture()
        try f.variant("scenario.yaml", VariantFixture.yaml(base: "../base"))
        try FileManager.default.removeItem(atPath: f.base + "/regions.csv")
        let errors = ScenarioLoader.validate(folder: f.variant)
        let e = try #require(errors.first)
        #expect(e.file == f.base + "/regions.csv")
        #expect(e.message.contains("not found"))
    }

    /// A base cannot form a cycle: the base's scenario.yaml is never read, so its own `base`
    /// key (here pointing back at the variant) has no effect, and neither has a broken yaml there.
    @Test func theBaseYAMLIsNeverRead() throws {
        let f = try VariantFixture()
        try f.variant("scenario.yaml", VariantFixture.yaml(base: "../base"))
        try "name: base\nbase: ../variant\nwaves: [this is not read".write(toFile: f.base + "/scenario.yaml", atomically: true, encoding: .utf8)
        let s = try ScenarioLoader.load(folder: f.variant)
        #expect(s.name == "variant")
        #expect(s.cadres.count == 3)
    }

    @Test func anAbsoluteBaseWorksToo() throws {
        let f = try VariantFixture()
        try f.variant("scenario.yaml", VariantFixture.yaml(base: f.base))
        #expect(try ScenarioLoader.load(folder: f.variant).targets.count == 2)
    }

    @Test func pathsAreNormalizedLexically() {
        #expect(ScenarioLoader.lexicallyNormalized("scenarios/v/../hainan-2022") == "scenarios/hainan-2022")
        #expect(ScenarioLoader.lexicallyNormalized("scenarios/v/./../../x/") == "x")
        #expect(ScenarioLoader.lexicallyNormalized("./../base") == "../base")
        #expect(ScenarioLoader.lexicallyNormalized("v/..") == ".")
        #expect(ScenarioLoader.lexicallyNormalized("/tmp/v/../b") == "/tmp/b")
        #expect(ScenarioLoader.lexicallyNormalized("/../b") == "/b")
    }

    /// The variants shipped in scenarios/ load, and differ from hainan-2022 only where their README says.
    @Test func theShippedVariantsLoad() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        func load(_ name: String) throws -> Scenario { try ScenarioLoader.load(folder: root.appendingPathComponent("scenarios/" + name).path) }
        let base = try load("hainan-2022")
        let oneToMany = try load("hainan-2022-one-to-many")
        #expect(oneToMany.mode == .oneToMany(maxTargets: 3))
        let provincialFirst = try load("hainan-2022-provincial-first")
        #expect(provincialFirst.waves.map { $0.quotas[.province] } == [800, 0])
        #expect(provincialFirst.waves.map { $0.quotas[.county] } == base.waves.map { $0.quotas[.county] })
        let strict = try load("hainan-2022-strict-rank")
        #expect(strict.rules.minRankByKind == [.project: .division, .park: .division])
        for v in [oneToMany, provincialFirst, strict] {
            #expect(v.cadres.count == base.cadres.count && v.targets.count == base.targets.count && v.regions.count == base.regions.count)
            #expect(v.groups == base.groups && v.indicators == base.indicators && v.weights == base.weights)
        }
    }
}
