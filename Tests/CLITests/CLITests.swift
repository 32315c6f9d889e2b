import Foundation
import Testing

/// Runs the built `cadreplan` binary and inspects what it prints and writes.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary beside the test bundle (SwiftPM puts products in one folder).
    static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("cadreplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("cadreplan")
    }

    struct Output { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String]) throws -> Output {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cadreplan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

@Suite("Command line")
struct CLITests {
    @Test func helpListsTheSubcommands() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        for sub in ["generate", "check", "solve", "verify"] { #expect(r.stdout.contains(sub)) }
    }

    @Test func solveSmallWritesAVerifiedOptimalPlan() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan").path
        let r = try CLI.run(["solve", "scenarios/small", "--out", plan])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("status optimal"))
        for f in ["assignments.csv", "coverage.csv", "summary.json", "report.md", "pins.csv", "waves/w1.csv", "groups/gx.csv", "regions/haikou.csv"] {
            #expect(FileManager.default.fileExists(atPath: plan + "/" + f), "\(f)")
        }
        // Tier values derived by hand in scenarios/small/README.md.
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan + "/summary.json"))) as! [String: Any]
        let tiers = (summary["tiers"] as! [[String: Any]]).map { ($0["name"] as! String, $0["value"] as! Int) }
        #expect(tiers.map(\.0) == ["coverage", "timeliness", "quality"])
        #expect(tiers.map(\.1) == [1018, 40, 1574])
        let v = try CLI.run(["verify", "scenarios/small", plan])
        #expect(v.status == 0, "\(v.stderr)")
        // Excel needs the BOM to read Chinese headers.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: plan + "/assignments.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        // Names beside the ids: the group's and the region's (docs/DATA.md).
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("批次,日期,服务组编号,服务组,干部编号,干部姓名,职级,单位,服务对象编号,服务对象名称,类别,层级,地区编号,地区,距离公里\n"))
    }

    @Test func sameInputGivesByteIdenticalPlans() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a").path, b = dir.appendingPathComponent("b").path
        // Workbooks and report.html too: their timestamps are fixed (docs/DECISIONS.md).
        #expect(try CLI.run(["solve", "scenarios/small", "--out", a, "--format", "csv,md,json,xlsx"]).status == 0)
        #expect(try CLI.run(["solve", "scenarios/small", "--out", b, "--format", "csv,md,json,xlsx"]).status == 0)
        let files = FileManager.default.enumerator(atPath: a)!.compactMap { $0 as? String }.filter { $0.contains(".") && $0 != "timings.json" }.sorted()
        #expect(files.count > 10)
        #expect(files.contains("plan.xlsx") && files.contains("groups/gx.xlsx") && files.contains("regions/haikou.xlsx") && files.contains("report.html"))
        for f in files {
            #expect(FileManager.default.contentsEqual(atPath: a + "/" + f, andPath: b + "/" + f), "\(f) differs")
        }
    }

    @Test func verifyRejectsATamperedPlan() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan").path
        #expect(try CLI.run(["solve", "scenarios/small", "--out", plan, "--lang", "en"]).status == 0)
        // p11 serving j01 is the forbidden pair of the scenario.
        let path = plan + "/assignments.csv"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "w1,2022-09-16,xm,项目组,p11,徐强,division,省发展和改革委员会,j01,儋州某石化项目,省重点项目,province,danzhou,儋州,87\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let v = try CLI.run(["verify", "scenarios/small", plan])
        #expect(v.status == 3)
        #expect(v.stderr.contains("p11") && v.stderr.contains("j01"))
    }

    @Test func checkReportsEveryErrorWithItsPlace() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = dir.appendingPathComponent("bad").path
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("scenarios/small").path, toPath: s)
        var cadres = try String(contentsOfFile: s + "/cadres.csv", encoding: .utf8)
        cadres = cadres.replacingOccurrences(of: "p02,李明,province,division", with: "p02,李明,province,colonel")
        try cadres.write(toFile: s + "/cadres.csv", atomically: true, encoding: .utf8)
        var targets = try String(contentsOfFile: s + "/targets.csv", encoding: .utf8)
        targets = targets.replacingOccurrences(of: "e02,三亚某食品有限公司,enterprise,规模以上工业企业,province,sanya,4", with: "e02,三亚某食品有限公司,enterprise,规模以上工业企业,province,sanya,9")
        try targets.write(toFile: s + "/targets.csv", atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", s])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cadres.csv:3:4"))
        #expect(r.stderr.contains("targets.csv:3:7"))
        let solve = try CLI.run(["solve", s, "--out", dir.appendingPathComponent("p").path])
        #expect(solve.status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("p").path))
    }

    /// Issue 11, findings 9 and 10: `check` finds the pins `solve` would refuse (here: seven
    /// provincial pins in w1, whose quota is 6), at the pin's line, and reads pins under the mode
    /// given on its command line.
    @Test func checkFindsPinsThatSolveWouldRefuse() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = dir.appendingPathComponent("pinned").path
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("scenarios/small").path, toPath: s)
        let pins = ["p01,e01", "p02,e02", "p03,e03", "p04,e04", "p05,e05", "p06,e07", "p07,e08"].map { $0 + ",w1" }
        try ("cadre,target,wave\n" + pins.joined(separator: "\n") + "\n").write(toFile: s + "/pins.csv", atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", s])
        #expect(r.status == 2)
        #expect(r.stderr.contains("pins.csv:8:3"), "\(r.stderr)")
        #expect(r.stderr.contains("province-level quota of wave w1"))
        let solve = try CLI.run(["solve", s, "--out", dir.appendingPathComponent("p").path])
        #expect(solve.status == 4)
        #expect(solve.stderr.contains("pins.csv:8:3"))

        // Two targets pinned to one cadre: refused one to one, accepted under --mode one-to-many:2.
        try "cadre,target,wave\nc02,k03,w1\nc02,k04,w1\n".write(toFile: s + "/pins.csv", atomically: true, encoding: .utf8)
        let strict = try CLI.run(["check", s])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("pins.csv:3:1"), "\(strict.stderr)")
        let many = try CLI.run(["check", s, "--mode", "one-to-many:2"])
        #expect(many.status == 0, "\(many.stderr)")
    }

    @Test func solveRefusesToOverwriteAFolderThatIsNotAPlan() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "precious".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["solve", "scenarios/small", "--out", dir.path])
        #expect(r.status != 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("notes.txt"), encoding: .utf8) == "precious")
    }

    @Test func badOptionsAreRejectedBeforeSolving() throws {
        let r = try CLI.run(["solve", "scenarios/small", "--mode", "one-to-many:0"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--mode"))
        let t = try CLI.run(["solve", "scenarios/small", "--time-limit", "nan"])
        #expect(t.status != 0)
    }
}

@Suite("Progress")
struct ProgressTests {
    /// A solve longer than a second reports phase, tier, incumbent, bound and gap on stderr
    /// when asked, as whole lines since stderr is not a terminal here; and nothing unasked.
    @Test func progressLinesOnRequestOnly() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let asked = try CLI.run(["solve", "scenarios/hainan-2022", "--out", dir.appendingPathComponent("a").path, "--progress"])
        #expect(asked.status == 0, "\(asked.stderr)")
        let lines = asked.stderr.split(separator: "\n").filter { $0.contains("tier") }
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.contains("incumbent") && $0.contains("bound") && $0.contains("gap") })
        #expect(!asked.stderr.contains("\u{1B}["))
        let quiet = try CLI.run(["solve", "scenarios/hainan-2022", "--out", dir.appendingPathComponent("b").path])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
    }
}

