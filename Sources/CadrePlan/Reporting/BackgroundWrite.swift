import Foundation

/// Files being written on a thread of their own while the caller goes on (the plan writer's
/// other tables while it reads the checked ones back); ``wait()`` gives the outcome.
final class BackgroundWrite: @unchecked Sendable {
    // @unchecked: `outcome` is written once on the writing thread before `done` is signalled,
    // and read only after waiting for it.
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Void, any Error> = .success(())

    /// Starts `write` at once.
    init(_ write: @escaping @Sendable () throws -> Void) {
        Thread.detachNewThread { [self] in
            outcome = Result { try write() }
            done.signal()
        }
    }

    /// Waits until the writing has ended; its error, if any.
    func wait() -> Result<Void, any Error> {
        done.wait()
        done.signal()   // a second wait returns at once
        return outcome
    }
}
