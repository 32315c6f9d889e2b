import Foundation
import Testing

/// `cadreplan explain` as a user runs it (the `CLI` helper of CLITests.swift).
@Suite("Command line: explain")
struct ExplainCLITests {
    /// scenarios/small (README.md): 12 targets short, j01 among them; e10 and k21 decline service
    /// and count apart, so after the check the coverage tier is 0.
    @Test func explainsSmallInChineseByDefault() throws {
        let r = try CLI.run(["explain", "scenarios/small"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("未足额服务的对象 12 个"))
        #expect(r.stdout.contains("j01") && r.stdout.contains("== 建议 =="))
        #expect(r.stdout.contains("覆盖层 1018 → 0"))
        #expect(!r.stdout.contains("未通过"))
    }

    @Test func markdownInEnglishAndJSON() throws {
        let md = try CLI.run(["explain", "scenarios/small", "--lang", "en", "--format", "md"])
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.hasPrefix("# Shortages explained: small"))
        #expect(md.stdout.contains("## Recommendations") && md.stdout.contains("## Wave quotas"))
        let json = try CLI.run(["explain", "scenarios/small", "--format", "json", "--no-check"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect((object["shortages"] as! [Any]).count == 12)
        #expect(object["coverage"] as? Int == 1018)
        #expect(object["check"] == nil)
    }

    /// With a plan folder, the plan is verified and explained as it is.
    @Test func explainsAGivenPlan() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan").path
        #expect(try CLI.run(["solve", "scenarios/small", "--out", plan]).status == 0)
        let r = try CLI.run(["explain", "scenarios/small", plan, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("given plan, coverage tier 1018"))
        // p11 serving j01 is the forbidden pair: a plan that breaks a rule is not explained.
        let path = plan + "/assignments.csv"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "w1,2022-09-16,xm,p11,徐强,处,省发展和改革委员会,j01,儋州某石化项目,省重点项目,danzhou,87\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["explain", "scenarios/small", plan]).status == 3)
    }

    @Test func badScenarioExitsTwo() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = dir.appendingPathComponent("bad").path
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("scenarios/small").path, toPath: s)
        var cadres = try String(contentsOfFile: s + "/cadres.csv", encoding: .utf8)
        cadres = cadres.replacingOccurrences(of: "p02,李明,province,division", with: "p02,李明,province,colonel")
        try cadres.write(toFile: s + "/cadres.csv", atomically: true, encoding: .utf8)
        let r = try CLI.run(["explain", s])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cadres.csv:3:4"))
        #expect(try CLI.run(["explain", "scenarios/small", "--format", "pdf"]).status != 0)
    }
}
