#!/usr/bin/env python3
"""Mutation driver over cadreplan's command line.

Builds mutants of a valid scenario folder (scenarios/small by default) and of a plan solved
from it, runs the built binary on each, and checks the promises of docs/RELIABILITY.md:

  * no crash (no signal, no "Fatal error") and no hang (every run within its timeout);
  * only documented exit codes: check 0/2, solve 0/2/4, verify 0/2/3;
  * every message is one line, names a file, and never dumps a Foundation error;
  * a scenario that check accepts solves (or says why not, exit 4) and its plan verifies;
  * a plan whose cells or claims were changed on purpose is refused by verify.

Mutations (as in the robustness campaign of issue 11): byte flips, truncation, huge and
non-finite numbers, invalid UTF-8, NUL bytes, 1 MB fields, control characters and line
breaks in ids, YAML aliases and deep nesting, `base:` loops, files replaced by folders,
FIFOs, /dev/zero and symbolic-link loops, and tampered plan files.

    Fuzz/mutate-cli.py --binary .build/release/cadreplan --count 20000 --seed 1
    Fuzz/mutate-cli.py --binary .build/debug/cadreplan --seconds 30        # the CI short run

Exit status 0 when every mutant kept every promise, 1 otherwise (failures are copied to
--keep-failures with the command and its output).
"""
import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SCENARIO_FILES = ["scenario.yaml", "regions.csv", "cadres.csv", "targets.csv", "pairs.csv"]
ALLOWED = {"check": {0, 2}, "solve": {0, 2, 4}, "verify": {0, 2, 3}}
HUGE = ["1e400", "-1e400", "nan", "NaN", "inf", "-inf", "Infinity", "99999999999999999999999",
        "-9223372036854775808", "9223372036854775808", "9223372036854775807", "0x10", "1_000",
        "\u0663", "\uff11\uff12", "-0", "+5", "1.5", "1e3", "", "10001", "-1", "0"]
