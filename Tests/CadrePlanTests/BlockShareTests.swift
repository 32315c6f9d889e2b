import Foundation
import GLPKSolver
import Scenario
import Testing

@testable import CadrePlan

/// Shares of the independent blocks (`solve --blocks i/n`), partial plans and their merge.
@Suite struct BlockShareTests {
    @Test func sharesParseOnlyWhenOneToN() {
        #expect(BlockShare(text: "2/8") == BlockShare(index: 2, count: 8))
        #expect(BlockShare(text: " 1 / 1 ")?.description == "1/1")
        for bad in ["0/3", "4/3", "1/0", "-1/2", "1", "1/2/3", "a/b", "", "/", "1/100001"] {
            #expect(BlockShare(text: bad) == nil, "\(bad)")
        }
    }

    /// Longest block first, each to the lightest share: worked by hand for sizes 7, 5, 4, 3, 3, 2.
    @Test func splitIsLongestFirstToTheLightestShare() {
        // 7 → s0 (7); 5 → s1 (5); 4 → s1 (9); 3 (block 3) → s0 (10); 3 (block 4) → s1 (12); 2 → s0 (12).
        #expect(BlockShare.assignment(sizes: [7, 5, 4, 3, 3, 2], count: 2) == [0, 1, 1, 0, 1, 0])
        // Ties between equal blocks go to the lower block first; between equal shares to the lower share.
        #expect(BlockShare.assignment(sizes: [1, 1, 1], count: 3) == [0, 1, 2])
        #expect(BlockShare.assignment(sizes: [5], count: 3) == [0])
        #expect(BlockShare(index: 3, count: 3)!.blocks(sizes: [5]) == [])
        #expect(BlockShare(index: 2, count: 2)!.blocks(sizes: [7, 5, 4, 3, 3, 2]) == [1, 2, 4])
    }

