import CGLPK

extension GLPKSolver {
    /// The solver's name and the version of the linked GLPK library, e.g. `"GLPK 5.0"`,
    /// for reports that must say which solver produced a plan.
    ///
    /// Read from the library at run time (`glp_version`), not from the header, so it
    /// names the GLPK actually in use.
    public static var versionDescription: String {
        guard let version = glp_version() else { return "GLPK (unknown version)" }
        return "GLPK " + String(cString: version)
    }
}
