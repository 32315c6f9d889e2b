import Foundation
import Testing

/// Re-planning with Chinese tables (the default): changes.csv says 取消/调整/新增, and the
/// written plan must still pass the read-back verification.
@Suite("Re-plan in Chinese")
struct ReplanChineseCLITests {
    @Test func replanWithChineseChangesIsWritten() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("first").path
        #expect(try CLI.run(["solve", "scenarios/small", "--out", first]).status == 0)
        // Forbid an assignment of the first plan: the re-plan must drop it, so changes.csv has rows.
        let assignments = try String(contentsOfFile: first + "/pins.csv", encoding: .utf8).split(separator: "\n")
        let taken = assignments[1].split(separator: ",").map(String.init)
        let scenario = dir.appendingPathComponent("s").path
        try FileManager.default.copyItem(atPath: "scenarios/small", toPath: scenario)
        let pairs = try String(contentsOfFile: scenario + "/pairs.csv", encoding: .utf8)
        try (pairs + "\(taken[0]),\(taken[1]),true,,,回避\n").write(toFile: scenario + "/pairs.csv", atomically: true, encoding: .utf8)
        let second = dir.appendingPathComponent("second").path
        let r = try CLI.run(["solve", scenario, "--out", second, "--previous", first])
        #expect(r.status == 0, "\(r.stderr)")
        let changes = try String(contentsOfFile: second + "/changes.csv", encoding: .utf8)
        #expect(changes.contains("\(taken[0]),\(taken[1]),\(taken[2])"))
        #expect(changes.contains("取消") || changes.contains("调整"))
        let verify = try CLI.run(["verify", scenario, second])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }
}
