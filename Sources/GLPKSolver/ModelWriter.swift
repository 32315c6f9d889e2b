import CGLPK
import MIP

/// A model file format GLPK can write.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// Free-format MPS (`glp_write_mps` with `GLP_MPS_FILE`), readable by most solvers.
    case mps
    /// CPLEX LP format (`glp_write_lp`), easier for people to read.
    case lp
}

extension GLPKSolver {
    /// Writes `model` to the file at `path` in `format`, for inspection or for other solvers.
    ///
    /// The model is validated first (GLPK would abort on invalid data). Row and column
    /// names are sanitised to ASCII letters, digits and `_` and made unique (see the
    /// file format notes in `ModelFileNames.swift`), since MPS forbids spaces.
    ///
    /// - Throws: ``MIP/ModelError`` for an invalid model; ``MIP/SolverError`` if the
    ///   path is empty or GLPK cannot write the file (the message includes GLPK's reason).
    public func writeModel(_ model: Model, to path: String, format: ModelFileFormat) throws {
        try ModelValidator.validate(model)
        guard !path.isEmpty else { throw SolverError("cannot write the model: the path is empty") }
        // Keep GLPK's messages (e.g. "Unable to create …") for the error, off stdout.
        let sink = LogSink(nil, keepTranscript: true)
        try GLPKTerminal.withOutput(to: sink) { () throws(SolverError) in
            let problem = try GLPKProblem()
            try problem.load(model)
            problem.setNames(ModelFileNames(model))
            let code: Int32
            switch format {
            case .mps: code = glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, path)
            case .lp: code = glp_write_lp(problem.pointer, nil, path)
            }
            guard code == 0 else {
                let reason = (sink.transcript ?? "").split(separator: "\n").last.map(String.init) ?? "unknown reason"
                throw SolverError("GLPK could not write the model as \(format.rawValue) to \(path): \(reason)")
            }
        }
    }
}
