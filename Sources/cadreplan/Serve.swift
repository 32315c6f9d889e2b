import ArgumentParser
import Foundation

extension CadrePlanCommand {
    /// `cadreplan serve`: starts the planning desk, the `cadreplan-serve` program built beside
    /// this one (kept out of the command line's build so that it does not carry a web server).
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open the planning desk: a local web page over the scenarios and plans under ROOT.",
            discussion: "Runs the cadreplan-serve program that sits beside this one (build it with `swift build --product cadreplan-serve`). The page lists the scenarios, shows each plan (report, tables per wave, group and region, targets, cadres), solves and re-solves, pins and unpins assignments and forbids pairs; everything it changes is written to the scenario's own files (pins.csv, pairs.csv) and plan folder, atomically. It listens on 127.0.0.1 unless --host says otherwise.")

        @Argument(help: "Folder holding the scenarios (default: the current folder).")
        var root: String = "."

        @Option(help: "Port to listen on.")
        var port: Int = 8080

        @Option(help: "Address to listen on (127.0.0.1: this machine only).")
        var host: String = "127.0.0.1"

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be 1 to 65535, got \(port)") }
            guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
        }

        func run() throws {
            // The running executable's own path (/proc/self/exe), not argv[0], which may be a bare name found on PATH.
            let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
            let server = URL(fileURLWithPath: me).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("cadreplan-serve").path
            guard FileManager.default.isExecutableFile(atPath: server) else {
                printError("cadreplan serve: \(server) is not built; build it with `swift build --product cadreplan-serve`")
                throw Exit.inputError
            }
            let args = [server, root, "--port", String(port), "--host", host]
            let argv = args.map { strdup($0) } + [nil]
            execv(server, argv)
            // execv returns only on failure.
            printError("cadreplan serve: could not start \(server): \(String(cString: strerror(errno)))")
            throw Exit.inputError
        }
    }
}
