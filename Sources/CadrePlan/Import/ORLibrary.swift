import Foundation
import Scenario

/// Which way a generalised assignment instance's objective goes.
///
/// OR-Library publishes gap1–gap12 as maximisation problems (profits) and gapa–gapd as
/// minimisation problems (costs); the file format is the same, so the sense must be told.
public enum GAPSense: String, Sendable, Hashable, CaseIterable {
    /// Maximise Σ c(i,j) (gap1–gap12 as published).
    case max
    /// Minimise Σ c(i,j) (gapa–gapd, and the "min optima" of gap1–gap12).
    case min
}

/// How to turn cadreplan's quality tier back into the source instance's objective value.
///
/// cadreplan always minimises, so a maximisation instance is imported with costs
/// `C − c(i,j)` (C = the largest c(i,j)). For a plan that assigns every job, its quality
/// tier is `n·C − Σ c`, hence `Σ c = n·C − quality`: ``constant`` is `n·C` then, and 0 for
/// minimisation, where the quality tier is `Σ c` itself.
public struct SourceObjective: Sendable, Hashable {
    /// The source instance's sense (assignment instances are minimisation).
    public var sense: GAPSense
    /// Jobs (columns) n.
    public var jobs: Int
    /// C, the largest cost of the instance (maximisation only; 0 otherwise).
    public var largestCost: Int
    /// `n·C` for maximisation, 0 for minimisation.
    public var constant: Int { sense == .max ? jobs * largestCost : 0 }

    /// Creates a read-back rule.
    public init(sense: GAPSense, jobs: Int, largestCost: Int) {
        self.sense = sense; self.jobs = jobs; self.largestCost = largestCost
    }

    /// The source objective value of a plan whose quality tier is `quality` (meaningful
    /// when the coverage tier is 0, i.e. every job is assigned).
    public func value(quality: Int) -> Int {
        sense == .max ? constant - quality : quality
    }

    /// The source objective's proven bound from the quality tier's proven (lower) bound:
    /// an upper bound for maximisation, a lower bound for minimisation.
    public func bound(qualityBound: Double) -> Double {
        sense == .max ? Double(constant) - qualityBound : qualityBound
    }

    /// One line, e.g. `optimum = n·C − quality = 15·24 − quality = 360 − quality`.
    public var formula: String {
        switch sense {
        case .max: "optimum = n·C − quality = \(jobs)·\(largestCost) − quality = \(constant) − quality"
        case .min: "optimum = quality"
        }
    }
}

/// Parsers for J.E. Beasley's OR-Library assignment and generalised assignment files,
/// producing cadreplan scenarios whose optimum is the instance's optimum.
///
/// The mapping (the same for both kinds): agents / rows become cadres (county level,
/// section rank, one region `orlib` without coordinates, no group), jobs / columns become
/// targets (demand 1, workload 1, priority 3), and every allowed pair becomes a pairs.csv
/// row holding its cost (and, for GAP, its resource use as the pair's workload). Because
/// every pair has a cost override, the distance, rank and skill weights never apply; they
/// are set to 0 anyway, and so is λ (extra_target), because a GAP agent serving several
/// jobs must not pay for it. Coverage is cadreplan's first tier, so a plan that serves
/// every target exists exactly when the instance is feasible, and its quality tier is then
/// the instance's objective (after the read-back of ``SourceObjective``).
public enum ORLibraryImport {
    /// The two layouts of OR-Library's linear assignment files.
    public enum AssignmentFormat: String, Sendable, Hashable, CaseIterable {
        /// Tell them apart from the file (see ``ORLibraryImport/assignment(text:file:name:format:)``).
        case automatic
        /// `n`, then n×n costs row by row (assign100 … assign800).
        case dense
        /// `n`, then one `i j c` line per allowed pair, 1-based (assignp800, assignp1500).
        case sparse
    }

