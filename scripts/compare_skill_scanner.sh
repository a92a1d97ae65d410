#!/usr/bin/env bash
# Side-by-side detection and false alarms: skill-audit (SE and CR rules) against Cisco's
# skill-scanner (see ../shared/PEERS.md for its offline install).
#
# Usage: scripts/compare_skill_scanner.sh DATASET...
#   Each DATASET folder holds `malicious/` and `benign/`, one skill or plugin folder per case
#   (tests/security is one; a folder materialised from skill-scanner's published evals/skills
#   is another).
# Environment: PEERS (default /tmp/peers, with venv/bin/skill-scanner), SKILL_AUDIT (default:
#   a fresh release build).
#
# Verdicts per case:
#   skill-audit  flagged = an SE or CR finding at warning or above; false alarm = an SE or CR error
#   skill-scanner flagged = is_safe false (its own verdict); false alarm = is_safe false on a
#                 benign case; "high" = a HIGH or CRITICAL finding
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS=${PEERS:-/tmp/peers}
SCANNER="$PEERS/venv/bin/skill-scanner"
if [[ -z "${SKILL_AUDIT:-}" ]]; then
  cargo build --release -q -p skill-audit
  SKILL_AUDIT=target/release/skill-audit
fi
[[ -x "$SCANNER" ]] || { echo "skill-scanner not found at $SCANNER (see PEERS.md)" >&2; exit 2; }
[[ $# -gt 0 ]] || { echo "usage: $0 DATASET..." >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for dataset in "$@"; do
  name=$(basename "$dataset")
  for kind in malicious benign; do
    dir="$dataset/$kind"
    [[ -d "$dir" ]] || continue
    for case in "$dir"/*/; do
      case=${case%/}
      "$SKILL_AUDIT" check "$case" --format json --fail-on never \
        > "$work/sa-$name-$kind-$(basename "$case").json" 2>/dev/null || true
    done
    start=$(date +%s)
    "$SCANNER" scan-all "$dir" --recursive --format json --output "$work/cs-$name-$kind.json" \
      > "$work/cs-$name-$kind.log" 2>&1 || true
    echo "$(( $(date +%s) - start ))" > "$work/cs-$name-$kind.seconds"
  done
done

python3 - "$work" "$@" <<'PY'
import json, os, sys
work, datasets = sys.argv[1], sys.argv[2:]
def sa_verdict(path):
    try:
        d = json.load(open(path))
    except Exception:
        return None, None, []
    se = [x for x in d.get("diagnostics", []) if x["code"].startswith(("SE", "CR"))]
    sev = {x["severity"] for x in se}
    codes = sorted({f'{x["code"]}:{x["severity"]}' for x in se if x["severity"] != "info"})
    return bool(sev & {"error", "warning"}), "error" in sev, codes
print(f'{"dataset/kind/case":<58} {"skill-audit":<22} {"skill-scanner":<22}')
totals = {}
for ds in datasets:
    name = os.path.basename(ds.rstrip("/"))
    for kind in ("malicious", "benign"):
        d = os.path.join(ds, kind)
        if not os.path.isdir(d):
            continue
        try:
            cs = json.load(open(os.path.join(work, f"cs-{name}-{kind}.json")))
            by_path = {os.path.basename(r["skill_path"].rstrip("/")): r for r in cs.get("results", [])}
        except Exception:
            by_path = {}
        secs = open(os.path.join(work, f"cs-{name}-{kind}.seconds")).read().strip()
        t = totals.setdefault((name, kind), {"n": 0, "sa_flag": 0, "sa_err": 0, "cs_flag": 0, "cs_high": 0, "cs_missing": 0, "cs_seconds": secs})
        for case in sorted(os.listdir(d)):
            if not os.path.isdir(os.path.join(d, case)):
                continue
            t["n"] += 1
            flag, err, codes = sa_verdict(os.path.join(work, f"sa-{name}-{kind}-{case}.json"))
            t["sa_flag"] += bool(flag); t["sa_err"] += bool(err)
            r = by_path.get(case)
            if r is None:
                t["cs_missing"] += 1
                cs_text = "no result"
            else:
                unsafe = not r.get("is_safe", True)
                high = r.get("max_severity") in ("HIGH", "CRITICAL")
                t["cs_flag"] += unsafe; t["cs_high"] += high
                cs_text = f'{"UNSAFE" if unsafe else "safe"} {r.get("max_severity")}'
            sa_text = ("error" if err else "warning" if flag else "clean")
            print(f'{name + "/" + kind + "/" + case:<58} {sa_text:<22} {cs_text:<22} {" ".join(codes)[:80]}')
print()
for (name, kind), t in totals.items():
    print(f'{name}/{kind}: {t["n"]} cases | skill-audit flagged {t["sa_flag"]}, with an error {t["sa_err"]} | '
          f'skill-scanner unsafe {t["cs_flag"]}, HIGH+ {t["cs_high"]}, no result {t["cs_missing"]} ({t["cs_seconds"]} s)')
PY
