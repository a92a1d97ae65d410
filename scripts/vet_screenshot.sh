#!/usr/bin/env bash
# Render the `skill-audit vet` HTML report of a real plugin in headless Chromium, check that
# the page is valid HTML, and print the screenshot's size.
#
#   scripts/vet_screenshot.sh [PLUGIN_DIR] [OUT_DIR]
#
# PLUGIN_DIR defaults to the `hookify` plugin of the shared corpus (../shared/corpus: hooks,
# scripts, commands, agents, a skill and findings); OUT_DIR to target/vet-screenshot.
#
# Needs Debian's `chromium` (`apt-get install -y chromium`) and Node.js: the HTML check is the
# npm package `html-validate`, installed under /tmp/html-validate on first use (or point
# HTML_VALIDATE at an html-validate binary). Nothing from the plugin is executed: Chromium only
# loads the report, whose Content-Security-Policy forbids every fetch, with networking features
# off.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${SKILL_AUDIT_CORPUS:-$here/../shared/corpus}"
[ -d "$corpus" ] || corpus=/work/shared/corpus
plugin="${1:-$corpus/anthropics__claude-plugins-official/plugins/hookify}"
out="${2:-$here/target/vet-screenshot}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

command -v chromium >/dev/null || { echo "missing chromium (apt-get install -y chromium)" >&2; exit 2; }

cargo build -q -p skill-audit --manifest-path "$here/Cargo.toml"
bin="${CARGO_TARGET_DIR:-$here/target}/debug/skill-audit"

# 1. The report (exit 1 only means the verdict is not `approve`).
set +e
"$bin" vet "$plugin" --format html --output "$out/report.html"
status=$?
set -e
[ "$status" -le 1 ] || { echo "vet failed with exit $status" >&2; exit 2; }
echo "report: $out/report.html ($(wc -c < "$out/report.html") bytes)"

# 2. HTML validity with html-validate (its recommended rule set, WHATWG content models).
hv="${HTML_VALIDATE:-/tmp/html-validate/node_modules/.bin/html-validate}"
if [ ! -x "$hv" ]; then
  command -v npm >/dev/null || { echo "missing npm (for html-validate)" >&2; exit 2; }
  npm install --silent --no-audit --no-fund --prefix /tmp/html-validate html-validate >/dev/null
fi
cat > "$out/.htmlvalidate.json" <<'JSON'
{ "extends": ["html-validate:recommended"] }
JSON
if (cd "$out" && "$hv" --config .htmlvalidate.json report.html > html-validate.txt 2>&1); then
  echo "html-validate ($("$hv" --version 2>/dev/null | tr -d '\n')): no errors"
else
  echo "html-validate found problems:" >&2; cat "$out/html-validate.txt" >&2; exit 1
fi
if command -v tidy >/dev/null; then
  set +e
  tidy -errors -quiet --show-warnings no "$out/report.html" 2> "$out/tidy.txt"
  tidy_status=$?
  set -e
  [ "$tidy_status" -lt 2 ] || { echo "tidy found errors:" >&2; cat "$out/tidy.txt" >&2; exit 1; }
  echo "tidy: no errors"
fi

# 3. Screenshot and print rendering in headless Chromium.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$profile" --hide-scrollbars)
chromium "${flags[@]}" --window-size=1280,2000 --screenshot="$out/report.png" \
  "file://$out/report.html" >/dev/null 2>&1
chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/report.pdf" \
  "file://$out/report.html" >/dev/null 2>&1 || true
[ -s "$out/report.png" ] || { echo "no screenshot written" >&2; exit 1; }
python3 - "$out/report.png" "$out/report.pdf" <<'PY'
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
