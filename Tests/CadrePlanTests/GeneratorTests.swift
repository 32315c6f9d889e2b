import Foundation
@testable import Scenario
import Testing

@testable import CadrePlan

/// Tests of the hainan-2022 generator and of ScenarioWriter's output.
///
/// Published counts are written here as literals from the published plan, and compared with
/// counts taken from the generated scenario, so a mistake in the generator's tables shows.
@Suite struct GeneratorTests {
    /// The scale-1 scenario, generated once per test that needs it (generation is fast).
    static func hainan(seed: UInt64 = 1, scale: Double = 1) -> Scenario {
        HainanPreset.generate(seed: seed, scale: scale).scenario
    }

    /// A fresh temporary folder, removed by the caller.
    static func tempFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cadreplan-gen-\(UUID().uuidString)")
    }

    /// Every file of `folder` by name.
    static func files(in folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }

    @Test func publishedCountsAtScaleOne() {
        let s = Self.hainan()
        let province = s.targets.filter { $0.level == .province }
        let byCategory = Dictionary(grouping: province, by: \.category).mapValues(\.count)
        #expect(byCategory == [
            "规模以上工业企业": 83, "农业龙头企业": 138, "大型旅游文体企业": 100, "服务业类企业": 100,
            "国资国企": 90, "专精特新企业": 130, "建筑业企业": 30, "产业园区": 29, "省重点项目": 100,
        ])
        #expect(province.count == 800)
        #expect(province.filter { $0.category == "产业园区" }.allSatisfy { $0.kind == .park })
        #expect(province.filter { $0.category == "省重点项目" }.allSatisfy { $0.kind == .project })
        #expect(s.cadres.filter { $0.level == .province }.count == 800)
        #expect(s.cadres.filter { $0.level == .county }.count == 9_200)
        #expect(s.groups.count == 10)
        #expect(Set(s.groups.map(\.name)) == ["综合协调组", "工信和建筑业组", "农林牧渔组", "旅游和文化体育组", "商贸服务业组",
                                              "国资国企组", "项目投资组", "园区服务组", "要素保障组", "宣传报道组"])
        #expect(s.regions.count == 19)
        #expect(!s.regions.contains { $0.name.contains("三沙") })
        #expect(s.regions.contains { $0.id == "yangpu" })
        #expect(s.waves.map(\.date) == ["2022-09-16", "2022-09-26"])
        #expect(s.waves.map { $0.quotas[.province] } == [500, 300])
        #expect(s.waves.map { $0.quotas[.county] } == [3000, 6200])
        // 原则上一对一，也可一对多, with the publicity group kept one to one (the README's assumption).
        #expect(s.mode == .oneToOneFirst(maxTargets: 3))
        #expect(s.targetLimits == TargetLimits(groups: ["xuanchuan": 1]))
        #expect(s.tierOrder == nil && s.rules.countyReachKm == 0)
        #expect(s.weights == .standard)
        #expect(s.pairs.isEmpty && s.pins.isEmpty)
    }

    @Test func everyReferenceIsConsistent() {
        let s = Self.hainan()
        let regionIDs = Set(s.regions.map(\.id)), groupIDs = Set(s.groups.map(\.id)), waveIDs = Set(s.waves.map(\.id))
        #expect(Set(s.cadres.map(\.id)).count == s.cadres.count)
        #expect(Set(s.targets.map(\.id)).count == s.targets.count)
        #expect(s.cadres.allSatisfy { regionIDs.contains($0.region) && ($0.group.map(groupIDs.contains) ?? true) })
        #expect(s.cadres.allSatisfy { $0.earliestWave.map(waveIDs.contains) ?? true })
        #expect(s.targets.allSatisfy { regionIDs.contains($0.region) && (1...5).contains($0.priority) })
        // Provincial cadres all belong to a group; city/county cadres to none.
        #expect(s.cadres.allSatisfy { ($0.level == .province) == ($0.group != nil) })
        // Every provincial category is served by some group, and group sizes sum to 800.
        let served = Set(s.groups.flatMap(\.categories))
        #expect(s.targets.filter { $0.level == .province }.allSatisfy { served.contains($0.category) })
        // Halted targets are urgent, at least one per region per level, and never parks.
        for level in Level.allCases {
            let halted = s.targets.filter { $0.level == level && $0.halted }
            #expect(halted.allSatisfy { $0.urgent && $0.kind != .park && $0.consent })
            #expect(Set(halted.map(\.region)) == regionIDs, "halted targets in every region at level \(level)")
        }
    }

    @Test func urgentTargetsFitTheFirstWave() {
        for scale in [1.0, 0.1, 2.5] {
            let s = Self.hainan(scale: scale)
            for level in Level.allCases {
                let urgent = s.targets.filter { $0.level == level && $0.urgent }.count
                #expect(urgent > 0)
                #expect(urgent <= s.waves[0].quotas[level] ?? .max, "level \(level) at scale \(scale)")
            }
        }
    }

    @Test func threePolesHaveTheMostCountyCadres() {
        let s = Self.hainan()
        let counts = Dictionary(grouping: s.cadres.filter { $0.level == .county }, by: \.region).mapValues(\.count)
        let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3).map(\.key)
        #expect(Set(top) == ["haikou", "sanya", "danzhou"])
        // One-to-many is needed somewhere: some regions' county demand exceeds their cadres.
        let demand = Dictionary(grouping: s.targets.filter { $0.level == .county }, by: \.region)
            .mapValues { $0.map(\.demand).reduce(0, +) }
        #expect(demand.contains { $0.value > counts[$0.key, default: 0] })
        #expect(demand.contains { $0.value < counts[$0.key, default: 0] })
    }

    @Test func provincialCoverageIsPossibleOneToOne() {
        // Each group can be matched to its categories: cadres of a group ≥ targets it alone
        // serves is not required, but the reserves must fill the rest, also in rank.
        let s = Self.hainan()
        let province = s.cadres.filter { $0.level == .province }
        let needDivision = s.targets.filter { $0.level == .province && $0.minRank == .division }.count
        #expect(province.filter { $0.rank >= .division }.count >= needDivision)
        let groupOf = Dictionary(uniqueKeysWithValues: s.groups.map { ($0.id, $0) })
        for target in s.targets where target.level == .province {
            #expect(province.contains { groupOf[$0.group!]!.categories.contains(target.category) && $0.rank >= target.minRank })
        }
    }

    @Test func scaleTenMultipliesCounts() {
        let one = Self.hainan(), ten = Self.hainan(scale: 10)
        for level in Level.allCases {
            #expect(ten.cadres.filter { $0.level == level }.count == 10 * one.cadres.filter { $0.level == level }.count)
            #expect(ten.targets.filter { $0.level == level }.count == 10 * one.targets.filter { $0.level == level }.count)
            #expect(ten.waves.map { $0.quotas[level]! } == one.waves.map { 10 * $0.quotas[level]! })
        }
        for group in one.groups {
            #expect(ten.cadres.filter { $0.group == group.id }.count == 10 * one.cadres.filter { $0.group == group.id }.count)
        }
        let half = Self.hainan(scale: 0.5)
        #expect(half.cadres.count == 5_000)
        #expect(half.waves.map { $0.quotas[.province]! + $0.quotas[.county]! }.reduce(0, +) == 5_000)
        #expect(HainanPreset.isValidScale(100) && !HainanPreset.isValidScale(0) && !HainanPreset.isValidScale(100.5))
        #expect(!HainanPreset.isValidScale(.nan) && !HainanPreset.isValidScale(-1))
    }

    @Test func sameSeedWritesSameBytes() throws {
        let a = Self.tempFolder(), b = Self.tempFolder(), c = Self.tempFolder()
        defer { for u in [a, b, c] { try? FileManager.default.removeItem(at: u) } }
        let first = HainanPreset.generate(seed: 1), second = HainanPreset.generate(seed: 1)
        try ScenarioWriter.write(first.scenario, to: a.path, readme: first.readme)
        try ScenarioWriter.write(second.scenario, to: b.path, readme: second.readme)
        let filesA = try Self.files(in: a)
        #expect(filesA.keys.sorted() == ["README.md", "cadres.csv", "regions.csv", "scenario.yaml", "targets.csv"])
        #expect(filesA == (try Self.files(in: b)))

        let other = HainanPreset.generate(seed: 2)
        try ScenarioWriter.write(other.scenario, to: c.path, readme: other.readme)
        let filesC = try Self.files(in: c)
        #expect(filesA["cadres.csv"] != filesC["cadres.csv"])
        #expect(filesA["targets.csv"] != filesC["targets.csv"])
        // The published structure does not depend on the seed.
        #expect(filesA["scenario.yaml"] == filesC["scenario.yaml"])
        #expect(filesA["regions.csv"] == filesC["regions.csv"])
    }

    @Test func writtenFilesFollowTheDataContract() throws {
        let folder = Self.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let s = Self.hainan()
        try ScenarioWriter.write(s, to: folder.path)
        let files = try Self.files(in: folder)
        #expect(files["README.md"] == nil)
        for (name, data) in files {
            #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) has a BOM")
            #expect(!data.contains(0x0D), "\(name) has CR")
            #expect(data.last == 0x0A)
            #expect(String(data: data, encoding: .utf8) != nil)
        }
        func lines(_ name: String) -> [Substring] {
            String(decoding: files[name]!, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0 }
        }
        let cadres = lines("cadres.csv"), targets = lines("targets.csv")
        #expect(cadres.first == "id,name,level,rank,group,region,unit,skills,capacity,earliest_wave")
        #expect(targets.first == "id,name,kind,category,level,region,priority,urgent,halted,demand,min_rank,workload,consent,supervisor")
        #expect(lines("regions.csv").first == "id,name,lat,lon")
        #expect(lines("regions.csv").contains("haikou,海口市,20.04,110.2"))
        #expect(cadres.count == s.cadres.count + 1 && targets.count == s.targets.count + 1)
        // Defaults are left empty; non-defaults use the English keywords.
        let late = s.cadres.first { $0.earliestWave != nil }!
        #expect(cadres.contains { $0.hasPrefix("\(late.id),") && $0.hasSuffix(",,w2") })
        let onTime = s.cadres.first { $0.level == .county && $0.earliestWave == nil }!
        #expect(cadres.first { $0.hasPrefix("\(onTime.id),") }!.hasSuffix(",,"))
        let gongxin = s.cadres.first { $0.group == "gongxin" && $0.skills.count == 2 }!
        #expect(cadres.first { $0.hasPrefix("\(gongxin.id),") }!.contains(",province,\(gongxin.rank.keyword),gongxin,"))
        #expect(cadres.first { $0.hasPrefix("\(gongxin.id),") }!.contains(",建筑业企业;规模以上工业企业,"))
        let declined = s.targets.first { !$0.consent }!
        #expect(targets.first { $0.hasPrefix("\(declined.id),") }!.hasSuffix(",false,"))
        let halted = s.targets.first { $0.halted && $0.level == .province && $0.kind == .project }!
        #expect(targets.first { $0.hasPrefix("\(halted.id),") }!.hasSuffix(",5,true,true,,division,,,"))
        let park = s.targets.first { $0.level == .county && $0.kind == .park && !$0.urgent && $0.priority == 3 && $0.consent }!
        #expect(targets.first { $0.hasPrefix("\(park.id),") }! == "\(park.id),\(park.name),park,市县园区,county,\(park.region),,,,2,,,,")

        let yaml = String(decoding: files["scenario.yaml"]!, as: UTF8.self)
        #expect(yaml.hasPrefix("name: hainan-2022\nmode: \"one-to-one-first:3\"\nmax_targets:\n  groups: {xuanchuan: 1}\nwaves:\n  - id: w1\n    date: \"2022-09-16\"\n    quotas: {province: 500, county: 3000}\n"))
        #expect(yaml.contains("  - id: gongxin\n    name: 工信和建筑业组\n    categories: [规模以上工业企业, 建筑业企业]\n"))
        #expect(yaml.contains("weights:\n  priority: [1, 2, 3, 4, 5]\n  halted: 1000\n  distance_km: 1\n  rank_gap: 20\n  skill_mismatch: 50\n  extra_target: 30\n  move: 1\n"))
        #expect(yaml.contains("rules:\n  forbid_own_supervisor: true\n"))
        #expect(yaml.contains("  - id: tingchan\n    name: 停产停工重点企业和项目帮扶率\n    halted_only: true\n"))
        #expect(yaml.contains("categories: [省重点项目, \"5000万元以上项目\"]"))
    }

    @Test func writeThenLoadGivesTheSameScenario() throws {
        let folder = Self.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let s = Self.hainan()
        try ScenarioWriter.write(s, to: folder.path)
        let loaded = try ScenarioLoader.load(folder: folder.path)
        #expect(loaded.name == s.name && loaded.mode == s.mode && loaded.weights == s.weights && loaded.rules == s.rules)
        #expect(loaded.waves == s.waves)
        #expect(loaded.groups == s.groups)
        #expect(loaded.indicators == s.indicators)
        #expect(loaded.regions == s.regions)
        #expect(loaded.cadres.count == 10_000 && loaded.targets.count == s.targets.count)
        #expect(loaded.cadres == s.cadres)
        #expect(loaded.targets == s.targets)
        #expect(loaded.pairs.isEmpty && loaded.pins.isEmpty)

        // Special cases the preset does not use: quoting, pairs, pins, capacity, supervisor.
        var odd = s
        odd.name = "2022: test, \"odd\" #1"
        odd.groups[0].categories.append("a, b [c]")
        odd.mode = .oneToMany(maxTargets: 3)
        odd.rules.minRankByKind = [.park: .division, .project: .bureau]
        odd.waves[0].regionQuotas = ["yangpu": 10, "haikou": 100]
        odd.waves[1].groupQuotas = ["zonghe": 5]
        odd.indicators.append(Indicator(id: "prov", name: "省级", level: .province))
        odd.cadres[0].capacity = 2
        odd.targets[0].supervisor = "省工业和信息化厅"
        odd.targets[0].workload = 2
        odd.targets[0].name = "Name, with \"quotes\""
        odd.pairs = [PairRule(cadre: odd.cadres[0].id, target: odd.targets[0].id, forbidden: true, reason: "回避"),
                     PairRule(cadre: odd.cadres[1].id, target: odd.targets[0].id, cost: 7, workload: 1)]
        let servesTarget1 = Set(odd.groups.filter { $0.categories.contains(odd.targets[1].category) }.map(\.id))
        let dispatched = odd.cadres.first { c in c.level == .province && c.rank == .division && servesTarget1.contains(c.group ?? "") }!
        odd.pins = [Pin(cadre: dispatched.id, target: odd.targets[1].id, wave: "w1")]
        try ScenarioWriter.write(odd, to: folder.path)
        let back = try ScenarioLoader.load(folder: folder.path)
        #expect(back.name == odd.name && back.mode == odd.mode && back.rules == odd.rules)
        #expect(back.waves == odd.waves && back.groups == odd.groups && back.indicators == odd.indicators)
        #expect(back.cadres == odd.cadres && back.targets == odd.targets)
        #expect(back.pairs == odd.pairs && back.pins == odd.pins)
    }

    @Test func writerQuotesOnlyWhatYAMLWouldMisread() {
        #expect(ScenarioWriter.scalar("w1") == "w1")
        #expect(ScenarioWriter.scalar("工信和建筑业组") == "工信和建筑业组")
        #expect(ScenarioWriter.scalar("one-to-one") == "one-to-one")
        for text in ["2022-09-16", "1", "true", "No", "null", "~", "", "a b", "a,b", "[x]", "a: b", "#x", "-x", ".inf", "one-to-many:3"] {
            #expect(ScenarioWriter.scalar(text).hasPrefix("\""), "\(text) must be quoted")
        }
        #expect(ScenarioWriter.scalar("say \"hi\"\\\n") == "\"say \\\"hi\\\"\\\\\\n\"")
        #expect(ScenarioWriter.scalar("\u{1}") == "\"\\u0001\"")
    }

    @Test func writerWritesPairsAndPinsOnlyWhenPresent() throws {
        let folder = Self.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var s = Scenario(
            name: "tiny", waves: [Wave(id: "w1", date: "2022-09-16")], groups: [],
            regions: [Region(id: "r", name: "R")],
            cadres: [Cadre(id: "c1", name: "A", level: .county, rank: .section, region: "r", capacity: 2)],
            targets: [Target(id: "t1", name: "T, Ltd", kind: .enterprise, category: "x", level: .county, region: "r"),
                      Target(id: "t2", name: "U", kind: .enterprise, category: "x", level: .county, region: "r")])
        // The writer refuses what `check` refuses, so the pin is on an allowed pair.
        s.pairs = [PairRule(cadre: "c1", target: "t2", forbidden: true, reason: "亲属")]
        s.pins = [Pin(cadre: "c1", target: "t1", wave: "w1")]
        try ScenarioWriter.write(s, to: folder.path)
        var files = try Self.files(in: folder)
        #expect(String(decoding: files["pairs.csv"]!, as: UTF8.self) == "cadre,target,forbidden,cost,workload,reason\nc1,t2,true,,,亲属\n")
        #expect(String(decoding: files["pins.csv"]!, as: UTF8.self) == "cadre,target,wave\nc1,t1,w1\n")
        #expect(String(decoding: files["targets.csv"]!, as: UTF8.self).contains("t1,\"T, Ltd\",enterprise,"))
        #expect(String(decoding: files["cadres.csv"]!, as: UTF8.self).hasSuffix("c1,A,county,section,,r,,,2,\n"))
        #expect(String(decoding: files["scenario.yaml"]!, as: UTF8.self).contains("groups: []\n"))
        #expect(String(decoding: files["regions.csv"]!, as: UTF8.self) == "id,name,lat,lon\nr,R,,\n")
        // Writing again without them removes the stale files.
        s.pairs = []; s.pins = []
        try ScenarioWriter.write(s, to: folder.path)
        files = try Self.files(in: folder)
        #expect(files["pairs.csv"] == nil && files["pins.csv"] == nil)
    }

    @Test func randomStreamsAndApportionAreStable() {
        // Fixed values: a change here changes every generated scenario, so it must be deliberate.
        var r = SplitMix64(seed: 1)
        #expect(r.next() == 0x910A_2DEC_8902_5CC1)
        var a = SplitMix64(seed: 1, stream: "x"), b = SplitMix64(seed: 1, stream: "x"), c = SplitMix64(seed: 1, stream: "y")
        let sa = (0..<8).map { _ in a.next(below: 1000) }
        #expect(sa == (0..<8).map { _ in b.next(below: 1000) })
        #expect(sa != (0..<8).map { _ in c.next(below: 1000) })
        #expect(Apportion.split(10, weights: [1, 1, 1]) == [4, 3, 3])
        #expect(Apportion.split(760, weights: [113, 138, 100, 100, 90, 100, 29, 130]) == [107, 131, 95, 95, 86, 95, 28, 123])
        #expect(Apportion.split(5, weights: [0, 0]) == [0, 0])
        #expect(Apportion.share(75, percent: 2) == 2 && Apportion.share(25, percent: 2) == 1)
    }

    @Test func modelClassesStayFew() {
        let s = Self.hainan()
        struct CadreKey: Hashable { let level: Level, rank: Rank, group: String?, region: String, skills: [String], wave: String? }
        let cadreClasses = Set(s.cadres.map { CadreKey(level: $0.level, rank: $0.rank, group: $0.group, region: $0.region, skills: $0.skills, wave: $0.earliestWave) })
        #expect(cadreClasses.count < 1000)
    }

    @Test func readmeStatesTheAssumptions() {
        let readme = HainanPreset.generate(seed: 1).readme
        for phrase in ["三沙", "cadreplan generate --preset hainan-2022 --seed 1 --out scenarios/hainan-2022",
                       "| 省级服务对象 (total) | 800 | 800 |", "| 市县干部 | 9200 | 9200 |", "综合协调组", "宣传报道组",
                       "Urgent", "Halted", "Consent", "min_rank", "Priority", "Demand", "洋浦经济开发区 (363 vs 140)"] {
            #expect(readme.contains(phrase), "README lacks \(phrase)")
        }
    }

    @Test func generationIsFast() {
        let start = ContinuousClock.now
        _ = HainanPreset.generate(seed: 7)
        // Debug builds are several times slower than release; this only catches blow-ups.
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    /// Writes scenarios/hainan-2022 (seed 1, scale 1). Run with CADREPLAN_WRITE_SCENARIO=1
    /// until `cadreplan generate` exists.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CADREPLAN_WRITE_SCENARIO"] == "1"))
    func writeHainanScenario() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let generated = HainanPreset.generate(seed: 1, scale: 1)
        try ScenarioWriter.write(generated.scenario, to: root.appendingPathComponent("scenarios/hainan-2022").path, readme: generated.readme)
    }
}
