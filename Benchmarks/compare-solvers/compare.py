#!/usr/bin/env python3
"""Compare cadreplan (GLPK) with HiGHS and OR-Tools on OR-Library instances and hainan-2022.

For each instance:
  1. `cadreplan import` turns the OR-Library file into a scenario folder
     (hainan-2022 is solved as it is, in each mode);
  2. `cadreplan solve --write-model` runs once (untimed: it writes the models) to export
     every block's tier models as MPS;
  3. `cadreplan solve` runs --runs times; value and status come from summary.json, the
     time is the median of the solve phase (timings.json "solve") and of the whole process;
  4. HiGHS and OR-Tools solve the exported quality-tier MPS files (same time limit,
     --runs times), and for OR-Library instances also the textbook model built straight
     from the source file, so the comparison does not rest on cadreplan's model.

The quality-tier model of a block holds the keep rows of the earlier tiers, so its optimum
is the plan's quality tier; summed over blocks it is the quality value in summary.json.

Every solver runs in a child process: one that fails prints "error" in its cell and the
table still completes (the reason is logged on standard error and listed under the table).
"""

import argparse
import datetime
import glob
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Published optima (../shared/data/orlib/OPTIMA.md). Assignment: minimise. gap1–gap12:
# maximise (5 problems each). gapa–gapd: minimise (6 problems each); gapd #6 is unsettled.
ASSIGN = {"assign100": 305, "assign200": 475, "assign300": 626, "assign400": 804, "assign500": 991,
          "assign600": 1176, "assign700": 1362, "assign800": 1552, "assignp800": 2239, "assignp1500": 5839}
GAP_MAX = {
    "gap1": [336, 327, 339, 341, 326], "gap2": [434, 436, 420, 419, 428], "gap3": [580, 564, 573, 570, 564],
    "gap4": [656, 644, 673, 647, 664], "gap5": [563, 558, 564, 568, 559], "gap6": [761, 759, 758, 752, 747],
    "gap7": [942, 949, 968, 945, 951], "gap8": [1133, 1134, 1141, 1117, 1127], "gap9": [709, 717, 712, 723, 706],
    "gap10": [958, 963, 960, 947, 947], "gap11": [1139, 1178, 1195, 1171, 1171], "gap12": [1451, 1449, 1433, 1447, 1446],
}
GAP_MIN = {
    "gapa": [1698, 3235, 1360, 2623, 1158, 2339], "gapb": [1843, 3552, 1407, 2827, 1166, 2339],
    "gapc": [1931, 3456, 1402, 2806, 1243, 2391], "gapd": [6353, 12742, 6347, 12430, 6185, "12235–12241"],
}

NOTES = []  # footnotes: errors and anything unusual, printed under the table


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def note(msg):
    NOTES.append(msg)
    log("  note: " + msg)


# ---------------------------------------------------------------- instances

class Instance:
    def __init__(self, name, kind, file=None, problem=None, sense="min", published=None, mode=None, folder=None):
        self.name, self.kind, self.file, self.problem = name, kind, file, problem
        self.sense, self.published, self.mode, self.folder = sense, published, mode, folder
        self.size = ""
        self.constant = 0  # n·C for maximisation GAP: source value = constant − quality

    def source_value(self, quality):
        """The instance's objective from a quality-tier value (see the scenario README)."""
        if quality is None:
            return None
        return self.constant - quality if self.sense == "max" else quality


