@testable import CadrePlan
import Foundation
import Testing

/// The plan writer's other tables are written on a thread of their own while it reads the
/// checked files back: the outcome must come back whole, however the two interleave.
@Suite("Background writes")
struct BackgroundWriteTests {
    struct Broken: Error, Equatable {}

    @Test("a write's error comes back from wait, and waiting twice gives it twice")
    func errorComesBack() {
        let write = BackgroundWrite { Thread.sleep(forTimeInterval: 0.05); throw Broken() }
        for _ in 0..<2 {
            guard case .failure(let error) = write.wait() else { Issue.record("the failure was lost"); return }
            #expect(error is Broken)
        }
    }

    @Test("wait returns only after the write has run")
    func waitsForTheWrite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("background-write-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let write = BackgroundWrite {
            Thread.sleep(forTimeInterval: 0.05)
            try Data("done".utf8).write(to: URL(fileURLWithPath: folder + ".txt"))
        }
        defer { try? FileManager.default.removeItem(atPath: folder + ".txt") }
        guard case .success = write.wait() else { Issue.record("the write failed"); return }
        #expect(FileManager.default.contents(atPath: folder + ".txt") == Data("done".utf8))
    }
}
