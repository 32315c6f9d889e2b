import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Scenario

/// Findings 7 and 8 of issue 11: messages quote cell text escaped and on one line, ids and
/// names refuse control characters, and every error carries file, line and column where one
/// exists; special files are refused for what they are.
@Suite("Messages: one line, located, escaped")
struct MessageTests {
    /// The single error of a fixture with `overrides`.
    private func onlyError(_ overrides: [String: String?], sourceLocation: SourceLocation = #_sourceLocation) throws -> InputError {
        let fixture = try Fixture(overrides)
        let errors = fixture.errors
        #expect(errors.count == 1, "\(InputErrors(errors))", sourceLocation: sourceLocation)
        return try #require(errors.first, sourceLocation: sourceLocation)
    }

    @Test("a quoted cell with a line break in an id is one error on one line, at its line and column")
    func lineBreakInQuotedID() throws {
        let e = try onlyError(["cadres.csv": valid("cadres.csv", replacing: "c3,王五", with: "\"c3\nx\",王五")])
        #expect(e.file.hasSuffix("/cadres.csv"))
        #expect(e.line == 4 && e.column == 1, "\(e)")
        #expect(e.message.contains("control characters"))
        #expect(e.description.contains("'c3\\nx'"), "\(e.description)")
        #expect(!e.description.contains("\n"), "\(e.description.debugDescription)")
    }

    @Test("control characters in ids and names are refused, each named as an escape", arguments: [
        ("\u{01}", "\\u{1}"), ("\u{1B}[31m", "\\u{1B}"), ("\t", "\\t"), ("\u{7F}", "\\u{7F}"), ("\u{85}", "\\u{85}"),
    ])
    func controlCharacters(_ control: String, _ shown: String) throws {
        let id = try onlyError(["regions.csv": "id,name\n\"hai\(control)kou\",海口\nsanya,三亚\n",
                                "cadres.csv": valid("cadres.csv", replacing: ",haikou,省工信厅", with: ",sanya,省工信厅"),
                                "targets.csv": valid("targets.csv", replacing: "province,haikou,5", with: "province,sanya,5"),
                                "scenario.yaml": valid("scenario.yaml", replacing: "region_quotas: {haikou: 3}", with: "")])
        #expect(id.line == 2 && id.column == 1 && id.columnName == "id", "\(id)")
        #expect(id.description.contains(shown) && !id.description.contains(control), "\(id.description.debugDescription)")
        let name = try onlyError(["targets.csv": valid("targets.csv", replacing: "t2,三亚园区", with: "t2,\"三亚\(control)园区\"")])
        #expect(name.line == 3 && name.column == 2 && name.columnName == "name", "\(name)")
    }

    @Test("a line break in a pairs.csv reason is free text and accepted")
    func reasonMayHoldALineBreak() throws {
        let fixture = try Fixture(["pairs.csv": "cadre,target,forbidden,cost,workload,reason\nc1,t1,false,7,,\"熟悉\n多年\"\n"])
        #expect(fixture.errors.isEmpty, "\(InputErrors(fixture.errors))")
    }

    @Test("control characters in scenario.yaml ids and names are refused at their line and column")
    func yamlControlCharacter() throws {
        let e = try onlyError(["scenario.yaml": valid("scenario.yaml", replacing: "name: 工信和建筑业组", with: "name: \"工信\\u0007组\"")])
        #expect(e.file.hasSuffix("/scenario.yaml") && e.line == 13 && e.column != nil, "\(e)")
        #expect(e.description.contains("\\u{7}") && !e.description.contains("\u{07}"), "\(e.description.debugDescription)")
    }

    @Test("a 1 MB cell is quoted short, and the message stays one line")
    func hugeCell() throws {
        let big = String(repeating: "大", count: 1 << 20)
        let e = try onlyError(["targets.csv": valid("targets.csv", replacing: "province,haikou,5,", with: "province,haikou,\(big),")])
        #expect(e.description.count < 400, "\(e.description.count) characters")
        #expect(e.line == 2 && e.column == 7)
    }

    /// Found by Fuzz/mutate-cli.py (megabyte_field): the ids listed after "unknown region" were
    /// printed whole, so one 1 MB region id made a 1 MB message.
    @Test("ids listed in an unknown-reference message are shortened")
    func listedIDsShortened() throws {
        let big = String(repeating: "汉", count: 1 << 20)
        let e = try onlyError(["regions.csv": "id,name\n\(big),海口\nsanya,三亚\n",
                               "cadres.csv": valid("cadres.csv", replacing: ",haikou,省工信厅", with: ",sanya,省工信厅"),
                               "scenario.yaml": valid("scenario.yaml", replacing: "region_quotas: {haikou: 3}", with: "")])
        #expect(e.file.hasSuffix("/targets.csv") && e.message.contains("unknown region 'haikou'"), "\(e.description.prefix(300))")
        #expect(e.description.count < 400, "\(e.description.count) characters")
    }

    @Test("a missing required column in pins.csv is located at the header line's end")
    func missingPinsColumn() throws {
        let e = try onlyError(["pins.csv": "cadre,target\nc2,t2\n"])
        #expect(e.line == 1 && e.column == 3 && e.columnName == "wave", "\(e)")
    }

    @Test("a FIFO, a device and a symbolic-link loop are refused for what they are, without blocking")
    func specialFiles() throws {
        let fixture = try Fixture()
        let path = fixture.folder + "/cadres.csv"
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o644) == 0)
        var e = try #require(fixture.errors.first { $0.file == path })
        #expect(e.message.contains("pipe (FIFO)") && !e.message.contains("permission"), "\(e)")
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
        e = try #require(fixture.errors.first { $0.file == path })
        #expect(e.message.contains("device") && !e.message.contains("permission"), "\(e)")
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path)
        e = try #require(fixture.errors.first { $0.file == path })
        #expect(e.message.contains("symbolic links"), "\(e)")
    }

    @Test("every error of a damaged folder is one line")
    func oneLineAlways() throws {
        let fixture = try Fixture(["regions.csv": "id,name,\"col\numn\"\n\"a\rb\",\"x\u{2028}y\",1\n"])
        for e in fixture.errors { #expect(!e.description.contains { $0.isNewline }, "\(e.description.debugDescription)") }
        #expect(!fixture.errors.isEmpty)
    }
}
