import ArgumentParser
import CadrePlan
import Foundation
import GLPKSolver
import Scenario

extension BlockShare: ExpressibleByArgument {
    /// Parses `i/n` (1 ≤ i ≤ n).
    public init?(argument: String) { self.init(text: argument) }
}

/// An absolute, standardised form of a path given on the command line (parts record where
/// their inputs are, so that `merge` can read them from any working folder).
func absolutePath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
}

extension CadrePlanCommand.Solve {
    /// `solve --blocks i/n`: solves one share of the blocks and writes it as a partial plan.
    func solveShare(_ share: BlockShare, scenario loaded: Scenario, options: PlannerOptions, earlier: [Pin]?,
                    readSeconds: Double, progress line: ProgressLine) throws {
        let digestStart = Date()
        let identity = PartialPlan.ScenarioIdentity(name: loaded.name, folder: absolutePath(scenario), digest: ScenarioDigest.of(loaded))
        let model = PartialPlan.ModelIdentity(
            mode: solving.model.mode?.description, tiers: solving.model.tiers?.tiers.map(\.rawValue), aggregate: !noAggregate,
            pins: pins.map(absolutePath), pinWaves: pinWaves, previous: previous.map(absolutePath),
            previousDigest: earlier.map { ScenarioDigest.of(pins: $0) })
        let digestSeconds = Date().timeIntervalSince(digestStart)
        let solved: ShareSolution
        do {
            solved = try Planner(solver: GLPKSolver()).solve(loaded, share: share, options: options)
        } catch let error as PlanError {
            line.finish()
            printError("\(scenario): \(error)")
            throw Exit.noPlan
        }
        line.finish()
        var seconds = solved.seconds
        seconds["read"] = readSeconds
        seconds["digest"] = digestSeconds
        let part = PartialPlan(scenario: identity, options: model, solution: solved, seconds: seconds)
        let path = try partPath(share, name: loaded.name)
        do {
            try AtomicFile.write(try part.encoded(), to: path)
        } catch {
            printError("\(path): cannot write the partial plan: \(error)")
            throw ExitCode.failure
        }
        let tiers = (0..<(solved.blocks.first?.tiers.count ?? 0)).map { t in
            "\(solved.blocks[0].tiers[t].name) \(solved.blocks.reduce(0) { $0 + $1.tiers[t].value })"
        }
        print("share \(share): \(solved.blocks.count) of \(solved.blockCount) blocks"
              + (tiers.isEmpty ? "" : "; these blocks' tier values: " + tiers.joined(separator: ", ")))
        print(String(format: "time: read %.2f s, digest %.2f s, prepare %.2f s, solve %.2f s", readSeconds, digestSeconds,
                     solved.seconds["prepare"] ?? 0, solved.seconds["solve"] ?? 0))
        print("partial plan written to \(path); merge all \(share.count) with `cadreplan merge`")
    }

    /// Where the part goes: `--out` (a file, or a folder for `part-i-of-n.json`), by default
    /// `plans/<name>.part-i-of-n.json`. A file that is not a partial plan is never overwritten.
    func partPath(_ share: BlockShare, name: String) throws -> String {
        let file = "part-\(share.index)-of-\(share.count).json"
        var path = out ?? "plans/\(PlanWriter().safeName(name)).\(file)"
        var isDir: ObjCBool = false
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue) {
            path = (path as NSString).appendingPathComponent(file)
        }
        if FileManager.default.fileExists(atPath: path) {
            guard PartialPlan.looksLikePartialPlan(path: path) else {
                printError("\(path): exists and is not a partial plan; choose another --out")
                throw ExitCode.failure
            }
        }
        return path
    }
}
