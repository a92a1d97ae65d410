#!/usr/bin/env bash
# Score the credential rules on gitleaks' labelled test cases (../shared/secrets-bench): recall on
# the true positives and false-positive rate on the false positives, each case scanned as its own
# file. Extra arguments go to the scorer (--show-fp, --show-miss RULE, --corpus DIR).
#
#   scripts/secrets_bench.sh [CASES.jsonl] [--show-fp]
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-../shared/secrets-bench/gitleaks_cases.jsonl}"
shift || true
if [ ! -f "$cases" ]; then
  echo "no benchmark cases at $cases (pass the path of gitleaks_cases.jsonl)" >&2
  exit 2
fi
exec cargo run -q --release -p skill-audit-patterns --example secrets_bench -- "$cases" "$@"
