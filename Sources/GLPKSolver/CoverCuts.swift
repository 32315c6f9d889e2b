import CGLPK
import MIP

/// Adds cadreplan's lifted cover inequalities (``MIP/KnapsackCoverSeparator``) to GLPK's cut
/// pool when GLPK asks for cuts (`GLP_ICUTGEN`).
///
/// Cuts are separated at the root, in every round of cuts GLPK makes there (measured on gapc #6:
/// separating at every node as well did not raise the bound reached in a given time, and halved
/// the nodes solved). Each cut is valid for the whole model; GLPK keeps the ones it finds useful.
final class CoverCuts {
    private let separator: KnapsackCoverSeparator
    private let variables: Int
    /// Deepest tree level at which cuts are separated.
    static let maximumDepth = 0
    /// Cuts added (for the log).
    private(set) var added = 0

    init?(model: Model) {
        guard let separator = KnapsackCoverSeparator(model) else { return nil }
        self.separator = separator
        variables = model.variables.count
    }

    /// Handles one `GLP_ICUTGEN` request.
    func run(_ tree: OpaquePointer, sink: LogSink) {
        let node = glp_ios_curr_node(tree)
        guard node != 0, glp_ios_node_level(tree, node) <= Self.maximumDepth,
              let problem = glp_ios_get_prob(tree) else { return }
        let point = (0..<variables).map { glp_get_col_prim(problem, Int32($0 + 1)) }
        let found = separator.separate(point)
        if !found.isEmpty { sink.write("Lifted covers: \(found.count) at node \(node) (relaxation \(glp_get_obj_val(problem)))\n") }
        for cut in found {
            // 1-based arrays, each column once and in range (GLPK aborts otherwise).
            var index: [Int32] = [0], value: [Double] = [0]
            for term in cut.terms {
                index.append(Int32(term.variable.index + 1))
                value.append(term.coefficient)
            }
            _ = glp_ios_add_row(tree, nil, 10, 0, Int32(cut.terms.count), index, value, GLP_UP, cut.upper)
            added += 1
        }
    }
}
