import Foundation
import Testing

/// Every file under `folder` (relative path → bytes), hidden files included, timings.json left
/// out (its wall times differ from run to run; its presence is checked by the callers).
private func contents(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    for case let path as String in FileManager.default.enumerator(atPath: folder) ?? NSEnumerator() {
        var isFolder: ObjCBool = false
        guard path != "timings.json", FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder),
              !isFolder.boolValue else { continue }
        files[path] = FileManager.default.contents(atPath: folder + "/" + path)
    }
    return files
}

/// Runs `cadreplan` with extra environment variables; `killed` tells a SIGKILL apart from an exit.
private func run(_ args: [String], environment extra: [String: String]) throws -> (status: Int32, killed: Bool, stderr: String) {
    let p = Process()
    p.executableURL = CLI.binary
    p.arguments = args
    p.currentDirectoryURL = CLI.root
    p.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
    let err = Pipe()
    p.standardOutput = FileHandle.nullDevice
    p.standardError = err
    try p.run()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, p.terminationReason == .uncaughtSignal, String(decoding: e, as: UTF8.self))
}

/// Whether this machine lets a test mount a private tmpfs (`unshare -m`, as root): needed to make a
/// real read-only or full disk. Elsewhere those two tests are skipped; the seam tests
/// (AtomicFolderTests, PlanWriterTests) cover the same paths in-process.
private let canMountPrivateTmpfs: Bool = {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    p.arguments = ["-m", "sh", "-c", "mount -t tmpfs -o size=160k tmpfs /mnt"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return false }
    p.waitUntilExit()
    return p.terminationStatus == 0
}()

/// Issue 11 end to end: plan folders replaced atomically, exit 5 with one-line messages for
/// output errors, stale staging removed, the verifier missing nothing, imports `check` accepts.
@Suite("Command line: reliability")
struct ReliabilityCLITests {
    @Test("help lists every exit code, 5 for output errors among them")
    func exitCodesDocumented() throws {
        let r = try CLI.run(["--help"])
        for text in ["0 success", "2 input errors", "3 verification failure", "4 no plan", "5 output error", "64 usage error"] {
            #expect(r.stdout.replacingOccurrences(of: "\n", with: " ").contains(text), "\(text)")
        }
    }