def instances(args):
    orlib = args.orlib
    out = []
    if args.quick:
        names = [("assign", "assign100"), ("gap", "gap1", 1), ("gap", "gap12", 1), ("gap", "gapa", 1)]
    else:
        names = [("assign", n) for n in ASSIGN]
        first_only = args.gap_problems == "first"
        for g, optima in GAP_MAX.items():
            names += [("gap", g, k) for k in range(1, 2 if first_only else 6)]
        for g, optima in GAP_MIN.items():
            names += [("gap", g, k) for k in range(1, 2 if first_only else 7)]
    for item in names:
        if item[0] == "assign":
            name = item[1]
            out.append(Instance(name, "assign", os.path.join(orlib, name + ".txt"), published=ASSIGN[name]))
        else:
            g, k = item[1], item[2]
            sense = "max" if g in GAP_MAX else "min"
            pub = (GAP_MAX if sense == "max" else GAP_MIN)[g][k - 1]
            out.append(Instance(f"{g}-{k}", "gap", os.path.join(orlib, g + ".txt"), problem=k, sense=sense, published=pub))
    hainan = os.path.join(ROOT, "scenarios", "hainan-2022")
    if not args.quick or args.hainan_in_quick:
        if os.path.isdir(hainan):
            # The scenario's own mode (no --mode), then each mode explicitly.
            out.append(Instance("hainan-2022 (scenario's mode)", "scenario", mode=None, folder=hainan))
            for mode in ("one-to-one", "one-to-many:3"):
                out.append(Instance(f"hainan-2022 {mode}", "scenario", mode=mode, folder=hainan))
            # One-to-many:3 with a very large λ (extra_target): the quality tier then weighs
            # Σz − Σn above everything else, as a tier "targets beyond the first" would.
            out.append(Instance("hainan-2022 one-to-many:3 λ=100000", "scenario", mode="one-to-many:3",
                                folder=lambda_variant(args, hainan)))
        else:
            note("scenarios/hainan-2022 does not exist: skipped")
    if args.only:
        out = [i for i in out if re.search(args.only, i.name)]
    return out


def lambda_variant(args, hainan):
    """A scenario folder that inherits hainan-2022 and sets extra_target to 100000."""
    folder = os.path.join(args.work, "scenarios", "hainan-2022-lambda")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(hainan, "scenario.yaml"), encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"(?m)^name: .*$", "name: hainan-2022-lambda", text)
    text = re.sub(r"(?m)^(\s*)extra_target: .*$", r"\1extra_target: 100000", text)
    if not re.search(r"(?m)^base:", text):
        text = f"base: {hainan}\n" + text
    with open(os.path.join(folder, "scenario.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
    return folder


def gap_constant(path, problem):
    """n·C of a GAP problem, computed here from the source file (independently of cadreplan)."""
    with open(path) as f:
        t = [int(x) for x in f.read().split()]
    pos = 1
    for k in range(1, t[0] + 1):
        m, n = t[pos], t[pos + 1]
        pos += 2
        if k == problem:
            return m, n, n * max(t[pos:pos + m * n])
        pos += 2 * m * n + m
    raise ValueError(f"{path}: no problem {problem}")


# ---------------------------------------------------------------- cadreplan

def run_cadreplan(args, argv, timeout):
    start = time.perf_counter()
    p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:3])}… exited {p.returncode}: {(p.stderr or p.stdout).strip()[-400:]}")
    return wall, p.stdout


