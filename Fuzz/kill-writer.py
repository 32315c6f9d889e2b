#!/usr/bin/env python3
"""Fault injection on the plan writer: SIGKILL at every file-system step and at random times.

An old plan of SCENARIO is written to a folder, then `cadreplan solve --lang en` replaces it
while being killed:

  1. before each file-system step in turn (CADREPLAN_TEST_FAULT=kill:K, the seam in AtomicFile);
  2. with EIO on each rename and exchange (CADREPLAN_TEST_FAULT=fail:K:5);
  3. by a SIGKILL from outside after a random delay (uniform over a normal run's duration).

After each kill the folder must hold the whole old plan or the whole new one (every file
byte for byte, timings.json aside) and `cadreplan verify` must accept it; after each failed
rename it must hold the old plan and the command must exit 5. The next run must clear what a
kill left beside the folder. Prints the figures docs/RELIABILITY.md reports.

    Fuzz/kill-writer.py --binary .build/release/cadreplan --scenario scenarios/hainan-2022 --random 500
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def contents(folder):
    files = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            rel = os.path.relpath(path, folder)
            if rel != "timings.json":
                with open(path, "rb") as f:
                    files[rel] = f.read()
    return files


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--scenario", default="scenarios/small")
    parser.add_argument("--random", type=int, default=100, help="kills at random times")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--report", default=None)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="cadreplan-kill-")
    plan, old_ref, new_ref = (os.path.join(work, n) for n in ("plan", "old", "new"))
    env = dict(os.environ)
    stats = {"scenario": args.scenario, "steps": 0, "renames": 0, "step_kills": 0, "rename_failures": 0,
             "random_kills": 0, "random_kills_during_write": 0, "old_intact": 0, "new_complete": 0,
             "neither": 0, "verify_failures": 0, "leftovers": 0, "bad_exit": 0}
    failures = []

    def solve(out, lang="zh", fault=None, **kw):
        e = dict(env)
        if fault:
            e["CADREPLAN_TEST_FAULT"] = fault
        return subprocess.run([binary, "solve", args.scenario, "--out", out, "--lang", lang], env=e,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)

    def reset():
        shutil.rmtree(plan, ignore_errors=True)
        shutil.copytree(old_ref, plan, symlinks=True)

    def stale():
        """Staging folders a kill left: the next run removes each as one step before its own."""
        return sum(1 for n in os.listdir(work) if n.startswith(".plan.tmp-") or n.startswith(".plan.old-"))

    def judge(label):
        now = contents(plan)
        if now == old:
            stats["old_intact"] += 1
        elif now == new:
            stats["new_complete"] += 1
        else:
            stats["neither"] += 1
            failures.append(label + ": the folder is neither plan")
            return
        if not os.path.exists(os.path.join(plan, "timings.json")):
            stats["neither"] += 1
            failures.append(label + ": timings.json missing")
        v = subprocess.run([binary, "verify", args.scenario, plan], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if v.returncode != 0:
            stats["verify_failures"] += 1
            failures.append(label + ": verify exit %d: %s" % (v.returncode, v.stderr[-300:]))

    def leftovers(label):
        names = sorted(n for n in os.listdir(work) if n not in ("plan", "old", "new"))
        if names:
            stats["leftovers"] += 1
            failures.append(label + ": left %s" % names)

    started = time.time()
    if solve(old_ref).returncode or solve(new_ref, "en").returncode:
        sys.exit("the scenario does not solve")
    old, new = contents(old_ref), contents(new_ref)
    reset()
    # One run with the steps logged, timing when the writer starts (its first step).
    e = dict(env)
    e["CADREPLAN_TEST_FAULT"] = "log"
    t0 = time.time()
    p = subprocess.Popen([binary, "solve", args.scenario, "--out", plan, "--lang", "en"], env=e,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    steps, write_start = [], None
    for raw in p.stderr:
        line = raw.decode("utf-8", "replace").rstrip("\n")
        if line.startswith("fault-step "):
            write_start = write_start or time.time() - t0
            steps.append(line)
    p.wait()
    duration = time.time() - t0
    stats["steps"] = len(steps)
    renames = [i + 1 for i, l in enumerate(steps) if ": rename " in l or ": exchange " in l]
    stats["renames"] = len(renames)

    for k in range(1, len(steps) + 1):
        reset()
        r = solve(plan, "en", fault="kill:%d" % (k + stale()))
        stats["step_kills"] += 1
        if r.returncode != -signal.SIGKILL:
            stats["bad_exit"] += 1
            failures.append("kill:%d: exit %d" % (k, r.returncode))
        judge("kill before step %d (%s)" % (k, steps[k - 1]))
    reset()
    solve(plan)  # clears the last kill's staging
    leftovers("after the step kills")

    for k in renames:
        reset()
        r = solve(plan, "en", fault="fail:%d:5" % (k + stale()))
        stats["rename_failures"] += 1
        if r.returncode != 5:
            stats["bad_exit"] += 1
            failures.append("fail:%d: exit %d" % (k, r.returncode))
        if contents(plan) != old:
            stats["neither"] += 1
            failures.append("fail:%d: the old plan was not kept" % k)
        leftovers("fail:%d" % k)

    # Random delays: half over the whole run, half over the writer's part (from its first step
    # to the end), where a kill can matter.
    for i in range(args.random):
        reset()
        p = subprocess.Popen([binary, "solve", args.scenario, "--out", plan, "--lang", "en"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        start = 0 if i % 2 == 0 else max(0.0, (write_start or 0) - 0.2)
        time.sleep(rng.uniform(start, duration))
        p.send_signal(signal.SIGKILL)
        p.wait()
        stats["random_kills"] += 1
        if os.path.exists(os.path.join(work, ".plan.tmp-%d" % p.pid)) or contents(plan) == new:
            stats["random_kills_during_write"] += 1
        judge("random kill %d" % i)
    reset()
    solve(plan)
    leftovers("after the random kills")

    stats["seconds"] = round(time.time() - started, 1)
    stats["run_seconds"] = round(duration, 2)
    stats["write_starts_at_seconds"] = round(write_start or 0, 2)
    stats["failures"] = failures[:50]
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(stats, indent=2))
    if args.report:
        with open(args.report, "w") as f:
            json.dump(stats, f, indent=2)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
