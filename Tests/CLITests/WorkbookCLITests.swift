import Foundation
import Testing

@Suite("Command line: workbooks and report.html")
struct WorkbookCLITests {
    @Test func solveWritesWorkbooksAndTheReportPage() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan").path
        // Workbooks alone: groups/ and regions/ are made for them.
        let r = try CLI.run(["solve", "scenarios/small", "--out", plan, "--format", "xlsx"])
        #expect(r.status == 0, "\(r.stderr)")
        for f in ["plan.xlsx", "groups/gx.xlsx", "groups/ly.xlsx", "groups/xm.xlsx", "regions/haikou.xlsx", "regions/sanya.xlsx", "regions/danzhou.xlsx", "report.html", "report.md"] {
            let data = FileManager.default.contents(atPath: plan + "/" + f)
            #expect(data != nil, "\(f)")
            if f.hasSuffix(".xlsx") { #expect(data.map { Array($0.prefix(4)) } == [0x50, 0x4B, 0x03, 0x04], "\(f)") }
        }
        #expect(!FileManager.default.fileExists(atPath: plan + "/groups/gx.csv"))
    }

    @Test func compareWritesOnePageForSeveralPlans() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("small").path, b = dir.appendingPathComponent("first").path
        #expect(try CLI.run(["solve", "scenarios/small", "--out", a]).status == 0)
        #expect(try CLI.run(["solve", "scenarios/small-first", "--out", b]).status == 0)
        let r = try CLI.run(["compare", a, b, "--format", "html", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>") && r.stdout.contains("<h1>Plans compared</h1>"))
        #expect(r.stdout.contains("<figcaption>small</figcaption>") && r.stdout.contains("<figcaption>first</figcaption>"))
        let bad = try CLI.run(["compare", a, "--format", "pdf"])
        #expect(bad.status != 0 && bad.stderr.contains("text, md, csv or html"))
    }

    @Test func anUnknownFormatIsRefused() throws {
        let r = try CLI.run(["solve", "scenarios/small", "--format", "xls"])
        #expect(r.status != 0 && r.stderr.contains("csv, md, json, xlsx"))
    }
}
