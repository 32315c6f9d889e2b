import Foundation
import MIP

/// Checks that `values` satisfies every bound, integrality requirement and row of
/// `model` within `tolerance`. Written independently of the solver's own checks.
func isFeasible(_ values: [Double], for model: Model, tolerance: Double = 1e-6) -> Bool {
    guard values.count == model.variables.count else { return false }
    for (value, variable) in zip(values, model.variables) {
        if let lower = variable.lower, value < lower - tolerance { return false }
        if let upper = variable.upper, value > upper + tolerance { return false }
        if variable.kind == .integer, abs(value - value.rounded()) > tolerance { return false }
    }
    for row in model.constraints {
        let activity = row.terms.reduce(0) { $0 + $1.coefficient * values[$1.variable.index] }
        if let lower = row.lower, activity < lower - tolerance { return false }
        if let upper = row.upper, activity > upper + tolerance { return false }
    }
    return true
}

/// Whether two numbers agree within an absolute tolerance.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-6) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}

/// Thread-safe accumulator for values reported from solver callbacks.
final class Recorder<Value: Sendable>: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var storage: [Value] = []
    /// Appends a value.
    func append(_ value: Value) { lock.withLock { storage.append(value) } }
    /// A copy of the values so far.
    var values: [Value] { lock.withLock { storage } }
}



/// Jeroslow's problem (R. G. Jeroslow, "Trivial integer programs unsolvable by
/// branch-and-bound", Math. Programming 6 (1974) 105–109), in a minimisation form:
///
///     minimise y  subject to  2·(x_1 + … + x_n) + y = n,  x_j, y ∈ {0, 1},  n odd.
///
/// The left side without y is even and n is odd, so y = 1 in every integer
/// solution: the optimum is 1 (e.g. (n−1)/2 of the x_j at 1). The LP relaxation has
/// value 0 (all x_j = 1/2, y = 0), and branch-and-bound without parity reasoning
/// must fix about n/2 variables before a node's LP becomes positive, so it needs
/// exponentially many nodes to prove the optimum. With `feasible: false` the y
/// column is dropped: then no integer solution exists at all, and branch-and-bound
/// cannot find that out quickly either.
func jeroslowModel(n: Int, feasible: Bool = true) -> Model {
    precondition(n % 2 == 1)
    var model = Model(name: "jeroslow\(n)")
    var terms = (1...n).map { Term(model.addVariable("x\($0)", lower: 0, upper: 1, kind: .integer), 2) }
    if feasible {
        let y = model.addVariable("y", lower: 0, upper: 1, kind: .integer)
        terms.append(Term(y, 1))
        model.objective = Objective(sense: .minimize, terms: [Term(y, 1)])
    }
    model.addConstraint("parity", terms, lower: Double(n), upper: Double(n))
    return model
}

/// SplitMix64 (Steele, Lea, Flood 2014): a small deterministic generator, so test
/// instances are the same on every run and platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    /// Creates a generator from `seed`.
    init(seed: UInt64) { state = seed }
    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A market-split instance (G. Cornuéjols and M. Dawande, "A class of hard small 0–1
/// programs", INFORMS J. Computing 11 (1999) 205–210): m equality rows
/// Σ_j a_ij x_j = d_i over n = 10(m − 1) binaries with a_ij uniform in 0…99.
/// Branch-and-bound needs a huge number of nodes on these. Here d = A·x* for a
/// random x*, so x* is a known solution; the objective is 0 (pure feasibility).
func marketSplit(rows m: Int, seed: UInt64) -> (model: Model, solution: [Double]) {
    var random = SplitMix64(seed: seed)
    let n = 10 * (m - 1)
    var model = Model(name: "marketsplit\(m)")
    let x = (0..<n).map { model.addVariable("x\($0)", lower: 0, upper: 1, kind: .integer) }
    let known = (0..<n).map { _ in Double(Int.random(in: 0...1, using: &random)) }
    for i in 0..<m {
        let a = (0..<n).map { _ in Double(Int.random(in: 0...99, using: &random)) }
        let d = zip(a, known).reduce(0) { $0 + $1.0 * $1.1 }
        model.addConstraint("split\(i)", zip(x, a).map { Term($0, $1) }, lower: d, upper: d)
    }
    return (model, known)
}