    /// An imported instance: the scenario, its README, and how to read the optimum back.
    public struct Imported: Sendable {
        /// The scenario to solve.
        public var scenario: Scenario
        /// README.md for the scenario folder: source, mapping, and how to read summary.json.
        public var readme: String
        /// How the quality tier maps back to the source objective.
        public var objective: SourceObjective
        /// Agents (rows) m.
        public var agents: Int
        /// Jobs (columns) n.
        public var jobs: Int
        /// The layout that was read (`dense`, `sparse` or `gap`).
        public var format: String
    }

    /// The largest value a cost, resource use or capacity may have. It keeps `n·C` and every
    /// tier value exact in the 53-bit mantissa solvers compute with.
    public static let valueLimit = 1_000_000_000

    /// The most jobs a GAP problem may have: cadreplan's one-to-many mode allows at most
    /// this many targets per cadre, and the import needs "one-to-many:n" so that only the
    /// capacities limit an agent.
    public static let jobLimit = 1000

    // MARK: - Linear assignment

    /// Parses an OR-Library linear assignment file (dense or sparse).
    ///
    /// With `.automatic`, the file is dense when it holds exactly n² numbers after n;
    /// otherwise it is sparse when every line after the first holds three numbers (the last
    /// line may be cut short); otherwise it is read as dense, so that a damaged dense file
    /// is reported as such. `file` names the file in error messages; `name` is the
    /// scenario name (default: the file's base name without extension).
    /// - Throws: ``InputErrors`` naming the line and column of each bad token.
    public static func assignment(text: String, file: String, name: String? = nil, format: AssignmentFormat = .automatic) throws(InputErrors) -> Imported {
        let source = ORLibraryText(text: text, file: file)
        var cursor = ORLibraryCursor(source)
        let (n, nToken) = try cursor.structural("the number of rows n", in: 1...100_000)
        let layout = format == .automatic ? detect(source, n: n, header: nToken) : format
        var pairs: [PairRule] = []
        let width = String(n).count
        if layout == .dense {
            pairs.reserveCapacity(min(n * n, source.tokens.count))
            for i in 1...n {
                for j in 1...n {
                    let c = try cursor.value("the cost of row \(i), column \(j)", in: 0...valueLimit)
                    pairs.append(PairRule(cadre: id("a", i, width), target: id("j", j, width), cost: c))
                }
            }
            try cursor.expectEnd("the \(n)×\(n) costs")
        } else {
            // Where each pair was first listed, to name it when it comes again.
            var seen: [Int: Int] = [:]
            var listed: [(i: Int, j: Int, c: Int)] = []
            while !cursor.atEnd {
                let k = listed.count + 1
                let (i, iToken) = try cursor.structural("the row i of pair \(k)", in: 1...n)
                let (j, _) = try cursor.structural("the column j of pair \(k)", in: 1...n)
                let c = try cursor.value("the cost of pair \(k) (\(i), \(j))", in: 0...valueLimit)
                if let first = seen[(i - 1) * n + (j - 1)] {
                    try cursor.record(cursor.error(at: iToken, "pair (\(i), \(j)) is listed twice (first on line \(first)); expected each pair once"))
                    continue
                }
                seen[(i - 1) * n + (j - 1)] = iToken.line
                listed.append((i, j, c))
            }
            // pairs.csv order: by row, then column, whatever the file's order.
            listed.sort { ($0.i, $0.j) < ($1.i, $1.j) }
            pairs = listed.map { PairRule(cadre: id("a", $0.i, width), target: id("j", $0.j, width), cost: $0.c) }
        }
        try cursor.finish()
        let scenarioName = name ?? baseName(file)
        let scenario = makeScenario(name: scenarioName, agents: n, jobs: n, pairs: pairs, capacities: nil,
                                    mode: .oneToOne, onlyListedPairs: layout == .sparse)
        let objective = SourceObjective(sense: .min, jobs: n, largestCost: 0)
        let readme = ORLibraryReadme.assignment(scenario: scenario, file: file, sparse: layout == .sparse, pairs: pairs.count, objective: objective)
        return Imported(scenario: scenario, readme: readme, objective: objective, agents: n, jobs: n, format: layout.rawValue)
    }

