import CGLPK
import MIP

/// Owns one GLPK problem object (`glp_prob*`) for the length of a solve or write.
///
/// GLPK problem objects are plain C allocations that must be freed exactly once
/// with `glp_delete_prob`; tying that to `deinit` makes it impossible to leak one
/// on an early `throw`. The object belongs to the GLPK environment of the thread
/// that created it (GLPK keeps thread-local state when built with TLS), so an
/// instance must be created, used and released on one thread and never outlive a
/// call to ``GLPKSolver/releaseThreadEnvironment()`` on that thread; it is
/// internal and never escapes the synchronous `solve` / `writeModel` calls.
final class GLPKProblem {
    /// The GLPK problem object; valid until `deinit`.
    let pointer: OpaquePointer
    /// Number of rows and columns loaded (GLPK indexes both from 1).
    private(set) var rowCount: Int32 = 0
    private(set) var columnCount: Int32 = 0

    /// Creates an empty GLPK problem object.
    init() throws(SolverError) {
        // glp_create_prob never returns NULL in practice (GLPK aborts on out-of-memory),
        // but the import is implicitly unwrapped, so check rather than trust.
        guard let pointer = glp_create_prob() else {
            throw SolverError("GLPK could not create a problem object")
        }
        self.pointer = pointer
    }

    deinit { glp_delete_prob(pointer) }

    /// Loads a model that ``ModelValidator`` has accepted.
    ///
    /// Precondition: `model` is valid. Every argument GLPK would `abort()` on
    /// (duplicate matrix entries, NaN, lower > upper, counts of zero passed to
    /// `glp_add_rows`) is excluded by validation or guarded here.
    func load(_ model: Model) throws(SolverError) {
        // GLPK counts rows, columns and nonzeros in C `int`; index arrays have an extra slot 0.
        let limit = Int(Int32.max) - 1
        guard model.variables.count <= limit, model.constraints.count <= limit,
              model.nonzeroCount <= limit else {
            throw SolverError("model too large for GLPK: \(model.variables.count) variables, "
                + "\(model.constraints.count) rows, \(model.nonzeroCount) nonzeros")
        }
        glp_set_obj_dir(pointer, model.objective.sense == .minimize ? GLP_MIN : GLP_MAX)
        // Column 0 is GLPK's objective constant, so reported objective values and
        // GLPK's own relative-gap test both include it.
        glp_set_obj_coef(pointer, 0, model.objective.constant)

        let n = Int32(model.variables.count)
        let m = Int32(model.constraints.count)
        // glp_add_cols / glp_add_rows abort on a count of zero.
        if n > 0 { glp_add_cols(pointer, n) }
        if m > 0 { glp_add_rows(pointer, m) }
        columnCount = n
        rowCount = m

        for (offset, variable) in model.variables.enumerated() {
            let j = Int32(offset + 1)
            let (type, lower, upper) = Self.boundType(variable.lower, variable.upper)
            glp_set_col_bnds(pointer, j, type, lower, upper)
            if variable.kind == .integer { glp_set_col_kind(pointer, j, GLP_IV) }
        }
        for term in model.objective.terms {
            glp_set_obj_coef(pointer, Int32(term.variable.index + 1), term.coefficient)
        }

        // glp_load_matrix takes 1-based coordinate arrays; slot 0 is ignored.
        let nonzeros = model.nonzeroCount
        var rowIndex = [Int32](repeating: 0, count: nonzeros + 1)
        var columnIndex = [Int32](repeating: 0, count: nonzeros + 1)
        var values = [Double](repeating: 0, count: nonzeros + 1)
        var k = 1
        for (offset, row) in model.constraints.enumerated() {
            let i = Int32(offset + 1)
            let (type, lower, upper) = Self.boundType(row.lower, row.upper)
            glp_set_row_bnds(pointer, i, type, lower, upper)
            for term in row.terms {
                rowIndex[k] = i
                columnIndex[k] = Int32(term.variable.index + 1)
                values[k] = term.coefficient
                k += 1
            }
        }
        if nonzeros > 0 {
            glp_load_matrix(pointer, Int32(nonzeros), rowIndex, columnIndex, values)
        }
    }

    /// Sets row, column, objective and problem names, as model files need them.
    func setNames(_ names: ModelFileNames) {
        glp_set_prob_name(pointer, names.problem)
        glp_set_obj_name(pointer, names.objective)
        for (offset, name) in names.rows.enumerated() { glp_set_row_name(pointer, Int32(offset + 1), name) }
        for (offset, name) in names.columns.enumerated() { glp_set_col_name(pointer, Int32(offset + 1), name) }
    }

    /// GLPK's bound type and the two bound values for optional bounds.
    ///
    /// `lower == upper` becomes `GLP_FX`, because GLPK expects `GLP_DB` to have lower < upper.
    static func boundType(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
        switch (lower, upper) {
        case (nil, nil): return (GLP_FR, 0, 0)
        case let (lower?, nil): return (GLP_LO, lower, 0)
        case let (nil, upper?): return (GLP_UP, 0, upper)
        case let (lower?, upper?): return (lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }
}
