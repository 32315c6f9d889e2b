import Foundation
import PlanVerifier
import Scenario

/// libFuzzer's entry point over everything cadreplan reads from users: the scenario loader
/// (scenario.yaml and the five CSV files, through `ScenarioLoader.validate`) and the plan reader
/// and verifier (assignments.csv, summary.json, changes.csv, through `PlanFolderReader.readPlan`
/// and `PlanVerifier.verify`).
///
/// The first byte of an input chooses the file (modulo 9); the rest replaces that file in a
/// scratch copy of a valid scenario (`CADREPLAN_FUZZ_SCENARIO`, scenarios/small) or plan folder
/// (`CADREPLAN_FUZZ_PLAN`, a plan of it), and the file is put back afterwards. Besides crashes
/// and hangs, the target traps when a message breaks the one-line rule or names no file, so
/// libFuzzer reports those as findings too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInputs(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    Harness.shared.run(selector: bytes[bytes.startIndex], contents: bytes.dropFirst())
    return 0
}

/// The scratch folders and the original files, set up once per process.
final class Harness: @unchecked Sendable {
    static let shared = Harness()

    /// The files an input may replace, by selector.
    static let scenarioFiles = ["scenario.yaml", "regions.csv", "cadres.csv", "targets.csv", "pairs.csv", "pins.csv"]
    static let planFiles = ["assignments.csv", "summary.json", "changes.csv"]

    let scenarioFolder: String
    let planFolder: String
    let scenario: Scenario
    var originals: [String: Data?] = [:]

    private init() {
        let environment = ProcessInfo.processInfo.environment
        let sourceScenario = environment["CADREPLAN_FUZZ_SCENARIO"] ?? "scenarios/small"
        let sourcePlan = environment["CADREPLAN_FUZZ_PLAN"] ?? ".build-fuzz/plan-small"
        // tmpfs when there is one: inputs are written and read back thousands of times a second.
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : FileManager.default.temporaryDirectory.path
        let scratch = base + "/cadreplan-fuzz-\(getpid())"
        try? FileManager.default.removeItem(atPath: scratch)
        scenarioFolder = scratch + "/scenario"
        planFolder = scratch + "/plan"
        do {
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: sourceScenario, toPath: scenarioFolder)
            try FileManager.default.copyItem(atPath: sourcePlan, toPath: planFolder)
            scenario = try ScenarioLoader.load(folder: scenarioFolder)
        } catch {
            fatalError("fuzz harness setup: \(error) (set CADREPLAN_FUZZ_SCENARIO and CADREPLAN_FUZZ_PLAN, see Fuzz/run.sh)")
        }
        for name in Self.scenarioFiles { originals[scenarioFolder + "/" + name] = FileManager.default.contents(atPath: scenarioFolder + "/" + name) }
        for name in Self.planFiles { originals[planFolder + "/" + name] = FileManager.default.contents(atPath: planFolder + "/" + name) }
    }

    func run(selector: UInt8, contents: Data) {
        let k = Int(selector) % (Self.scenarioFiles.count + Self.planFiles.count)
        let path = k < Self.scenarioFiles.count
            ? scenarioFolder + "/" + Self.scenarioFiles[k]
            : planFolder + "/" + Self.planFiles[k - Self.scenarioFiles.count]
        put(contents, at: path)
        defer { restore(path) }
        if k < Self.scenarioFiles.count {
            let errors = ScenarioLoader.validate(folder: scenarioFolder)
            for error in errors { check(error.description, file: error.file) }
            if errors.isEmpty { _ = try? ScenarioLoader.load(folder: scenarioFolder) }
        } else {
            do {
                let plan = try PlanFolderReader.readPlan(folder: planFolder)
                let report = PlanVerifier.verify(scenario: scenario, plan: plan)
                for violation in report.violations { check(violation.description, file: nil) }
            } catch {
                for e in error.errors { check(e.description, file: e.file) }
            }
        }
    }

    /// The message rules every report must keep: one line, and a file named when there is one.
    private func check(_ message: String, file: String?) {
        if message.contains("\n") || message.contains("\r") { fatalError("message spans lines: \(message.debugDescription)") }
        if let file, file.isEmpty { fatalError("message names no file: \(message.debugDescription)") }
    }

    /// Writes `data` to `path` in place, without Foundation's atomic write and its flush to disk.
    private func put(_ data: Data, at path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { fatalError("fuzz harness: cannot write \(path)") }
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { fatalError("fuzz harness: cannot write \(path)") }
                offset += n
            }
        }
        close(fd)
    }

    private func restore(_ path: String) {
        if let original = originals[path] ?? nil {
            put(original, at: path)
        } else {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
