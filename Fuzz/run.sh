#!/usr/bin/env bash
# cadreplan's fuzzing: the libFuzzer target over the scenario loader and the plan reader
# (Fuzz/Sources/FuzzInputs, built with -sanitize=fuzzer,address into .build-fuzz), then the
# mutation driver over the command line (Fuzz/mutate-cli.py). See docs/RELIABILITY.md.
#
#   Fuzz/run.sh short                 CI: about a minute (30 s libFuzzer, 30 s of mutants)
#   Fuzz/run.sh long SECONDS N        libFuzzer for SECONDS, then N mutants (the long run)
#   Fuzz/run.sh libfuzzer SECONDS     only the libFuzzer part
#   Fuzz/run.sh mutants N             only the mutants
#
# CADREPLAN_BINARY names the cadreplan binary (default .build/debug/cadreplan; the long run
# uses .build/release/cadreplan), CADREPLAN_FUZZ_SEED the mutants' seed (default: the time).
#
# Every input in Fuzz/regressions/ (crashes found so far) is replayed first. A crash, a hang
# or a broken promise fails the script; libFuzzer leaves the input in .build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-short}"
fuzz_seconds=0
mutants_args=()
case "$mode" in
    short) fuzz_seconds=30; mutants_args=(--seconds 30) ;;
    long) fuzz_seconds="${2:-3600}"; mutants_args=(--count "${3:-20000}") ;;
    libfuzzer) fuzz_seconds="${2:-3600}" ;;
    mutants) mutants_args=(--count "${2:-20000}") ;;
    *) echo "usage: $0 short | long SECONDS MUTANTS | libfuzzer SECONDS | mutants N" >&2; exit 2 ;;
esac

binary="${CADREPLAN_BINARY:-.build/debug/cadreplan}"
if [ ! -x "$binary" ]; then swift build >/dev/null; fi

echo "== fuzz: building the libFuzzer target (.build-fuzz) =="
swift build --package-path Fuzz --scratch-path .build-fuzz -c release -Xswiftc -sanitize=fuzzer,address 2>&1 \
    | grep -v -e '^\[[0-9]*/[0-9]*\]' -e "Cannot export local symbol '__asan_extra_spill_area'" || true
fuzzer=.build-fuzz/release/FuzzInputs
[ -x "$fuzzer" ] || { echo "fuzz: the libFuzzer target did not build" >&2; exit 1; }

# A plan of scenarios/small for the plan reader to start from, and the seed corpus: each file of
# the scenario and the plan behind its selector byte (Harness.swift: 0–5 scenario, 6–8 plan).
work=.build-fuzz/work
rm -rf "$work/plan-small"
mkdir -p "$work/corpus" .build-fuzz/artifacts
"$binary" solve scenarios/small --out "$work/plan-small" --lang en >/dev/null
"$binary" solve scenarios/small --out "$work/plan-replan" --previous "$work/plan-small" --pins "$work/plan-small/pins.csv" --pin-waves w1 >/dev/null
k=0
for f in scenarios/small/scenario.yaml scenarios/small/regions.csv scenarios/small/cadres.csv scenarios/small/targets.csv \
         scenarios/small/pairs.csv "$work/plan-small/pins.csv" "$work/plan-small/assignments.csv" "$work/plan-small/summary.json" \
         "$work/plan-replan/changes.csv"; do
    { printf "\\x$(printf %02x $k)"; cat "$f"; } >"$work/corpus/seed-$k"
    k=$((k + 1))
done
export CADREPLAN_FUZZ_SCENARIO=scenarios/small CADREPLAN_FUZZ_PLAN="$work/plan-small"
# The Swift runtime keeps caches for the life of the process, which LeakSanitizer reports at exit.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"

if compgen -G "Fuzz/regressions/*" >/dev/null; then
    echo "== fuzz: replaying Fuzz/regressions =="
    "$fuzzer" -runs=1 -detect_leaks=0 Fuzz/regressions/* 2>&1 | tail -n 2
fi

if [ "$fuzz_seconds" -gt 0 ]; then
echo "== fuzz: libFuzzer for ${fuzz_seconds} s =="
"$fuzzer" "$work/corpus" -dict=Fuzz/cadreplan.dict -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
    -max_len=65536 -artifact_prefix=.build-fuzz/artifacts/ -print_final_stats=1 2>&1 \
    | grep -E '^(#[0-9]+ +DONE|Done|stat::|==[0-9]+==|SUMMARY|artifact|Fatal|.*(crash|timeout|leak|oom)-)' || true
if compgen -G ".build-fuzz/artifacts/*" >/dev/null; then
    echo "fuzz: libFuzzer found failing inputs in .build-fuzz/artifacts/" >&2
    exit 1
fi
fi

[ "${#mutants_args[@]}" -gt 0 ] || exit 0

seed="${CADREPLAN_FUZZ_SEED:-$(date +%s)}"
echo "== fuzz: mutants over the command line (seed $seed; CADREPLAN_FUZZ_SEED=$seed repeats them) =="
python3 Fuzz/mutate-cli.py --binary "$binary" --seed "$seed" "${mutants_args[@]}" \
    --keep-failures .build-fuzz/failures --report .build-fuzz/mutants.json | tail -n 40
