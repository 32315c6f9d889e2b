import Foundation
import Testing

/// `solve --blocks i/n` in separate processes, then `merge`: the plan folder of a single solve.
@Suite("Shares and merge")
struct ShareCLITests {
    /// Every file under `folder`, relative, sorted (folders left out).
    static func files(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
            .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: folder + "/" + $0, isDirectory: &d) && !d.boolValue }
            .sorted()
    }

    /// Runs the commands at the same time, as separate processes.
    static func runTogether(_ commands: [[String]]) -> [CLI.Output] {
        let results = Box(count: commands.count)
        DispatchQueue.concurrentPerform(iterations: commands.count) { i in
            results.set(i, (try? CLI.run(commands[i])) ?? CLI.Output(status: -1, stdout: "", stderr: "could not start"))
        }
        return results.values
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [CLI.Output?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ o: CLI.Output) { lock.lock(); slots[i] = o; lock.unlock() }
        var values: [CLI.Output] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
    }

    @Test func sharesInSeparateProcessesMergeToTheSinglePlanByteForByte() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let d = dir.path
        // Three provinces at a hundredth: 259 cadres, 22 independent blocks (provincial groups
        // without a reserve at this scale are blocks of their own). One to one keeps it quick.
        let gen = try CLI.run(["generate", "--preset", "national-2022", "--provinces", "hi,nx,qh", "--scale", "0.01", "--out", d + "/s"])
        #expect(gen.status == 0, "\(gen.stderr)")
        let mode = ["--mode", "one-to-one"]
        let single = try CLI.run(["solve", d + "/s", "--out", d + "/single", "--format", "csv,md,json"] + mode)
        #expect(single.status == 0, "\(single.stderr)")
        #expect(single.stdout.contains("22 blocks"))
        let shares = Self.runTogether((1...3).map { ["solve", d + "/s", "--blocks", "\($0)/3", "--out", d + "/parts/"] + mode })
        for (i, r) in shares.enumerated() { #expect(r.status == 0, "share \(i + 1): \(r.stderr)") }
        #expect(Self.files(d + "/parts") == ["part-1-of-3.json", "part-2-of-3.json", "part-3-of-3.json"])
        let merge = try CLI.run(["merge", d + "/parts/part-1-of-3.json", d + "/parts/part-2-of-3.json", d + "/parts/part-3-of-3.json",
                                 "--out", d + "/merged", "--format", "csv,md,json"])
        #expect(merge.status == 0, "\(merge.stderr)")

        let a = Self.files(d + "/single"), b = Self.files(d + "/merged")
        #expect(a == b)
        #expect(a.count > 100)
        for f in a where f != "timings.json" {
            #expect(FileManager.default.contentsEqual(atPath: d + "/single/" + f, andPath: d + "/merged/" + f), "\(f) differs")
        }
        // A folder of parts works as well as the list.
        #expect(try CLI.run(["merge", d + "/parts", "--out", d + "/merged2"]).status == 0)
        #expect(FileManager.default.contentsEqual(atPath: d + "/single/summary.json", andPath: d + "/merged2/summary.json"))

        // Parts that do not belong together are refused, naming the file, and nothing is written.
        let p = (1...3).map { d + "/parts/part-\($0)-of-3.json" }
        func refused(_ parts: [String], _ message: String) throws {
            let out = d + "/refused"
            let r = try CLI.run(["merge"] + parts + ["--out", out])
            #expect(r.status == 2, "\(message): \(r.stdout)")
            #expect(r.stderr.contains(message), "expected “\(message)” in: \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        try refused([p[0], p[1]], "share 3/3 missing: given \(p[0]) (1/3), \(p[1]) (2/3)")
        try refused([p[0], p[1], p[2], p[1]], "\(p[1]): share 2/3 is given twice (also \(p[1]))")
        // A share of another scenario (another seed) and one solved with other options.
        #expect(try CLI.run(["generate", "--preset", "national-2022", "--provinces", "hi,nx,qh", "--scale", "0.01", "--seed", "2", "--out", d + "/other"]).status == 0)
        #expect(try CLI.run(["solve", d + "/other", "--blocks", "3/3", "--out", d + "/foreign.json"] + mode).status == 0)
        try refused([p[0], p[1], d + "/foreign.json"], "\(d)/foreign.json: solved from another scenario")
        #expect(try CLI.run(["solve", d + "/s", "--blocks", "3/3", "--out", d + "/options.json", "--mode", "one-to-one", "--tiers", "coverage,quality,timeliness"]).status == 0)
        try refused([p[0], p[1], d + "/options.json"], "\(d)/options.json: solved with other options (--mode one-to-one --tiers coverage,quality,timeliness) than \(p[0]) (--mode one-to-one)")
        // A damaged part: cut short, or changed after it was written.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: p[2]))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: d + "/cut.json"))
        try refused([p[0], p[1], d + "/cut.json"], "\(d)/cut.json: not a partial plan")
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"share\":{\"count\":3,\"index\":3}", with: "\"share\":{\"count\":3,\"index\":2}")
        #expect(text != String(decoding: bytes, as: UTF8.self))
        try Data(text.utf8).write(to: URL(fileURLWithPath: d + "/edited.json"))
        try refused([p[0], p[1], d + "/edited.json"], "\(d)/edited.json: corrupt partial plan: its checksum does not match")
        // The scenario changed after the shares were solved.
        var targets = try String(contentsOfFile: d + "/s/targets.csv", encoding: .utf8)
        targets = targets.replacingOccurrences(of: "hi-TC-00001,", with: "hi-TC-00001x,")
        try targets.write(toFile: d + "/changed-targets.csv", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: d + "/s", toPath: d + "/s2")
        try FileManager.default.removeItem(atPath: d + "/s2/targets.csv")
        try FileManager.default.moveItem(atPath: d + "/changed-targets.csv", toPath: d + "/s2/targets.csv")
        let changed = try CLI.run(["merge"] + p + ["--scenario", d + "/s2", "--out", d + "/refused"])
        #expect(changed.status == 2 && changed.stderr.contains("\(p[0]): solved from another scenario than the one given"), "\(changed.stderr)")
        // A file that is not a part is never overwritten by a share.
        try "notes".write(toFile: d + "/notes.json", atomically: true, encoding: .utf8)
        let clobber = try CLI.run(["solve", d + "/s", "--blocks", "1/3", "--out", d + "/notes.json"] + mode)
        #expect(clobber.status != 0 && clobber.stderr.contains("exists and is not a partial plan"))
        #expect(try String(contentsOfFile: d + "/notes.json", encoding: .utf8) == "notes")
    }

    @Test func blocksTakesOnlyIOfN() throws {
        for bad in ["0/3", "4/3", "x", "1/0"] {
            let r = try CLI.run(["solve", "scenarios/small", "--blocks", bad])
            #expect(r.status != 0 && r.stderr.contains("--blocks"), "\(bad): \(r.stderr)")
        }
    }
}

