import ArgumentParser
import CadrePlan
import Foundation
import Scenario

extension CadrePlanCommand {
    /// `cadreplan import`: turns benchmark instances into scenario folders.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a benchmark instance (OR-Library assignment or GAP) as a scenario folder.",
            discussion: """
            The scenario's optimum is the instance's optimum: read it from the quality tier of
            summary.json as the scenario's README.md explains (for maximisation GAP instances,
            optimum = n·C − quality tier).
            """,
            subcommands: [OrlibAssign.self, OrlibGap.self])
    }
}

extension CadrePlanCommand.Import {
    /// `cadreplan import orlib-assign FILE --out DIR`.
    struct OrlibAssign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "orlib-assign",
            abstract: "Import an OR-Library linear assignment file (assign100…800 dense, assignp800/1500 sparse).")

        @Argument(help: "The OR-Library file.")
        var file: String

        @Option(help: "Scenario folder to write (created if missing; scenario files there are replaced).")
        var out: String

        @Option(help: "auto, dense (n then n×n costs) or sparse (n then `i j c` lines). auto tells them apart from the file.")
        var format: String = "auto"

        @Option(help: "Scenario name (default: the file's base name).")
        var name: String?

        func validate() throws {
            guard ["auto", "dense", "sparse"].contains(format) else {
                throw ValidationError("--format must be auto, dense or sparse, got '\(format)'")
            }
            try checkReadable(file)
        }

        func run() throws {
            let text = try readText(file)
            let layout: ORLibraryImport.AssignmentFormat = format == "dense" ? .dense : format == "sparse" ? .sparse : .automatic
            let imported: ORLibraryImport.Imported
            do {
                imported = try ORLibraryImport.assignment(text: text, file: file, name: name, format: layout)
            } catch {
                reportImportErrors(error, file: file)
                throw Exit.inputError
            }
            try writeImported(imported, to: out)
            let s = imported.scenario
            print("wrote \(out): \(s.name), \(imported.format) assignment, n = \(imported.jobs), \(s.pairs.count) pairs")
            printReadBack(imported, folder: out)
        }
    }

    /// `cadreplan import orlib-gap FILE --problem K [--sense max|min] --out DIR`.
    struct OrlibGap: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "orlib-gap",
            abstract: "Import one problem of an OR-Library generalised assignment file (gap1…gap12, gapa…gapd).",
            discussion: """
            gap1–gap12 are published as maximisation problems, gapa–gapd as minimisation
            problems; the sense is taken from the file name unless --sense says otherwise.
            A maximisation problem is solved as the minimisation of C − c(i,j) (C = the largest
            cost), so its optimum is n·C − the quality tier; the command prints the constant.
            """)

        @Argument(help: "The OR-Library file.")
        var file: String

        @Option(help: "Which problem of the file (1-based).")
        var problem: Int

        @Option(help: "max or min (default: max for gap1–gap12, min for gapa–gapd).")
        var sense: String?

        @Option(help: "Scenario folder to write (created if missing; scenario files there are replaced).")
        var out: String

        @Option(help: "Scenario name (default: <file base name>-<problem>).")
        var name: String?

        /// The sense to use: --sense, else the published one for the file name.
        var resolvedSense: GAPSense? {
            sense.flatMap(GAPSense.init(rawValue:)) ?? ORLibraryImport.defaultSense(forFile: file)
        }

        func validate() throws {
            guard problem >= 1 else { throw ValidationError("--problem must be 1 or more, got \(problem)") }
            if let sense, GAPSense(rawValue: sense) == nil {
                throw ValidationError("--sense must be max or min, got '\(sense)'")
            }
            if resolvedSense == nil {
                throw ValidationError("cannot tell from the file name '\(file)' whether it is a maximisation (gap1–gap12) or minimisation (gapa–gapd) file; give --sense max or --sense min")
            }
            try checkReadable(file)
        }

        func run() throws {
            let text = try readText(file)
            guard let sense = resolvedSense else { throw Exit.inputError }  // validate() guarantees it
            let imported: ORLibraryImport.Imported
            do {
                imported = try ORLibraryImport.gap(text: text, file: file, problem: problem, sense: sense, name: name)
            } catch {
                reportImportErrors(error, file: file)
                throw Exit.inputError
            }
            try writeImported(imported, to: out)
            let s = imported.scenario
            print("wrote \(out): \(s.name), GAP problem \(problem), m = \(imported.agents) agents, n = \(imported.jobs) jobs, sense \(sense.rawValue)")
            printReadBack(imported, folder: out)
        }
    }
}

/// Fails validation unless `file` is a readable regular file.
private func checkReadable(_ file: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
        throw ValidationError("\(file): no such file")
    }
    guard !isDirectory.boolValue else { throw ValidationError("\(file) is a folder; expected an OR-Library file") }
    guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError("\(file): not readable") }
}

/// The file as text. OR-Library files are ASCII; anything that is not UTF-8 is refused
/// rather than decoded with replacement characters that would then be reported as tokens.
private func readText(_ file: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: file) else {
        printError("\(file): cannot be read")
        throw Exit.inputError
    }
    guard let text = String(data: data, encoding: .utf8) else {
        printError("\(file): not a text file (expected ASCII numbers)")
        throw Exit.inputError
    }
    return text
}

/// Prints every located error, then a count, as `check` does for scenario folders.
private func reportImportErrors(_ errors: InputErrors, file: String) {
    printError(errors.description)
    printError("\(errors.errors.count) error\(errors.errors.count == 1 ? "" : "s") in \(file)")
}

/// Writes the scenario folder and its README (an ``OutputError`` is exit 5).
private func writeImported(_ imported: ORLibraryImport.Imported, to folder: String) throws {
    try ScenarioWriter.write(imported.scenario, to: folder, readme: imported.readme)
}

/// How to solve the folder and read the optimum back.
private func printReadBack(_ imported: ORLibraryImport.Imported, folder: String) {
    let o = imported.objective
    print("solve with: cadreplan solve \(folder) --out plans/\(imported.scenario.name)")
    print("then read summary.json: the coverage tier must be 0 (every job assigned), and")
    if o.sense == .max {
        print("  \(o.formula)  (C = \(o.largestCost), the largest profit; costs were imported as C − c)")
        print("  upper bound = \(o.constant) − quality bound")
    } else {
        print("  \(o.formula)  (the quality tier is Σ c)")
    }
}
