#!/usr/bin/env bash
# Validate skill-audit's machine outputs with their real consumers (not run by `cargo test`;
# the cargo tests in tests/reports.rs check the same outputs with Rust parsers):
#
#   - SARIF: Microsoft's SARIF multitool (`sarif-multitool validate`, npm package
#     @microsoft/sarif-multitool), which applies the SARIF 2.1.0 schema and its own rules;
#   - JUnit: Python's `junitparser` (PyPI), which reads the XML as JUnit reporters do;
#   - github: every line against GitHub's workflow-command grammar, with property values
#     escaping %, CR, LF, `:` and `,` and the message escaping %, CR and LF.
#
# The tools are installed into a cache folder (default: target/validate-tools) on first use.
#
#   scripts/validate_outputs.sh [--bin target/debug/skill-audit] [PATH...]
#   (default paths: fixtures/action/marketplace examples/skills fixtures/rules)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/target/debug/skill-audit"
if [ "${1:-}" = "--bin" ]; then
  bin="$2"
  shift 2
fi
if [ "$#" -eq 0 ]; then
  set -- fixtures/action/marketplace examples/skills fixtures/rules
fi
tools="${VALIDATE_TOOLS_DIR:-$root/target/validate-tools}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

if [ ! -x "$bin" ]; then
  (cd "$root" && cargo build -p skill-audit)
fi

mkdir -p "$tools"
if [ ! -x "$tools/node_modules/.bin/sarif-multitool" ]; then
  (cd "$tools" && npm install --no-audit --no-fund --silent @microsoft/sarif-multitool >/dev/null)
fi
# The platform package ships the .NET executable without its execute bit when install scripts
# are not run.
find "$tools/node_modules/@microsoft" -name Sarif.Multitool -type f -exec chmod u+x {} + 2>/dev/null || true
if ! PYTHONPATH="$tools/py" python3 -c 'import junitparser' 2>/dev/null; then
  python3 -m pip install --quiet --target "$tools/py" junitparser
fi

failed=0
cd "$root"
for path in "$@"; do
  name="$(echo "$path" | tr '/' '_')"
  status=0
  "$bin" check "$path" --fail-on never --format github \
    --output-format "sarif=$out/$name.sarif" \
    --output-format "junit=$out/$name.xml" >"$out/$name.github" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "FAIL $path: skill-audit exited with $status"
    failed=1
    continue
  fi
  results="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["runs"][0]["results"]))' "$out/$name.sarif")"

  # SARIF: the multitool prints `error SARIFnnnn` / `warning SARIFnnnn` lines per problem.
  report="$out/$name.sarif-validation.txt"
  "$tools/node_modules/.bin/sarif-multitool" validate "$out/$name.sarif" >"$report" 2>&1 || true
  problems="$(grep -Ec '(error|warning) (SARIF|JSON)[0-9]+' "$report" || true)"
  if ! grep -q 'Analysis completed successfully' "$report" || [ "$problems" -ne 0 ]; then
    echo "FAIL $path: sarif-multitool validate ($problems problems)"
    grep -E '(error|warning) ' "$report" | head -20
    failed=1
  else
    echo "ok   $path: SARIF valid per sarif-multitool ($results results)"
  fi

  # JUnit: parsed by junitparser; one case per file, one failure per finding.
  if PYTHONPATH="$tools/py" python3 - "$out/$name.xml" "$results" <<'PY'
import sys
from junitparser import JUnitXml, Failure
xml = JUnitXml.fromfile(sys.argv[1])
cases = [case for suite in xml for case in suite]
failures = [r for case in cases for r in case.result if isinstance(r, Failure)]
names = [case.name for case in cases]
assert len(names) == len(set(names)), "duplicate test case names"
assert len(failures) == int(sys.argv[2]), f"{len(failures)} failures for {sys.argv[2]} findings"
for f in failures:
    assert f.type and f.message and f.message.startswith(f.type), (f.type, f.message)
suite_tests = sum(suite.tests for suite in xml)
assert suite_tests == len(cases), f"tests={suite_tests} but {len(cases)} test cases"
print(f"{len(cases)} cases, {len(failures)} failures")
PY
  then
    echo "ok   $path: JUnit parsed by junitparser"
  else
    echo "FAIL $path: junitparser"
    failed=1
  fi

  # github: the workflow-command grammar.
  # (Lines hold no LF; a raw CR is excluded explicitly.)
  cr=$'\r'
  prop="([^,:%$cr]|%25|%0D|%0A|%3A|%2C)+"
  line_re="^::(error|warning|notice) file=$prop,line=[1-9][0-9]*,col=[1-9][0-9]*,endLine=[1-9][0-9]*,endColumn=[1-9][0-9]*,title=$prop::([^%$cr]|%25|%0D|%0A)*\$"
  lines="$(wc -l <"$out/$name.github")"
  bad="$(grep -Evc "$line_re" "$out/$name.github" || true)"
  if [ "$bad" -ne 0 ] || [ "$lines" -ne "$results" ]; then
    echo "FAIL $path: $bad of $lines github lines do not match the grammar ($results findings)"
    grep -Ev "$line_re" "$out/$name.github" | head -5
    failed=1
  else
    echo "ok   $path: $lines github lines match the workflow-command grammar"
  fi
done
exit "$failed"