def prepare(args, inst):
    """Imports an OR-Library instance; returns the scenario folder."""
    if inst.kind == "scenario":
        # A variant inherits its CSV files from hainan-2022.
        data = inst.folder if os.path.exists(os.path.join(inst.folder, "cadres.csv")) else os.path.join(ROOT, "scenarios", "hainan-2022")
        with open(os.path.join(data, "cadres.csv"), encoding="utf-8-sig") as f:
            cadres = sum(1 for _ in f) - 1
        with open(os.path.join(data, "targets.csv"), encoding="utf-8-sig") as f:
            targets = sum(1 for _ in f) - 1
        inst.size = f"{cadres}×{targets}"
        return inst.folder
    folder = os.path.join(args.work, "scenarios", inst.name)
    if inst.kind == "assign":
        argv = [args.cadreplan, "import", "orlib-assign", inst.file, "--out", folder]
        with open(inst.file) as f:
            t = f.read().split()
        n = int(t[0])
        inst.size = f"{n}×{n}" if len(t) - 1 == n * n else f"{n}×{n}, {(len(t) - 1) // 3} pairs"
    else:
        argv = [args.cadreplan, "import", "orlib-gap", inst.file, "--problem", str(inst.problem),
                "--sense", inst.sense, "--out", folder]
        m, n, constant = gap_constant(inst.file, inst.problem)
        inst.size = f"{m}×{n}"
        inst.constant = constant if inst.sense == "max" else 0
    _, out = run_cadreplan(args, argv, timeout=600)
    if inst.sense == "max":
        # The importer prints "optimum = … = K − quality": it must agree with n·C computed here.
        m = re.search(r"= (\d+) − quality", out)
        if not m or int(m.group(1)) != inst.constant:
            note(f"{inst.name}: the importer's constant ({m.group(1) if m else 'none'}) differs from n·C = {inst.constant}")
    return folder


def limit_for(args, inst):
    return args.gapd_time_limit if inst.name.startswith("gapd") else args.time_limit


def solve_argv(args, inst, folder, out, extra=()):
    argv = [args.cadreplan, "solve", folder, "--out", out, "--lang", "en", "--time-limit", str(limit_for(args, inst))]
    if inst.mode:
        argv += ["--mode", inst.mode]
    return argv + list(extra)


def read_plan(out):
    with open(os.path.join(out, "summary.json")) as f:
        summary = json.load(f)
    timings = {}
    path = os.path.join(out, "timings.json")
    if os.path.exists(path):
        with open(path) as f:
            timings = json.load(f)
    tiers = {t["name"]: t for t in summary["tiers"]}
    return summary, tiers, timings


def export_models(args, inst, folder):
    """One untimed solve that writes every block's tier models; returns the quality-tier files.

    `--write-model` makes cadreplan solve every block as an integer program with GLPK
    (its network fast path for pure assignment blocks writes no model), which can take
    many minutes on the dense assignments. A tier's model is written before that tier is
    solved, so for an OR-Library instance (a single block) the run is stopped as soon as
    the quality model is complete (GLPK ends free MPS with ENDATA): the quality tier's
    own solve is not needed to get its model. hainan-2022 runs to the end, since only
    then are all its blocks written.
    """
    mdir = os.path.join(args.work, "models", inst.name.replace(" ", "_").replace(":", "-"))
    shutil.rmtree(mdir, ignore_errors=True)
    os.makedirs(mdir)
    out = os.path.join(args.work, "plans", "export")
    argv = solve_argv(args, inst, folder, out, ["--write-model", os.path.join(mdir, "m.mps")])
    timeout = 4 * limit_for(args, inst) + 900
    start = time.perf_counter()
    with open(os.path.join(args.work, "export.log"), "w") as errlog:
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errlog)
        try:
            while proc.poll() is None:
                if time.perf_counter() - start > timeout:
                    raise RuntimeError(f"the export run took more than {timeout:.0f} s")
                if inst.kind != "scenario" and quality_model_complete(mdir):
                    break
                time.sleep(0.1)
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
    files = sorted(glob.glob(os.path.join(mdir, "m-b*-quality.mps")))
    if proc.returncode not in (0, -15, -9) and not files:
        with open(os.path.join(args.work, "export.log")) as f:
            raise RuntimeError(f"export run exited {proc.returncode}: {f.read().strip()[-300:]}")
    return files


