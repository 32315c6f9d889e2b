import Foundation
import Scenario

/// The README.md of an imported OR-Library scenario: where it comes from, how it was
/// mapped, and how to read the instance's optimum back from summary.json.
///
/// The read-back is the part that matters: a maximisation instance is solved as a
/// minimisation of transformed costs, so the quality tier is not the published number
/// and a reader without the constant could not compare them.
enum ORLibraryReadme {
    static let citation = """
    Source: J.E. Beasley's OR-Library (J.E. Beasley, "OR-Library: distributing test problems
    by electronic mail", Journal of the Operational Research Society 41 (1990) 1069–1072).
    OR-Library states its data are under the MIT licence, © J E Beasley.
    """

    static func assignment(scenario s: Scenario, file: String, sparse: Bool, pairs: Int, objective: SourceObjective) -> String {
        let n = s.cadres.count
        let base = (file as NSString).lastPathComponent
        var o = """
        # \(s.name): OR-Library linear assignment instance

        Imported by `cadreplan import orlib-assign \(base) --out …` from `\(base)`
        (\(sparse ? "sparse: one `i j c` line per allowed pair" : "dense: n×n costs"), n = \(n), \(pairs) pairs).

        \(citation)

        The instance: assign each of the \(n) rows to exactly one of the \(n) columns, each
        column to one row, minimising the total cost.

        ## Mapping

        | OR-Library | cadreplan |
        |---|---|
        | row i | cadre `a<i>`, i zero-padded (county level, section rank, region `orlib`, no group) |
        | column j | target `j<j>`, j zero-padded (demand 1, workload 1, priority 3) |
        | pair (i, j) with cost c | pairs.csv row with `cost = c` |\(sparse ? "\n| pairs not listed | forbidden: `rules.only_listed_pairs: true` |" : "")

        Mode one-to-one, one wave without quotas. The distance, rank, skill and extra-target
        weights are 0: every pair's cost comes from pairs.csv, so they could not apply anyway.


        """
        o += readingSummary(objective: objective, what: "column", infeasible: "no perfect matching exists (the quality tier is then the cheapest maximum matching)")
        o += solveSection(s)
        return o
    }

    static func gap(scenario s: Scenario, file: String, problem: Int, problems: Int, agents m: Int, jobs n: Int, objective: SourceObjective) -> String {
        let base = (file as NSString).lastPathComponent
        let senseText = objective.sense == .max ? "maximising" : "minimising"
        var o = """
        # \(s.name): OR-Library generalised assignment instance

        Imported by `cadreplan import orlib-gap \(base) --problem \(problem) --sense \(objective.sense.rawValue) --out …`
        from problem \(problem) of the \(problems) in `\(base)` (m = \(m) agents, n = \(n) jobs).

        \(citation)

        The instance: assign every job j to exactly one agent i, within each agent's capacity
        (Σ_j a(i,j)·x(i,j) ≤ b(i)), \(senseText) Σ c(i,j)·x(i,j).

        ## Mapping

        | OR-Library | cadreplan |
        |---|---|
        | agent i, capacity b(i) | cadre `a<i>` (i zero-padded) with `capacity = b(i)` (county level, section rank, region `orlib`, no group) |
        | job j | target `j<j>` (j zero-padded; demand 1, workload 1, priority 3) |
        | c(i,j), a(i,j) | pairs.csv row with `cost` (see below) and `workload = a(i,j)` |

        Mode one-to-many:\(n) (n = jobs), so the count of targets per cadre never binds and the
        capacity does. One wave without quotas. λ (`weights.extra_target`) is 0, because an
        agent taking several jobs must pay nothing extra; the distance, rank and skill weights
        are 0 too (every pair's cost comes from pairs.csv, so they could not apply anyway).

        Every job must be assigned. Coverage is cadreplan's first tier, so a plan that serves
        every target exists exactly when the instance is feasible, and the quality tier is then
        the objective over full assignments.


        """
        if objective.sense == .max {
            o += """
            ## Maximisation turned into minimisation

            cadreplan minimises, and pairs.csv costs must be ≥ 0. So each pair's cost is
            `C − c(i,j)` with C = max c(i,j) = \(objective.largestCost). Over a plan that assigns all n = \(n)
            jobs the quality tier is Σ (C − c) = n·C − Σ c, so

                Σ c = n·C − quality = \(n)·\(objective.largestCost) − quality = \(objective.constant) − quality

            and minimising the quality tier maximises Σ c.


            """
        } else {
            o += """
            ## Costs

            pairs.csv holds c(i,j) unchanged: the quality tier is Σ c.


            """
        }
        o += readingSummary(objective: objective, what: "job", infeasible: "the instance is infeasible: no assignment of every job fits the capacities")
        o += solveSection(s)
        return o
    }

    /// How to read the optimum, its bound and its proof from summary.json.
    private static func readingSummary(objective: SourceObjective, what: String, infeasible: String) -> String {
        var o = """
        ## Reading the optimum from summary.json

        `summary.json` lists three tiers:

        - `coverage` must be 0: every \(what) is assigned. Each unassigned \(what) adds 3 (priority 3).
          A value above 0 with status `optimal` means \(infeasible);
          under a time limit it can also mean no full plan was found in time.
        - `timeliness` is always 0 (one wave).
        - `quality`: \(objective.formula).

        """
        if objective.sense == .max {
            o += """
            - The quality tier's `bound` is a lower bound on it, so `\(objective.constant) − bound` is an upper
              bound on the optimum; status `optimal` means the two agree.

            """
        } else {
            o += """
            - The quality tier's `bound` is a lower bound on the optimum; status `optimal` means it is reached.

            """
        }
        return o + "\n"
    }

    private static func solveSection(_ s: Scenario) -> String {
        """
        ## Solving

            cadreplan solve <this folder> --out plans/\(s.name) [--time-limit 60]

        Add `--write-model model.mps` to get the exact integer programs (one per tier; the
        quality model keeps the coverage optimum as a row, so its optimum is the quality tier).

        """
    }
}
