import Foundation
import Testing
@testable import Scenario

@Suite("No input crashes the loader")
struct RobustnessTests {
    /// A small deterministic generator, so a failure can be reproduced.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("randomly damaged files give errors, never a crash")
    func damagedFiles() throws {
        var random = SplitMix(state: 20_220_916)
        // Bytes that matter to the parsers: quotes, separators, line ends, YAML indicators, invalid UTF-8.
        let interesting: [UInt8] = Array("\",\n\r:-[]{}#&*!|> \t0;".utf8) + [0xFF, 0xC3, 0xE6, 0x00, 0x81]
        let fixture = try Fixture()
        for round in 0..<150 {
            for (name, text) in Fixture.valid {
                var bytes = Array(text.utf8)
                for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                    let at = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: bytes[at] = interesting.randomElement(using: &random) ?? 0x20
                    case 1: bytes.remove(at: at)
                    default: bytes.insert(interesting.randomElement(using: &random) ?? 0x20, at: at)
                    }
                }
                try fixture.write(name, bytes)
            }
            let errors = fixture.errors
            // Every error names one of the scenario's files or the folder.
            for e in errors {
                #expect(ScenarioLoader.fileNames.contains((e.file as NSString).lastPathComponent), "round \(round): \(e)")
            }
        }
    }

    @Test("truncated valid files at every length never crash")
    func truncated() throws {
        let fixture = try Fixture()
        for (name, text) in Fixture.valid {
            let bytes = Array(text.utf8)
            for length in stride(from: 0, to: bytes.count, by: 3) {
                try fixture.write(name, Array(bytes[..<length]))
                _ = fixture.errors
            }
            try fixture.write(name, bytes)
        }
    }
}
