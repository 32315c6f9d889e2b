/// Everything wrong with a ``Model``, found by ``ModelValidator``.
///
/// The validator collects every problem rather than stopping at the first, so a
/// model builder sees all its mistakes in one run.
public struct ModelError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The kind of a problem.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// A coefficient, bound or objective constant is NaN or infinite
        /// (an absent bound must be `nil`, not `±.infinity`).
        case nonFiniteNumber = "non-finite number"
        /// A lower bound (or row side) exceeds the upper one.
        case lowerAboveUpper = "lower bound above upper bound"
        /// An integer variable has a finite bound that is not an integer.
        case fractionalIntegerBound = "fractional bound on integer variable"
        /// A term names a variable index outside the model.
        case variableOutOfRange = "variable index out of range"
        /// A variable appears twice in one row or in the objective.
        case duplicateVariable = "variable appears twice"
        /// A row has no terms.
        case emptyRow = "row has no terms"
        /// A coefficient, bound or constant has magnitude above ``ModelValidator/maximumMagnitude``.
        case numberTooLarge = "number too large"
        /// A variable or row name is empty.
        case emptyName = "empty name"
        /// Two variables, or two rows, share a name.
        case duplicateName = "duplicate name"
        /// A name is longer than ``ModelValidator/maximumNameLength`` UTF-8 bytes.
        case nameTooLong = "name too long"
        /// A change names a row the model does not have.
        case unknownRow = "unknown row"
    }

    /// Where in the model a problem is.
    public enum Place: Sendable, Equatable, CustomStringConvertible {
        /// The variable at `index` (0-based), called `name`.
        case variable(index: Int, name: String)
        /// The row at `index` (0-based), called `name`.
        case row(index: Int, name: String)
        /// The objective function.
        case objective

        /// A human-readable location, e.g. `row 3 "capacity"`.
        public var description: String {
            switch self {
            case let .variable(index, name): return "variable \(index) \"\(name)\""
            case let .row(index, name): return "row \(index) \"\(name)\""
            case .objective: return "objective"
            }
        }
    }

    /// One problem: what, where, and the offending detail.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var kind: Kind
        /// Where.
        public var place: Place
        /// The offending value or names, for the message.
        public var detail: String
        /// Creates a problem report.
        public init(kind: Kind, place: Place, detail: String) {
            self.kind = kind; self.place = place; self.detail = detail
        }
        /// One line: place, kind and detail.
        public var description: String { "\(place): \(kind.rawValue): \(detail)" }
    }

    /// Every problem found, in model order (variables, rows, objective).
    public var problems: [Problem]

    /// Creates an error from a list of problems.
    public init(problems: [Problem]) { self.problems = problems }

    /// All problems, one per line.
    public var description: String {
        "invalid model (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n"
            + problems.map { "  " + $0.description }.joined(separator: "\n")
    }

    /// Whether some problem of `kind` was found.
    public func contains(_ kind: Kind) -> Bool { problems.contains { $0.kind == kind } }
}

/// Checks a ``Model`` before it is handed to a solver.
///
/// Why this exists: GLPK (the backend) reacts to invalid arguments — a duplicate
/// matrix entry, a NaN bound, a name longer than 255 characters, a name with a
/// control character — by printing a message and calling `abort()`, which kills
/// the whole process with no chance to recover or report. So nothing invalid may
/// reach it: every solver validates with this first. The rules are solver-neutral
/// sanity rules and hold for any backend:
///
/// - every number is finite (an absent bound is `nil`, never `±.infinity`);
/// - no magnitude above ``maximumMagnitude`` (1e15): beyond it doubles no longer
///   represent integers exactly and solver tolerances (≈1e-9 relative) become meaningless;
/// - lower ≤ upper for variables and rows;
/// - finite bounds of integer variables are integers;
/// - term variables exist, and appear at most once per row and in the objective;
/// - every row has at least one term;
/// - names are non-empty, at most ``maximumNameLength`` UTF-8 bytes, and unique among
///   variables and, separately, among rows (model files keep the two apart).
public enum ModelValidator {
    /// The largest magnitude accepted for a coefficient, bound or constant.
    public static let maximumMagnitude: Double = 1e15
    /// The longest name accepted, in UTF-8 bytes (GLPK's limit).
    public static let maximumNameLength = 255

    /// Throws a ``ModelError`` listing every problem of `model`; returns if there is none.
    public static func validate(_ model: Model) throws(ModelError) {
        var checker = Checker(variables: model.variables)
        var variableNames: [String: Int] = [:]
        for (index, variable) in model.variables.enumerated() {
            let place = ModelError.Place.variable(index: index, name: variable.name)
            checker.checkName(variable.name, &variableNames, index, place) {
                .variable(index: $0, name: model.variables[$0].name)
            }
            checker.checkBounds(variable.lower, variable.upper, place)
            if variable.kind == .integer {
                for (side, bound) in [("lower", variable.lower), ("upper", variable.upper)] {
                    if let bound, bound.isFinite, bound != bound.rounded() {
                        checker.report(.fractionalIntegerBound, place, "\(side) bound \(bound) is not an integer")
                    }
                }
            }
        }
        var rowNames: [String: Int] = [:]
        for (index, row) in model.constraints.enumerated() {
            let place = ModelError.Place.row(index: index, name: row.name)
            checker.checkName(row.name, &rowNames, index, place) {
                .row(index: $0, name: model.constraints[$0].name)
            }
            checker.checkRow(row, place)
        }
        checker.checkObjective(model.objective)
        try checker.finish()
    }