/// `--lagrangian`: the Lagrangian pruning on and off reach the same, hand-computed optimum.
@Suite("Command line: Lagrangian pruning")
struct LagrangianCLITests {
    /// Two agents, six jobs of weight 2: A (capacity 5) fits two at costs 1, 1, 2, 2, 9, 9; B
    /// (capacity 12) takes any at cost 4. By hand: A takes the two jobs of cost 1, B the other
    /// four, 2 + 16 = 18 (the LP gives 17: A takes half a third job).
    static let file = "1\n2 6\n1 1 2 2 9 9\n4 4 4 4 4 4\n2 2 2 2 2 2\n2 2 2 2 2 2\n5 12\n"

    @Test("on and off: quality 18, optimal; an unknown value is refused", arguments: ["on", "off", "auto"])
    func sameOptimum(setting: String) throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let gap = dir.appendingPathComponent("gapx.txt").path
        try Self.file.write(toFile: gap, atomically: true, encoding: .utf8)
        let scenario = dir.appendingPathComponent("s").path
        let imported = try CLI.run(["import", "orlib-gap", gap, "--problem", "1", "--sense", "min", "--out", scenario])
        #expect(imported.status == 0, "\(imported.stderr)")
        let r = try CLI.run(["solve", scenario, "--out", dir.appendingPathComponent("plan").path, "--lang", "en",
                             "--lagrangian", setting])
        #expect(r.status == 0, "\(r.stderr)")
        let quality = r.stdout.split(separator: "\n").first { $0.hasPrefix("quality") }.map(String.init) ?? ""
        #expect(quality.split(separator: " ").prefix(2) == ["quality", "18"], "\(r.stdout)")
        #expect(quality.hasSuffix("optimal"), "\(quality)")
    }

    @Test("an unknown value names the option and what it accepts")
    func refused() throws {
        let r = try CLI.run(["solve", "scenarios/small", "--lagrangian", "sometimes"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--lagrangian") && r.stderr.contains("sometimes"), "\(r.stderr)")
    }
}
