import MIP
import Testing

@Suite("Shift-and-swap heuristic")
struct ShiftSwapHeuristicTests {
    /// Two agents, four jobs. Agent 0 holds weight 5, agent 1 weight 10 (three jobs of weight 3
    /// at most), so agent 0 must take a job. Everything on agent 1 would cost 6+6+5+6 = 23;
    /// moving a job to agent 0 saves 5, 2, 1, 5 for jobs 0–3. The subsets agent 0 can hold:
    /// {0,1} (weight 5, saves 7), {0,2} (5, saves 6), {3} (4, saves 5), {1,2} (4, saves 3) and
    /// single jobs. The optimum is 23 − 7 = 16: jobs 0 and 1 on agent 0, jobs 2 and 3 on agent 1.
    /// Job 3 is a trap: as cheap on agent 0 as job 0, but too heavy to share it.
    static let trap = SmallGAP(cost: [[1, 4, 4, 1], [6, 6, 5, 6]],
                               weight: [[3, 2, 2, 4], [3, 3, 3, 3]],
                               capacity: [5, 10])

    @Test("finds the hand-computed optimum 16 from a poor feasible start")
    func trapFromPoorStart() throws {
        let heuristic = try #require(ShiftSwapHeuristic(Self.trap.model))
        // Jobs 0–2 on agent 1, job 3 on agent 0: 6 + 6 + 5 + 1 = 18.
        let start = Self.trap.point([1, 1, 1, 0])
        #expect(Model.evaluate(Self.trap.model.objective.terms, at: start) == 18)
        let found = try #require(heuristic.search(from: start, effort: 100 * heuristic.neighbourhood))
        #expect(found.objective == 16)
        #expect(found.values == Self.trap.point([0, 0, 1, 1]))
        #expect(satisfies(found.values, Self.trap.model))
    }

    @Test("finds the optimum 16 from a relaxation that puts every job on the small agent")
    func trapFromRelaxation() throws {
        let heuristic = try #require(ShiftSwapHeuristic(Self.trap.model))
        // Every job split evenly: ties go to the first variable (agent 0), 11 units of weight on a capacity of 5.
        var relaxation = [Double](repeating: 0.5, count: 8)
        relaxation += [1, 1]
        let found = try #require(heuristic.search(from: relaxation, effort: 100 * heuristic.neighbourhood))
        #expect(found.objective == 16)
        #expect(satisfies(found.values, Self.trap.model))
    }

    @Test("returns nothing that does not beat the cutoff by a whole unit; stops at the bound")
    func cutoffAndBound() throws {
        let heuristic = try #require(ShiftSwapHeuristic(Self.trap.model))
        let start = Self.trap.point([1, 1, 1, 0])
        #expect(heuristic.search(from: start, cutoff: 16, effort: 100 * heuristic.neighbourhood) == nil)
        #expect(heuristic.search(from: start, cutoff: 17, effort: 100 * heuristic.neighbourhood)?.objective == 16)
        // With the bound 16 proven, the search ends at the optimum however large its budget.
        #expect(heuristic.search(from: start, bound: 16, effort: 10_000_000)?.objective == 16)
    }

    /// The agents' switches keep the start's values (``ShiftSwapHeuristic``): an open agent must
    /// keep a job (its row `Σ z ≥ n`), a closed one takes none. So the search must reach the best
    /// assignment that uses exactly the start's agents (by enumeration), and never beat the optimum.
    @Test("reaches the brute-force optimum over the start's agents in small random problems", arguments: 1...40)
    func random(seed: Int) throws {
        let gap = SmallGAP(seed: seed)
        guard let start = gap.poorStart, let optimum = gap.optimum,
              let reachable = gap.optimum(usingExactly: Set(start)) else { return }
        let heuristic = try #require(ShiftSwapHeuristic(gap.model))
        let found = heuristic.search(from: gap.point(start), effort: 200 * heuristic.neighbourhood)
        let value = found?.objective ?? Model.evaluate(gap.model.objective.terms, at: gap.point(start))
        #expect(value == Double(reachable), "seed \(seed)")
        #expect(value >= Double(optimum), "seed \(seed)")
        if let found { #expect(satisfies(found.values, gap.model), "seed \(seed)") }
    }

    @Test("every point returned from arbitrary starts is feasible and never below the optimum", arguments: 1...40)
    func arbitraryStarts(seed: Int) throws {
        let gap = SmallGAP(seed: seed, agents: 4, jobs: 7)
        let heuristic = try #require(ShiftSwapHeuristic(gap.model))
        var r = Random(seed: UInt64(seed) + 7)
        for _ in 0..<5 {
            let start = gap.model.variables.map { _ in Double(r.int(0...10)) / 10 }
            guard let found = heuristic.search(from: start, effort: 50 * heuristic.neighbourhood) else { continue }
            #expect(satisfies(found.values, gap.model), "seed \(seed)")
            #expect(found.objective == Model.evaluate(gap.model.objective.terms, at: found.values))
            if let optimum = gap.optimum { #expect(found.objective >= Double(optimum), "seed \(seed)") }
            // One job, one agent: each job row holds exactly one 1.
            for j in 0..<gap.jobs {
                #expect((0..<gap.agents).reduce(0.0) { $0 + found.values[$1 * gap.jobs + j] } == 1, "seed \(seed)")
            }
        }
    }

    @Test("the same start and calls give the same points")
    func deterministic() throws {
        let gap = SmallGAP(seed: 11, agents: 4, jobs: 7)
        let first = try #require(ShiftSwapHeuristic(gap.model)), second = try #require(ShiftSwapHeuristic(gap.model))
        let start = gap.model.variables.map { _ in 0.25 }
        for _ in 0..<3 {
            #expect(first.search(from: start, effort: 5_000) == second.search(from: start, effort: 5_000))
        }
    }

    @Test("declines models without jobs over two agents")
    func declines() {
        var knapsack = Model()
        let a = knapsack.addVariable("a", lower: 0, upper: 1, kind: .integer)
        let b = knapsack.addVariable("b", lower: 0, upper: 1, kind: .integer)
        knapsack.addConstraint("capacity", [Term(a, 3), Term(b, 4)], upper: 5)
        #expect(ShiftSwapHeuristic(knapsack) == nil)
        // One agent: every job variable has the same signature, nothing to swap with.
        let single = SmallGAP(cost: [[1, 2, 3]], weight: [[1, 1, 1]], capacity: [3])
        #expect(ShiftSwapHeuristic(single.model) == nil)
    }
}

extension SmallGAP {
    /// The cheapest assignment that fits and uses exactly the agents `used`, by enumeration.
    func optimum(usingExactly used: Set<Int>) -> Int? {
        optimum(accepting: { Set($0) == used })
    }
}
