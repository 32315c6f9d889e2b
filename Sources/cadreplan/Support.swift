import ArgumentParser
import Foundation
import Scenario

/// Exit codes, documented in the README.
enum Exit {
    /// The scenario or plan files have errors.
    static let inputError = ExitCode(2)
    /// The plan breaks a rule (verification failed).
    static let violations = ExitCode(3)
    /// No plan could be made (infeasible pins, time limit, solver failure).
    static let noPlan = ExitCode(4)
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
