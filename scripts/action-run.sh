#!/usr/bin/env bash
# The run step of the GitHub Action (action.yml): one `skill-audit check` writing SARIF, JSON and
# the Markdown summary, GitHub annotations on stdout, outputs and the verdict per `fail-on`.
#
# Inputs come from the environment, as action.yml passes them:
#   INPUT_PATHS       paths to audit, separated by spaces or newlines (default: .)
#   INPUT_CONFIG      a skill-audit.toml to use for every path (optional)
#   INPUT_FAIL_ON     error | warning | never (default: error)
#   INPUT_SARIF_FILE  where to write the SARIF log (default: skill-audit.sarif)
#   SKILL_AUDIT       the binary (default: skill-audit on PATH)
#   GITHUB_OUTPUT, GITHUB_STEP_SUMMARY   files the runner reads back (optional outside Actions)
#   RUNNER_TEMP       where the JSON report goes (default: a temporary folder)
#
# Exit status: 0 when nothing reaches fail-on, 1 when something does, 2 on a usage or I/O error
# (bad input, unreadable path, invalid config), as the binary itself.
#
# Run it locally the way the runner does:
#   GITHUB_OUTPUT=/tmp/out GITHUB_STEP_SUMMARY=/tmp/summary.md INPUT_PATHS=fixtures/action/marketplace \
#     SKILL_AUDIT=target/debug/skill-audit scripts/action-run.sh
set -euo pipefail

bin="${SKILL_AUDIT:-skill-audit}"
fail_on="${INPUT_FAIL_ON:-error}"
sarif="${INPUT_SARIF_FILE:-skill-audit.sarif}"
config="${INPUT_CONFIG:-}"

case "$fail_on" in
  error | warning | never) ;;
  *)
    echo "::error title=skill-audit::fail-on must be error, warning or never, not '${fail_on//[$'\r\n']/ }'"
    exit 2
    ;;
esac

if [[ "$sarif" == *$'\n'* || "$sarif" == *$'\r'* || -z "$sarif" ]]; then
  echo "::error title=skill-audit::sarif-file must be one non-empty line"
  exit 2
fi

# Paths: whitespace-separated words, no globbing.
paths=()
read -r -d '' -a paths <<<"${INPUT_PATHS:-.}" || true
if [ "${#paths[@]}" -eq 0 ]; then
  paths=(.)
fi

tmp="${RUNNER_TEMP:-}"
if [ -z "$tmp" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
fi
json="$tmp/skill-audit-report.json"
summary="$tmp/skill-audit-summary.md"
mkdir -p "$(dirname -- "$sarif")"

args=(check --format github --fail-on "$fail_on"
  --output-format "sarif=$sarif"
  --output-format "json=$json"
  --output-format "markdown=$summary")
if [ -n "$config" ]; then
  args+=(--config "$config")
fi
args+=(-- "${paths[@]}")

# One run; annotations go straight to the log. Exit status 1 means findings at or above
# fail-on (the verdict, also in the Markdown summary); anything else but 0 is an error.
status=0
"$bin" "${args[@]}" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  echo "::error title=skill-audit::skill-audit could not run (exit status $status); see the log above"
  exit 2
fi

# The summary counts of the JSON report (docs/json-output.md): pretty-printed with sorted keys,
# the summary's fields are the only ones indented by four spaces.
count() {
  local n
  n="$(sed -n "s/^    \"$1\": \([0-9][0-9]*\),\{0,1\}\$/\1/p" "$json" | tail -n 1)"
  echo "${n:-0}"
}
errors="$(count errors)"
warnings="$(count warnings)"

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$summary" >>"$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "sarif-file=$sarif"
    echo "errors=$errors"
    echo "warnings=$warnings"
  } >>"$GITHUB_OUTPUT"
fi

failed="$status"
echo "skill-audit: $errors error(s), $warnings warning(s); fail-on $fail_on: $([ "$failed" -eq 1 ] && echo failed || echo passed)" >&2
exit "$failed"
