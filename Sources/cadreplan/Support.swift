import ArgumentParser
import Foundation
import Scenario

/// Exit codes, documented in the README and in `cadreplan help`.
enum Exit {
    /// The scenario or plan files have errors.
    static let inputError = ExitCode(2)
    /// The plan breaks a rule (verification failed).
    static let violations = ExitCode(3)
    /// No plan could be made (infeasible pins, time limit, solver failure).
    static let noPlan = ExitCode(4)
    /// An output could not be written (read-only or full disk, no permission, a file in the
    /// way, a folder that is not a cadreplan plan); nothing was changed.
    static let outputError = ExitCode(5)
    /// An error cadreplan did not foresee: a bug, reported with its description.
    static let internalError = ExitCode(1)
    /// An unknown option or a bad option value (swift-argument-parser's usage error, EX_USAGE).
    static let usage = ExitCode(64)

    /// The paragraph that `cadreplan help` and the README give.
    static let summary = "Exit codes: 0 success; 2 input errors (every error listed with file, line and column); 3 verification failure; 4 no plan (pins that cannot be kept, time limit before any plan, solver failure); 5 output error (the plan or scenario could not be written: read-only or full disk, no permission, a file in the way, a folder that is not a cadreplan plan; nothing was changed); 64 usage error (unknown option or bad option value); 1 internal error (a bug: please report it)."
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Loads a scenario or prints every input error and exits.
func loadScenario(_ folder: String) throws -> Scenario {
    do {
        return try ScenarioLoader.load(folder: folder)
    } catch {
        printError(error.description)
        printError("\(error.errors.count) error\(error.errors.count == 1 ? "" : "s") in \(folder)")
        throw Exit.inputError
    }
}

/// Whether standard error is a terminal (progress lines are drawn only there by default).
var standardErrorIsTerminal: Bool { isatty(2) != 0 }
