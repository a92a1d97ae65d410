#!/usr/bin/env python3
"""Agreement of skill-audit's PL/MK findings with `claude plugin validate` (the official validator).

Runs `skill-audit check <corpus> --format json --fail-on never` once, then for every plugin and
marketplace of the oracle (`oracle/plugins.jsonl`):

- recall: every error the official validator reports must be an error of ours on the same file
  (an error it reports on marketplace.json as `plugins[n] plugin.json -> ...` is about the plugin
  that entry points at, and must be an error on that plugin's manifest);
- false alarms: where the validator passes a bundle, we must report no PL/MK error on its files,
  except for the checks it is known to skip (listed in docs/plugins.md): those are counted apart.

Standard library only. Build first: cargo build --release -p skill-audit.
Usage: scripts/plugin_agreement.py [--bin PATH] [--shared DIR] [--list N]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys

# Checks the official validator does not make (docs/plugins.md): an error of ours on a bundle it
# passes is expected for these codes.
KNOWN_SKIPS = {
    "MK008": "a relative source that does not exist or holds no plugin",
    "PL041": "agent without name or description (the validator only warns about a missing description)",
    "PL042": "agent name with `:` or a leading `-`",
    "PL044": "agent isolation other than worktree",
    "PL010": "path kind (folder vs file) beyond the validator's suffix checks",
    "PL021": "a known hook event written in the wrong case",
    "PL025": "a hook script that is missing",
    "MK010": "malformed sha / sha256 pins",
    "MK011": "archive sources over http",
    "MK013": "strict:false conflicting with the plugin's manifest",
}


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser()
    p.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "skill-audit"))
    p.add_argument("--shared", default="/work/shared")
    p.add_argument("--list", type=int, default=3)
    args = p.parse_args()
    corpus = os.path.join(args.shared, "corpus")
    rows = [json.loads(l) for l in open(os.path.join(args.shared, "oracle", "plugins.jsonl"))]

    out = subprocess.run(
        [args.bin, "check", corpus, "--format", "json", "--fail-on", "never"],
        capture_output=True, text=True, check=False,
    )
    report = json.loads(out.stdout)
    ours: dict[str, list[dict]] = collections.defaultdict(list)
    for d in report["diagnostics"]:
        path = os.path.normpath(d["path"])
        if path.startswith(os.path.normpath(corpus) + os.sep):
            path = path[len(os.path.normpath(corpus)) + 1:]
        ours[path].append(d)

    def our_errors(rel: str) -> list[dict]:
        return [d for d in ours.get(os.path.normpath(rel), []) if d["severity"] == "error"]

    misses = []
    total = 0
    false_alarm = collections.Counter()
    skipped = collections.Counter()
    examples = collections.defaultdict(list)
    for r in rows:
        bundle = os.path.normpath(os.path.join(r["repo"], r["path"]))
        for e in r["derived"]["errors"]:
            total += 1
            f = os.path.normpath(e["file"])
            m = re.match(r"plugins\[(\d+)\] plugin\.json", e.get("path", ""))
            if m and r["kind"] == "marketplace":
                try:
                    market = json.load(open(os.path.join(corpus, f)))
                    src = market["plugins"][int(m.group(1))]["source"]
                    root = os.path.dirname(os.path.dirname(f))
                    f = os.path.normpath(os.path.join(root, src, ".claude-plugin", "plugin.json"))
                except (OSError, ValueError, KeyError, IndexError, TypeError):
                    pass
            if not our_errors(f):
                misses.append((f, e.get("path"), e.get("message", "")[:100]))
        if r["exit"] == 0:
            if r["kind"] == "marketplace":
                files = [os.path.join(bundle, ".claude-plugin", "marketplace.json")]
            else:
                files = [p for p in ours if p.startswith(bundle + os.sep)]
            for f in files:
                for d in our_errors(f):
                    if d["code"][:2] not in ("PL", "MK"):
                        continue
                    if d["code"] in KNOWN_SKIPS:
                        skipped[d["code"]] += 1
                    else:
                        false_alarm[d["code"]] += 1
                        examples[d["code"]].append(f"{f}: {d['message']}")

    print(f"bundles: {len(rows)}; validator errors: {total}")
    print(f"recall of the validator's errors: {100.0 * (total - len(misses)) / max(total, 1):.2f}% "
          f"({total - len(misses)}/{total})")
    for f, path, msg in misses[: max(args.list, 0) * 5]:
        print(f"  MISSED {f} [{path}] {msg}")
    passing = sum(1 for r in rows if r["exit"] == 0)
    print(f"bundles the validator passes: {passing}; our PL/MK errors there outside known skips: "
          f"{sum(false_alarm.values())}")
    for code, n in false_alarm.most_common():
        print(f"  {code}: {n}")
        for ex in examples[code][: args.list]:
            print(f"      {ex}")
    print("errors there from checks the validator skips (docs/plugins.md):")
    for code, n in skipped.most_common():
        print(f"  {code}: {n}  ({KNOWN_SKIPS[code]})")
    return 1 if misses or false_alarm else 0


if __name__ == "__main__":
    sys.exit(main())
