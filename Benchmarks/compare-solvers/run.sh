#!/usr/bin/env bash
# Compare cadreplan (GLPK) with HiGHS and OR-Tools on OR-Library instances and hainan-2022.
#
#   Benchmarks/compare-solvers/run.sh [--quick] [--runs N] [--time-limit S] [--gapd-time-limit S]
#                                     [--gap-problems all|first] [--only REGEX] [--output FILE]
#                                     [--cadreplan PATH] [--skip-build]
#
# 1. creates the virtual environment Benchmarks/.venv (git-ignored) with highspy and ortools;
# 2. builds cadreplan in release (scratch path .build-bench), unless --cadreplan PATH is given;
# 3. runs compare.py, which prints a Markdown table (see compare.py --help for every option).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/Benchmarks/.venv"

cadreplan=""
skip_build=0
pass=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --cadreplan) cadreplan="$2"; shift 2 ;;
        --skip-build) skip_build=1; shift ;;
        *) pass+=("$1"); shift ;;
    esac
done

# 1. Python environment. pip runs only when a package is missing, so reruns work offline.
if [[ ! -x "$venv/bin/python" ]]; then
    echo "creating $venv" >&2
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import highspy, ortools.linear_solver.python.model_builder" 2>/dev/null; then
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet highspy ortools
fi
"$venv/bin/python" - <<'EOF' >&2
import importlib.metadata as m
print("highspy", m.version("highspy"), "/ ortools", m.version("ortools"))
EOF

# 2. cadreplan in release.
if [[ -z "$cadreplan" ]]; then
    if [[ $skip_build -eq 0 ]]; then
        echo "building cadreplan (release)…" >&2
        (cd "$root" && swift build -c release --product cadreplan --scratch-path .build-bench >&2)
    fi
    cadreplan="$root/.build-bench/release/cadreplan"
fi
if ! "$cadreplan" import --help >/dev/null 2>&1; then
    echo "error: $cadreplan has no 'import' subcommand (is Import.self in CadrePlanCommand's subcommands?)" >&2
    exit 1
fi

# 3. The table.
cmd="Benchmarks/compare-solvers/run.sh${pass[*]:+ ${pass[*]}}"
exec "$venv/bin/python" "$here/compare.py" --cadreplan "$cadreplan" --command "$cmd" "${pass[@]}"
