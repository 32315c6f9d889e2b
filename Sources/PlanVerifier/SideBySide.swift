import Dispatch

/// Runs independent pieces of a verification on the machine's cores and waits for all of them.
///
/// Each piece writes its result into a ``Slot`` of its own, read only after ``run(_:)`` returns;
/// no piece reads another's, so the outcome does not depend on their order.
enum SideBySide {
    /// One piece's result.
    final class Slot<Value>: @unchecked Sendable {
        // @unchecked: written by one piece only, read after `run` has waited for every piece.
        var value: Value?
    }

    /// Runs every piece, side by side, and returns when all have finished.
    static func run(_ pieces: [@Sendable () -> Void]) {
        DispatchQueue.concurrentPerform(iterations: pieces.count) { pieces[$0]() }
    }
}
