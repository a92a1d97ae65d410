#!/usr/bin/env bash
# Render the `skill-audit vet` HTML report of a real plugin in headless Chromium, check that
# the page is valid HTML, and print the screenshot's size.
#
#   scripts/vet_screenshot.sh [PLUGIN_DIR] [OUT_DIR]
#
# PLUGIN_DIR defaults to a plugin of the shared corpus (../shared/corpus); OUT_DIR to
# target/vet-screenshot. Needs Debian's `chromium`, `tidy` and `python3-html5lib`
# (`apt-get install -y chromium tidy python3-html5lib`). Nothing from the plugin is executed:
# Chromium only loads the report, whose Content-Security-Policy forbids every fetch.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${SKILL_AUDIT_CORPUS:-$here/../shared/corpus}"
[ -d "$corpus" ] || corpus=/work/shared/corpus
plugin="${1:-$corpus/anthropics__financial-services-plugins/financial-analysis}"
out="${2:-$here/target/vet-screenshot}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

for tool in chromium tidy; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y chromium tidy python3-html5lib)" >&2; exit 2; }
done

cargo build -q -p skill-audit --manifest-path "$here/Cargo.toml"
bin="${CARGO_TARGET_DIR:-$here/target}/debug/skill-audit"

# 1. The report (exit 1 only means the verdict is not `approve`).
set +e
"$bin" vet "$plugin" --format html --output "$out/report.html"
status=$?
set -e
[ "$status" -le 1 ] || { echo "vet failed with exit $status" >&2; exit 2; }
echo "report: $out/report.html ($(wc -c < "$out/report.html") bytes)"

# 2. HTML validity: tidy's error count, then a strict WHATWG parse with html5lib.
set +e
tidy -errors -quiet --show-warnings no "$out/report.html" 2> "$out/tidy.txt"
tidy_status=$?
set -e
if [ "$tidy_status" -ge 2 ]; then
  echo "tidy found errors:" >&2; cat "$out/tidy.txt" >&2; exit 1
fi
echo "tidy: no errors (exit $tidy_status)"
py=python3
/usr/bin/python3 -c 'import html5lib' 2>/dev/null && py=/usr/bin/python3
"$py" - "$out/report.html" <<'PY'
import sys
import html5lib
with open(sys.argv[1], "rb") as f:
    data = f.read()
parser = html5lib.HTMLParser(strict=True)
try:
    parser.parse(data)
except Exception as e:  # strict mode raises on the first parse error
    print(f"html5lib strict parse failed: {e}", file=sys.stderr)
    sys.exit(1)
print("html5lib: strict parse OK")
PY

# 3. Screenshot and print rendering in headless Chromium.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
       --disable-component-update --disable-sync --no-first-run
       --user-data-dir="$profile" --hide-scrollbars)
chromium "${flags[@]}" --window-size=1280,2400 --screenshot="$out/report.png" \
  "file://$out/report.html" >/dev/null 2>&1
chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/report.pdf" \
  "file://$out/report.html" >/dev/null 2>&1 || true
[ -s "$out/report.png" ] || { echo "no screenshot written" >&2; exit 1; }
"$py" - "$out/report.png" "$out/report.pdf" <<'PY'
import os, struct, sys
png = sys.argv[1]
with open(png, "rb") as f:
    head = f.read(24)
assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", head[16:24])
print(f"screenshot: {png} {w}x{h} px, {os.path.getsize(png)} bytes")
pdf = sys.argv[2]
if os.path.exists(pdf):
    pages = open(pdf, "rb").read().count(b"/Type /Page") - open(pdf, "rb").read().count(b"/Type /Pages")
    print(f"print: {pdf} {pages} pages, {os.path.getsize(pdf)} bytes")
PY
