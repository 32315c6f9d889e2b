#!/usr/bin/env python3
"""Solves every OR-Library GAP problem of gap1–gap12 and gapa–gapc with one cadreplan binary
and records, per problem, the wall time of `cadreplan solve`, the instance's value, the bound
and whether it is proven at the published optimum (../shared/data/orlib/OPTIMA.md).

usage: orlib-gap-campaign.py CADREPLAN ORLIB_DIR WORK_DIR OUT.tsv [--time-limit 60] [--only NAME,...]

Scenarios are imported once into WORK_DIR/scenarios (reused when present); the value is read
from the quality tier of summary.json (gap1–gap12, maximisation: n·C − quality, the constant the
importer prints; gapa–gapc: the quality tier itself), as Benchmarks/compare-solvers does.
"""
import json, os, re, subprocess, sys, time

GAP_MAX = {
    "gap1": [336, 327, 339, 341, 326], "gap2": [434, 436, 420, 419, 428], "gap3": [580, 564, 573, 570, 564],
    "gap4": [656, 644, 673, 647, 664], "gap5": [563, 558, 564, 568, 559], "gap6": [761, 759, 758, 752, 747],
    "gap7": [942, 949, 968, 945, 951], "gap8": [1133, 1134, 1141, 1117, 1127], "gap9": [709, 717, 712, 723, 706],
    "gap10": [958, 963, 960, 947, 947], "gap11": [1139, 1178, 1195, 1171, 1171], "gap12": [1451, 1449, 1433, 1447, 1446],
}
GAP_MIN = {"gapa": [1698, 3235, 1360, 2623, 1158, 2339], "gapb": [1843, 3552, 1407, 2827, 1166, 2339],
           "gapc": [1931, 3456, 1402, 2806, 1243, 2391]}


def main():
    args = sys.argv[1:]
    limit, only = "60", None
    if "--time-limit" in args:
        i = args.index("--time-limit"); limit = args[i + 1]; del args[i:i + 2]
    if "--only" in args:
        i = args.index("--only"); only = set(args[i + 1].split(",")); del args[i:i + 2]
    binary, orlib, work, out = args
    problems = [(g, k, "max", o) for g, optima in GAP_MAX.items() for k, o in enumerate(optima, 1)]
    problems += [(g, k, "min", o) for g, optima in GAP_MIN.items() for k, o in enumerate(optima, 1)]
    rows, total = [], 0.0
    with open(out, "w") as f:
        f.write("name\tseconds\tstatus\tvalue\tbound\tpublished\tproven_at_published\n")
        for g, k, sense, published in problems:
            name = f"{g}-{k}"
            if only and name not in only:
                continue
            folder = os.path.join(work, "scenarios", name)
            imported = subprocess.run([binary, "import", "orlib-gap", os.path.join(orlib, g + ".txt"), "--problem", str(k),
                                       "--sense", sense, "--out", folder], capture_output=True, text=True, check=True).stdout
            constant = int(re.search(r"= (\d+) − quality", imported).group(1)) if sense == "max" else 0
            plan = os.path.join(work, "plans", name)
            start = time.monotonic()
            subprocess.run([binary, "solve", folder, "--time-limit", limit, "--out", plan, "--lang", "en"],
                           capture_output=True, text=True)
            seconds = time.monotonic() - start
            total += seconds
            summary = json.load(open(os.path.join(plan, "summary.json")))
            quality = next(t for t in summary["tiers"] if t["name"] == "quality")
            value = quality.get("value"); bound = quality.get("bound")
            if sense == "max":
                value = None if value is None else constant - value
                bound = None if bound is None else constant - bound
            proven = summary["status"] == "optimal" and value == published
            f.write(f"{name}\t{seconds:.2f}\t{summary['status']}\t{value}\t{bound}\t{published}\t{proven}\n")
            f.flush()
            print(f"{name}\t{seconds:.2f}\t{summary['status']}\t{value}\t{bound}\t{published}\t{proven}", flush=True)
    print(f"total {total:.2f} s")


if __name__ == "__main__":
    main()
