#!/usr/bin/env python3
"""Checks a benchmark run against the committed thresholds, or records new ones.

Reads the Influx CSV that `swift package benchmark --format influx` writes (one line per
target, benchmark, metric and percentile, raw values: nanoseconds, bytes, counts) and compares
each benchmark's median (p50) with Thresholds/quick-pass.json:

  * time (wall clock, CPU): fails above factor × committed (3×), and only when also more than
    `slack` above it, so that a millisecond benchmark does not fail on a scheduler hiccup;
  * peak resident memory: fails above 2× committed;
  * mallocs: fails more than 3 % (+ a few) above committed;
  * every other metric (simplex iterations, branch-and-bound nodes, model size, classes, counts)
    is deterministic: it must not rise at all.

A value better than its threshold passes, and the table says so: record it with --update so that
the gain is kept. Exit status: 0 when nothing regressed, 1 on a regression or a missing
benchmark, 2 on bad input.

Only the Python 3 standard library is used.
"""

import argparse
import csv
import datetime
import json
import os
import platform
import socket
import statistics
import subprocess
import sys

# Influx metric names (spaces removed by the exporter) → what the table shows.
READABLE = {
    "Time(wallclock)": "wall clock",
    "Time(totalCPU)": "CPU time",
    "Memory(residentpeak)": "peak resident memory",
    "Malloc(total)": "mallocs",
    "Simplexiterations": "simplex iterations",
    "B&Bnodes": "B&B nodes",
    "Solvedvariables": "solved variables",
    "Solvedrows": "solved rows",
    "Individualvariables": "individual variables",
    "Cadreclasses": "cadre classes",
    "Targetclasses": "target classes",
    "Classarcs": "class arcs",
    "Blocks": "blocks",
    "Cadres": "cadres",
    "Targets": "targets",
}

# Used when the thresholds file has no "tolerances" section (and written into a new file).
DEFAULT_TOLERANCES = {
    "Time(wallclock)": {"factor": 3.0, "slack": 50_000_000, "unit": "ns"},
    "Time(totalCPU)": {"factor": 3.0, "slack": 50_000_000, "unit": "ns"},
    "Memory(residentpeak)": {"factor": 2.0, "slack": 0, "unit": "bytes"},
    "Malloc(total)": {"factor": 1.03, "slack": 20},
    "*": {"factor": 1.0, "slack": 0},
}

ORDER = list(READABLE)


def read_medians(path):
    """{"Target/benchmark": {metric: p50}} from one Influx CSV export."""
    medians = {}
    with open(path, newline="", encoding="utf-8") as f:
        rows = [line for line in f if not line.startswith("#")]
    for row in csv.DictReader(rows):
        if row.get("percentile") != "50.0":
            continue
        key = f"{row['measurement']}/{row['test']}"
        medians.setdefault(key, {})[row["metric"]] = int(float(row["value"]))
    return medians


def fmt(metric, value):
    if value is None:
        return "-"
    if metric.startswith("Time("):
        return f"{value / 1e6:,.1f} ms" if value < 10e9 else f"{value / 1e9:,.2f} s"
    if metric.startswith("Memory("):
        return f"{value / 2**20:,.1f} MiB"
    return f"{value:,}"


def tolerance(tolerances, metric):
    return tolerances.get(metric, tolerances.get("*", DEFAULT_TOLERANCES["*"]))


def limit_of(tol, committed):
    return max(committed * tol["factor"], committed + tol["slack"])


def check(results, thresholds):
    tolerances = thresholds.get("tolerances", DEFAULT_TOLERANCES)
    rows, regressions, improvements = [], 0, 0
    for bench in sorted(thresholds["benchmarks"]):
        committed_metrics = thresholds["benchmarks"][bench]
        now_metrics = results.get(bench)
        for metric in sorted(committed_metrics, key=lambda m: (ORDER.index(m) if m in ORDER else len(ORDER), m)):
            committed = committed_metrics[metric]
            now = None if now_metrics is None else now_metrics.get(metric)
            tol = tolerance(tolerances, metric)
            limit = limit_of(tol, committed)
            if now is None:
                status = "MISSING"
                regressions += 1
            elif now > limit:
                status = "REGRESSION"
                regressions += 1
            elif tol["factor"] <= 1.05 and now < min(committed * (2 - tol["factor"]), committed - tol["slack"]):
                # A deterministic figure (or mallocs, beyond their noise) went down: keep the gain with --update.
                status = "better"
                improvements += 1
            else:
                status = "ok"
            ratio = "-" if now is None or committed == 0 else f"{now / committed:.2f}×"
            allowed = f"≤ {fmt(metric, int(limit))}"
            rows.append((bench, READABLE.get(metric, metric), fmt(metric, committed), fmt(metric, now), ratio, allowed, status))
    extra = sorted(set(results) - set(thresholds["benchmarks"]))
    return rows, regressions, improvements, extra


