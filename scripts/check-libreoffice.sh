#!/usr/bin/env bash
# Checks that a wave table written by `cadreplan solve` (UTF-8 with a byte-order mark) opens
# in LibreOffice with its Chinese text intact (docs/LIBREOFFICE.md).
#
# It solves scenarios/small, converts waves/w1.csv to PDF with LibreOffice headless, renders
# the PDF to PNG (for a person to look at) and extracts its text with pdftotext, then looks
# for every Chinese header and every cadre and target name of the CSV in that text.
#
# Two conversions are made:
#   utf8     the CSV import told the file is UTF-8 (filter options 44,34,76,1: comma, double
#            quote, character set 76 = UTF-8, from line 1), which is what choosing
#            "Unicode (UTF-8)" in Calc's Text Import dialog does. This is the check: the
#            script fails when the Chinese is not intact here.
#   default  no filter options, as a bare `soffice --headless --convert-to pdf w1.csv` does.
#            LibreOffice 7.4 then reads the file in a single-byte character set and ignores
#            the BOM, so the Chinese comes out garbled; the script reports it and fails on it
#            only with --strict.
#
# Usage: scripts/check-libreoffice.sh [--out DIR] [--strict]
#   --out DIR   keep the plan, PDFs, PNGs and extracted text in DIR (default: a temporary folder, removed)
#   --strict    also fail when the default conversion loses the Chinese
# Environment: CADREPLAN=path/to/cadreplan to use a built binary instead of `swift build`.
# Exit status: 0 intact, 1 Chinese text missing, 2 setup problem (tools, build, conversion).
# Missing tools (LibreOffice Calc, a CJK font, poppler-utils) are installed with apt-get
# when running as root or with sudo. Not meant for CI: LibreOffice is a large install.
set -euo pipefail

cd "$(dirname "$0")/.."
out=""
strict=0
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="${2:?--out needs a folder}"; shift 2 ;;
        --strict) strict=1; shift ;;
        -h|--help) sed -n '2,25p' "$0" | sed 's/^#//; s/^ //'; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

# --- tools ------------------------------------------------------------------------------
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
{ command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; } || missing+=(poppler-utils)
# Without a CJK font LibreOffice still keeps the text but draws boxes; the PNG would show nothing useful.
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; then
    missing+=(fonts-noto-cjk)
fi
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "missing: ${missing[*]}; install them (apt-get install ${missing[*]}) and run again" >&2
        exit 2
    fi
    echo "installing ${missing[*]} ..." >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2 || {
        echo "apt-get failed; try 'apt-get update' first" >&2
        exit 2
    }
fi

# --- a plan of scenarios/small -------------------------------------------------------------
if [ -z "$out" ]; then
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
else
    mkdir -p "$out"
    work="$(cd "$out" && pwd)"
fi
if [ -z "${CADREPLAN:-}" ]; then
    swift build --product cadreplan >&2 || { echo "swift build failed" >&2; exit 2; }
    CADREPLAN="$(swift build --show-bin-path)/cadreplan"
fi
rm -rf "$work/plan"
"$CADREPLAN" solve scenarios/small --out "$work/plan" >/dev/null || { echo "cadreplan solve failed" >&2; exit 2; }
csv="$work/plan/waves/w1.csv"
if [ "$(head -c 3 "$csv" | od -An -tx1 | tr -d ' \n')" != "efbbbf" ]; then
    echo "$csv: expected a UTF-8 byte-order mark" >&2
    exit 1
fi

# Expected strings: the Chinese headers, and the cadre and target names of every row
# (columns 5 and 9; names hold no commas, so a plain split is enough).
expected="$(tail -c +4 "$csv" | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) print $i; next } { print $5; print $9 }' | sort -u)"
if ! printf '%s\n' "$expected" | grep -q '干部姓名'; then
    echo "$csv: the header is not the Chinese one (was the plan written with --lang en?)" >&2
    exit 2
fi

# --- convert, render, extract --------------------------------------------------------------
# A private profile: no clash with a running LibreOffice, nothing left in the user's home.
convert() {  # name, then extra soffice arguments
    local name="$1"; shift
    rm -rf "$work/$name"; mkdir -p "$work/$name"
    soffice -env:UserInstallation="file://$work/profile" --headless "$@" \
        --convert-to pdf --outdir "$work/$name" "$csv" >"$work/$name/soffice.log" 2>&1 || true
    if [ ! -s "$work/$name/w1.pdf" ]; then
        echo "$name: LibreOffice wrote no PDF:" >&2
        cat "$work/$name/soffice.log" >&2
        exit 2
    fi
    pdftoppm -png -r 80 "$work/$name/w1.pdf" "$work/$name/w1"
    pdftotext "$work/$name/w1.pdf" "$work/$name/w1.txt"
}

# How many expected strings the text of conversion $1 lacks; lists them on standard error.
absent() {
    local n=0 s
    while IFS= read -r s; do
        [ -z "$s" ] && continue
        if ! grep -qF -- "$s" "$work/$1/w1.txt"; then n=$((n + 1)); echo "  $1: missing '$s'" >&2; fi
    done <<<"$expected"
    echo "$n"
}

convert utf8 --infilter="Text - txt - csv (StarCalc):44,34,76,1"
convert default
count="$(printf '%s\n' "$expected" | grep -c .)"
utf8_missing="$(absent utf8)"
default_missing="$(absent default 2>/dev/null)"

echo "LibreOffice: $(soffice --version 2>/dev/null | head -n 1)"
echo "checked $count Chinese strings (headers, cadre and target names) of $csv"
echo "utf8    (--infilter=\"Text - txt - csv (StarCalc):44,34,76,1\"): $((count - utf8_missing))/$count present"
echo "default (no filter options):                             $((count - default_missing))/$count present"
[ -n "$out" ] && echo "PDF, PNG and text kept in $work/{utf8,default}/"
status=0
if [ "$utf8_missing" -ne 0 ]; then
    echo "FAIL: Chinese text lost even when the import is told the file is UTF-8" >&2
    status=1
fi
if [ "$default_missing" -ne 0 ]; then
    echo "note: without filter options LibreOffice ignores the BOM and garbles the Chinese (see docs/LIBREOFFICE.md)" >&2
    [ "$strict" -eq 1 ] && status=1
fi
[ "$status" -eq 0 ] && echo "OK: the wave table opens in LibreOffice with its Chinese text intact (UTF-8 import)"
exit "$status"