    /// Finding 2: a folder holding summary.json and thesis.tex was replaced with exit 0.
    @Test("solve refuses a folder that is not a cadreplan plan, keeps it whole, exits 5 in one line")
    func foreignFolderKept() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("thesis").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "{}".write(toFile: folder + "/summary.json", atomically: true, encoding: .utf8)
        try "\\documentclass{article}".write(toFile: folder + "/thesis.tex", atomically: true, encoding: .utf8)
        let r = try CLI.run(["solve", "scenarios/small", "--out", folder])
        #expect(r.status == 5)
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.hasPrefix(folder + ": "), "\(r.stderr)")
        #expect(contents(folder).keys.sorted() == ["summary.json", "thesis.tex"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["thesis"])
    }

    /// Finding 3: a parent that is a file exited 1 with a Foundation error dump.
    @Test("a parent that is a file: exit 5, one line, no Foundation dump")
    func parentIsAFile() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "x".write(to: dir.appendingPathComponent("file"), atomically: true, encoding: .utf8)
        for args in [["solve", "scenarios/small", "--out", dir.path + "/file/plan"],
                     ["generate", "--scale", "0.01", "--out", dir.path + "/file/scenario"]] {
            let r = try CLI.run(args)
            #expect(r.status == 5, "\(args): \(r.stderr)")
            #expect(r.stderr == "\(dir.path)/file: cannot create the folder: 路径中有一项是文件而不是文件夹 / a part of the path is a file, not a folder\n")
        }
    }

    /// Finding 3 on real file systems: a read-only disk and a full disk, in a private tmpfs.
    @Test("a read-only and a full disk: exit 5, one line, the old plan intact and valid",
          .enabled(if: canMountPrivateTmpfs, "needs `unshare -m` and mount (root); the seam tests cover the same paths"))
    func readOnlyAndFullDisk() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mount = dir.appendingPathComponent("disk").path
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        let bin = CLI.binary.path
        // 160 KiB hold one plan of scenarios/small (about 100 KiB in pages) and not a second; then the disk is made read-only.
        let script = """
            set -u
            mount -t tmpfs -o size=160k tmpfs '\(mount)' || exit 99
            '\(bin)' solve scenarios/small --out '\(mount)/plan' >/dev/null || exit 98
            '\(bin)' solve scenarios/small --out '\(mount)/plan' --lang en >/dev/null 2>'\(dir.path)/full.err'; echo "full $?"
            '\(bin)' verify scenarios/small '\(mount)/plan' >/dev/null; echo "verify $?"
            ls -A '\(mount)' | tr '\\n' ' '; echo
            mount -o remount,ro '\(mount)' || exit 97
            '\(bin)' solve scenarios/small --out '\(mount)/plan' --lang en >/dev/null 2>'\(dir.path)/ro.err'; echo "readonly $?"
            '\(bin)' verify scenarios/small '\(mount)/plan' >/dev/null; echo "verify $?"
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        p.arguments = ["-m", "sh", "-c", script]
        p.currentDirectoryURL = CLI.root
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(text == "full 5\nverify 0\nplan \nreadonly 5\nverify 0\n", "\(text)")
        let full = try String(contentsOfFile: dir.path + "/full.err", encoding: .utf8)
        #expect(full.split(separator: "\n").count == 1 && full.hasPrefix(mount + "/plan") && full.contains("the disk is full"), "\(full)")
        let ro = try String(contentsOfFile: dir.path + "/ro.err", encoding: .utf8)
        #expect(ro.split(separator: "\n").count == 1 && ro.hasPrefix(mount) && ro.contains("read-only"), "\(ro)")
        #expect(!full.contains("Domain") && !ro.contains("Domain"))
    }

    /// Finding 4: staging folders of killed runs were never removed.
    @Test("the next solve removes the staging folder a killed run left")
    func staleStagingRemoved() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan").path
        #expect(try CLI.run(["solve", "scenarios/small", "--out", plan]).status == 0)
        // Kill a run in the middle of writing its staging folder (the 20th file-system step).
        let killed = try run(["solve", "scenarios/small", "--out", plan, "--lang", "en"], environment: ["CADREPLAN_TEST_FAULT": "kill:20"])
        #expect(killed.killed)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".plan.tmp-") }
        #expect(left.count == 1)
        #expect(try CLI.run(["solve", "scenarios/small", "--out", plan]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["plan"])
    }

    /// Finding 1 and the fault-injection test of issue 11: the writer is killed (SIGKILL) before
    /// each of its file-system steps in turn, and fails each rename with EIO; afterwards the
    /// folder holds the whole old plan or the whole new one, and it verifies.
    @Test("killed at every step or failing at every rename, the plan folder is whole and valid")
    func faultInjection() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan").path
        let newRef = dir.appendingPathComponent("new").path
        #expect(try CLI.run(["solve", "scenarios/small", "--out", plan]).status == 0)
        #expect(try CLI.run(["solve", "scenarios/small", "--out", newRef, "--lang", "en"]).status == 0)
        let old = contents(plan), new = contents(newRef)
        #expect(old != new && old.count == new.count)

        // The steps of one replacement.
        let log = try run(["solve", "scenarios/small", "--out", plan], environment: ["CADREPLAN_TEST_FAULT": "log"])
        let steps = log.stderr.split(separator: "\n").filter { $0.hasPrefix("fault-step ") }
        #expect(steps.count > 50 && log.status == 0)
        let renames = steps.enumerated().filter { $0.element.contains(": rename ") || $0.element.contains(": exchange ") }.map { $0.offset + 1 }
        #expect(!renames.isEmpty)

        var afterOld = 0, afterNew = 0
        for k in 1...steps.count {
            let r = try run(["solve", "scenarios/small", "--out", plan, "--lang", "en"], environment: ["CADREPLAN_TEST_FAULT": "kill:\(k)"])
            #expect(r.killed, "step \(k) was not reached")
            let now = contents(plan)
            #expect(now == old || now == new, "killed before step \(k) (\(steps[k - 1])): the folder is neither plan")
            #expect(FileManager.default.fileExists(atPath: plan + "/timings.json"))
            if now == old { afterOld += 1 } else { afterNew += 1 }
            if k % 7 == 0 || now == new {
                #expect(try CLI.run(["verify", "scenarios/small", plan]).status == 0, "step \(k)")
            }
            // Back to the old plan for the next kill (this run also clears what the kill left).
            #expect(try CLI.run(["solve", "scenarios/small", "--out", plan]).status == 0)
            #expect(contents(plan) == old)
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            #expect(names == ["new", "plan"], "after the kill before step \(k) and one more run: \(names)")
        }
        #expect(afterOld > 0 && afterNew > 0)
        for k in renames {
            let r = try run(["solve", "scenarios/small", "--out", plan, "--lang", "en"], environment: ["CADREPLAN_TEST_FAULT": "fail:\(k):5"])
            #expect(r.status == 5 && r.stderr.contains("input/output error"), "rename step \(k): \(r.stderr)")
            #expect(contents(plan) == old, "rename step \(k)")
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            #expect(names == ["new", "plan"], "rename step \(k): \(names)")
        }
    }

    /// Finding 5 end to end: each of these plans was accepted by verify.
    @Test("verify refuses a wrong date, a falsified distance, a missing summary and a renamed tier")
    func verifierMissesNothing() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan").path
        #expect(try CLI.run(["solve", "scenarios/small", "--out", plan, "--lang", "en"]).status == 0)
        let assignments = try String(contentsOfFile: plan + "/assignments.csv", encoding: .utf8)
        let summary = try String(contentsOfFile: plan + "/summary.json", encoding: .utf8)
        func tampered(_ file: String, _ text: String, expect status: Int32, _ code: String) throws {
            try text.write(toFile: plan + "/" + file, atomically: true, encoding: .utf8)
            let r = try CLI.run(["verify", "scenarios/small", plan])
            #expect(r.status == status && r.stderr.contains(code), "\(code): \(r.stderr)")
            #expect(!r.stdout.contains("claimed tier values match"))
            try assignments.write(toFile: plan + "/assignments.csv", atomically: true, encoding: .utf8)
            try summary.write(toFile: plan + "/summary.json", atomically: true, encoding: .utf8)
        }
        // Every wave-1 row gets wave 2's date.
        try tampered("assignments.csv", assignments.replacingOccurrences(of: "w1,2022-09-16", with: "w1,2022-09-26"), expect: 3, "wrong-date")
        // The last cell of the first data row is its distance: add a digit.
        var lines = assignments.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[1] += "7"
        try tampered("assignments.csv", lines.joined(separator: "\n"), expect: 3, "wrong-distance-km")
        try tampered("summary.json", summary.replacingOccurrences(of: "\"coverage\"", with: "\"cover\""), expect: 3, "tier-unknown")
        try FileManager.default.removeItem(atPath: plan + "/summary.json")
        let r = try CLI.run(["verify", "scenarios/small", plan])
        #expect(r.status == 2 && r.stderr.contains("summary.json: file not found") && !r.stdout.contains("match"), "\(r.stderr)")
    }

    /// The tamper table of docs/RELIABILITY.md, for assignments.csv: one cell of the first row
    /// of a written plan changed at a time, every column in turn, and each is caught.
    @Test("every column of assignments.csv, tampered in a written plan, is caught", arguments: [
        (0, "w9", "unknown-wave"), (1, "2022-09-26", "wrong-date"), (2, "zz", "wrong-group-id"), (3, "x", "wrong-group-name"),
        (4, "zz", "unknown-cadre"), (5, "x", "wrong-cadre-name"), (6, "?", "wrong-rank"), (7, "x", "wrong-unit"),
        (8, "zz", "unknown-target"), (9, "x", "wrong-target-name"), (10, "x", "wrong-category"), (11, "zz", "wrong-level"),
        (12, "zz", "wrong-region-id"), (13, "x", "wrong-region-name"), (14, "7", "wrong-distance-km"),
    ])
    func everyColumnCaught(_ column: Int, _ edit: String, _ code: String) throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan").path
        #expect(try CLI.run(["solve", "scenarios/small", "--out", plan, "--lang", "en"]).status == 0)
        let path = plan + "/assignments.csv"
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(cells.count == 15 && cells[0] == "w1")
        switch column {
        case 6: cells[6] = cells[6] == "bureau" ? "section" : "bureau"            // another rank
        case 3, 5, 7, 9, 10, 13, 14: cells[column] += edit                     // text changed, distance ×10 + 7
        default: cells[column] = edit
        }
        lines[1] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["verify", "scenarios/small", plan])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").contains { $0.hasPrefix(code + ":") }, "\(code): \(r.stderr)")
    }

    /// Finding 6: `import orlib-gap` wrote capacities above 10,000 that `check` refuses.
    @Test("import refuses what check would refuse, and writes nothing")
    func importWritesOnlyCheckableScenarios() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("gap1.txt").path
        try "1\n2 3\n6 9 4\n7 3 8\n2 3 2\n3 2 4\n4 20000\n".write(toFile: file, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("imported").path
        let r = try CLI.run(["import", "orlib-gap", file, "--problem", "1", "--out", out])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("\(file):7:3:") && r.stderr.contains("found '20000'"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        // Within the limit, what import writes, check accepts.
        try "1\n2 3\n6 9 4\n7 3 8\n2 3 2\n3 2 4\n4 10000\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", "orlib-gap", file, "--problem", "1", "--out", out]).status == 0)
        #expect(try CLI.run(["check", out]).status == 0)
    }

    /// Finding 7: a quoted cell with a line break split one error over two lines.
    @Test("check reports a line break inside an id on one line, at its place")
    func lineBreakInID() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = dir.appendingPathComponent("s").path
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("scenarios/small").path, toPath: s)
        let cadres = try String(contentsOfFile: s + "/cadres.csv", encoding: .utf8)
        try cadres.replacingOccurrences(of: "\np02,", with: "\n\"p0\n2\",").write(toFile: s + "/cadres.csv", atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", s])
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.first?.hasPrefix("\(s)/cadres.csv:3:1: id: ") == true && lines.first?.contains("'p0\\n2'") == true, "\(r.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix(s) || $0.contains(" error") }, "\(r.stderr)")
    }
}
