#!/usr/bin/env bash
# Quick start on a fresh machine: install GLPK and libxlsxwriter if missing, build a release
# binary, and plan the shipped Hainan 2022 campaign into plans/hainan-2022.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
[ -f /usr/include/glpk.h ] || missing+=(libglpk-dev)
[ -f /usr/include/xlsxwriter.h ] || missing+=(libxlsxwriter-dev)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
swift build -c release --product cadreplan
.build/release/cadreplan solve scenarios/hainan-2022 --out plans/hainan-2022 "$@"
.build/release/cadreplan verify scenarios/hainan-2022 plans/hainan-2022
