import Foundation

/// Wall-clock laps for the statistics.
final class Stopwatch: @unchecked Sendable {
    private var last = DispatchTime.now().uptimeNanoseconds
    /// Seconds since the previous lap (or creation).
    func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}

/// Hands out work indices to worker threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    /// The next index below `limit`, or `nil` when all are taken.
    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// Results written by worker threads, one slot each.
final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<T, Error>) { lock.lock(); slots[i] = r; lock.unlock() }
    var values: [Result<T, Error>?] { lock.lock(); defer { lock.unlock() }; return slots }
}
