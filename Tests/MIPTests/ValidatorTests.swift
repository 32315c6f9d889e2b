import MIP
import Testing

/// Runs the validator and returns its error, or `nil` when the model is accepted.
private func problems(_ model: Model) -> ModelError? {
    do {
        try ModelValidator.validate(model)
        return nil
    } catch {
        return error
    }
}

/// A small valid model: two variables, one row, an objective.
private func validModel() -> Model {
    var model = Model(name: "valid")
    let x = model.addVariable("x", lower: 0, upper: 10, kind: .integer)
    let y = model.addVariable("y", lower: nil, upper: nil)
    model.addConstraint("row", [Term(x, 1), Term(y, -2)], lower: -5, upper: 5)
    model.objective = Objective(sense: .maximize, terms: [Term(x, 3), Term(y, 1)], constant: 7)
    return model
}

@Suite("ModelValidator")
struct ValidatorTests {
    @Test("accepts a valid model")
    func acceptsValidModel() {
        #expect(problems(validModel()) == nil)
        #expect(problems(Model()) == nil, "an empty model is valid")
    }

    @Test("rejects NaN and infinite coefficients, bounds and constants", arguments: [Double.nan, .infinity, -.infinity])
    func rejectsNonFinite(value: Double) throws {
        var model = Model()
        let x = model.addVariable("x", lower: value, upper: nil)
        let y = model.addVariable("y", lower: 0, upper: value)
        model.addConstraint("c", [Term(x, value), Term(y, 1)], lower: value, upper: nil)
        model.addConstraint("d", [Term(y, 1)], lower: nil, upper: value)
        model.objective = Objective(terms: [Term(x, value)], constant: value)
        let error = try #require(problems(model))
        let nonFinite = error.problems.filter { $0.kind == .nonFiniteNumber }
        // x lower, y upper, c coefficient, c lower, d upper, objective coefficient, objective constant.
        #expect(nonFinite.count == 7)
        #expect(nonFinite.contains { $0.place == .variable(index: 0, name: "x") })
        #expect(nonFinite.contains { $0.place == .variable(index: 1, name: "y") })
        #expect(nonFinite.contains { $0.place == .row(index: 0, name: "c") })
        #expect(nonFinite.contains { $0.place == .row(index: 1, name: "d") })
        #expect(nonFinite.filter { $0.place == .objective }.count == 2)
    }

    @Test("rejects lower above upper on variables and rows")
    func rejectsLowerAboveUpper() throws {
        var model = Model()
        let x = model.addVariable("x", lower: 3, upper: 2)
        model.addConstraint("c", [Term(x, 1)], lower: 1, upper: 0.5)
        let error = try #require(problems(model))
        #expect(error.problems.map(\.kind) == [.lowerAboveUpper, .lowerAboveUpper])
        #expect(error.problems.map(\.place) == [.variable(index: 0, name: "x"), .row(index: 0, name: "c")])
    }

    @Test("accepts equal bounds (a fixed variable or equality row)")
    func acceptsEqualBounds() {
        var model = Model()
        let x = model.addVariable("x", lower: 2, upper: 2)
        model.addConstraint("c", [Term(x, 1)], lower: 2, upper: 2)
        #expect(problems(model) == nil)
    }

    @Test("rejects fractional finite bounds of integer variables")
    func rejectsFractionalIntegerBounds() throws {
        var model = Model()
        model.addVariable("a", lower: 0.5, upper: 3, kind: .integer)
        model.addVariable("b", lower: nil, upper: 2.25, kind: .integer)
        model.addVariable("c", lower: 0.5, upper: 2.25, kind: .continuous)  // fine: continuous
        let error = try #require(problems(model))
        #expect(error.problems.map(\.kind) == [.fractionalIntegerBound, .fractionalIntegerBound])
        #expect(error.problems.map(\.place) == [.variable(index: 0, name: "a"), .variable(index: 1, name: "b")])
    }

    @Test("rejects a term whose variable index is out of range")
    func rejectsIndexOutOfRange() throws {
        var model = Model()
        let x = model.addVariable("x")
        model.addConstraint("c", [Term(x, 1), Term(Variable(index: 5), 1)], upper: 1)
        model.objective = Objective(terms: [Term(Variable(index: -1), 1)])
        let error = try #require(problems(model))
        #expect(error.problems.map(\.kind) == [.variableOutOfRange, .variableOutOfRange])
        #expect(error.problems.map(\.place) == [.row(index: 0, name: "c"), .objective])
    }

    @Test("rejects a variable appearing twice in a row or in the objective")
    func rejectsDuplicateVariable() throws {
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint("c", [Term(x, 1), Term(y, 1), Term(x, 2)], upper: 4)
        model.objective = Objective(terms: [Term(y, 1), Term(y, -1)])
        let error = try #require(problems(model))
        #expect(error.problems.map(\.kind) == [.duplicateVariable, .duplicateVariable])
        #expect(error.problems.map(\.place) == [.row(index: 0, name: "c"), .objective])
        #expect(error.problems[0].detail.contains("\"x\""))
    }

