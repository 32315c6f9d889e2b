import Foundation
import Glibc
import Testing

/// `cadreplan serve` (the planning desk) as a planner uses it: in Chromium, driven by Selenium
/// (Tests/Browser/desk_test.py). CI installs chromium, chromium-driver and selenium and sets
/// CADREPLAN_REQUIRE_RENDER=1, so a missing one fails there; elsewhere the test is skipped.
@Suite("Planning desk in Chromium", .serialized)
struct DeskBrowserTests {
    static let required = RenderCheckTests.required
    static let python = External.find("python3")
    static let ready: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"), let python else { return false }
        return (try? External.run(python, ["-c", "import selenium"]).status) == 0
    }()

    @Test(.enabled(if: ready || required, "chromium, chromium-driver or python3's selenium is not installed"))
    func solvePinForbidResolveInTheBrowser() throws {
        #expect(Self.ready, "chromium (/usr/bin/chromium), chromedriver (/usr/bin/chromedriver) and selenium are required (CADREPLAN_REQUIRE_RENDER=1)")
        guard Self.ready, let python = Self.python else { return }
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        // scenarios/small by default; CADREPLAN_DESK_SCENARIO=hainan-2022 runs the same steps on the
        // full campaign (about 2 minutes in a debug build: two solves and 5,000-row tables), too long for CI.
        let name = ProcessInfo.processInfo.environment["CADREPLAN_DESK_SCENARIO"] ?? "small"
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("scenarios/" + name), to: dir.appendingPathComponent("scenarios/" + name))
        let (server, port) = try Self.startDesk(root: dir)
        defer { server.terminate(); server.waitUntilExit() }
        let png = dir.appendingPathComponent("desk.png").path
        let script = CLI.root.appendingPathComponent("Tests/Browser/desk_test.py").path
        let run = try External.run(python, [script, "http://127.0.0.1:\(port)", name, png], timeout: 600)
        #expect(!run.timedOut && run.status == 0, "\(run.stdout)\(run.stderr)")
        let facts = try PNGFacts.of(png)
        #expect(facts.width == 1280 && facts.inkShare > 0.02 && facts.colours > 50, "\(facts)")
        // The scenario's own files now hold the pin and the forbidden pair.
        let pins = try String(contentsOf: dir.appendingPathComponent("scenarios/\(name)/pins.csv"), encoding: .utf8)
        let pairs = try String(contentsOf: dir.appendingPathComponent("scenarios/\(name)/pairs.csv"), encoding: .utf8)
        #expect(pins.split(separator: "\n").count == 2 && pairs.contains("回避：浏览器测试"))
        // The variant saved from the page is a folder of its own beside the scenario, and it was solved.
        let variant = try String(contentsOf: dir.appendingPathComponent("scenarios/\(name)-m2/scenario.yaml"), encoding: .utf8)
        #expect(variant.contains("base: \"../\(name)\"") && variant.contains("mode: \"one-to-many:2\""))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("plans/\(name)-m2/summary.json").path))
    }

    /// Starts `cadreplan serve ROOT --port P` on a free port and waits until it answers.
    static func startDesk(root: URL) throws -> (Process, Int) {
        for _ in 0..<5 {
            let port = Int.random(in: 20000..<60000)
            let p = Process()
            p.executableURL = CLI.binary
            p.arguments = ["serve", root.path, "--port", String(port)]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            for _ in 0..<100 where p.isRunning {
                if listening(port) { return (p, port) }
                Thread.sleep(forTimeInterval: 0.1)
            }
            if p.isRunning { p.terminate() }
            p.waitUntilExit()
        }
        throw CocoaError(.fileReadUnknown)
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func listening(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    @Test func serveWithoutTheDeskProgramSaysHowToBuildIt() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lone = dir.appendingPathComponent("cadreplan")
        try FileManager.default.copyItem(at: CLI.binary, to: lone)
        let p = Process()
        p.executableURL = lone
        p.arguments = ["serve", dir.path]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2)
        #expect(text.contains("swift build --product cadreplan-serve") && text.split(separator: "\n").count == 1, "\(text)")
    }
}
