import Foundation

/// The workbooks of one published plan being written (``DeskSolves``): done once, then waited on.
final class WorkbookJob: @unchecked Sendable {
    // @unchecked: `outcome` is read and written under `lock`; `done` is a semaphore.
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var result: String??

    /// nil while writing; then `.some(nil)` when written, `.some(reason)` when not.
    var outcome: String?? { lock.withLock { result } }

    /// Records how the writing ended and wakes every waiter.
    func finish(_ failure: String?) {
        lock.withLock { result = .some(failure) }
        done.signal()
    }

    /// Blocks the calling thread until the writing has ended.
    func wait() {
        done.wait()
        done.signal()   // the next waiter passes too
    }
}
