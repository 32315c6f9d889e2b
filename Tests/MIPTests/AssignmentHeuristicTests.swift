import MIP
import Testing

/// A small generalised assignment problem in the shape cadreplan builds (a binary switch per
/// agent, count and load rows linked to it, one choice row per job, a row keeping every job
/// assigned), with a feasible start and the brute-force optimum.
struct SmallGAP {
    let model: Model
    let agents: Int, jobs: Int
    let cost: [[Int]], weight: [[Int]], capacity: [Int]

    init(seed: Int, agents: Int = 3, jobs: Int = 6) {
        var r = Random(seed: UInt64(seed))
        let cost = (0..<agents).map { _ in (0..<jobs).map { _ in r.int(1...30) } }
        let weight = (0..<agents).map { _ in (0..<jobs).map { _ in r.int(1...9) } }
        // Room for every job at its lightest agent, and some slack, so a start exists.
        let total = (0..<jobs).map { j in (0..<agents).map { weight[$0][j] }.min()! }.reduce(0, +)
        let capacity = (0..<agents).map { _ in total / agents + r.int(5...12) }
        self.init(cost: cost, weight: weight, capacity: capacity)
    }

    /// The problem with the given costs, weights (both agent × job) and capacities.
    init(cost: [[Int]], weight: [[Int]], capacity: [Int]) {
        let agents = cost.count, jobs = cost[0].count
        var m = Model(name: "gap")
        let z = (0..<agents).map { i in (0..<jobs).map { j in m.addVariable("z_\(i)_\(j)", lower: 0, upper: 1, kind: .integer) } }
        let n = (0..<agents).map { m.addVariable("n_\($0)", lower: 0, upper: 1, kind: .integer) }
        for i in 0..<agents {
            m.addConstraint("most_\(i)", z[i].map { Term($0, 1) } + [Term(n[i], -Double(jobs))], upper: 0)
            m.addConstraint("least_\(i)", z[i].map { Term($0, 1) } + [Term(n[i], -1)], lower: 0)
            m.addConstraint("load_\(i)", (0..<jobs).map { Term(z[i][$0], Double(weight[i][$0])) } + [Term(n[i], -Double(capacity[i]))], upper: 0)
        }
        for j in 0..<jobs { m.addConstraint("demand_\(j)", (0..<agents).map { Term(z[$0][j], 1) }, upper: 1) }
        m.addConstraint("keep", z.flatMap { $0 }.map { Term($0, -1) }, upper: -Double(jobs))
        m.objective = Objective(sense: .minimize, terms: (0..<agents).flatMap { i in (0..<jobs).map { Term(z[i][$0], Double(cost[i][$0])) } })
        self.agents = agents; self.jobs = jobs
        self.cost = cost; self.weight = weight; self.capacity = capacity
        model = m
    }

    /// The point of an assignment (job → agent), switches on where used.
    func point(_ agentOf: [Int]) -> [Double] {
        var x = [Double](repeating: 0, count: agents * jobs + agents)
        for (j, i) in agentOf.enumerated() { x[i * jobs + j] = 1; x[agents * jobs + i] = 1 }
        return x
    }

    /// Whether an assignment fits every capacity.
    func fits(_ agentOf: [Int]) -> Bool {
        var load = [Int](repeating: 0, count: agents)
        for (j, i) in agentOf.enumerated() { load[i] += weight[i][j] }
        return zip(load, capacity).allSatisfy { $0 <= $1 }
    }

    /// A feasible start: each job to the feasible agent of highest cost (a deliberately poor one).
    var poorStart: [Int]? {
        var load = [Int](repeating: 0, count: agents), agentOf: [Int] = []
        for j in 0..<jobs {
            guard let i = (0..<agents).filter({ load[$0] + weight[$0][j] <= capacity[$0] }).max(by: { cost[$0][j] < cost[$1][j] }) else { return nil }
            load[i] += weight[i][j]; agentOf.append(i)
        }
        return agentOf
    }

    /// The optimum by enumeration of all agents^jobs assignments.
    var optimum: Int? { optimum(accepting: { _ in true }) }

    /// The cheapest assignment that fits and that `accepting` accepts (job → agent), by
    /// enumeration of all agents^jobs assignments.
    func optimum(accepting: ([Int]) -> Bool) -> Int? {
        var best: Int?
        var agentOf = [Int](repeating: 0, count: jobs)
        func visit(_ j: Int) {
            if j == jobs {
                guard accepting(agentOf), fits(agentOf) else { return }
                let c = agentOf.enumerated().reduce(0) { $0 + cost[$1.1][$1.0] }
                if best == nil || c < best! { best = c }
                return
            }
            for i in 0..<agents { agentOf[j] = i; visit(j + 1) }
        }
        visit(0)
        return best
    }
}

/// Checks a point against every bound and row of `model` on its own (no shared code with MIP's checks).
func satisfies(_ values: [Double], _ model: Model) -> Bool {
    guard values.count == model.variables.count else { return false }
    for (v, x) in zip(model.variables, values) {
        if v.kind == .integer && x != x.rounded() { return false }
        if let l = v.lower, x < l { return false }
        if let u = v.upper, x > u { return false }
    }
    for row in model.constraints {
        let a = row.terms.reduce(0.0) { $0 + $1.coefficient * values[$1.variable.index] }
        if let l = row.lower, a < l { return false }
        if let u = row.upper, a > u { return false }
    }
    return true
}

