import Foundation
import MIP

/// Reading OR-Library instances (J. E. Beasley, JORS 41 (1990) 1069–1072) for the
/// literature tests. Formats as described in shared/data/orlib/OPTIMA.md.
enum ORLibrary {
    /// `<package root>/../shared/data/orlib`: the package root is three levels above this file
    /// (Tests/GLPKSolverTests/ORLibrary.swift).
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Tests/GLPKSolverTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()  // its parent
        .appendingPathComponent("shared/data/orlib", isDirectory: true)

    /// Whether the instance `file` is present (the shared data folder is optional).
    static func has(_ file: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path)
    }

    /// All whitespace-separated integers of `file`.
    static func numbers(_ file: String) throws -> [Int] {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        return try text.split(whereSeparator: { $0.isWhitespace }).map {
            guard let value = Int($0) else { throw ParseError("not an integer: \($0) in \(file)") }
            return value
        }
    }

    /// A malformed instance file.
    struct ParseError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Reads integers one at a time, failing clearly at the end of the data.
    struct Reader {
        private let values: [Int]
        private var position = 0
        init(_ values: [Int]) { self.values = values }
        mutating func next() throws -> Int {
            guard position < values.count else { throw ParseError("unexpected end of data") }
            defer { position += 1 }
            return values[position]
        }
        mutating func next(_ count: Int) throws -> [Int] { try (0..<count).map { _ in try next() } }
    }

    /// A dense linear assignment instance: `cost[i][j]` for n rows and n columns.
    static func assignment(_ file: String) throws -> [[Int]] {
        var reader = Reader(try numbers(file))
        let n = try reader.next()
        return try (0..<n).map { _ in try reader.next(n) }
    }

    /// One generalised assignment problem: m agents, n jobs.
    struct GAP {
        let cost: [[Int]]       // m × n
        let resource: [[Int]]   // m × n
        let capacity: [Int]     // m
    }

    /// All problems of a gap file.
    static func generalisedAssignment(_ file: String) throws -> [GAP] {
        var reader = Reader(try numbers(file))
        let count = try reader.next()
        return try (0..<count).map { _ in
            let m = try reader.next(), n = try reader.next()
            let cost = try (0..<m).map { _ in try reader.next(n) }
            let resource = try (0..<m).map { _ in try reader.next(n) }
            return GAP(cost: cost, resource: resource, capacity: try reader.next(m))
        }
    }

    /// The assignment problem as an integer program: x_ij binary, every row and every
    /// column assigned exactly once, minimise Σ c_ij x_ij.
    static func assignmentModel(_ cost: [[Int]]) -> Model {
        let n = cost.count
        var model = Model(name: "assignment\(n)")
        let x = (0..<n).map { i in
            (0..<n).map { j in model.addVariable("x_\(i)_\(j)", lower: 0, upper: 1, kind: .integer) }
        }
        for i in 0..<n { model.addConstraint("row\(i)", (0..<n).map { Term(x[i][$0], 1) }, lower: 1, upper: 1) }
        for j in 0..<n { model.addConstraint("col\(j)", (0..<n).map { Term(x[$0][j], 1) }, lower: 1, upper: 1) }
        model.objective = Objective(sense: .minimize, terms: (0..<n).flatMap { i in
            (0..<n).map { j in Term(x[i][j], Double(cost[i][j])) }
        })
        return model
    }

    /// The generalised assignment problem as an integer program: x_ij binary, each job
    /// to exactly one agent, Σ_j a_ij x_ij ≤ b_i, optimise Σ c_ij x_ij in `sense`.
    static func gapModel(_ problem: GAP, sense: Sense) -> Model {
        let m = problem.capacity.count, n = problem.cost[0].count
        var model = Model(name: "gap")
        let x = (0..<m).map { i in
            (0..<n).map { j in model.addVariable("x_\(i)_\(j)", lower: 0, upper: 1, kind: .integer) }
        }
        for j in 0..<n { model.addConstraint("job\(j)", (0..<m).map { Term(x[$0][j], 1) }, lower: 1, upper: 1) }
        for i in 0..<m {
            model.addConstraint("agent\(i)", (0..<n).map { Term(x[i][$0], Double(problem.resource[i][$0])) },
                                upper: Double(problem.capacity[i]))
        }
        model.objective = Objective(sense: sense, terms: (0..<m).flatMap { i in
            (0..<n).map { j in Term(x[i][j], Double(problem.cost[i][j])) }
        })
        return model
    }
}
