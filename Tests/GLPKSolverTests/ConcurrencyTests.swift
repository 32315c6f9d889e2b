import Dispatch
import GLPKSolver
import MIP
import Testing

/// Solving on several threads at once, which GLPK allows when built with thread-local storage.
@Suite("GLPKSolver concurrency")
struct ConcurrencyTests {
    @Test("reports thread-local storage (Debian's GLPK 5.0 has it)")
    func supportsConcurrentSolves() {
        #expect(GLPKSolver().supportsConcurrentSolves)
    }

    @Test("independent solves on several threads agree with the hand-derived optimum",
          .enabled(if: GLPKSolver().supportsConcurrentSolves, "GLPK without thread-local storage"))
    func concurrentSolves() {
        let results = Recorder<Double?>()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let solver = GLPKSolver()
            // Each worker logs, so each thread's terminal hook is exercised at the same time.
            let solution = try? solver.solve(SmallModelTests.knapsack(), options: SolveOptions(log: { _ in }))
            results.append(solution?.objective)
            // A worker thread frees its GLPK environment when it is done.
            solver.releaseThreadResources()
        }
        #expect(results.values.count == 8)
        #expect(results.values.allSatisfy { close($0, 90) })
    }

    @Test("solving works again after the thread environment was released")
    func solveAfterRelease() throws {
        GLPKSolver.releaseThreadEnvironment()
        let solution = try GLPKSolver().solve(SmallModelTests.knapsack(), options: SolveOptions())
        #expect(close(solution.objective, 90))
        GLPKSolver.releaseThreadEnvironment()
    }
}

@Suite("GLPKSolver version")
struct VersionTests {
    @Test("names GLPK 5")
    func version() {
        #expect(GLPKSolver.versionDescription.hasPrefix("GLPK 5."))
    }
}