    @Test func everyBlockInExactlyOneShare() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<50 {
            let sizes = (0..<(1 + random.next(below: 40))).map { _ in 1 + random.next(below: 1000) }
            let n = 1 + random.next(below: 9)
            let union = (1...n).flatMap { BlockShare(index: $0, count: n)!.blocks(sizes: sizes) }
            #expect(union.sorted() == Array(sizes.indices))
            // Greedy bound: no share exceeds the average by more than the largest block.
            let share = BlockShare.assignment(sizes: sizes, count: n)
            let loads = (0..<n).map { s in sizes.indices.filter { share[$0] == s }.map { sizes[$0] }.reduce(0, +) }
            #expect(loads.max()! <= sizes.reduce(0, +) / n + sizes.max()!)
        }
    }

    /// FIPS 180-4 example vectors.
    @Test func sha256MatchesThePublishedVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var h = SHA256()
        for _ in 0..<1000 { h.update(String(repeating: "a", count: 1000)) }
        #expect(h.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func digestIgnoresHowTheScenarioWasWrittenButNotWhatItSays() throws {
        let s = Self.threeRegions()
        let digest = ScenarioDigest.of(s)
        #expect(ScenarioDigest.of(s) == digest)
        var pinned = s
        pinned.pins = [Pin(cadre: "a1", target: "ta1", wave: "w1")]
        #expect(ScenarioDigest.of(pinned) != digest)
        var renamed = s
        renamed.targets[0].name = "other"
        #expect(ScenarioDigest.of(renamed) != digest)
        // Read back from a folder (different bytes on the way in, same scenario): same digest.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cadreplan-digest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try ScenarioWriter.write(s, to: dir.path)
        #expect(ScenarioDigest.of(try ScenarioLoader.load(folder: dir.path)) == digest)
    }

    /// Three regions, county cadres only, no level quota: three independent blocks, each with a
    /// shortage so that every tier has something to decide.
    static func threeRegions() -> Scenario {
        var b = Build()
        b.mode = .oneToOneFirst(maxTargets: 2)
        b.regions = ["a", "b", "c"].enumerated().map { i, r in Region(id: r, name: r.uppercased(), latitude: 20 + Double(i), longitude: 110) }
        for (r, (cadres, targets)) in zip(["a", "b", "c"], [(3, 5), (2, 2), (4, 3)]) {
            for k in 1...cadres { b.cadre("\(r)\(k)", rank: k == 1 ? .division : .section, region: r, skills: k % 2 == 0 ? ["c"] : [], earliest: k == cadres ? "w2" : nil) }
            for k in 1...targets { b.target("t\(r)\(k)", region: r, priority: 1 + k % 5, urgent: k == 1, demand: k == 2 ? 2 : 1) }
        }
        return b.scenario
    }

    static func options() -> PlannerOptions {
        var o = PlannerOptions()
        o.parallel = false
        return o
    }

    /// Solves every share of `s` and merges them, as the command line does through files.
    static func merged(_ s: Scenario, count: Int) throws -> Plan {
        let planner = Planner(solver: GLPKSolver())
        var parts: [(path: String, part: PartialPlan)] = []
        for i in 1...count {
            let share = try planner.solve(s, share: BlockShare(index: i, count: count)!, options: options())
            let part = PartialPlan(scenario: .init(name: s.name, folder: "/x", digest: ScenarioDigest.of(s)),
                                   options: .init(), solution: share, seconds: share.seconds)
            // Through the file format, so that encoding and the checksum are part of the test.
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cadreplan-part-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: dir) }
            try part.encoded().write(to: dir)
            parts.append(("part\(i)", try PartialPlan.read(path: dir.path)))
        }
        return try Planner.merge(parts, scenario: s, options: options())
    }

    @Test(arguments: [1, 2, 3, 5])
    func mergedSharesRebuildTheSinglePlan(count: Int) throws {
        let s = Self.threeRegions()
        let single = try solve(s)
        #expect(single.statistics.blocks == 3)
        let merged = try Self.merged(s, count: count)
        #expect(merged.pairs == single.pairs)
        // Tier outcomes without their seconds (timings differ from run to run).
        func facts(_ p: Plan) -> [String] { p.tiers.map { "\($0.name) \($0.value) \($0.bound ?? -1) \($0.status) \($0.gap ?? -1)" } }
        #expect(facts(merged) == facts(single))
        var a = merged.statistics, b = single.statistics
        a.seconds = [:]; b.seconds = [:]; a.threads = 1; b.threads = 1
        #expect(a == b)
        // By hand (M = 2, weights = priorities): a's 3 cadres meet its demand of 6 only with 2 targets
        // each (principle 3), b's 2 cadres its 3 (principle 1), c's 4 its 4: coverage 0, 13 pairs.
        // The late cadres go in w2 to the cheapest targets they must take: a3 to ta5 and ta2 (1 + 3),
        // b2 to tb2 (3), c4 (needed for principle 0 in c) to tc2 (3): timeliness 10.
        #expect(single.pairs.count == 13)
        #expect([single.tier("coverage"), single.tier("principle"), single.tier("timeliness")] as [Int] == [0, 4, 10])
    }

    @Test func partsThatDoNotBelongTogetherAreRefused() throws {
        let s = Self.threeRegions()
        let planner = Planner(solver: GLPKSolver())
        func part(_ i: Int, _ n: Int, scenario: Scenario? = nil, options: PartialPlan.ModelIdentity = .init()) throws -> PartialPlan {
            let sc = scenario ?? s
            let share = try planner.solve(sc, share: BlockShare(index: i, count: n)!, options: Self.options())
            return PartialPlan(scenario: .init(name: sc.name, folder: "/x", digest: ScenarioDigest.of(sc)), options: options, solution: share, seconds: [:])
        }
        let (p1, p2, p3) = (try part(1, 3), try part(2, 3), try part(3, 3))
        func refusal(_ parts: [(String, PartialPlan)], scenario: Scenario? = nil) -> String {
            do {
                _ = try Planner.merge(parts.map { (path: $0.0, part: $0.1) }, scenario: scenario ?? s, options: Self.options())
                return "merged"
            } catch { return error.description }
        }
        #expect(refusal([("a", p1), ("b", p2)]).hasPrefix("share 3/3 missing: given a (1/3), b (2/3)"))
        #expect(refusal([("a", p1), ("b", p2), ("c", p2)]) == "c: share 2/3 is given twice (also b)")
        #expect(refusal([("a", p1), ("b", p2), ("c", try part(1, 2))]).hasPrefix("c: share 1/2 belongs to a split into 2"))
        var other = s
        other.targets[0].priority = 5
        #expect(refusal([("a", p1), ("b", p2), ("c", try part(3, 3, scenario: other))]).hasPrefix("c: solved from another scenario"))
        #expect(refusal([("a", p1), ("b", p2), ("c", try part(3, 3, options: .init(mode: "one-to-one")))])
                .hasPrefix("c: solved with other options (--mode one-to-one) than a (the scenario's mode)"))
        #expect(refusal([("a", p1), ("b", p2), ("c", p3)], scenario: other).hasPrefix("a: solved from another scenario than the one given"))
        // Values that break the block's model are refused even with a consistent identity.
        var bad = p3
        bad.blocks[0].values[0] += 1
        #expect(refusal([("a", p1), ("b", p2), ("c", bad)]).hasPrefix("c: block "))
        #expect(refusal([("a", p1), ("b", p2), ("c", p3)]) == "merged")
    }

    @Test func aPartThatWasEditedOrCutIsCorrupt() throws {
        let s = Self.threeRegions()
        let share = try Planner(solver: GLPKSolver()).solve(s, share: BlockShare(index: 1, count: 1)!, options: Self.options())
        let part = PartialPlan(scenario: .init(name: s.name, folder: "/x", digest: ScenarioDigest.of(s)), options: .init(), solution: share, seconds: [:])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cadreplan-parts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try part.encoded()
        let good = dir.appendingPathComponent("good.json").path
        try data.write(to: URL(fileURLWithPath: good))
        #expect(try PartialPlan.read(path: good) == { var p = part; p.checksum = (try? PartialPlan.read(path: good).checksum) ?? ""; return p }())
        func message(_ bytes: Data) -> String {
            let path = dir.appendingPathComponent("bad.json").path
            try? bytes.write(to: URL(fileURLWithPath: path))
            do { _ = try PartialPlan.read(path: path); return "read" } catch { return error.description }
        }
        let text = String(decoding: data, as: UTF8.self)
        let edited = text.replacingOccurrences(of: "\"share\":{\"count\":1,\"index\":1}", with: "\"share\":{\"count\":2,\"index\":1}")
        #expect(edited != text)
        #expect(message(Data(edited.utf8)).hasSuffix("its checksum does not match its content (edited or damaged after it was written)"))
        #expect(message(data.prefix(data.count / 2)).hasSuffix("not a partial plan of `cadreplan solve --blocks` (or a truncated one)"))
        #expect(message(Data("{\"a\": 1}".utf8)).contains("not a partial plan"))
        #expect(message(Data(text.replacingOccurrences(of: "\"version\":1", with: "\"version\":9").utf8)).contains("version 9, this cadreplan reads version 1"))
        #expect(PartialPlan.looksLikePartialPlan(path: good))
        do { _ = try PartialPlan.read(path: dir.appendingPathComponent("none.json").path); Issue.record("read a missing file") } catch {
            #expect(error.description.hasSuffix("none.json: cannot be read (no such file, or not readable)"))
        }
    }
}
