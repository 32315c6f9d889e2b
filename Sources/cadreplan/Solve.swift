import ArgumentParser
import CadrePlan
import Foundation
import GLPKSolver
import MIP
import PlanVerifier
import Scenario
import XLSXWriter

extension CadrePlanCommand {
    /// `cadreplan solve`: plans a scenario, verifies the plan and writes the plan folder.
    struct Solve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve a scenario tier by tier (coverage first; see --tiers) and write the plan.",
            discussion: "Every plan is checked by the independent verifier before anything is written; a plan that fails verification is not written and the command exits 3. The plan folder holds assignments, one table per wave, service group and region, coverage.csv, idle.csv, summary.json (deterministic), timings.json, report.md, report.html (charts and a map, self-contained) and pins.csv (to carry the plan forward); with --format xlsx also plan.xlsx and one workbook per service group and region.")

        @Argument(help: "Scenario folder.")
        var scenario: String

        @Option(help: "Plan folder to write (default: plans/<scenario name>). An earlier plan there (marked by its .cadreplan file) is replaced in one atomic step; any other non-empty folder is refused (exit 5).")
        var out: String?

        @OptionGroup var solving: SolvingOptions

        @Option(help: ArgumentHelp("Pins to keep, e.g. an earlier plan's pins.csv (cadre,target,wave): those assignments stay as they are.", valueName: "file"))
        var pins: String?

        @Option(name: .customLong("pin-waves"), help: ArgumentHelp("With --pins: keep only the pins of these waves (comma-separated ids), e.g. w1 to re-plan wave 2 with wave 1 dispatched.", valueName: "waves"))
        var pinWaves: String?

        @Option(help: ArgumentHelp("An earlier plan folder to stay close to: moving one of its assignments costs in a stability tier (after coverage and timeliness, before quality), and changes.csv lists every change with its reason.", valueName: "plan"))
        var previous: String?

        @Option(help: "Header language of the tables: zh or en.")
        var lang: String = "zh"

        @Option(help: "Table formats, comma-separated: csv, md, json, xlsx (plan.xlsx plus one workbook per service group and region).")
        var format: String = "csv"

        @Flag(name: .customLong("no-aggregate"), help: "Solve the individual model (one variable per cadre, target and wave) instead of classes.")
        var noAggregate = false

        @Option(name: .customLong("write-model"), help: ArgumentHelp(
            "Write the exact integer program of each block and tier to FILE.mps or FILE.lp (GLPK's writers).",
            discussion: "Files are named FILE-b<block>-<tier>.<ext>, one per block and tier, each with the earlier tiers' keep rows.",
            valueName: "file"))
        var writeModel: String?

        @Flag(name: .customLong("solver-log"), help: "Copy GLPK's own log to standard error.")
        var solverLog = false

        @Flag(help: "Draw a progress line on standard error even when it is not a terminal.")
        var progress = false

        @Option(help: ArgumentHelp(
            "Solve only share i of n of the independent blocks and write a partial plan (a file) instead of a plan folder.",
            discussion: "Run every share 1/n … n/n (on as many machines as you like), then `cadreplan merge` the parts into the plan folder a single solve writes. --out names the part file (or a folder for part-i-of-n.json). See docs/SCALING.md.",
            valueName: "i/n"))
        var blocks: BlockShare?

        func validate() throws {
            guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be zh or en, got '\(lang)'") }
            if pinWaves != nil && pins == nil { throw ValidationError("--pin-waves needs --pins") }
            if let writeModel, !(writeModel.hasSuffix(".mps") || writeModel.hasSuffix(".lp")) {
                throw ValidationError("--write-model needs a file name ending in .mps or .lp, got '\(writeModel)'")
            }
            for f in format.split(separator: ",") where TableFormat(rawValue: String(f)) == nil {
                throw ValidationError("--format takes csv, md, json, xlsx (comma-separated), got '\(f)'")
            }
        }

        func run() throws {
            let started = Date()
            var loaded = try loadScenario(scenario)
            var earlier: [Pin]? = nil
            do {
                if let pins {
                    var extra = try PinsFile.read(path: pins, scenario: loaded)
                    if let pinWaves {
                        let keep = Set(pinWaves.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
                        let unknown = keep.subtracting(loaded.waves.map(\.id))
                        guard unknown.isEmpty else { throw ValidationError("--pin-waves names unknown waves: \(unknown.sorted().joined(separator: ", "))") }
                        extra = extra.filter { keep.contains($0.wave) }
                    }
                    let have = Set(loaded.pins)
                    loaded.pins += extra.filter { !have.contains($0) }
                }
                if let previous { earlier = try PinsFile.read(path: previous + "/pins.csv") }
            } catch let error as InputErrors {
                printError(error.description)
                throw Exit.inputError
            }
            let readSeconds = Date().timeIntervalSince(started)
            var options = solving.plannerOptions(aggregate: !noAggregate)
            options.previous = earlier
            let line = ProgressLine(enabled: progress || standardErrorIsTerminal)
            options.progress = { line.update($0) }
            if solverLog { options.solverLog = { printError($0) } }
            if let writeModel {
                let ext = writeModel.hasSuffix(".mps") ? "mps" : "lp"
                let stem = String(writeModel.dropLast(ext.count + 1))
                let format: ModelFileFormat = ext == "mps" ? .mps : .lp
                try AtomicFile.makeFolders(URL(fileURLWithPath: writeModel).deletingLastPathComponent().path)
                options.modelSink = { block, tier, model in
                    let file = "\(stem)-b\(block + 1)-\(tier).\(ext)"
                    do { try GLPKSolver().writeModel(model, to: file, format: format) } catch {
                        throw OutputError(path: file, action: "write the model", reason: "\(error)")
                    }
                }
            }
            if let blocks {
                try solveShare(blocks, scenario: loaded, options: options, earlier: earlier, readSeconds: readSeconds, progress: line)
                return
            }
            let plan: Plan
            do {
                plan = try Planner(solver: solving.solver).plan(loaded, options: options)
            } catch let error as PlanError {
                line.finish()
                printError("\(scenario): \(error)")
                throw Exit.noPlan
            }
            line.finish()

            var timings = plan.statistics.seconds
            timings["read"] = readSeconds
            try PlanOutput(lang: lang, format: format, out: out).finish(plan, timings: timings, earlier: earlier, previousPath: previous, started: started)
        }
    }
}

/// A single self-overwriting progress line on standard error, at most a few times a second,
/// shown only once a solve has run for a second.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ p: PlanProgress) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) >= 1, now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        func f(_ x: Double?) -> String { x.map { String(format: "%.0f", $0) } ?? "-" }
        let gap = p.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "-"
        let text = "\(p.phase) block \(p.block)/\(p.blocks) tier \(p.tier ?? "-"): incumbent \(f(p.incumbent)) bound \(f(p.bound)) gap \(gap)"
        if standardErrorIsTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
            drawn = true
        } else {
            // A log file gets whole lines, not terminal control codes.
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); drawn = false }
    }
}
