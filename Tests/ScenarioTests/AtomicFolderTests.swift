import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Scenario

/// Every file under `folder` (relative path → bytes), hidden ones included.
func snapshot(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return files }
    for case let path as String in walker {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
            files[path] = FileManager.default.contents(atPath: folder + "/" + path)
        }
    }
    return files
}

/// The id of a process that has finished (so no process has it, barring reuse).
func finishedProcessID() throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/true")
    try p.run()
    p.waitUntilExit()
    return p.processIdentifier
}

/// The atomic folder replacement behind plan folders (issue 11, findings 1–4).
///
/// The seam is process-wide, so these tests run one at a time.
@Suite("Atomic folder replacement", .serialized)
struct AtomicFolderTests {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "cadreplan-atomic-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Installs `hook` for the steps under this test's folder only (other tests write files meanwhile).
    func seam(_ hook: @escaping FileSystemSeam.Hook) { FileSystemSeam.install(hook, scope: root) }

    /// Writes a folder of a few files whose bytes say which `version` it is.
    func fill(_ version: String) -> (String) throws -> Void {
        { staging in
            try AtomicFile.write("plan \(version)\n", to: staging + "/assignments.csv")
            try AtomicFile.write("{\"version\": \"\(version)\"}\n", to: staging + "/summary.json")
            try AtomicFile.write("w1 \(version)\n", to: staging + "/waves/w1.csv")
        }
    }

    /// The files of a complete folder of `version`, marker included.
    func complete(_ version: String) -> [String: Data] {
        [".cadreplan": Data(FolderMarker.plan.text.utf8), "assignments.csv": Data("plan \(version)\n".utf8),
         "summary.json": Data("{\"version\": \"\(version)\"}\n".utf8), "waves/w1.csv": Data("w1 \(version)\n".utf8)]
    }

