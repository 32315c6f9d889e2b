/// A handle to a variable of a ``Model``: its 0-based position in ``Model/variables``.
public struct Variable: Hashable, Comparable, Sendable {
    /// The 0-based position of the variable in its model.
    public let index: Int
    /// Creates a handle for the variable at `index`.
    public init(index: Int) { self.index = index }
    public static func < (a: Variable, b: Variable) -> Bool { a.index < b.index }
}

/// Whether a variable takes any real value or integer values only.
public enum VariableKind: String, Sendable {
    /// Any real value between the bounds.
    case continuous
    /// Integer values between the bounds.
    case integer
}

/// One decision variable: a name (for model files and messages), bounds and kind.
///
/// A `nil` bound means unbounded on that side.
public struct VariableSpec: Equatable, Sendable {
    /// A name unique in the model, used when the model is written to a file.
    public var name: String
    /// The lower bound, or `nil` for minus infinity.
    public var lower: Double?
    /// The upper bound, or `nil` for plus infinity.
    public var upper: Double?
    /// Continuous or integer.
    public var kind: VariableKind
    /// Creates a variable description.
    public init(name: String, lower: Double?, upper: Double?, kind: VariableKind) {
        self.name = name; self.lower = lower; self.upper = upper; self.kind = kind
    }
}

/// One term `coefficient · variable` of a linear expression.
public struct Term: Equatable, Sendable {
    /// The variable.
    public var variable: Variable
    /// Its coefficient.
    public var coefficient: Double
    /// Creates a term.
    public init(_ variable: Variable, _ coefficient: Double) {
        self.variable = variable; self.coefficient = coefficient
    }
}

/// A linear row `lower ≤ Σ terms ≤ upper`; a `nil` side is unbounded.
public struct Constraint: Equatable, Sendable {
    /// A name unique in the model.
    public var name: String
    /// The row's terms; each variable appears at most once.
    public var terms: [Term]
    /// The lower side, or `nil` for none.
    public var lower: Double?
    /// The upper side, or `nil` for none.
    public var upper: Double?
    /// Creates a row.
    public init(name: String, terms: [Term], lower: Double?, upper: Double?) {
        self.name = name; self.terms = terms; self.lower = lower; self.upper = upper
    }
}

/// Minimise or maximise.
public enum Sense: String, Sendable {
    /// Find the smallest objective value.
    case minimize
    /// Find the largest objective value.
    case maximize
}

/// The objective: `constant + Σ terms`, minimised or maximised.
public struct Objective: Equatable, Sendable {
    /// Minimise or maximise.
    public var sense: Sense
    /// The objective's terms; each variable appears at most once.
    public var terms: [Term]
    /// A constant added to the objective value.
    public var constant: Double
    /// Creates an objective.
    public init(sense: Sense = .minimize, terms: [Term] = [], constant: Double = 0) {
        self.sense = sense; self.terms = terms; self.constant = constant
    }
}

/// A solver-neutral mixed-integer linear program.
///
/// Domain code builds a `Model`; ``ModelValidator`` checks it; a ``MIPSolver``
/// backend solves it. Nothing here knows about any particular solver.
public struct Model: Equatable, Sendable {
    /// The model's name, written into model files.
    public var name: String
    /// The variables, in index order.
    public private(set) var variables: [VariableSpec] = []
    /// The rows, in order.
    public private(set) var constraints: [Constraint] = []
    /// The objective.
    public var objective = Objective()

    /// Creates an empty model.
    public init(name: String = "model") { self.name = name }

    /// Adds a variable and returns its handle.
    @discardableResult
    public mutating func addVariable(
        _ name: String, lower: Double? = 0, upper: Double? = nil, kind: VariableKind = .continuous
    ) -> Variable {
        variables.append(VariableSpec(name: name, lower: lower, upper: upper, kind: kind))
        return Variable(index: variables.count - 1)
    }

    /// Adds a row `lower ≤ Σ terms ≤ upper` and returns its 0-based index.
    @discardableResult
    public mutating func addConstraint(
        _ name: String, _ terms: [Term], lower: Double? = nil, upper: Double? = nil
    ) -> Int {
        constraints.append(Constraint(name: name, terms: terms, lower: lower, upper: upper))
        return constraints.count - 1
    }

    /// Changes the bounds of a variable (used to fix a variable or tighten it).
    public mutating func setBounds(_ variable: Variable, lower: Double?, upper: Double?) {
        variables[variable.index].lower = lower
        variables[variable.index].upper = upper
    }

    /// Changes the upper side of the row named `name` (`nil`: none) and returns the row's
    /// 0-based index; throws a ``ModelError`` for an unknown row or sides that cross.
    @discardableResult
    public mutating func setUpper(ofConstraint name: String, to upper: Double?) throws(ModelError) -> Int {
        guard let index = constraints.firstIndex(where: { $0.name == name }) else {
            throw ModelError(problems: [.init(kind: .unknownRow, place: .row(index: constraints.count, name: name), detail: "no row has this name")])
        }
        var row = constraints[index]
        row.upper = upper
        try ModelValidator.validate(row, at: index, of: self)
        constraints[index] = row
        return index
    }

    /// The value of `terms` (plus `constant`) at the point `values`.
    public static func evaluate(_ terms: [Term], constant: Double = 0, at values: [Double]) -> Double {
        terms.reduce(constant) { $0 + $1.coefficient * values[$1.variable.index] }
    }

    /// The number of integer variables.
    public var integerCount: Int { variables.lazy.filter { $0.kind == .integer }.count }
    /// The number of nonzero coefficients in the rows.
    public var nonzeroCount: Int { constraints.reduce(0) { $0 + $1.terms.count } }
}
