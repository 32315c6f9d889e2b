import ArgumentParser
import CadrePlan
import Foundation
import Scenario

extension CadrePlanCommand {
    /// `cadreplan merge`: joins the partial plans of `solve --blocks i/n` into one plan folder.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge the partial plans of `solve --blocks 1/n … n/n` into the plan folder a single solve writes.",
            discussion: "Every share must be given once, all solved from the same scenario with the same options; anything else is refused with the part at fault named. The scenario is read again (from the folder the parts name, or --scenario), the blocks' values are checked against their models, the whole plan is verified independently, and the folder is written exactly as `solve` writes it (timings.json aside). See docs/SCALING.md.")

        @Argument(help: ArgumentHelp("The partial plans (files written by `solve --blocks`, or folders holding part-*-of-*.json).", valueName: "part"))
        var parts: [String]

        @Option(help: "Plan folder to write (default: plans/<scenario name>). An earlier plan there is replaced.")
        var out: String?

        @Option(help: ArgumentHelp("The scenario folder, when it is not where the parts say (e.g. another mount point). It must be the same scenario.", valueName: "folder"))
        var scenario: String?

        @Option(help: "Header language of the tables: zh or en.")
        var lang: String = "zh"

        @Option(help: "Table formats, comma-separated: csv, md, json.")
        var format: String = "csv"

        func validate() throws {
            guard !parts.isEmpty else { throw ValidationError("give the partial plans to merge") }
            guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be zh or en, got '\(lang)'") }
            for f in format.split(separator: ",") where TableFormat(rawValue: String(f)) == nil {
                throw ValidationError("--format takes csv, md, json (comma-separated), got '\(f)'")
            }
        }

        func run() throws {
            let started = Date()
            var read: [(path: String, part: PartialPlan)] = []
            do {
                for path in try partFiles() { read.append((path, try PartialPlan.read(path: path))) }
            } catch let error as PartialPlan.ReadError {
                printError(error.description)
                throw Exit.inputError
            }
            let first = read[0].part
            let folder = scenario ?? first.scenario.folder
            var loaded = try loadScenario(folder)
            var earlier: [Pin]? = nil
            do {
                // The shares' own inputs, read again from where they were: the digests check them.
                if let pins = first.options.pins {
                    var extra = try PinsFile.read(path: pins, scenario: loaded)
                    if let waves = first.options.pinWaves {
                        let keep = Set(waves.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
                        extra = extra.filter { keep.contains($0.wave) }
                    }
                    let have = Set(loaded.pins)
                    loaded.pins += extra.filter { !have.contains($0) }
                }
                if let previous = first.options.previous { earlier = try PinsFile.read(path: previous + "/pins.csv") }
            } catch {
                printError(error.description)
                throw Exit.inputError
            }
            let readSeconds = Date().timeIntervalSince(started)
            var options = PlannerOptions(aggregate: first.options.aggregate)
            if let mode = first.options.mode {
                guard let m = AssignmentMode(text: mode) else { printError("\(read[0].path): unknown mode \(mode)"); throw Exit.inputError }
                options.mode = m
            }
            if let tiers = first.options.tiers {
                let order = tiers.compactMap(Tier.init(rawValue:))
                guard order.count == tiers.count else { printError("\(read[0].path): unknown tier in \(tiers.joined(separator: ","))"); throw Exit.inputError }
                options.tierOrder = order
            }
            options.previous = earlier
            let plan: Plan
            do {
                plan = try Planner.merge(read, scenario: loaded, options: options)
            } catch {
                printError(error.description)
                throw Exit.inputError
            }
            var timings = plan.statistics.seconds
            timings["read"] = readSeconds
            for key in ["read", "digest", "prepare", "solve"] {
                timings["shares_\(key)_max"] = read.map { $0.part.seconds[key] ?? 0 }.max() ?? 0
            }
            try PlanOutput(lang: lang, format: format, out: out).finish(plan, timings: timings, earlier: earlier,
                                                                    previousPath: first.options.previous, started: started)
            print("merged \(read.count) part\(read.count == 1 ? "" : "s") (\(plan.statistics.blocks) blocks)")
        }

        /// The part files: each argument, or the `part-*-of-*.json` files of a folder argument, sorted by name.
        func partFiles() throws -> [String] {
            var files: [String] = []
            for p in parts {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue {
                    let names = ((try? FileManager.default.contentsOfDirectory(atPath: p)) ?? [])
                        .filter { $0.hasPrefix("part-") && $0.hasSuffix(".json") }.sorted()
                    guard !names.isEmpty else { printError("\(p): no part-*-of-*.json files in this folder"); throw Exit.inputError }
                    files += names.map { (p as NSString).appendingPathComponent($0) }
                } else {
                    files.append(p)
                }
            }
            return files
        }
    }
}