INVALID_UTF8 = [b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80", b"\xe4\xb8", b"\xc0\xaf"]
CONTROL = ["\x01", "\x1b[31m", "\x7f", "\u0085", "\t", "\u202e", "\r"]
# A located message: path[:line[:column]]: text.
LOCATED = re.compile(r"^[^\s].*?(:\d+(:\d+)?)?: ")
FORBIDDEN = ["Error Domain", "NSCocoaErrorDomain", "NSUnderlyingError", "Fatal error", "UserInfo={"]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


class Mutator:
    """One mutation per call, on a fresh copy of the scenario in `folder`."""

    def __init__(self, rng):
        self.rng = rng

    def pick_file(self, folder):
        names = [n for n in SCENARIO_FILES if os.path.exists(os.path.join(folder, n))]
        return os.path.join(folder, self.rng.choice(names))

    def flip(self, folder):
        path = self.pick_file(folder)
        data = bytearray(read(path))
        for _ in range(self.rng.randint(1, 8)):
            if data:
                i = self.rng.randrange(len(data))
                data[i] ^= 1 << self.rng.randrange(8)
        write(path, bytes(data))

    def truncate(self, folder):
        path = self.pick_file(folder)
        data = read(path)
        write(path, data[: self.rng.randint(0, max(0, len(data) - 1))])

    def cells(self, path):
        text = read(path).decode("utf-8", "replace")
        return text.split("\n")

    def replace_cell(self, folder, value, numeric=False):
        names = [n for n in SCENARIO_FILES if n.endswith(".csv") and os.path.exists(os.path.join(folder, n))]
        path = os.path.join(folder, self.rng.choice(names))
        lines = read(path).split(b"\n")
        rows = [i for i in range(1, len(lines)) if lines[i].strip()]
        if not rows:
            return
        i = self.rng.choice(rows)
        fields = lines[i].split(b",")
        choices = [k for k, f in enumerate(fields) if (f.strip().lstrip(b"-").isdigit() or not numeric)]
        k = self.rng.choice(choices or list(range(len(fields))))
        fields[k] = value if isinstance(value, bytes) else value.encode("utf-8")
        lines[i] = b",".join(fields)
        write(path, b"\n".join(lines))

    def huge_number(self, folder):
        if self.rng.random() < 0.3:
            path = os.path.join(folder, "scenario.yaml")
            text = read(path).decode("utf-8")
            numbers = [m.span() for m in re.finditer(r"(?<![\w-])\d+(?![\w-])", text)]
            if numbers:
                a, b = self.rng.choice(numbers)
                write(path, (text[:a] + self.rng.choice(HUGE) + text[b:]).encode("utf-8"))
                return
        self.replace_cell(folder, self.rng.choice(HUGE), numeric=True)

    def invalid_utf8(self, folder):
        path = self.pick_file(folder)
        data = read(path)
        i = self.rng.randint(0, len(data))
        write(path, data[:i] + self.rng.choice(INVALID_UTF8) + data[i:])

    def nul(self, folder):
        path = self.pick_file(folder)
        data = read(path)
        i = self.rng.randint(0, len(data))
        write(path, data[:i] + b"\x00" + data[i:])

    def megabyte_field(self, folder):
        unit = self.rng.choice(["x", "\u6c49", "\"", ","])
        value = unit * (1 << 20) if unit not in "\"," else "\"" + "a" * (1 << 20) + "\""
        self.replace_cell(folder, value)

    def control_in_id(self, folder):
        c = self.rng.choice(CONTROL)
        if self.rng.random() < 0.5:
            self.replace_cell(folder, "\"id" + c + "x\"")
        else:
            self.replace_cell(folder, "\"line\nbreak\"")

    def yaml_alias(self, folder):
        path = os.path.join(folder, "scenario.yaml")
        text = read(path).decode("utf-8")
        kind = self.rng.randrange(3)
        if kind == 0:  # billion laughs
            bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            for k in range(1, 12):
                bomb += "a%d: &a%d [%s]\n" % (k, k, ", ".join(["*a%d" % (k - 1)] * 10))
            write(path, (bomb + text).encode("utf-8"))
        elif kind == 1:  # alias used where a wave or group is expected
            text = text.replace("waves:\n  - id: w1", "waves:\n  - &w id: w1", 1) + "indicators2: *w\n"
            write(path, text.encode("utf-8"))
        else:  # merge keys and self-referencing anchors
            write(path, (text + "weights: &w\n  <<: *w\n").encode("utf-8"))

    def yaml_deep(self, folder):
        path = os.path.join(folder, "scenario.yaml")
        depth = self.rng.choice([100, 1000, 10000, 100000])
        nested = self.rng.choice(["[" * depth + "]" * depth, "{a: " * depth + "1" + "}" * depth,
                                  "".join("  " * k + "- \n" for k in range(min(depth, 3000)))])
        text = read(path).decode("utf-8")
        key = self.rng.choice(["groups", "weights", "rules", "indicators", "name"])
        text = re.sub(r"(?m)^%s:.*$" % key, key + ": " + nested if not nested.startswith(" ") else key + ":\n" + nested, text, count=1)
        write(path, text.encode("utf-8"))

    def base_loop(self, folder):
        path = os.path.join(folder, "scenario.yaml")
        text = read(path).decode("utf-8")
        name = os.path.basename(folder)
        target = self.rng.choice([".", "./", "../" + name, "..", "/", "/dev/null", "../" + name + "/../" + name, "nowhere"])
        text = text.replace("name: small", "name: small\nbase: " + target, 1)
        write(path, text.encode("utf-8"))
        for n in self.rng.sample(["regions.csv", "cadres.csv", "targets.csv"], self.rng.randint(0, 3)):
            os.remove(os.path.join(folder, n))

    def special_file(self, folder):
        path = self.pick_file(folder)
        os.remove(path)
        kind = self.rng.randrange(5)
        if kind == 0:
            os.mkdir(path)
        elif kind == 1:
            os.mkfifo(path)
        elif kind == 2:
            os.symlink("/dev/zero", path)
        elif kind == 3:
            os.symlink(path, path)  # a loop
        else:
            write(path, b"")

    def encoding(self, folder):
        path = self.pick_file(folder)
        data = read(path)
        kind = self.rng.randrange(3)
        if kind == 0:
            write(path, data.replace(b"\n", b"\r\n"))
        elif kind == 1:
            write(path, b"\xef\xbb\xbf" + data)
        else:
            try:
                write(path, data.decode("utf-8").encode("gb18030"))
            except UnicodeError:
                pass

    def rows(self, folder):
        names = [n for n in SCENARIO_FILES if n.endswith(".csv") and os.path.exists(os.path.join(folder, n))]
        path = os.path.join(folder, self.rng.choice(names))
        lines = read(path).split(b"\n")
        kind = self.rng.randrange(3)
        if kind == 0 and len(lines) > 2:
            lines.insert(self.rng.randint(1, len(lines) - 1), self.rng.choice(lines[1:]))
        elif kind == 1 and len(lines) > 2:
            del lines[self.rng.randint(1, len(lines) - 1)]
        else:
            header = lines[0].split(b",")
            self.rng.shuffle(header)
            lines[0] = b",".join(header)
        write(path, b"\n".join(lines))

    KINDS = ["flip", "truncate", "huge_number", "invalid_utf8", "nul", "megabyte_field", "control_in_id",
             "yaml_alias", "yaml_deep", "base_loop", "special_file", "encoding", "rows"]


class Runner:
    def __init__(self, args):
        self.binary = os.path.abspath(args.binary)
        self.timeout = args.timeout
        self.failures = []
        self.keep = args.keep_failures
        self.stats = {"mutants": 0, "runs": 0, "crashes": 0, "hangs": 0, "bad_exit": 0, "bad_message": 0,
                      "by_kind": {}, "exit_codes": {}}

    def run(self, command, args):
        self.stats["runs"] += 1
        try:
            p = subprocess.run([self.binary, command] + args, capture_output=True, timeout=self.timeout,
                               stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as e:
            return None, "", (e.stderr or b"").decode("utf-8", "replace")
        key = "%s %d" % (command, p.returncode)
        self.stats["exit_codes"][key] = self.stats["exit_codes"].get(key, 0) + 1
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def judge(self, label, command, code, stderr, folder, expect=None):
        """Records a failure when a run broke a promise; returns True when it kept them all."""
        problem = None
        if code is None:
            problem, counter = "hang (over %d s)" % self.timeout, "hangs"
        elif code < 0 or any(s in stderr for s in ("Fatal error", "Segmentation fault")):
            problem, counter = "crash (%s)" % (signal.Signals(-code).name if code < 0 else code), "crashes"
        elif code not in (expect or ALLOWED[command]):
            problem, counter = "exit %d, expected one of %s" % (code, sorted(expect or ALLOWED[command])), "bad_exit"
        else:
            for line in stderr.splitlines():
                if any(s in line for s in FORBIDDEN) or len(line) > 4000:
                    problem = "unreadable message: %r" % line[:300]
                elif code == 2 and not LOCATED.match(line) and not re.match(r"^\d+ errors? in ", line) \
                        and "nothing verified" not in line:
                    problem = "message without a file: %r" % line[:300]
                if problem:
                    counter = "bad_message"
                    break
        if problem is None:
            return True
        self.stats[counter] += 1
        record = {"mutant": label, "command": command, "problem": problem, "stderr": stderr[-2000:]}
        self.failures.append(record)
        if self.keep:
            dest = os.path.join(self.keep, "%04d-%s" % (len(self.failures), label.replace(" ", "_")))
            shutil.copytree(folder, dest, symlinks=True, ignore_dangling_symlinks=True,
                            ignore=lambda d, names: [n for n in names if not os.path.isfile(os.path.join(d, n)) and not os.path.isdir(os.path.join(d, n))])
            write(os.path.join(dest, "FAILURE.json"), json.dumps(record, indent=2, ensure_ascii=False).encode("utf-8"))
        print("FAIL %s: %s %s" % (label, command, problem), file=sys.stderr)
        return False


def tamper_plan(rng, plan):
    """Changes one thing in a copy of a valid plan; returns (label, must_fail)."""
    path = os.path.join(plan, "assignments.csv")
    data = read(path)
    lines = data.split(b"\n")
    kind = rng.randrange(6)
    if kind == 0:  # a cell the scenario determines: must be refused
        i = rng.randint(1, len([l for l in lines if l.strip()]) - 1)
        fields = lines[i].split(b",")
        k = rng.choice([1, 4, 5, 8, 9, 10, 11])  # date, cadre name, rank, target name, category, region, distance
        fields[k] = fields[k] + b"9" if k in (1, 11) else b"x" + fields[k]
        lines[i] = b",".join(fields)
        write(path, b"\n".join(lines))
        return "tamper-cell", True
    if kind == 1:  # a claimed tier renamed or removed: must be refused
        summary = os.path.join(plan, "summary.json")
        text = read(summary).decode("utf-8")
        name = rng.choice(["coverage", "timeliness", "quality"])
        text = text.replace('"name" : "%s"' % name, '"name" : "%s"' % rng.choice(["cover", name.upper(), name + "2"]), 1)
        text = text.replace('"name": "%s"' % name, '"name": "%s"' % rng.choice(["cover", name.upper(), name + "2"]), 1)
        write(summary, text.encode("utf-8"))
        return "tamper-tier", True
    if kind == 2:
        os.remove(os.path.join(plan, "summary.json"))
        return "tamper-no-summary", True
    if kind == 3:
        target = rng.choice(["assignments.csv", "summary.json"])
        data = bytearray(read(os.path.join(plan, target)))
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        write(os.path.join(plan, target), bytes(data))
        return "tamper-flip-" + target, False
    if kind == 4:
        write(path, data[: rng.randint(0, len(data))])
        return "tamper-truncate", False
    write(os.path.join(plan, "changes.csv"), "\ufeffchange,cadre_id,target_id,wave,now,reason\nremoved,p01,e01,w1,,gone\n".encode("utf-8"))
    return "tamper-changes", True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--scenario", default="scenarios/small")
    parser.add_argument("--count", type=int, default=0, help="mutants to run (0: until --seconds)")
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=int, default=60, help="per run, seconds")
    parser.add_argument("--keep-failures", default=None, help="copy failing mutants here")
    parser.add_argument("--report", default=None, help="write the figures as JSON here")
    args = parser.parse_args()
    if not args.count and not args.seconds:
        parser.error("give --count or --seconds")

    rng = random.Random(args.seed)
    mutator = Mutator(rng)
    runner = Runner(args)
    work = tempfile.mkdtemp(prefix="cadreplan-mutants-")
    started = time.time()
    # A valid plan to tamper with.
    base_plan = os.path.join(work, "base-plan")
    code, _, err = runner.run("solve", [args.scenario, "--out", base_plan, "--lang", "en"])
    if code != 0:
        sys.exit("the unmutated scenario does not solve: %s" % err)
    i = 0
    try:
        while True:
            if args.count and i >= args.count:
                break
            if args.seconds and time.time() - started >= args.seconds:
                break
            i += 1
            runner.stats["mutants"] += 1
            folder = os.path.join(work, "m")
            shutil.rmtree(folder, ignore_errors=True)
            if rng.random() < 0.15:
                shutil.copytree(base_plan, folder)
                label, must_fail = tamper_plan(rng, folder)
                runner.stats["by_kind"][label] = runner.stats["by_kind"].get(label, 0) + 1
                code, _, err = runner.run("verify", [args.scenario, folder])
                runner.judge("%d %s" % (i, label), "verify", code, err, folder, expect={2, 3} if must_fail else None)
                continue
            shutil.copytree(args.scenario, folder)
            kind = rng.choice(Mutator.KINDS)
            runner.stats["by_kind"][kind] = runner.stats["by_kind"].get(kind, 0) + 1
            getattr(mutator, kind)(folder)
            label = "%d %s" % (i, kind)
            code, _, err = runner.run("check", [folder])
            if not runner.judge(label, "check", code, err, folder) or code != 0:
                continue
            plan = os.path.join(work, "plan")
            shutil.rmtree(plan, ignore_errors=True)
            code, _, err = runner.run("solve", [folder, "--out", plan, "--time-limit", "20"])
            if not runner.judge(label, "solve", code, err, folder, expect={0, 4}) or code != 0:
                continue
            code, _, err = runner.run("verify", [folder, plan])
            runner.judge(label, "verify", code, err, folder, expect={0})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    runner.stats["seconds"] = round(time.time() - started, 1)
    runner.stats["failures"] = len(runner.failures)
    print(json.dumps(runner.stats, indent=2, sort_keys=True))
    if args.report:
        write(args.report, json.dumps({"stats": runner.stats, "failures": runner.failures}, indent=2, ensure_ascii=False).encode("utf-8"))
    sys.exit(1 if runner.failures else 0)


if __name__ == "__main__":
    main()
