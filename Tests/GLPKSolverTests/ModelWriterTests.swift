import Foundation
import GLPKSolver
import MIP
import Testing

/// Writing models as MPS and LP files. (No reader is available in CI, so the files
/// are checked for existence, content and the expected, sanitised names.)
@Suite("GLPKSolver.writeModel")
struct ModelWriterTests {
    let solver = GLPKSolver()

    /// A fresh empty directory for one test's files.
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("cadreplan-glpk-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A small model whose names need sanitising: spaces, punctuation, Chinese, a leading digit, a clash.
    private func model() -> Model {
        var model = Model(name: "deployment plan")
        let x = model.addVariable("cadre 1 → enterprise A", lower: 0, upper: 1, kind: .integer)
        let y = model.addVariable("y", lower: nil, upper: 4)
        let z = model.addVariable("张三", lower: 0, upper: nil)
        model.addConstraint("capacity", [Term(x, 2), Term(y, 1)], upper: 5)
        model.addConstraint("demand row", [Term(x, 1), Term(z, 1)], lower: 1)
        model.addConstraint("demand_row", [Term(y, 1), Term(z, -1)], lower: -3, upper: 3)
        model.addConstraint("9lives", [Term(z, 1)], lower: 0, upper: 0)
        // Both names of the objective row are taken: "obj" (LP) and "R0000000" (MPS).
        model.addConstraint("obj", [Term(x, 1)], upper: 1)
        model.addConstraint("R0000000", [Term(y, 1)], upper: 2)
        model.objective = Objective(sense: .maximize, terms: [Term(x, 3), Term(y, 1)], constant: 2)
        return model
    }

    @Test("writes MPS and LP files with sanitised, unique names", arguments: ModelFileFormat.allCases)
    func writes(format: ModelFileFormat) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("model.\(format.rawValue)").path
        try solver.writeModel(model(), to: path, format: format)

        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.isEmpty)
        // Row names: kept, spaces replaced, the clash made unique, a leading digit prefixed.
        for name in ["capacity", "demand_row", "demand_row_2", "_9lives", "obj_2", "R0000000_2"] {
            #expect(text.contains(name), "missing row \(name)")
        }
        // Column names: spaces become `_`, non-ASCII characters (arrow, Chinese) their code points.
        #expect(text.contains("cadre_1_u2192_enterprise_A"))
        #expect(text.contains("u5F20u4E09"))
        #expect(!text.contains("demand row"))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test("MPS uses the free format sections and integer markers")
    func mpsSections() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("model.mps").path
        try solver.writeModel(model(), to: path, format: .mps)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for section in ["NAME", "ROWS", "COLUMNS", "RHS", "BOUNDS", "ENDATA", "MARKER"] {
            #expect(text.contains(section), "missing \(section)")
        }
        // ROWS lists the objective (type N) and the 6 model rows, every name once.
        let lines = text.split(separator: "\n").map(String.init)
        let rows = try #require(lines.firstIndex(of: "ROWS")), columns = try #require(lines.firstIndex(of: "COLUMNS"))
        let names = lines[(rows + 1)..<columns].map { $0.split(separator: " ").map(String.init) }
        #expect(names.count == 7)
        #expect(names.filter { $0.first == "N" }.count == 1)
        #expect(Set(names.compactMap(\.last)).count == names.count, "row names must be unique")
    }

    @Test("an unwritable path is a thrown error")
    func unwritablePath() {
        let error = #expect(throws: SolverError.self) {
            try solver.writeModel(model(), to: "/nonexistent-directory/x/model.mps", format: .mps)
        }
        #expect(error?.message.contains("/nonexistent-directory/x/model.mps") == true)
        #expect(throws: SolverError.self) { try solver.writeModel(model(), to: "", format: .lp) }
    }

    @Test("an invalid model is rejected before writing")
    func invalidModel() throws {
        var model = Model()
        model.addVariable("x", lower: 1, upper: 0)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.lp").path
        #expect(throws: ModelError.self) { try solver.writeModel(model, to: path, format: .lp) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