@Suite("Assignment heuristic")
struct AssignmentHeuristicTests {
    @Test("improves a poor start to a feasible, cheaper point, never below the optimum", arguments: 1...40)
    func improves(seed: Int) throws {
        let gap = SmallGAP(seed: seed)
        guard let start = gap.poorStart, let optimum = gap.optimum else { return }
        let heuristic = try #require(AssignmentHeuristic(gap.model))
        let startValue = Model.evaluate(gap.model.objective.terms, at: gap.point(start))
        guard let found = heuristic.improve(gap.point(start), effort: 5_000) else {
            // Only a start that is already optimal may come back unimproved.
            #expect(startValue == Double(optimum), "seed \(seed)")
            return
        }
        #expect(satisfies(found.values, gap.model), "seed \(seed)")
        #expect(found.objective == Model.evaluate(gap.model.objective.terms, at: found.values))
        #expect(found.objective < startValue)
        #expect(found.objective >= Double(optimum))
    }

    @Test("points built from arbitrary relaxations are feasible or absent", arguments: 1...40)
    func constructs(seed: Int) throws {
        let gap = SmallGAP(seed: seed, agents: 4, jobs: 7)
        let heuristic = try #require(AssignmentHeuristic(gap.model))
        var r = Random(seed: UInt64(seed) + 99)
        for _ in 0..<5 {
            let relaxation = gap.model.variables.map { _ in Double(r.int(0...10)) / 10 }
            if let found = heuristic.construct(from: relaxation, cutoff: nil, effort: 2_000) {
                #expect(satisfies(found.values, gap.model), "seed \(seed)")
                if let optimum = gap.optimum { #expect(found.objective >= Double(optimum)) }
            }
        }
    }

    @Test("an infeasible or fractional start is refused")
    func refusesBadStarts() throws {
        let gap = SmallGAP(seed: 3)
        let heuristic = try #require(AssignmentHeuristic(gap.model))
        var fractional = gap.point(gap.poorStart ?? [0, 0, 0, 0, 0, 0])
        fractional[0] = 0.5
        #expect(heuristic.improve(fractional, effort: 10_000) == nil)
        // Every job on agent 0 overloads it: an infeasible start.
        let crowded = [Int](repeating: 0, count: gap.jobs)
        #expect(!gap.fits(crowded))
        #expect(heuristic.improve(gap.point(crowded), effort: 10_000) == nil)
    }

    @Test("models without integer data or choice rows are declined")
    func declines() {
        var continuous = Model()
        let x = continuous.addVariable("x", lower: 0, upper: 1)
        let y = continuous.addVariable("y", lower: 0, upper: 1)
        continuous.addConstraint("r", [Term(x, 1), Term(y, 1)], upper: 1)
        #expect(AssignmentHeuristic(continuous) == nil)
        var fractional = Model()
        let a = fractional.addVariable("a", lower: 0, upper: 1, kind: .integer)
        let b = fractional.addVariable("b", lower: 0, upper: 1, kind: .integer)
        fractional.addConstraint("r", [Term(a, 0.5), Term(b, 1)], upper: 1)
        #expect(AssignmentHeuristic(fractional) == nil)
    }
}

@Suite("Exact integer check")
struct IntegerCheckTests {
    @Test("accepts a feasible point and rejects fractional, out-of-bound and row-breaking ones")
    func checks() throws {
        let gap = SmallGAP(seed: 5)
        let check = try #require(IntegerCheck(gap.model))
        let start = try #require(gap.poorStart)
        let good = gap.point(start)
        #expect(check.feasiblePoint(good) == good)
        #expect(check.objective(good) == Model.evaluate(gap.model.objective.terms, at: good))
        var fractional = good; fractional[0] = 0.5
        #expect(check.feasiblePoint(fractional) == nil)
        var outside = good; outside[0] = 2
        #expect(check.feasiblePoint(outside) == nil)
        var unassigned = good
        let j = 0, i = start[0]
        unassigned[i * gap.jobs + j] = 0   // job 0 unassigned: the keep row breaks
        #expect(check.feasiblePoint(unassigned) == nil)
        // Within 10⁻⁶ of an integer counts as that integer.
        var noisy = good; noisy[1] += 1e-9
        #expect(check.feasiblePoint(noisy) == good)
    }

    @Test("no exact check for continuous variables or fractional data")
    func declines() {
        var m = Model()
        let x = m.addVariable("x", lower: 0, upper: 1)
        m.addConstraint("r", [Term(x, 1)], upper: 1)
        #expect(IntegerCheck(m) == nil)
        var f = Model()
        let y = f.addVariable("y", lower: 0, upper: 3, kind: .integer)
        f.addConstraint("r", [Term(y, 1)], upper: 2.5)
        #expect(IntegerCheck(f) == nil)
    }
}