    /// Names in `root` other than the destination: staging folders or parked copies left behind.
    func leftovers(besides name: String = "plan") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { $0 != name }.sorted()
    }

    @Test("a new folder, then a replacement; nothing left beside it")
    func replaceTwice() throws {
        let plan = root + "/plan"
        try AtomicFolder.replace(plan, marker: .plan, fill: fill("old"))
        #expect(snapshot(plan) == complete("old"))
        try AtomicFolder.replace(plan, marker: .plan, fill: fill("new"))
        #expect(snapshot(plan) == complete("new"))
        #expect(leftovers().isEmpty, "\(leftovers())")
    }

    /// Finding 2: a folder holding summary.json and thesis.tex was replaced and thesis.tex deleted.
    @Test("a folder without the marker is never replaced, even if it holds a summary.json")
    func unmarkedFolderIsKept() throws {
        let plan = root + "/plan"
        try FileManager.default.createDirectory(atPath: plan, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: plan + "/summary.json"))
        try Data("\\documentclass{article}".utf8).write(to: URL(fileURLWithPath: plan + "/thesis.tex"))
        let before = snapshot(plan)
        #expect(throws: OutputError.self) { try AtomicFolder.replace(plan, marker: .plan, fill: fill("new")) }
        #expect(snapshot(plan) == before)
        #expect(leftovers().isEmpty)
        do { try AtomicFolder.replace(plan, marker: .plan, fill: fill("new")) } catch let error as OutputError {
            #expect(error.description.contains(plan) && error.description.contains(".cadreplan"), "\(error)")
        }
        // A marker of another kind of folder is no licence either.
        try Data(FolderMarker(format: "cadreplan-scenario", version: 1).text.utf8).write(to: URL(fileURLWithPath: plan + "/.cadreplan"))
        #expect(throws: OutputError.self) { try AtomicFolder.replace(plan, marker: .plan, fill: fill("new")) }
        #expect(FileManager.default.fileExists(atPath: plan + "/thesis.tex"))
    }

    @Test("an empty folder may be filled; a file in the way is refused")
    func emptyFolderAndFile() throws {
        let plan = root + "/plan"
        try FileManager.default.createDirectory(atPath: plan, withIntermediateDirectories: true)
        try AtomicFolder.replace(plan, marker: .plan, fill: fill("new"))
        #expect(snapshot(plan) == complete("new"))
        let file = root + "/file"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: OutputError.self) { try AtomicFolder.replace(file, marker: .plan, fill: fill("new")) }
        #expect(FileManager.default.contents(atPath: file) == Data("keep".utf8))
    }

    /// Finding 1: the swap was two renames, and an error between them left no plan. Each step of
    /// the replacement fails in turn (the seam injects EIO): the old folder stays whole.
    @Test("an I/O error at any step leaves the whole old folder and nothing beside it")
    func errorAtEveryStep() throws {
        let plan = root + "/plan"
        try AtomicFolder.replace(plan, marker: .plan, fill: fill("old"))
        // Count the steps of one replacement, and find the exchange that publishes the new folder.
        let exchange = StepLog()
        seam { index, step in
            if case .exchange = step { exchange.index = index }
            return nil
        }
        try AtomicFolder.replace(plan, marker: .plan, fill: fill("old"))
        let steps = FileSystemSeam.steps(scope: root)
        FileSystemSeam.install(nil, scope: root)
        #expect(steps > 10 && exchange.index > 0)
        var renames = 0
        for k in 1...steps {
            let failed = StepLog()
            seam { index, step in
                guard index == k else { return nil }
                failed.step = step
                return EIO
            }
            defer { FileSystemSeam.install(nil, scope: root) }
            var thrown: OutputError?
            do { try AtomicFolder.replace(plan, marker: .plan, fill: fill("new")) } catch let error as OutputError { thrown = error }
            FileSystemSeam.install(nil, scope: root)
            let step = try #require(failed.step)
            if step.isRename { renames += 1 }
            // After the exchange the new folder is in place; flushing the parent and removing the
            // old copy may then fail harmlessly (a left copy is removed by the next write).
            if k > exchange.index {
                #expect(snapshot(plan) == complete("new"), "step \(k): \(step)")
                try AtomicFolder.replace(plan, marker: .plan, fill: fill("old"))
                #expect(leftovers().isEmpty, "step \(k) (\(step)) left \(leftovers())")
                continue
            }
            #expect(thrown != nil, "step \(k) (\(step)) failed but nothing was reported")
            #expect(thrown?.description.contains("input/output error") == true, "\(String(describing: thrown))")
            #expect(snapshot(plan) == complete("old"), "step \(k): \(step)")
            #expect(leftovers().isEmpty, "step \(k) (\(step)) left \(leftovers())")
        }
        #expect(renames >= 1)
    }

    @Test("where folders cannot be exchanged, two renames are used and undone when the second fails")
    func fallbackWithoutExchange() throws {
        let plan = root + "/plan"
        try AtomicFolder.replace(plan, marker: .plan, fill: fill("old"))
        // The file system "cannot exchange": the fallback replaces the folder.
        seam { _, step in if case .exchange = step { return EINVAL } else { return nil } }
        try AtomicFolder.replace(plan, marker: .plan, fill: fill("new"))
        FileSystemSeam.install(nil, scope: root)
        #expect(snapshot(plan) == complete("new") && leftovers().isEmpty)
        // Now the second rename fails too: the old folder is put back.
        let seen = StepLog()
        seam { _, step in
            switch step {
            case .exchange: return EINVAL
            case .rename(_, let to) where to == plan && seen.renamedAway && seen.index == 0: seen.index = 1; return EIO
            case .rename(let from, _) where from == plan: seen.renamedAway = true; return nil
            default: return nil
            }
        }
        #expect(throws: OutputError.self) { try AtomicFolder.replace(plan, marker: .plan, fill: fill("newer")) }
        FileSystemSeam.install(nil, scope: root)
        #expect(seen.renamedAway)
        #expect(snapshot(plan) == complete("new") && leftovers().isEmpty, "\(leftovers())")
    }

    /// A process killed between the fallback's two renames (or cadreplan 0.1's) left the old folder
    /// parked as `.plan.old-PID` and no plan: the next write puts it back first.
    @Test("an old folder parked by a killed process is put back before anything else")
    func parkedFolderIsRestored() throws {
        let pid = try finishedProcessID()
        let parked = root + "/.plan.old-\(pid)"
        try AtomicFolder.replace(parked, marker: .plan, fill: fill("old"))
        let plan = root + "/plan"
        // The next write fails (no space): the restored old folder must be there afterwards.
        seam { _, step in if case .createFile(let p) = step, p.contains("summary.json") { return ENOSPC } else { return nil } }
        #expect(throws: OutputError.self) { try AtomicFolder.replace(plan, marker: .plan, fill: fill("new")) }
        FileSystemSeam.install(nil, scope: root)
        #expect(snapshot(plan) == complete("old") && leftovers().isEmpty, "\(leftovers())")
    }

    /// Finding 4: staging folders of killed runs stayed forever.
    @Test("staging folders of finished processes are removed by the next write; others are left alone")
    func staleStagingRemoved() throws {
        let plan = root + "/plan"
        let dead = try finishedProcessID()
        // What a run killed mid-write leaves: a staging folder with the marker and part of a plan.
        try FileManager.default.createDirectory(atPath: root + "/.plan.tmp-\(dead)/waves", withIntermediateDirectories: true)
        try Data(FolderMarker.plan.text.utf8).write(to: URL(fileURLWithPath: root + "/.plan.tmp-\(dead)/.cadreplan"))
        try Data("half".utf8).write(to: URL(fileURLWithPath: root + "/.plan.tmp-\(dead)/waves/w1.csv"))
        // And a temporary file of an atomic file write.
        try Data("half".utf8).write(to: URL(fileURLWithPath: root + "/.plan.tmp-\(dead)-3"))
        // Not ours to delete: a look-alike without the marker, and a live process's staging folder.
        try FileManager.default.createDirectory(atPath: root + "/.plan.tmp-\(dead + 1_000_000)", withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: root + "/.plan.tmp-\(dead + 1_000_000)/notes.txt"))
        try FileManager.default.createDirectory(atPath: root + "/.plan.tmp-1", withIntermediateDirectories: true)  // init is alive
        try AtomicFolder.replace(plan, marker: .plan, fill: fill("new"))
        #expect(leftovers() == [".plan.tmp-1", ".plan.tmp-\(dead + 1_000_000)"].sorted(), "\(leftovers())")
        #expect(snapshot(plan) == complete("new"))
    }

    /// Finding 3: write failures printed raw Foundation errors. Each is now one line with the path
    /// and the reason in Chinese and English.
    @Test("write failures are one line naming the path and the reason", arguments: [
        (EROFS, "read-only"), (ENOSPC, "the disk is full"), (EACCES, "permission denied"), (EDQUOT, "quota"),
    ])
    func oneLineReasons(_ code: Int32, _ words: String) throws {
        let plan = root + "/plan"
        seam { _, step in if case .createFolder = step { return code } else { return nil } }
        defer { FileSystemSeam.install(nil, scope: root) }
        do {
            try AtomicFolder.replace(plan, marker: .plan, fill: fill("new"))
            Issue.record("expected an error")
        } catch let error as OutputError {
            let text = error.description
            #expect(text.contains(root) && text.contains(words) && !text.contains("\n") && !text.contains("Domain"), "\(text)")
        }
    }

    @Test("a parent that is a file is named in one line")
    func parentIsAFile() throws {
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/file"))
        do {
            try AtomicFolder.replace(root + "/file/plan", marker: .plan, fill: fill("new"))
            Issue.record("expected an error")
        } catch let error as OutputError {
            #expect(error.description == "\(root)/file: cannot create the folder: 路径中有一项是文件而不是文件夹 / a part of the path is a file, not a folder")
        }
    }

    @Test("a symbolic link to a plan folder replaces the folder it points to and stays a link")
    func symbolicLink() throws {
        let real = root + "/real"
        try AtomicFolder.replace(real, marker: .plan, fill: fill("old"))
        try FileManager.default.createSymbolicLink(atPath: root + "/plan", withDestinationPath: real)
        try AtomicFolder.replace(root + "/plan", marker: .plan, fill: fill("new"))
        #expect(snapshot(real) == complete("new"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/plan")) == real)
    }

    @Test("an atomic file write failing at any step keeps the old file and leaves no temporary")
    func atomicFile() throws {
        let path = root + "/pins.csv"
        try AtomicFile.write("old\n", to: path)
        for k in 1...4 {
            seam { index, _ in index == k ? EIO : nil }
            #expect(throws: OutputError.self) { try AtomicFile.write("new\n", to: path) }
            FileSystemSeam.install(nil, scope: root)
            #expect(FileManager.default.contents(atPath: path) == Data("old\n".utf8))
            #expect(leftovers(besides: "pins.csv").isEmpty)
        }
    }
}

/// What a seam hook saw, shared with the test body.
final class StepLog: @unchecked Sendable {
    var step: FileSystemStep?
    var index = 0
    var renamedAway = false
}
