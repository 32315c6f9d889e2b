import MIP

/// The time limit and gap tolerance of one solve, checked before GLPK sees them.
///
/// GLPK aborts the process on a negative `tm_lim` or `mip_gap`, and its time limits
/// are C `int` milliseconds, so both are validated and clamped here.
struct SolveLimits {
    /// When the solve must stop, or `nil` for no limit.
    let deadline: ContinuousClock.Instant?
    /// GLPK's `mip_gap`: the relative gap at which branch-and-bound may stop.
    let relativeGap: Double
    /// When the solve started.
    let start: ContinuousClock.Instant

    /// The longest limit GLPK can express: `Int32.max` milliseconds (about 24.8 days).
    static let longestLimit = Double(Int32.max) / 1000

    /// Checks `options` and fixes the deadline relative to `start`.
    init(_ options: SolveOptions, start: ContinuousClock.Instant) throws(SolverError) {
        self.start = start
        if let limit = options.timeLimit {
            guard limit.isFinite, limit > 0 else {
                throw SolverError("time limit must be a finite number of seconds above 0, not \(limit)")
            }
            deadline = start + .seconds(min(limit, Self.longestLimit))
        } else {
            deadline = nil
        }
        guard options.relativeGap.isFinite, options.relativeGap >= 0 else {
            throw SolverError("relative gap must be finite and at least 0, not \(options.relativeGap)")
        }
        relativeGap = options.relativeGap
    }

    /// Milliseconds left before the deadline, as GLPK's `tm_lim`; `nil` without a limit.
    ///
    /// At least 1: a spent budget still yields a valid (tiny) limit rather than 0 or a
    /// negative value, and GLPK then stops at its first check.
    func remainingMilliseconds() -> Int32? {
        guard let deadline else { return nil }
        let milliseconds = (ContinuousClock.now.duration(to: deadline).seconds * 1000).rounded(.up)
        return Int32(min(max(milliseconds, 1), Double(Int32.max)))
    }
}
