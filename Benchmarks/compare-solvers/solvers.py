#!/usr/bin/env python3
"""Solve MPS files or OR-Library instances with HiGHS or OR-Tools; print one JSON line.

Run as a child process by compare.py, so that a solver that crashes, hangs or runs
out of memory costs one table cell, not the whole table.

    solvers.py mps    --solver highs|ortools [--ortools-solver scip|sat] --time-limit S --runs N --budget S FILE...
    solvers.py direct --solver highs|ortools ... --kind assign|gap --file F [--problem K] [--sense min|max]

Every solve asks for proven optimality (relative gap 0, as cadreplan does) within the
time limit. With several MPS files (one per independent block of a cadreplan scenario)
a run solves all of them and its value, bound and time are the sums.

Output: {"solver": "...", "runs": [{"seconds", "value", "bound", "status"}...], "note": "..."}
"""

import argparse
import json
import sys
import time

OPTIMAL = "optimal"


# ---------------------------------------------------------------- OR-Library parsing

def read_tokens(path):
    with open(path) as f:
        return [int(t) for t in f.read().split()]


def read_assignment(path):
    """(n, [(i, j, c)]) 0-based; dense when the file holds n² numbers after n, else `i j c` triples."""
    t = read_tokens(path)
    n, rest = t[0], t[1:]
    if len(rest) == n * n:
        return n, [(i, j, rest[i * n + j]) for i in range(n) for j in range(n)]
    if len(rest) % 3:
        raise ValueError(f"{path}: neither n×n costs nor i j c triples")
    return n, [(rest[k] - 1, rest[k + 1] - 1, rest[k + 2]) for k in range(0, len(rest), 3)]


def read_gap(path, problem):
    """(m, n, c, a, b) of problem `problem` (1-based) of an OR-Library GAP file."""
    t = read_tokens(path)
    pos = 1
    for k in range(1, t[0] + 1):
        m, n = t[pos], t[pos + 1]
        pos += 2
        if k == problem:
            c = [t[pos + i * n: pos + (i + 1) * n] for i in range(m)]
            pos += m * n
            a = [t[pos + i * n: pos + (i + 1) * n] for i in range(m)]
            pos += m * n
            b = t[pos: pos + m]
            return m, n, c, a, b
        pos += 2 * m * n + m
    raise ValueError(f"{path}: no problem {problem}")


def direct_model(args):
    """The instance as (columns, rows, sense): columns are (cost, [(row, coef)]), rows (lo, hi).

    Assignment: x_ij for every listed pair, Σ_j x_ij = 1 per row i and Σ_i x_ij = 1 per
    column j, minimise Σ c x. GAP: Σ_i x_ij = 1 per job, Σ_j a_ij x_ij ≤ b_i per agent,
    max or min Σ c x. This is the textbook model, independent of cadreplan's.
    """
    columns, rows = [], []
    if args.kind == "assign":
        n, pairs = read_assignment(args.file)
        rows = [(1, 1)] * (2 * n)
        for i, j, c in pairs:
            columns.append((c, [(i, 1), (n + j, 1)]))
        return columns, rows, "min"
    m, n, c, a, b = read_gap(args.file, args.problem)
    rows = [(-float("inf"), b[i]) for i in range(m)] + [(1, 1)] * n
    for i in range(m):
        for j in range(n):
            columns.append((c[i][j], [(i, a[i][j]), (m + j, 1)]))
    return columns, rows, args.sense


# ---------------------------------------------------------------- HiGHS

def highs_version():
    import highspy
    h = highspy.Highs()
    return f"HiGHS {h.version()}"


def highs_new(limit):
    import highspy
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(limit))
    h.setOptionValue("mip_rel_gap", 0.0)
    return h


def highs_result(h, seconds):
    import highspy
    status = h.getModelStatus()
    info = h.getInfo()
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    value = info.objective_function_value if has_solution else None
    bound = info.mip_dual_bound if info.mip_node_count >= 0 else value
    if status == highspy.HighsModelStatus.kOptimal:
        text = OPTIMAL
    elif status == highspy.HighsModelStatus.kTimeLimit:
        text = "time limit"
    else:
        text = h.modelStatusToString(status)
    return {"seconds": seconds, "value": value, "bound": bound, "status": text}


def highs_mps(path, limit):
    h = highs_new(limit)
    import highspy
    start = time.perf_counter()
    if h.readModel(path) == highspy.HighsStatus.kError:
        raise RuntimeError(f"HiGHS could not read {path}")
    h.run()
    return highs_result(h, time.perf_counter() - start)


def highs_direct(model, limit):
    import highspy
    import numpy as np
    columns, rows, sense = model
    lp = highspy.HighsLp()
    lp.num_col_ = len(columns)
    lp.num_row_ = len(rows)
    lp.col_cost_ = np.array([c for c, _ in columns], dtype=float)
    lp.col_lower_ = np.zeros(len(columns))
    lp.col_upper_ = np.ones(len(columns))
    lp.row_lower_ = np.array([lo for lo, _ in rows], dtype=float)
    lp.row_upper_ = np.array([hi for _, hi in rows], dtype=float)
    starts, index, value = [0], [], []
    for _, entries in columns:
        for r, v in entries:
            index.append(r)
            value.append(v)
        starts.append(len(index))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(value, dtype=float)
    lp.a_matrix_.num_col_ = len(columns)
    lp.a_matrix_.num_row_ = len(rows)
    lp.sense_ = highspy.ObjSense.kMaximize if sense == "max" else highspy.ObjSense.kMinimize
    lp.integrality_ = [highspy.HighsVarType.kInteger] * len(columns)
    h = highs_new(limit)
    start = time.perf_counter()
    h.passModel(lp)
    h.run()
    return highs_result(h, time.perf_counter() - start)


