import Foundation
import PlanDesk

// cadreplan-serve [ROOT] [--port N] [--host ADDRESS]: the planning desk (run by `cadreplan serve`).
var root = "."
var port = 8080
var host = "127.0.0.1"
var args = Array(CommandLine.arguments.dropFirst())
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("cadreplan serve: \(message)\n".utf8))
    exit(2)
}
while !args.isEmpty {
    let a = args.removeFirst()
    switch a {
    case "--port":
        guard let v = args.first.flatMap(Int.init), (1...65535).contains(v) else { fail("--port needs a number from 1 to 65535") }
        port = v; args.removeFirst()
    case "--host":
        guard let v = args.first, !v.isEmpty else { fail("--host needs an address") }
        host = v; args.removeFirst()
    default:
        guard !a.hasPrefix("-") else { fail("unknown option \(a); usage: cadreplan serve [ROOT] [--port N] [--host ADDRESS]") }
        root = a
    }
}
do {
    try await PlanDesk.run(root: root, host: host, port: port)
} catch {
    fail("\(error)")
}
