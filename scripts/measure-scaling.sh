#!/usr/bin/env bash
# Measures the cost curve of docs/SCALING.md with the release binary: hainan-2022 at 1× and 10×
# and the national-2022 preset, read only (`check`) and end to end (`solve`), then the national
# preset in SHARES shares (`solve --blocks i/n`, one after another) and their `merge`.
# Every run is timed by /usr/bin/time (wall, user and system CPU, peak resident memory); the
# phase times are the `time:` line `cadreplan solve` prints. Medians are printed at the end,
# with the load average before and after each run (the machine is shared).
#
#   scripts/measure-scaling.sh [RUNS_SMALL [RUNS_NATIONAL [SHARES]]]     defaults: 3 1 4
#   WORK=/tmp/scaling scripts/measure-scaling.sh                          keep the files there
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; national_runs=${2:-1}; shares=${3:-4}
work=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/cadreplan-scaling.XXXXXX")}
mkdir -p "$work"
log="$work/runs.tsv"
: > "$log"
swift build -c release --product cadreplan >/dev/null
B="$PWD/.build/release/cadreplan"

load() { cut -d' ' -f1-3 /proc/loadavg; }

# run LABEL COMMAND...: one timed run, its phase line and the load averages, appended to the log.
run() {
    local label=$1; shift
    local before; before=$(load)
    /usr/bin/time -f '%e\t%U\t%S\t%M' -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt" || {
        echo "$label failed:" >&2; cat "$work/err.txt" >&2; exit 1; }
    local phases; phases=$(grep -E '^time:' "$work/out.txt" | sed 's/^time: //' || true)
    printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$(tail -n 1 "$work/time.txt")" "$before" "$(load)" "$phases" >> "$log"
    echo "$label: $(tail -n 1 "$work/time.txt" | awk -F'\t' '{printf "%s s wall, %s s user, %s s sys, %.1f MiB", $1, $2, $3, $4/1024}') (load before $before)"
}

"$B" generate --preset hainan-2022 --scale 10 --out "$work/hainan-x10" >/dev/null
"$B" generate --preset national-2022 --out "$work/national" >/dev/null
for i in $(seq "$runs"); do
    run "1x check" "$B" check scenarios/hainan-2022
    run "1x solve" "$B" solve scenarios/hainan-2022 --out "$work/p1"
    run "10x check" "$B" check "$work/hainan-x10"
    run "10x solve" "$B" solve "$work/hainan-x10" --out "$work/p10"
done
run "national check" "$B" check "$work/national"
for i in $(seq "$national_runs"); do
    run "national solve" "$B" solve "$work/national" --out "$work/pn"
done
rm -rf "$work/parts"
for i in $(seq "$shares"); do
    run "national share $i/$shares" "$B" solve "$work/national" --blocks "$i/$shares" --out "$work/parts/"
done
run "national merge of $shares" "$B" merge "$work/parts" --out "$work/pm"
if [ "$national_runs" -gt 0 ]; then
    diff -r -x timings.json "$work/pn" "$work/pm" > /dev/null && echo "merged plan = single plan (timings.json aside)" \
        || { echo "merged plan differs from the single plan" >&2; exit 1; }
fi

python3 - "$log" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1], encoding="utf-8"):
    label, wall, user, sys_, kb, before, after, phases = (line.rstrip("\n").split("\t") + [""])[:8]
    rows.setdefault(label, []).append((float(wall), float(user) + float(sys_), int(kb) / 1024, before, after, phases))
print("\n| run | runs | median wall s | median CPU s | median peak MiB | load before (1/5/15 min) | phases of the median run |")
print("|---|---:|---:|---:|---:|---|---|")
for label, r in rows.items():
    r.sort(key=lambda x: x[0])
    m = r[len(r) // 2]
    print(f"| {label} | {len(r)} | {statistics.median(x[0] for x in r):.2f} | {statistics.median(x[1] for x in r):.2f} | "
          f"{statistics.median(x[2] for x in r):.1f} | {m[3]} | {m[5]} |")
PY
echo "raw runs: $log"
