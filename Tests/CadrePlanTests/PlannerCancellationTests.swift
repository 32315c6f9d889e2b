import GLPKSolver
import MIP
import Scenario
import Testing
@testable import CadrePlan

/// Planning stopped through ``PlannerOptions/cancellation``.
@Suite("Planner cancellation")
struct PlannerCancellationTests {
    /// Two cadres, two targets: a block the planner solves as an integer program (no matching solver given).
    func scenario() -> Scenario {
        var b = Build()
        b.cadre("p1"); b.cadre("p2")
        b.target("t1"); b.target("t2", priority: 1)
        return b.scenario
    }

    func outcome(_ cancellation: Cancellation) -> String {
        var options = PlannerOptions()
        options.parallel = false
        options.cancellation = cancellation
        do {
            let plan = try Planner(solver: GLPKSolver()).plan(scenario(), options: options)
            return "plan of \(plan.pairs.count) pairs"
        } catch PlanError.cancelled {
            return "cancelled"
        } catch {
            return "\(error)"
        }
    }

    @Test("a raised flag: PlanError.cancelled, no plan")
    func raisedFlagGivesNoPlan() {
        let cancellation = Cancellation()
        cancellation.cancel()
        #expect(outcome(cancellation) == "cancelled")
    }

    @Test("a flag raised while the first tier is being solved: PlanError.cancelled, no plan")
    func flagRaisedMidwayGivesNoPlan() {
        let cancellation = Cancellation()
        var options = PlannerOptions()
        options.parallel = false
        options.cancellation = cancellation
        // The planner reports each tier's solve just before it starts: cancel there, as the desk's button would.
        options.progress = { p in if p.phase == "solve" { cancellation.cancel() } }
        var outcome = "no error"
        do { _ = try Planner(solver: GLPKSolver()).plan(scenario(), options: options) } catch PlanError.cancelled {
            outcome = "cancelled"
        } catch { outcome = "\(error)" }
        #expect(outcome == "cancelled")
        #expect(cancellation.isCancelled)
    }

    @Test("a flag not raised: the plan (both targets served)")
    func unraisedFlagPlans() {
        #expect(outcome(Cancellation()) == "plan of 2 pairs")
    }
}