    @Test("rejects a row without terms")
    func rejectsEmptyRow() throws {
        var model = Model()
        model.addVariable("x")
        model.addConstraint("nothing", [], lower: 0, upper: 1)
        let error = try #require(problems(model))
        #expect(error.problems.map(\.kind) == [.emptyRow])
        #expect(error.problems.map(\.place) == [.row(index: 0, name: "nothing")])
    }

    @Test("rejects magnitudes above 1e15")
    func rejectsTooLarge() throws {
        var model = Model()
        let x = model.addVariable("x", lower: -2e15, upper: nil)
        let y = model.addVariable("y", lower: 0, upper: 1e15)  // exactly at the limit: fine
        model.addConstraint("c", [Term(x, 1e16), Term(y, 1)], lower: nil, upper: 5e15)
        model.objective = Objective(terms: [Term(y, -3e15)], constant: 1.5e15)
        let error = try #require(problems(model))
        #expect(error.problems.allSatisfy { $0.kind == .numberTooLarge })
        // x lower, c coefficient, c upper, objective coefficient, objective constant.
        #expect(error.problems.count == 5)
        #expect(!error.problems.contains { $0.place == .variable(index: 1, name: "y") })
    }

    @Test("rejects empty names")
    func rejectsEmptyNames() throws {
        var model = Model()
        let x = model.addVariable("")
        model.addConstraint("", [Term(x, 1)], upper: 1)
        let error = try #require(problems(model))
        #expect(error.problems.map(\.kind) == [.emptyName, .emptyName])
    }

    @Test("rejects duplicate variable names and duplicate row names, but not a row sharing a variable's name")
    func rejectsDuplicateNames() throws {
        var model = Model()
        let x = model.addVariable("x")
        model.addVariable("x")
        model.addConstraint("c", [Term(x, 1)], upper: 1)
        model.addConstraint("c", [Term(x, 1)], upper: 2)
        model.addConstraint("x", [Term(x, 1)], upper: 3)  // rows and variables are separate namespaces
        let error = try #require(problems(model))
        #expect(error.problems.map(\.kind) == [.duplicateName, .duplicateName])
        #expect(error.problems.map(\.place) == [.variable(index: 1, name: "x"), .row(index: 1, name: "c")])
    }

    @Test("rejects names longer than 255 UTF-8 bytes")
    func rejectsLongNames() throws {
        var model = Model()
        let x = model.addVariable(String(repeating: "a", count: 255))  // at the limit: fine
        // 86 three-byte characters are 258 bytes though only 86 characters.
        model.addConstraint(String(repeating: "干", count: 86), [Term(x, 1)], upper: 1)
        model.addVariable(String(repeating: "b", count: 256))
        let error = try #require(problems(model))
        #expect(error.problems.map(\.kind) == [.nameTooLong, .nameTooLong])
        #expect(error.problems.map(\.place) == [
            .variable(index: 1, name: String(repeating: "b", count: 256)),
            .row(index: 0, name: String(repeating: "干", count: 86)),
        ])
    }

    @Test("reports every problem, not only the first")
    func reportsAllProblems() throws {
        var model = Model()
        let x = model.addVariable("x", lower: 1, upper: 0)
        model.addVariable("x", lower: .nan, upper: nil)
        model.addConstraint("", [], lower: nil, upper: nil)
        model.addConstraint("c", [Term(x, 1), Term(x, 1)], upper: .infinity)
        let error = try #require(problems(model))
        let kinds = Set(error.problems.map(\.kind))
        #expect(kinds == [.lowerAboveUpper, .duplicateName, .nonFiniteNumber, .emptyName, .emptyRow, .duplicateVariable])
        #expect(error.description.contains("variable 1 \"x\""))
        #expect(error.description.split(separator: "\n").count == error.problems.count + 1)
    }

    @Test("an added row and a new objective are checked on their own against a valid model")
    func incremental() throws {
        var model = Model()
        let x = model.addVariable("x", lower: 0, upper: 1)
        model.addConstraint("r", [Term(x, 1)], upper: 1)
        try ModelValidator.validate(Constraint(name: "s", terms: [Term(x, 2)], lower: nil, upper: 3), addedTo: model, rowNames: ["r"])
        #expect(throws: ModelError.self) {
            try ModelValidator.validate(Constraint(name: "r", terms: [Term(x, 1)], lower: nil, upper: 1), addedTo: model, rowNames: ["r"])
        }
        do {
            try ModelValidator.validate(Constraint(name: "t", terms: [Term(Variable(index: 5), .nan)], lower: 2, upper: 1),
                                        addedTo: model, rowNames: ["r"])
            Issue.record("an invalid row was accepted")
        } catch {
            #expect(error.contains(.variableOutOfRange) && error.contains(.lowerAboveUpper))
        }
        try ModelValidator.validate(Objective(sense: .maximize, terms: [Term(x, 1)], constant: 2), of: model)
        #expect(throws: ModelError.self) {
            try ModelValidator.validate(Objective(terms: [Term(x, 1), Term(x, 2)]), of: model)
        }
    }
}
