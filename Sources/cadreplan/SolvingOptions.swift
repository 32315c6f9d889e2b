import ArgumentParser
import CadrePlan
import GLPKSolver
import MIP
import Scenario

/// Options shared by every command that solves: the model options, time limit, threads, and GLPK's search.
struct SolvingOptions: ParsableArguments {
    @OptionGroup var model: ModelOptions

    @Option(name: .customLong("time-limit"), help: "Seconds for all solves together; the best plan found is kept and its gap reported.")
    var timeLimit: Double?

    @Flag(name: .customLong("single-thread"), help: "Solve independent blocks one after another.")
    var singleThread = false

    @OptionGroup(title: "Branch-and-bound search (default: auto, chosen per tier from the model's shape; see docs/PERFORMANCE.md)")
    var search: SearchOptions

    func validate() throws {
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0 && timeLimit <= 1e6) {
            throw ValidationError("--time-limit must be a number of seconds in (0, 1000000], got \(timeLimit)")
        }
    }

    /// The mode override, if any.
    var assignmentMode: AssignmentMode? { model.mode }

    /// GLPK with the search options given.
    var solver: GLPKSolver { GLPKSolver(strategy: search.strategy) }

    /// Planner options with the GLPK matching routine for pure assignment blocks.
    func plannerOptions(aggregate: Bool = true) -> PlannerOptions {
        var options = PlannerOptions(mode: assignmentMode, aggregate: aggregate, timeLimit: timeLimit, parallel: !singleThread)
        options.tierOrder = model.tiers?.tiers
        options.deferProofs = search.deferProofs.value.map { $0 == .on }
        options.matchingSolver = MatchingRoutine { try AssignmentSolver.maximumWeightMatching(left: $0, right: $1, edges: $2) }
        return options
    }
}

/// GLPK's branch-and-bound settings, in the spirit of glpsol's options; `auto` everywhere by default.
struct SearchOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Cutting planes: auto, none, all, or a comma-separated list of mir, cover, clique, gomory, lifted-cover.", valueName: "list"))
    var cuts: SearchSetting<CutFamilies> = .auto

    @Option(help: ArgumentHelp("GLPK's integer presolver: auto, on, off (on: the starting solution and cadreplan's heuristic cannot be offered).", valueName: "auto|on|off"))
    var presolve: SearchSetting<Switch> = .auto

    @Option(help: ArgumentHelp("Branching variable: auto, first, last, most-fractional, driebeck-tomlin, pseudocost.", valueName: "rule"))
    var branching: SearchSetting<BranchingRule> = .auto

    @Option(help: ArgumentHelp("Next node: auto, depth-first, breadth-first, best-bound, best-projection.", valueName: "rule"))
    var backtracking: SearchSetting<BacktrackingRule> = .auto

    @Option(help: ArgumentHelp("Primal heuristics: auto, none, or a comma-separated list of rounding, fpump, proximity, dive, assignment, shift-swap, rins.", valueName: "list"))
    var heuristics: SearchSetting<PrimalHeuristics> = .auto

    @Option(help: ArgumentHelp("Root relaxation start: auto, warm, cold, warm-then-cold, warm-root-then-cold.", valueName: "start"))
    var relaxation: SearchSetting<RelaxationStart> = .auto

    @Option(help: ArgumentHelp("Prune nodes and fix variables by the Lagrangian bound of the capacity rows, and search for points at that bound: auto (pure integer models up to 8,000 variables), on, off.", valueName: "auto|on|off"))
    var lagrangian: SearchSetting<Switch> = .auto

    @Option(name: .customLong("defer-proofs"), help: ArgumentHelp("Let the next tier's first solution prove a tier's root bound instead of the tier's own search (exact: the same tier values): auto (blocks of more than 8,000 variables), on, off. Never with --time-limit.", valueName: "auto|on|off"))
    var deferProofs: SearchSetting<Switch> = .auto

    /// The strategy these options describe (`auto` fields stay `nil`).
    var strategy: SearchStrategy {
        SearchStrategy(cuts: cuts.value, presolve: presolve.value.map { $0 == .on }, branching: branching.value,
                       backtracking: backtracking.value, heuristics: heuristics.value, relaxation: relaxation.value,
                       lagrangian: lagrangian.value.map { $0 == .on })
    }
}

/// A value named on the command line, for ``SearchSetting``.
protocol CommandLineValue: Sendable {
    /// Parses `text`; `nil` if it names no value.
    init?(commandLine text: String)
    /// The accepted spellings, for help and error messages.
    static var spellings: [String] { get }
}

/// One search option's value: `auto` (the solver chooses) or a value.
struct SearchSetting<Value: CommandLineValue>: ExpressibleByArgument, Sendable {
    /// The value, or `nil` for `auto`.
    var value: Value?

    /// Leave the choice to the solver.
    static var auto: SearchSetting { SearchSetting(value: nil) }

    init(value: Value?) { self.value = value }

    init?(argument: String) {
        if argument == "auto" { value = nil; return }
        guard let value = Value(commandLine: argument) else { return nil }
        self.value = value
    }

    var defaultValueDescription: String { "auto" }
    static var allValueStrings: [String] { ["auto"] + Value.spellings }
}

/// `on` or `off`.
enum Switch: String, CommandLineValue, CaseIterable {
    case on, off
    init?(commandLine text: String) { self.init(rawValue: text) }
    static var spellings: [String] { allCases.map(\.rawValue) }
}

extension BranchingRule: CommandLineValue {
    init?(commandLine text: String) { self.init(rawValue: text) }
    static var spellings: [String] { allCases.map(\.rawValue) }
}

extension BacktrackingRule: CommandLineValue {
    init?(commandLine text: String) { self.init(rawValue: text) }
    static var spellings: [String] { allCases.map(\.rawValue) }
}

extension RelaxationStart: CommandLineValue {
    init?(commandLine text: String) { self.init(rawValue: text) }
    static var spellings: [String] { allCases.map(\.rawValue) }
}

extension CutFamilies: CommandLineValue {
    /// `none`, `all`, or a comma-separated list of family names.
    init?(commandLine text: String) {
        switch text {
        case "none": self = .none
        case "all": self = .all
        default:
            guard let set = namedSet(text, Self.named.map { ($0.name, $0.family) }) else { return nil }
            self = set
        }
    }
    static var spellings: [String] { ["none", "all"] + named.map(\.name) }
}

extension PrimalHeuristics: CommandLineValue {
    /// `none`, or a comma-separated list of heuristic names.
    init?(commandLine text: String) {
        if text == "none" { self = .none; return }
        guard let set = namedSet(text, Self.named.map { ($0.name, $0.heuristic) }) else { return nil }
        self = set
    }
    static var spellings: [String] { ["none"] + named.map(\.name) }
}

/// The union of the members a comma-separated list names; `nil` if any name is unknown or empty.
private func namedSet<S: OptionSet>(_ text: String, _ names: [(String, S)]) -> S? where S.Element == S {
    var set = S()
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
        guard let member = names.first(where: { $0.0 == part })?.1 else { return nil }
        set.formUnion(member)
    }
    return set
}