    /// Which assignment layout `text` holds (see ``assignment(text:file:name:format:)``).
    private static func detect(_ text: ORLibraryText, n: Int, header: ORLibraryText.Token) -> AssignmentFormat {
        let numbers = text.tokens.count - 1
        if numbers == n * n { return .dense }
        let perLine = text.tokensPerLine().filter { $0.key != header.line }
        guard let lastLine = perLine.keys.max() else { return .dense }
        let sparse = perLine.allSatisfy { $0.value == 3 || ($0.key == lastLine && $0.value < 3) }
        return sparse ? .sparse : .dense
    }

    // MARK: - Generalised assignment

    /// Parses problem `problem` (1-based) of an OR-Library generalised assignment file.
    ///
    /// The whole file's structure is checked (every problem's `m n` header and number
    /// count), so a damaged file is reported even when the damage lies in another problem;
    /// the values (costs, resource uses, capacities) are checked in the problem read.
    /// Costs must be integers from 0 to 10^9, resource uses from 1 to 10,000 and capacities
    /// from 0 to 10,000 (cadreplan's workloads and capacities, `ScenarioLimits.amount`: a
    /// scenario beyond them would be refused by `check`); an agent with capacity 0 gets its
    /// pairs forbidden.
    /// - Throws: ``InputErrors`` naming the line and column of each bad token.
    public static func gap(text: String, file: String, problem: Int, sense: GAPSense, name: String? = nil) throws(InputErrors) -> Imported {
        let source = ORLibraryText(text: text, file: file)
        var cursor = ORLibraryCursor(source)
        let (count, countToken) = try cursor.structural("the number of problems P", in: 1...100_000)
        guard (1...count).contains(problem) else {
            throw InputErrors([cursor.error(at: countToken, "the file holds \(count) problem\(count == 1 ? "" : "s"); expected a problem number from 1 to \(count), got \(problem)")])
        }
        var parsed: (m: Int, n: Int, costs: [[Int]], uses: [[Int]], capacities: [Int])?
        for k in 1...count {
            let (m, _) = try cursor.structural("the number of agents m of problem \(k)", in: 1...100_000)
            let (n, nToken) = try cursor.structural("the number of jobs n of problem \(k)", in: 1...1_000_000)
            guard k == problem else {
                try cursor.skip(2 * m * n + m, "problem \(k) (\(m)×\(n) costs, \(m)×\(n) resource uses, \(m) capacities)")
                continue
            }
            guard n <= jobLimit else {
                throw cursor.stop(cursor.error(at: nToken, "expected at most \(jobLimit) jobs (cadreplan's one-to-many limit), found \(n)"))
            }
            var costs = [[Int]](repeating: [], count: m), uses = costs
            for i in 0..<m {
                for j in 0..<n { costs[i].append(try cursor.value("the cost c(\(i + 1),\(j + 1)) of problem \(k)", in: 0...valueLimit)) }
            }
            for i in 0..<m {
                for j in 0..<n { uses[i].append(try cursor.value("the resource use a(\(i + 1),\(j + 1)) of problem \(k), a cadre's workload in cadreplan", in: 1...ScenarioLimits.amount)) }
            }
            var capacities: [Int] = []
            for i in 0..<m { capacities.append(try cursor.value("the capacity b(\(i + 1)) of problem \(k), a cadre's capacity in cadreplan", in: 0...ScenarioLimits.amount)) }
            parsed = (m, n, costs, uses, capacities)
        }
        try cursor.expectEnd("the \(count) problem\(count == 1 ? "" : "s")")
        try cursor.finish()
        guard let parsed else {
            // Unreachable: `problem` was checked against 1...count above.
            throw InputErrors([InputError(file: file, message: "problem \(problem) was not read")])
        }
        let (m, n, costs, uses, capacities) = parsed

        let largest = costs.joined().max() ?? 0
        let (agentWidth, jobWidth) = (String(m).count, String(n).count)
        var pairs: [PairRule] = []
        pairs.reserveCapacity(m * n)
        for i in 0..<m {
            for j in 0..<n {
                // Maximisation becomes minimisation of C − c, which is ≥ 0 and keeps the order.
                let cost = sense == .max ? largest - costs[i][j] : costs[i][j]
                // cadreplan capacities are ≥ 1; an agent with none can take no job at all.
                let forbidden = capacities[i] == 0
                pairs.append(PairRule(cadre: id("a", i + 1, agentWidth), target: id("j", j + 1, jobWidth), forbidden: forbidden,
                                      cost: cost, workload: uses[i][j], reason: forbidden ? "capacity 0 in the source file" : ""))
            }
        }
        let scenarioName = name ?? "\(baseName(file))-\(problem)"
        let scenario = makeScenario(name: scenarioName, agents: m, jobs: n, pairs: pairs, capacities: capacities.map { max(1, $0) },
                                    mode: n == 1 ? .oneToOne : .oneToMany(maxTargets: n), onlyListedPairs: false)
        let objective = SourceObjective(sense: sense, jobs: n, largestCost: sense == .max ? largest : 0)
        let readme = ORLibraryReadme.gap(scenario: scenario, file: file, problem: problem, problems: count, agents: m, jobs: n, objective: objective)
        return Imported(scenario: scenario, readme: readme, objective: objective, agents: m, jobs: n, format: "gap")
    }