    /// Checks `objective` for a model whose variables and rows were validated already
    /// (what ``validate(_:)`` checks of an objective, without checking the rest again).
    public static func validate(_ objective: Objective, of model: Model) throws(ModelError) {
        var checker = Checker(variables: model.variables)
        checker.checkObjective(objective)
        try checker.finish()
    }

    /// Checks `row` as the next row of a model validated already, whose row names are
    /// `rowNames` (what ``validate(_:)`` would report about the row once added).
    public static func validate(_ row: Constraint, addedTo model: Model, rowNames: Set<String>) throws(ModelError) {
        var checker = Checker(variables: model.variables)
        let place = ModelError.Place.row(index: model.constraints.count, name: row.name)
        var seen: [String: Int] = [:]
        checker.checkName(row.name, &seen, model.constraints.count, place) { .row(index: $0, name: row.name) }
        if rowNames.contains(row.name) {
            let first = model.constraints.firstIndex { $0.name == row.name } ?? 0
            checker.report(.duplicateName, place, "same name as \(ModelError.Place.row(index: first, name: row.name))")
        }
        checker.checkRow(row, place)
        try checker.finish()
    }

    /// Checks `row` as the new version of row `index` of `model`, validated already.
    public static func validate(_ row: Constraint, at index: Int, of model: Model) throws(ModelError) {
        var checker = Checker(variables: model.variables)
        checker.checkRow(row, ModelError.Place.row(index: index, name: row.name))
        try checker.finish()
    }

    /// Collects the problems found by the checks below.
    private struct Checker {
        let variables: [VariableSpec]
        var problems: [ModelError.Problem] = []

        mutating func report(_ kind: ModelError.Kind, _ place: ModelError.Place, _ detail: String) {
            problems.append(.init(kind: kind, place: place, detail: detail))
        }

        /// Throws the problems found, if any.
        func finish() throws(ModelError) {
            if !problems.isEmpty { throw ModelError(problems: problems) }
        }

        /// Checks one number: finite and not too large.
        mutating func checkNumber(_ value: Double, _ what: String, _ place: ModelError.Place) {
            if !value.isFinite {
                report(.nonFiniteNumber, place, "\(what) is \(value)")
            } else if abs(value) > maximumMagnitude {
                report(.numberTooLarge, place, "|\(what)| = \(abs(value)) exceeds \(maximumMagnitude)")
            }
        }

        mutating func checkBounds(_ lower: Double?, _ upper: Double?, _ place: ModelError.Place) {
            if let lower { checkNumber(lower, "lower bound", place) }
            if let upper { checkNumber(upper, "upper bound", place) }
            if let lower, let upper, lower.isFinite, upper.isFinite, lower > upper {
                report(.lowerAboveUpper, place, "lower \(lower) > upper \(upper)")
            }
        }

        mutating func checkName(_ name: String, _ seen: inout [String: Int], _ index: Int,
                                _ place: ModelError.Place, _ describe: (Int) -> ModelError.Place) {
            if name.isEmpty {
                report(.emptyName, place, "name is empty")
                return
            }
            if name.utf8.count > maximumNameLength {
                report(.nameTooLong, place, "\(name.utf8.count) bytes, at most \(maximumNameLength) allowed")
            }
            if let first = seen[name] {
                report(.duplicateName, place, "same name as \(describe(first))")
            } else {
                seen[name] = index
            }
        }

        /// Checks the terms of a row or the objective.
        mutating func checkTerms(_ terms: [Term], _ place: ModelError.Place) {
            var positions: [Int: Int] = [:]
            for (position, term) in terms.enumerated() {
                let index = term.variable.index
                guard variables.indices.contains(index) else {
                    report(.variableOutOfRange, place,
                           "term \(position) uses variable index \(index); the model has \(variables.count)")
                    continue
                }
                let name = variables[index].name
                checkNumber(term.coefficient, "coefficient of \"\(name)\"", place)
                if let first = positions[index] {
                    report(.duplicateVariable, place,
                           "variable \(index) \"\(name)\" in terms \(first) and \(position)")
                } else {
                    positions[index] = position
                }
            }
        }

        mutating func checkRow(_ row: Constraint, _ place: ModelError.Place) {
            if row.terms.isEmpty { report(.emptyRow, place, "no terms") }
            checkTerms(row.terms, place)
            checkBounds(row.lower, row.upper, place)
        }

        mutating func checkObjective(_ objective: Objective) {
            checkNumber(objective.constant, "constant", .objective)
            checkTerms(objective.terms, .objective)
        }
    }
}
