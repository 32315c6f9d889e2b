import CGLPK

extension GLPKSolver {
    /// Whether the linked GLPK keeps its environment in thread-local storage.
    ///
    /// `glp_config("TLS")` returns the storage-class keyword GLPK was compiled with
    /// (e.g. `_Thread_local`) or NULL without TLS. With TLS every thread has its own
    /// GLPK environment — memory, terminal hook and problem objects — so solves on
    /// different threads do not interfere. Without it, all threads share one
    /// environment and concurrent solves would corrupt it.
    static let hasThreadLocalStorage: Bool = glp_config("TLS") != nil

    /// Whether independent models may be solved on several threads at once: true
    /// exactly when GLPK was built with thread-local storage.
    public var supportsConcurrentSolves: Bool { Self.hasThreadLocalStorage }

    /// Frees the calling thread's GLPK environment (`glp_free_env`).
    ///
    /// With thread-local storage GLPK allocates an environment per thread on first
    /// use and never frees it by itself; a worker thread calls this when it has
    /// finished solving. It must not run while a solve is in progress on the same
    /// thread (it frees every GLPK object of the thread). The next GLPK call on the
    /// thread simply creates a fresh environment.
    public static func releaseThreadEnvironment() {
        _ = glp_free_env()
    }

    /// Calls ``releaseThreadEnvironment()``; see there.
    public func releaseThreadResources() {
        Self.releaseThreadEnvironment()
    }
}
