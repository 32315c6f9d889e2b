import Foundation

/// A request, from any thread, that a running solve stop as soon as it can.
///
/// The solver polls it where it can stop safely: GLPK's search callback between nodes. GLPK
/// cannot stop inside its simplex, so a solve still in a block's LP relaxation stops only when
/// that relaxation is solved (see docs/DECISIONS.md). Once cancelled it stays cancelled.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    /// A flag not yet raised.
    public init() {}

    /// Raises the flag; the solve that polls it stops at its next check.
    public func cancel() {
        lock.lock(); defer { lock.unlock() }
        cancelled = true
    }

    /// Whether ``cancel()`` has been called.
    public var isCancelled: Bool {
        lock.lock(); defer { lock.unlock() }
        return cancelled
    }
}