def quality_model_complete(mdir):
    files = glob.glob(os.path.join(mdir, "m-b*-quality.mps"))
    if len(files) != 1:
        return False
    try:
        with open(files[0], "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 16))
            return f.read().rstrip().endswith(b"ENDATA")
    except OSError:
        return False


def cadreplan_runs(args, inst, folder):
    out = os.path.join(args.work, "plans", "timed")
    timeout = 4 * limit_for(args, inst) + 600
    walls, solves, spent, tiers, summary = [], [], 0.0, None, None
    for _ in range(max(1, args.runs)):
        wall, _ = run_cadreplan(args, solve_argv(args, inst, folder, out), timeout)
        summary, tiers, timings = read_plan(out)
        walls.append(wall)
        solves.append(timings.get("solve", wall))
        spent += wall
        if summary["status"] != "optimal" or spent >= args.budget:
            break
    model = summary.get("model", {})
    return {"wall": statistics.median(walls), "solve": statistics.median(solves), "runs": len(walls),
            "tiers": tiers, "status": summary["status"], "solver": model.get("solver", "GLPK"),
            "blocks": model.get("blocks", 0), "network_blocks": model.get("network_blocks") or 0}


# ---------------------------------------------------------------- HiGHS / OR-Tools (child processes)

def child(args, how, solver, extra, timeout):
    argv = [sys.executable, os.path.join(HERE, "solvers.py"), how, "--solver", solver,
            "--ortools-solver", args.ortools_solver, "--runs", str(args.runs), "--budget", str(args.budget)] + extra
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"no answer within {timeout:.0f} s"
    lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
    if p.returncode != 0 or not lines:
        return None, f"exit {p.returncode}: {(p.stderr or p.stdout).strip()[-300:]}"
    res = json.loads(lines[-1])
    if res.get("error") or not res["runs"]:
        return res, res.get("error", "no runs")
    return res, None


def summarise(res):
    runs = res["runs"]
    last = runs[-1]
    return {"seconds": statistics.median(r["seconds"] for r in runs), "runs": len(runs),
            "value": last["value"], "bound": last["bound"], "status": last["status"]}


# ---------------------------------------------------------------- table

def fmt_num(v):
    if v is None:
        return "—"
    if isinstance(v, str):
        return v
    return str(int(round(v))) if abs(v - round(v)) < 1e-6 else f"{v:.2f}"


def fmt_time(s, runs):
    if s is None:
        return "—"
    t = f"{s:.3f}" if s < 10 else f"{s:.1f}"
    return t if runs >= ARGS.runs else f"{t} ({runs}×)"


def value_cell(inst, value, bound, status):
    """The source objective, with the bound when not proven optimal."""
    v = inst.source_value(value)
    text = fmt_num(v)
    if status != "optimal":
        b = inst.source_value(bound) if bound is not None and abs(bound) != float("inf") else None
        text += f" ({status}; bound {fmt_num(b)}, gap {source_gap(inst, value, bound)})"
    elif isinstance(inst.published, int) and v is not None and abs(v - inst.published) > 1e-6:
        text += " ≠"
    return text


def source_gap(inst, value, bound):
    """|value − bound| / |value| of the instance's own objective, in percent."""
    v, b = inst.source_value(value), inst.source_value(bound) if bound is not None else None
    if v is None or b is None or abs(b) == float("inf"):
        return "—"
    return f"{100 * abs(v - b) / max(1, abs(v)):.2f}%"


def ratio(t, base):
    if t is None or not base:
        return "—"
    return f"{t / base:.2f}"


def row(args, inst):
    cells = [inst.name, inst.size, fmt_num(inst.published) if inst.published is not None else "—"]
    log(f"{inst.name}: import")
    try:
        folder = prepare(args, inst)
        cells[1] = inst.size
    except Exception as e:
        note(f"{inst.name}: import failed: {e}")
        return cells + ["error"] * 15
    limit = limit_for(args, inst)

    # cadreplan
    base = None
    files = []
    try:
        # The models are exported only for the solvers that read them.
        if any(solver.endswith("-mps") for solver in args.solvers):
            log(f"{inst.name}: cadreplan export")
            files = export_models(args, inst, folder)
        log(f"{inst.name}: cadreplan ×{args.runs}")
        c = cadreplan_runs(args, inst, folder)
        tiers = c["tiers"]
        q = tiers["quality"]
        if tiers["coverage"]["value"] != 0:
            note(f"{inst.name}: cadreplan's coverage tier is {tiers['coverage']['value']}, timeliness {tiers['timeliness']['value']}"
                 + ("" if inst.kind == "scenario" else " (not every job is assigned)"))
        status = c["status"]
        value = q["value"]
        status_text = status if status == "optimal" else f"{status}, gap {source_gap(inst, value, q.get('bound'))}"
        if c["network_blocks"]:
            # The planner's network fast path solved these blocks as a matching, not a MIP.
            status_text += " (matching)" if c["network_blocks"] == c["blocks"] else f" ({c['network_blocks']}/{c['blocks']} blocks by matching)"
            MATCHING.append(inst.name)
        cells += [value_cell(inst, value, q.get("bound"), "optimal" if status == "optimal" else "time limit"),
                  status_text,
                  f"{fmt_time(c['solve'], c['runs'])} / {fmt_time(c['wall'], c['runs'])}"]
        base = c["solve"]
        record(inst, "cadreplan", c["solve"], status == "optimal")
        SOLVERS["cadreplan"] = c["solver"]
    except Exception as e:
        note(f"{inst.name}: cadreplan failed: {e}")
        cells += ["error", "error", "error"]

    # The same exported quality models with HiGHS and OR-Tools.
    timeout_mps = (args.runs * limit + 120) * max(1, len(files)) + 300
    for solver in ("highs", "ortools"):
        if f"{solver}-mps" not in args.solvers:
            cells += ["—", "—", "—"]
            continue
        if not files:
            cells += ["error", "—", "—"]
            continue
        log(f"{inst.name}: {solver} on {len(files)} MPS file(s)")
        res, err = child(args, "mps", solver, ["--time-limit", str(limit)] + files, timeout_mps)
        if res:
            SOLVERS[solver] = res["solver"]
        if err:
            note(f"{inst.name}: {solver} (MPS) failed: {err}")
            cells += ["error", "—", "—"]
            continue
        s = summarise(res)
        record(inst, f"{solver}-mps", s["seconds"], s["status"] == "optimal")
        cells += [value_cell(inst, s["value"], s["bound"], s["status"]), fmt_time(s["seconds"], s["runs"]), ratio(s["seconds"], base)]

    # The textbook model straight from the OR-Library file.
    for solver in ("highs", "ortools"):
        if inst.kind == "scenario" or f"{solver}-direct" not in args.solvers:
            cells += ["—", "—", "—"]
            continue
        log(f"{inst.name}: {solver} direct")
        extra = ["--time-limit", str(limit), "--kind", inst.kind, "--file", inst.file]
        if inst.kind == "gap":
            extra += ["--problem", str(inst.problem), "--sense", inst.sense]
        res, err = child(args, "direct", solver, extra, args.runs * limit + 900)
        if err:
            note(f"{inst.name}: {solver} (direct) failed: {err}")
            cells += ["error", "—", "—"]
            continue
        s = summarise(res)
        record(inst, f"{solver}-direct", s["seconds"], s["status"] == "optimal")
        # Direct models have the source objective itself: no read-back.
        direct = Instance(inst.name, inst.kind, published=inst.published)
        cells += [value_cell(direct, s["value"], s["bound"], s["status"]), fmt_time(s["seconds"], s["runs"]), ratio(s["seconds"], base)]
    return cells


SOLVERS = {}
TOTALS = {}  # instance name -> {solver: (seconds, proven)}


def record(inst, solver, seconds, proven):
    TOTALS.setdefault(inst.name, {})[solver] = (seconds, proven)


def totals_lines(names, label):
    """Sums over `names` of each solver's time, with how many it proved; the ratio to cadreplan."""
    rows = [TOTALS[n] for n in names if n in TOTALS]
    if not rows:
        return []
    out = [f"Totals over {label} ({len(rows)} instances, median times summed; a run stopped by the time limit counts its limit):", ""]
    out.append("| solver | proven | total s | ÷ cadreplan |")
    out.append("|---|---:|---:|---:|")
    base = sum(r["cadreplan"][0] for r in rows if "cadreplan" in r)
    for solver in ("cadreplan", "highs-mps", "ortools-mps", "highs-direct", "ortools-direct"):
        cells = [r[solver] for r in rows if solver in r]
        if not cells:
            continue
        total = sum(c[0] for c in cells)
        proven = sum(1 for c in cells if c[1])
        out.append(f"| {solver} | {proven}/{len(cells)} | {total:.1f} | {total / base:.2f} |" if base else f"| {solver} | {proven}/{len(cells)} | {total:.1f} | — |")
    out.append("")
    return out
MATCHING = []  # instances whose blocks cadreplan solved with its matching fast path
ARGS = None


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return os.cpu_count(), cpu


def load():
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def main():
    global ARGS
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cadreplan", required=True, help="the cadreplan executable (release build)")
    p.add_argument("--orlib", default=os.path.join(os.path.dirname(ROOT), "shared", "data", "orlib"))
    p.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "cadreplan-compare"))
    p.add_argument("--quick", action="store_true", help="a few small instances")
    p.add_argument("--hainan-in-quick", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--runs", type=int, default=5, help="timed runs per solver and instance (median reported)")
    p.add_argument("--budget", type=float, default=120, help="stop repeating a solver's runs on an instance after this many seconds (at least 1 run)")
    p.add_argument("--time-limit", type=float, default=60, help="seconds per solve (cadreplan: all tiers together)")
    p.add_argument("--gapd-time-limit", type=float, default=60, help="seconds per solve for gapd")
    p.add_argument("--gap-problems", choices=["all", "first"], default="all", help="all problems of each GAP file, or problem 1 only")
    p.add_argument("--ortools-solver", choices=["scip", "sat"], default="scip")
    p.add_argument("--solvers", default="highs-mps,ortools-mps,highs-direct,ortools-direct",
                   help="comma-separated columns to run besides cadreplan: highs-mps, ortools-mps, highs-direct, ortools-direct")
    p.add_argument("--only", help="regular expression on instance names")
    p.add_argument("--output", help="also write the Markdown to this file")
    p.add_argument("--command", help=argparse.SUPPRESS)
    args = p.parse_args()
    ARGS = args
    if args.runs < 1:
        p.error("--runs must be at least 1")
    args.solvers = set(args.solvers.split(",")) if args.solvers else set()
    unknown = args.solvers - {"highs-mps", "ortools-mps", "highs-direct", "ortools-direct"}
    if unknown:
        p.error(f"--solvers: unknown {', '.join(sorted(unknown))}")
    if not os.path.isdir(args.orlib):
        p.error(f"{args.orlib}: no such folder (OR-Library files)")
    os.makedirs(args.work, exist_ok=True)

    started = datetime.datetime.now()
    load_before = load()
    rows = []
    for inst in instances(args):
        if inst.file and not os.path.exists(inst.file):
            note(f"{inst.name}: {inst.file} is missing: skipped")
            continue
        t0 = time.perf_counter()
        rows.append(row(args, inst))
        log(f"{inst.name}: done in {time.perf_counter() - t0:.1f} s")
    elapsed = (datetime.datetime.now() - started).total_seconds()

    nproc, cpu = machine()
    cmd = args.command or " ".join(shlex.quote(a) for a in sys.argv)
    o = []
    o.append("# cadreplan (GLPK) vs HiGHS vs OR-Tools\n")
    o.append(f"- machine: {nproc} cores (`nproc`), CPU {cpu}, {platform.system()} {platform.release()}")
    o.append(f"- date: {started:%Y-%m-%d %H:%M} (wall time of the whole run {elapsed / 60:.1f} min); load average before {load_before}, after {load()}")
    o.append(f"- command: `{cmd}`")
    try:
        rev = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip()
        if rev:
            o.append(f"- cadreplan source: git {rev}")
    except OSError:
        pass
    o.append(f"- solvers: cadreplan with {SOLVERS.get('cadreplan', 'GLPK')}; {SOLVERS.get('highs', 'HiGHS')}; {SOLVERS.get('ortools', 'OR-Tools')}")
    if args.quick:
        o.append("- quick mode: a few small instances only")
    elif args.gap_problems == "first":
        o.append("- GAP: problem 1 of each file only (`--gap-problems first`); `--gap-problems all` runs all 5 (gap1–gap12) or 6 (gapa–gapd)")
    o.append(f"- time limit per solve {args.time_limit:g} s (gapd {args.gapd_time_limit:g} s); cadreplan's limit covers all its tiers together; relative gap 0 everywhere")
    o.append(f"- times in seconds, median of {args.runs} runs; \"(k×)\" = only k runs: a run stopped by the time limit is not repeated, and runs stop once {args.budget:g} s were spent on a cell")
    o.append("")
    o.append("| instance | size | published | cadreplan | status | cadreplan s (solve / total) | HiGHS MPS | s | × | OR-Tools MPS | s | × | HiGHS direct | s | × | OR-Tools direct | s | × |")
    o.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        o.append("| " + " | ".join(r) + " |")
    o.append("")
    gap78 = [n for n in TOTALS if re.match(r"gap([0-9]+|[abc])-", n)]
    o += totals_lines(gap78, "gap1–gap12 and gapa–gapc")
    o += totals_lines([n for n in TOTALS if n.startswith("gapd")], "gapd")
    o += totals_lines([n for n in TOTALS if n.startswith("hainan")], "hainan-2022")
    o.append("How to read it:")
    o.append("- Values are the instance's own objective. cadreplan's comes from the quality tier of summary.json "
             "(for maximisation GAP, gap1–gap12: optimum = n·C − quality, C = the largest profit; the importer's "
             "constant is checked against n·C computed from the file). \"≠\" marks a proven optimum that differs from the published one.")
    o.append("- \"MPS\" columns solve the models cadreplan exported with `--write-model`: the quality-tier model of each block, which "
             "holds the keep rows of the earlier tiers (coverage, timeliness), so its optimum is the plan's quality value; for several "
             "blocks (hainan-2022) values, bounds and times are sums over blocks. Time = reading the MPS file + solving.")
    o.append("- \"direct\" columns solve the textbook model built from the OR-Library file (x_ij binary; assignment: Σ_j x_ij = 1, "
             "Σ_i x_ij = 1; GAP: Σ_i x_ij = 1, Σ_j a_ij x_ij ≤ b_i); time = the solve call on the model in memory.")
    o.append("- cadreplan s = the solve phase (timings.json \"solve\": all tiers, both GLPK solves for an OR-Library instance) / the "
             "whole `cadreplan solve` process (reading CSV, verifying, writing the plan). × = that solver's time ÷ cadreplan's solve "
             "phase (above 1: slower than cadreplan).")
    o.append("- For hainan-2022 the value is the quality tier (the coverage and timeliness tiers are in the notes when not 0).")
    if MATCHING:
        o.append("- \"(matching)\": cadreplan solved the instance with its network fast path (a pure assignment block becomes one "
                 "maximum weight matching, no integer program), so its time is a matching code's, while the MPS columns solve the "
                 "integer program cadreplan would otherwise hand to GLPK (exported by a `--write-model` run, which turns the fast path off). "
                 f"Instances: {', '.join(MATCHING)}.")
    if NOTES:
        o.append("")
        o.append("Notes:")
        for n in NOTES:
            o.append(f"- {n}")
    text = "\n".join(o) + "\n"
    print(text)
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
