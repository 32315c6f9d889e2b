import Foundation
import Testing

/// Parses the CSV that `compare --format csv` prints (no quoted fields in these tests' rows
/// matter: keys and numbers never hold commas) into rows keyed by their `key` column.
private func rowsByKey(_ csv: String) -> (header: [String], rows: [String: [String]]) {
    var lines = csv.split(separator: "\n").map(String.init)
    guard !lines.isEmpty else { return ([], [:]) }  // a failed run: the expectations report it
    let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    var rows: [String: [String]] = [:]
    for line in lines {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        rows[cells[1]] = Array(cells.dropFirst(3))
    }
    return (header, rows)
}

/// `cadreplan compare` run on plans the binary itself wrote.
@Suite("Command line: compare")
struct CLICompareTests {
    /// Solves scenarios/small one to one into `dir/a` and one-to-many:2 into `dir/b`.
    private func solveBoth(in dir: URL) throws -> (a: String, b: String) {
        let a = dir.appendingPathComponent("a").path, b = dir.appendingPathComponent("b").path
        let ra = try CLI.run(["solve", "scenarios/small", "--out", a])
        #expect(ra.status == 0, "\(ra.stderr)")
        let rb = try CLI.run(["solve", "scenarios/small", "--mode", "one-to-many:2", "--out", b])
        #expect(rb.status == 0, "\(rb.stderr)")
        return (a, b)
    }

    @Test func csvHasOneColumnPerPlanAndTheHandDerivedValues() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (a, b) = try solveBoth(in: dir)
        let r = try CLI.run(["compare", a, b, "--format", "csv", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("\u{FEFF}"))  // Excel and WPS need it for the Chinese names
        let (header, rows) = rowsByKey(String(r.stdout.dropFirst()))
        #expect(header == ["section", "key", "name", "a", "b"])
        // scenarios/small/README.md: one-to-one optimum 1018 / 40 / 1574, all 30 cadres on one target each.
        #expect(rows["tier.coverage"] == ["1018", "1008"])  // 1008 one-to-many:2, derived in CompareTests
        #expect(rows["tier.timeliness"]?.first == "40")
        #expect(rows["tier.quality"]?.first == "1574")
        #expect(rows["tier.coverage.status"] == ["optimal", "optimal"])
        #expect(rows["cadres_dispatched"]?.first == "30")
        #expect(rows["pairs"] == ["30", "38"])
        #expect(rows["targets_per_cadre.1"]?.first == "30")
        #expect(rows["targets_per_cadre.mean"]?.first == "1.00")
        // Halted targets: 3 of 5 fully helped in both modes (j01 stays short, k21 refuses).
        #expect(rows["indicator.halted"] == ["0.7500", "0.7500"])
        #expect(rows["indicator.halted.covered"] == ["3", "3"])
        #expect(rows["indicator.halted.targets"] == ["4", "4"])  // k21 declined: counted apart
        // Wave 1 fills its quotas in both modes (urgent targets and the heaviest go first).
        #expect(rows["dispatch.w1.province"] == ["6", "6"])
        #expect(rows["dispatch.w1.province.quota"] == ["6", "6"])
        #expect(rows["dispatch.w1.county"] == ["8", "8"])
        #expect(rows["mode"] == ["one-to-one", "one-to-many:2"])
        #expect(rows["distance.max_km"]?.first == "212")  // 海口–三亚, the longest trip of a provincial cadre
        #expect(rows["model.individual.variables"]?.count == 2)
        #expect(Double(rows["time.solve_s"]?.first ?? "") != nil)
    }

    @Test func markdownAndTextFormats() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (a, b) = try solveBoth(in: dir)

        let md = try CLI.run(["compare", a, b, "--format", "md"])
        #expect(md.status == 0, "\(md.stderr)")
        let mdLines = md.stdout.split(separator: "\n").map(String.init)
        #expect(mdLines.first == "| 比较项 | a | b |")  // Chinese labels by default
        #expect(mdLines.contains("| **目标分层** | | |"))
        #expect(mdLines.contains("| 覆盖（加权缺口） | 1018 | 1008 |"))
        #expect(mdLines.contains { $0.hasPrefix("| 派出干部 | 30 | ") })
        #expect(mdLines.contains("| 停产停工企业和项目帮扶率 | 75.0% (3/4) | 75.0% (3/4) |"))

        let text = try CLI.run(["compare", a, b, "--lang", "en"])
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("figure") == true)
        func figures(_ label: String) -> [String]? {
            lines.first { $0.hasPrefix("  " + label + " ") }.map { $0.dropFirst(2 + label.count).split(separator: " ").map(String.init) }
        }
        #expect(figures("coverage (weighted shortfall)") == ["1018", "1008"])
        #expect(figures("pairs") == ["30", "38"])
    }

    @Test func aMissingFolderIsAnInputError() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a").path
        #expect(try CLI.run(["solve", "scenarios/small", "--out", a]).status == 0)
        let missing = dir.appendingPathComponent("missing").path
        let r = try CLI.run(["compare", a, missing])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(missing): plan folder not found"))
    }

    @Test func aMalformedSummaryIsLocated() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a").path
        #expect(try CLI.run(["solve", "scenarios/small", "--out", a]).status == 0)
        // Two numbers where one is expected: a syntax error on the line of `cadres_dispatched`.
        let path = a + "/summary.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"cadres_dispatched\" : 30,", with: "\"cadres_dispatched\" : 30 30,")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let line = 1 + text.prefix(upTo: text.range(of: "\"cadres_dispatched\"")!.lowerBound).filter { $0 == "\n" }.count
        let r = try CLI.run(["compare", a, "--format", "csv"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(path):\(line):"), "\(r.stderr)")
        #expect(r.stderr.contains("invalid JSON"))
    }

    @Test func badOptionsAreRejected() throws {
        let f = try CLI.run(["compare", "plans/x", "--format", "xlsx"])
        #expect(f.status != 0 && f.stderr.contains("--format"))
        let l = try CLI.run(["compare", "plans/x", "--lang", "fr"])
        #expect(l.status != 0 && l.stderr.contains("--lang"))
        let none = try CLI.run(["compare"])
        #expect(none.status != 0)
    }
}
