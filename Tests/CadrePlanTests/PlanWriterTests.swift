import Foundation
import PlanVerifier
import Scenario
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import CadrePlan

/// PlanWriter puts plan folders in place atomically and marks them (issue 11, findings 1–3).
@Suite("Plan writer", .serialized)
struct PlanWriterTests {
    let root = NSTemporaryDirectory() + "cadreplan-planwriter-tests-" + UUID().uuidString
    let scenario: Scenario

    init() throws {
        scenario = try ScenarioLoader.load(folder: packageRoot.appendingPathComponent("scenarios/small").path)
    }

    /// Writes the optimal plan of scenarios/small with headers in `language` to `folder`.
    func write(_ language: Language, to folder: String) throws {
        let plan = try solve(scenario)
        try PlanWriter(language: language).write(plan, summary: PlanSummary(plan: plan, solverName: "GLPK", violations: 0),
                                                 timings: ["solve": 0], to: folder)
    }

    /// The plan folder as the verifier reads it, verified against scenarios/small.
    func verified(_ folder: String) throws -> Bool {
        PlanVerifier.verify(scenario: scenario, plan: try PlanFolderReader.readPlan(folder: folder)).isValid
    }

    @Test("a plan folder carries the plan marker and verifies; a second write replaces it")
    func markerAndReplacement() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/plan"
        try write(.zh, to: folder)
        #expect(FolderMarker.read(folder: folder) == .plan)
        #expect(try verified(folder))
        try write(.en, to: folder)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/assignments.csv")).starts(with: Data("\u{FEFF}wave,date".utf8)))
        #expect(try verified(folder))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["plan"])
    }

    /// Findings 1 and 3: a full disk while writing the new plan leaves the old one whole, and the
    /// error is one line naming the plan folder.
    @Test("a full disk keeps the old plan, which still verifies")
    func fullDisk() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/plan"
        try write(.zh, to: folder)
        let before = snapshot(folder)
        FileSystemSeam.install({ _, step in
            if case .writeBytes(let path) = step, path.contains("regions") { return ENOSPC }
            return nil
        }, scope: root)
        defer { FileSystemSeam.install(nil, scope: root) }
        do {
            try write(.en, to: folder)
            Issue.record("expected the write to fail")
        } catch let error as OutputError {
            #expect(error.description.contains("磁盘已满 / the disk is full") && !error.description.contains("\n"), "\(error)")
            #expect(error.description.hasPrefix(folder + "/regions/"), "\(error)")
        }
        FileSystemSeam.install(nil, scope: root)
        #expect(snapshot(folder) == before)
        #expect(try verified(folder))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["plan"])
    }

    /// A check that refuses the staged folder (the executable verifies it there) replaces nothing.
    @Test("a refused staging folder replaces nothing")
    func checkRefuses() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/plan"
        try write(.zh, to: folder)
        let before = snapshot(folder)
        struct Refused: Error {}
        let plan = try solve(scenario)
        #expect(throws: Refused.self) {
            try PlanWriter(language: .en).write(plan, summary: PlanSummary(plan: plan, solverName: "GLPK", violations: 0),
                                                timings: [:], to: folder, check: { _ in throw Refused() })
        }
        #expect(snapshot(folder) == before)
    }
}

/// Every file under `folder` (relative path → bytes).
private func snapshot(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    for case let path as String in FileManager.default.enumerator(atPath: folder) ?? FileManager.default.enumerator(atPath: "/nonexistent")! {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
            files[path] = FileManager.default.contents(atPath: folder + "/" + path)
        }
    }
    return files
}