# ---------------------------------------------------------------- OR-Tools

def ortools_version(which):
    import ortools
    return f"OR-Tools {ortools.__version__} ({which.upper()})"


def ortools_solver(which, limit):
    from ortools.linear_solver.python import model_builder as mb
    solver = mb.Solver(which)
    if not solver.solver_is_supported():
        raise RuntimeError(f"OR-Tools was built without {which}")
    solver.set_time_limit_in_seconds(float(limit))
    if which == "scip":
        solver.set_solver_specific_parameters("limits/gap = 0\n")
    elif which == "sat":
        solver.set_solver_specific_parameters("relative_gap_limit:0")
    return solver


def ortools_result(solver, status, seconds, limit):
    from ortools.linear_solver.python import model_builder as mb
    ok = status in (mb.SolveStatus.OPTIMAL, mb.SolveStatus.FEASIBLE)
    value = solver.objective_value if ok else None
    bound = solver.best_objective_bound if ok else None
    if status == mb.SolveStatus.OPTIMAL:
        text = OPTIMAL
    elif status == mb.SolveStatus.FEASIBLE:
        text = "time limit"
    elif seconds >= 0.9 * limit:
        text = "time limit, no solution"  # OR-Tools says NOT_SOLVED when the limit comes first
    else:
        text = status.name.lower()
    return {"seconds": seconds, "value": value, "bound": bound, "status": text}


def ortools_mps(path, limit, which):
    from ortools.linear_solver.python import model_builder as mb
    start = time.perf_counter()
    model = mb.Model()
    if not model.import_from_mps_file(path):
        raise RuntimeError(f"OR-Tools could not read {path}")
    solver = ortools_solver(which, limit)
    status = solver.solve(model)
    return ortools_result(solver, status, time.perf_counter() - start, limit)


def ortools_direct(model_data, limit, which):
    from ortools.linear_solver.python import model_builder as mb
    columns, rows, sense = model_data
    model = mb.Model()
    x = [model.new_bool_var() for _ in columns]
    per_row = [([], []) for _ in rows]
    for var, (_, entries) in zip(x, columns):
        for r, v in entries:
            per_row[r][0].append(var)
            per_row[r][1].append(v)
    for (lo, hi), (variables, coefficients) in zip(rows, per_row):
        expr = mb.LinearExpr.weighted_sum(variables, coefficients)
        if lo == hi:
            model.add(expr == hi)
        else:
            model.add(expr <= hi)
    objective = mb.LinearExpr.weighted_sum(x, [c for c, _ in columns])
    if sense == "max":
        model.maximize(objective)
    else:
        model.minimize(objective)
    solver = ortools_solver(which, limit)
    # Building the Python model is not the solver's work: only the solve call is timed.
    start = time.perf_counter()
    status = solver.solve(model)
    return ortools_result(solver, status, time.perf_counter() - start, limit)


# ---------------------------------------------------------------- runs

def combine(results):
    """One run over several blocks: sums of values, bounds and times; worst status."""
    out = {"seconds": sum(r["seconds"] for r in results), "status": OPTIMAL}
    for key in ("value", "bound"):
        vals = [r[key] for r in results]
        out[key] = None if any(v is None for v in vals) else sum(vals)
    for r in results:
        if r["status"] != OPTIMAL:
            out["status"] = r["status"]
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("how", choices=["mps", "direct"])
    p.add_argument("--solver", choices=["highs", "ortools"], required=True)
    p.add_argument("--ortools-solver", default="scip", choices=["scip", "sat"])
    p.add_argument("--time-limit", type=float, default=60)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--budget", type=float, default=120, help="stop repeating once this many seconds were spent (at least one run)")
    p.add_argument("--kind", choices=["assign", "gap"])
    p.add_argument("--file")
    p.add_argument("--problem", type=int, default=1)
    p.add_argument("--sense", choices=["min", "max"], default="min")
    p.add_argument("files", nargs="*")
    args = p.parse_intermixed_args()

    which = args.ortools_solver
    out = {"solver": highs_version() if args.solver == "highs" else ortools_version(which), "runs": []}
    try:
        if args.how == "mps":
            if not args.files:
                raise ValueError("no MPS files")
            def one_run():
                if args.solver == "highs":
                    return combine([highs_mps(f, args.time_limit) for f in args.files])
                return combine([ortools_mps(f, args.time_limit, which) for f in args.files])
        else:
            model = direct_model(args)
            def one_run():
                if args.solver == "highs":
                    return highs_direct(model, args.time_limit)
                return ortools_direct(model, args.time_limit, which)
        spent = 0.0
        for _ in range(max(1, args.runs)):
            r = one_run()
            out["runs"].append(r)
            spent += r["seconds"]
            # A run stopped by the time limit takes the limit again: repeating it measures nothing.
            if r["status"] != OPTIMAL or spent >= args.budget:
                break
    except Exception as e:  # the cell says "error"; compare.py logs the reason
        out["error"] = f"{type(e).__name__}: {e}"
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())