/// Re-planning in shares: pins and an earlier plan travel with the parts (by path and digest).
@Suite("Shares when re-planning")
struct ShareReplanCLITests {
    @Test func pinsAndAnEarlierPlanMergeToTheSinglePlanAndAChangedEarlierPlanIsRefused() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let d = dir.path, s = "scenarios/small-first"
        #expect(try CLI.run(["solve", s, "--out", d + "/first"]).status == 0)
        let replan = ["--pins", d + "/first/pins.csv", "--pin-waves", "w1", "--previous", d + "/first", "--tiers", "coverage,principle,timeliness,quality"]
        let single = try CLI.run(["solve", s, "--out", d + "/single"] + replan)
        #expect(single.status == 0, "\(single.stderr)")
        for i in 1...2 { #expect(try CLI.run(["solve", s, "--blocks", "\(i)/2", "--out", d + "/parts/"] + replan).status == 0) }
        let merge = try CLI.run(["merge", d + "/parts", "--out", d + "/merged"])
        #expect(merge.status == 0, "\(merge.stderr)")
        let files = ShareCLITests.files(d + "/single")
        #expect(files.contains("changes.csv") && files == ShareCLITests.files(d + "/merged"))
        for f in files where f != "timings.json" {
            #expect(FileManager.default.contentsEqual(atPath: d + "/single/" + f, andPath: d + "/merged/" + f), "\(f) differs")
        }
        // The earlier plan changes after the shares were solved: the merge would plan against another one.
        var pins = try String(contentsOfFile: d + "/first/pins.csv", encoding: .utf8)
        pins = String(pins.split(separator: "\n").dropLast().joined(separator: "\n")) + "\n"
        try pins.write(toFile: d + "/first/pins.csv", atomically: true, encoding: .utf8)
        let changed = try CLI.run(["merge", d + "/parts", "--out", d + "/refused"])
        #expect(changed.status == 2)
        #expect(changed.stderr.contains("part-1-of-2.json: solved from another scenario") || changed.stderr.contains("solved with another earlier plan"), "\(changed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: d + "/refused"))
    }
}