def print_table(rows):
    headers = ("benchmark", "metric", "committed", "now (median)", "now/committed", "allowed", "status")
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = "  ".join("{:<%d}" % w if i < 2 or i == 6 else "{:>%d}" % w for i, w in enumerate(widths))
    print(line.format(*headers))
    print("  ".join("-" * w for w in widths))
    last = None
    for r in rows:
        shown = list(r)
        if r[0] == last:
            shown[0] = ""
        last = r[0]
        print(line.format(*shown))


def git_commit(root):
    try:
        out = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, check=True)
        return out.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def update(runs, path, old):
    """Writes the median over runs of each benchmark's median."""
    benchmarks = {}
    keys = set().union(*[set(r) for r in runs])
    for bench in sorted(keys):
        metrics = {}
        for metric in sorted(set().union(*[set(r.get(bench, {})) for r in runs])):
            values = [r[bench][metric] for r in runs if metric in r.get(bench, {})]
            metrics[metric] = int(statistics.median_low(values)) if values else 0
        benchmarks[bench] = metrics
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    data = {
        "about": "Committed medians of the CI quick pass (Benchmarks/quick-pass.sh). Tolerances: "
                 "a metric fails above max(factor × committed, committed + slack); values in ns, bytes or counts. "
                 "Regenerate with: Benchmarks/quick-pass.sh --update",
        "measured": {
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "host": socket.gethostname(),
            "cpu": f"{os.cpu_count()} × {cpu_model()}",
            "commit": git_commit(root),
            "runs": len(runs),
            "build": "release (swift package benchmark)",
        },
        "tolerances": (old or {}).get("tolerances", DEFAULT_TOLERANCES),
        "benchmarks": benchmarks,
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, ensure_ascii=False, sort_keys=False)
        f.write("\n")
    return data


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("results", nargs="+", help="Influx CSV export(s) of benchmark runs")
    ap.add_argument("--thresholds", required=True, help="thresholds JSON (Thresholds/quick-pass.json)")
    ap.add_argument("--update", action="store_true", help="write the medians of the given runs as the new thresholds")
    args = ap.parse_args()

    try:
        runs = [read_medians(p) for p in args.results]
    except (OSError, KeyError, ValueError) as e:
        print(f"check-thresholds: cannot read the benchmark results: {e}", file=sys.stderr)
        return 2
    if not any(runs):
        print("check-thresholds: the benchmark results are empty", file=sys.stderr)
        return 2

    old = None
    if os.path.exists(args.thresholds):
        with open(args.thresholds, encoding="utf-8") as f:
            old = json.load(f)

    if args.update:
        data = update(runs, args.thresholds, old)
        print(f"wrote {args.thresholds}: {len(data['benchmarks'])} benchmarks, median of {len(runs)} run(s)")
        for bench, metrics in data["benchmarks"].items():
            print(f"  {bench}: " + ", ".join(f"{READABLE.get(m, m)} {fmt(m, v)}" for m, v in metrics.items()))
        return 0

    if old is None:
        print(f"check-thresholds: {args.thresholds} does not exist; create it with --update", file=sys.stderr)
        return 2
    if len(runs) != 1:
        print("check-thresholds: give one run to check", file=sys.stderr)
        return 2

    rows, regressions, improvements, extra = check(runs[0], old)
    m = old.get("measured", {})
    print(f"Quick pass against {args.thresholds} (measured {m.get('date', '?')} on {m.get('cpu', '?')}, commit {m.get('commit', '?')})")
    print()
    print_table(rows)
    print()
    for bench in extra:
        print(f"note: {bench} ran but has no committed thresholds (add it with --update)")
    if improvements:
        print(f"note: {improvements} deterministic figure(s) improved; record them with Benchmarks/quick-pass.sh --update")
    for bench, metric, committed, now, ratio, allowed, status in rows:
        if status in ("REGRESSION", "MISSING"):
            print(f"{status}: {bench}: {metric} {now} (committed {committed}, allowed {allowed})")
    if regressions:
        print(f"QUICK PASS FAILED: {regressions} of {len(rows)} figures regressed or are missing (see REGRESSION / MISSING above)")
        return 1
    print(f"quick pass ok: all {len(rows)} figures within their thresholds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