    /// The published sense of an OR-Library GAP file from its name: `max` for gap1–gap12,
    /// `min` for gapa–gapd, `nil` when the name says nothing (the user must choose).
    public static func defaultSense(forFile file: String) -> GAPSense? {
        let base = baseName(file).lowercased()
        guard base.hasPrefix("gap") else { return nil }
        let rest = base.dropFirst(3)
        if let k = Int(rest), (1...12).contains(k) { return .max }
        if ["a", "b", "c", "d"].contains(rest) { return .min }
        return nil
    }

    // MARK: - Scenario

    /// The file's name without folders and extension (`../orlib/gap1.txt` → `gap1`).
    static func baseName(_ file: String) -> String {
        let last = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return last.isEmpty ? "orlib" : last
    }

    /// `prefix` and the zero-padded number, so ids sort in number order.
    static func id(_ prefix: String, _ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The scenario of an instance: see ``ORLibraryImport`` for the mapping.
    static func makeScenario(name: String, agents: Int, jobs: Int, pairs: [PairRule], capacities: [Int]?,
                             mode: AssignmentMode, onlyListedPairs: Bool) -> Scenario {
        let (aw, jw) = (String(agents).count, String(jobs).count)
        let cadres = (1...agents).map { i in
            Cadre(id: id("a", i, aw), name: "agent \(i)", level: .county, rank: .section, region: region.id,
                  capacity: capacities?[i - 1])
        }
        let targets = (1...jobs).map { j in
            Target(id: id("j", j, jw), name: "job \(j)", kind: .enterprise, category: category, level: .county, region: region.id)
        }
        // Every pair carries its own cost, so α, β, γ never apply; λ must be 0 because a GAP
        // agent may take many jobs at no extra charge. Coverage weights keep their defaults:
        // all jobs have priority 3, so tier 1 counts 3 per unassigned job.
        let weights = Weights(priority: Weights.standard.priority, halted: Weights.standard.halted,
                              distancePerKm: 0, rankGap: 0, skillMismatch: 0, extraTarget: 0, move: 0)
        return Scenario(
            name: name, waves: [Wave(id: "w1", date: "2022-09-16")], groups: [], mode: mode, weights: weights,
            rules: Rules(forbidOwnSupervisor: false, onlyListedPairs: onlyListedPairs),
            indicators: [Indicator(id: "assigned", name: "jobs assigned")],
            regions: [region], cadres: cadres, targets: targets, pairs: pairs)
    }

    /// The one region of every imported scenario; no coordinates, so every distance is 0.
    static let region = Region(id: "orlib", name: "OR-Library")
    /// The one target category.
    static let category = "orlib"
}
