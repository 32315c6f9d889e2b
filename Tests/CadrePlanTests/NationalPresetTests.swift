import Foundation
import Scenario
import Testing

@testable import CadrePlan

/// The national-2022 preset: 31 provinces of Hainan's shape, each an independent set of blocks.
@Suite struct NationalPresetTests {
    static let small = NationalPreset.generate(seed: 1, scale: 0.01).scenario

    /// √(GDP / 6818) to two decimals, worked by hand for three provinces.
    @Test func provinceScaleIsTheSquareRootOfTheEconomy() {
        func scale(_ code: String) -> Double { NationalPreset.provinceScale(NationalData.provinces.first { $0.code == code }!) }
        #expect(scale("hi") == 1)          // Hainan itself
        #expect(scale("gd") == 4.35)       // √(129118 / 6818) = √18.938 = 4.352
        #expect(scale("xz") == 0.56)       // √(2133 / 6818) = √0.3128 = 0.559
        #expect(NationalData.provinces.count == 31)
        #expect(Set(NationalData.provinces.map(\.code)).count == 31)
    }

    /// Each province is Hainan's campaign at its scale: Guangdong at 0.01 × 4.35 has
    /// round(800 × 0.0435) = 35 provincial and round(9200 × 0.0435) = 400 city/county cadres.
    @Test func provincesAreHainanAtTheirScale() {
        let s = Self.small
        let gd = s.cadres.filter { $0.id.hasPrefix("gd-") }
        #expect(gd.filter { $0.level == .province }.count == 35)
        #expect(gd.filter { $0.level == .county }.count == 400)
        #expect(s.regions.count == 31 * 19)
        #expect(s.groups.count == 31 * 11)
        #expect(s.regions.first { $0.id == "gd-01" }.map { ($0.name, $0.latitude, $0.longitude) }! == ("广东·市县01", 23.13, 113.26))
        // Every id is unique and carries its province's code.
        let codes = Set(NationalData.provinces.map(\.code))
        for ids in [s.cadres.map(\.id), s.targets.map(\.id), s.regions.map(\.id), s.groups.map(\.id)] {
            #expect(Set(ids).count == ids.count)
            #expect(ids.allSatisfy { codes.contains(String($0.prefix { $0 != "-" })) })
        }
        #expect(s.targetLimits.groups.count == 31 && s.targetLimits.groups["gd-xuanchuan"] == 1)
    }

    /// No level quota (it would count every province); each province's group quotas add up to
    /// Hainan's level quotas at its scale, and to each group's size over the waves.
    @Test func quotasAreEachProvincesOwn() {
        let s = Self.small
        #expect(s.waves.allSatisfy { $0.quotas.isEmpty && $0.regionQuotas.isEmpty })
        for p in NationalData.provinces {
            let hainan = HainanBuilder(seed: 0, scale: 0.01 * NationalPreset.provinceScale(p)).makeWaves()
            let county = p.code + "-shixian"
            for (w, wave) in s.waves.enumerated() {
                let provincial = wave.groupQuotas.filter { $0.key.hasPrefix(p.code + "-") && $0.key != county }.values.reduce(0, +)
                #expect(provincial == hainan[w].quotas[.province])
                #expect(wave.groupQuotas[county] == hainan[w].quotas[.county])
            }
            for g in s.groups where g.id.hasPrefix(p.code + "-") {
                let size = s.cadres.filter { $0.group == g.id }.count
                #expect(s.waves.map { $0.groupQuotas[g.id] ?? -1 }.reduce(0, +) == size, "\(g.id)")
            }
        }
    }

    /// The point of the preset: blocks never mix provinces.
    @Test func everyBlockLiesInOneProvince() {
        #expect(Self.blocksPerProvince(Self.small).count == 31)
    }

    /// At full scale each province is two blocks: its provincial groups, linked by the two reserve
    /// groups that serve every provincial category, and its city/county cadres, linked by their quota.
    /// (At a hundredth the reserves are empty and the sector groups fall apart into blocks of their own.)
    @Test func atFullScaleEachProvinceIsTwoBlocks() {
        let s = NationalPreset.generate(seed: 1, scale: 1, provinces: ["hi", "xz"]).scenario
        #expect(Self.blocksPerProvince(s) == ["hi": 2, "xz": 2])
    }

    /// The number of blocks of each province, checking that no block mixes provinces.
    static func blocksPerProvince(_ s: Scenario) -> [String: Int] {
        let p = PreparedScenario(s)
        let q = ClassPartition(p, aggregate: true)
        var perProvince: [String: Int] = [:]
        for b in q.blocks(p) {
            let cadres = b.cadreClasses.flatMap { q.cadreClasses[$0].members.map { p.scenario.cadres[$0].id } }
            let targets = b.targetClasses.flatMap { q.targetClasses[$0].members.map { p.scenario.targets[$0].id } }
            let codes = Set((cadres + targets).map { String($0.prefix { $0 != "-" }) })
            #expect(codes.count == 1, "a block mixes \(codes.sorted())")
            perProvince[codes.first ?? "", default: 0] += 1
        }
        return perProvince
    }

    @Test func sameSeedSameBytesAndItLoads() throws {
        let pair = NationalPreset.generate(seed: 1, scale: 0.01, provinces: ["hi", "gd"])
        let again = NationalPreset.generate(seed: 1, scale: 0.01, provinces: ["hi", "gd"])
        #expect(ScenarioWriter.files(again.scenario).map(\.text) == ScenarioWriter.files(pair.scenario).map(\.text))
        #expect(NationalPreset.generate(seed: 2, scale: 0.01, provinces: ["hi", "gd"]).scenario.cadres != pair.scenario.cadres)
        // A province's campaign does not depend on which others are generated with it.
        #expect(pair.scenario.cadres.filter { $0.id.hasPrefix("gd-") } == Self.small.cadres.filter { $0.id.hasPrefix("gd-") })
        #expect(pair.scenario.targets.filter { $0.id.hasPrefix("hi-") } == Self.small.targets.filter { $0.id.hasPrefix("hi-") })
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cadreplan-national-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try ScenarioWriter.write(pair.scenario, to: dir.path, readme: pair.readme)
        let loaded = try ScenarioLoader.load(folder: dir.path)
        #expect(ScenarioDigest.of(loaded) == ScenarioDigest.of(pair.scenario))
        // The command is given with the provinces in the preset's own order (Guangdong before Hainan).
        #expect(pair.readme.contains("--provinces gd,hi"), "\(pair.readme.prefix(600))")
    }

    /// The README states the assumption with its numbers, computed from the scenario.
    @Test func readmeStatesTheScaleAssumption() {
        let readme = NationalReadme.text(for: Self.small, seed: 1, scale: 0.01)
        for text in ["√(GDP of the province / GDP of Hainan)", "| gd | 广东 | 广州 (23.13, 113.26) | 129118 | 4.35 | 35 | 400 |",
                     "| **total** | | | 1203463 | 68.32 |", "<code>-shixian", "stricter", "--scale 0.01"] {
            #expect(readme.contains(text), "\(text)")
        }
    }
}
