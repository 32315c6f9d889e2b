import ArgumentParser
import Foundation
import Scenario

/// The `cadreplan` command: plans deployments of cadres into enterprises with GLPK.
@main
struct CadrePlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadreplan",
        abstract: "Plan deployments of cadres into enterprises, projects and parks as exact integer programs.",
        discussion: "A scenario is a folder (scenario.yaml, regions.csv, cadres.csv, targets.csv, optional pairs.csv and pins.csv; see docs/DATA.md). `solve` writes a plan folder whose every assignment has been checked by an independent verifier.\n\n" + Exit.summary,
        version: "0.1.0",
        subcommands: [Generate.self, Check.self, Solve.self, Merge.self, Verify.self, Explain.self, Compare.self, Import.self, Serve.self]
    )

    /// Runs the command, mapping every failure to a documented exit code with a one-line message:
    /// output errors to 5, and anything unforeseen to 1 with its description on one line
    /// (never a Foundation error dump spread over several).
    static func main() {
        FaultInjection.installFromEnvironment()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as OutputError {
            printError(error.description)
            Foundation.exit(Exit.outputError.rawValue)
        } catch let error as InputErrors {
            // A scenario a writer would produce that `check` refuses (generate, import).
            printError(error.description)
            printError("\(error.errors.count) error\(error.errors.count == 1 ? "" : "s"): `check` would refuse the result, so nothing was written")
            Foundation.exit(Exit.inputError.rawValue)
        } catch {
            if exitCode(for: error) == .failure, !(error is ExitCode) {
                printError("cadreplan: internal error, please report it: \(String(describing: error).escapedForMessage)")
                Foundation.exit(Exit.internalError.rawValue)
            }
            exit(withError: error)
        }
    }
}
