#!/usr/bin/env python3
"""Agreement of skill-audit's SK verdicts with the reference validator (skills-ref).

For every repository folder of the shared corpus, runs once

    skill-audit check <corpus>/<repo> --profile agentskills --format json --fail-on never

maps each SK-family error to the skill folder it belongs to, and compares "this skill has at
least one SK error" with the oracle's verdict (`oracle/skills.jsonl`, `skills_ref.exit != 0`).
Prints the agreement, the counts and the disagreements grouped by our codes and the oracle's
first message; `--list N` shows N example skills per group.

Builds nothing: build first with `cargo build --release -p skill-audit`.
Standard library only. Not run by the test suite.

Usage: scripts/agreement.py [--bin PATH] [--shared DIR] [--list N] [--min PCT] [--repo NAME]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import time


def parse_args() -> argparse.Namespace:
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--bin",
        default=os.path.join(here, "..", "target", "release", "skill-audit"),
        help="skill-audit binary (default: target/release/skill-audit)",
    )
    p.add_argument(
        "--shared",
        default="/work/shared",
        help="folder holding corpus/ and oracle/ (default: /work/shared)",
    )
    p.add_argument(
        "--list",
        type=int,
        default=0,
        metavar="N",
        help="show N example skills per disagreement group",
    )
    p.add_argument(
        "--min",
        type=float,
        default=None,
        metavar="PCT",
        help="exit 1 when the agreement is below PCT percent",
    )
    p.add_argument(
        "--repo",
        action="append",
        default=[],
        help="only this corpus repository folder (repeatable)",
    )
    return p.parse_args()


def load_oracle(path: str) -> dict[str, dict[str, dict]]:
    """repo -> skill path (relative to the repo folder) -> record."""
    oracle: dict[str, dict[str, dict]] = collections.defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            skill = rec["path"].strip("/") or "."
            oracle[rec["repo"]][skill] = rec
    return oracle


def skill_of(rel_file: str, skills: set[str]) -> str | None:
    """The deepest known skill folder holding `rel_file` (a path relative to the repo)."""
    d = os.path.dirname(rel_file)
    while True:
        if (d or ".") in skills:
            return d or "."
        if not d:
            return None
        d = os.path.dirname(d)


def normalise(msg: str) -> str:
    """First line of an oracle message, with names and numbers masked, cut to 80 chars."""
    msg = " ".join(msg.split())
    msg = re.sub(r"'[^']*'", "'…'", msg)
    msg = re.sub(r"\d+", "N", msg)
    return msg[:80]


def run_repo(binary: str, repo_dir: str) -> tuple[dict, float, int]:
    cmd = [
        binary,
        "check",
        repo_dir,
        "--profile",
        "agentskills",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]
    start = time.monotonic()
    proc = subprocess.run(
        cmd, stdin=subprocess.DEVNULL, capture_output=True, check=False
    )
    elapsed = time.monotonic() - start
    if proc.returncode != 0:
        sys.stderr.write(
            f"warning: {' '.join(cmd)} exited {proc.returncode}:\n"
            f"{proc.stderr.decode('utf-8', 'replace')[:2000]}\n"
        )
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        sys.exit(f"error: no JSON from {' '.join(cmd)}: {e}")
    return report, elapsed, proc.returncode


def main() -> int:
    args = parse_args()
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        sys.exit(
            f"error: no binary at {binary}; build it with "
            "`cargo build --release -p skill-audit` or pass --bin"
        )
    corpus = os.path.join(args.shared, "corpus")
    oracle = load_oracle(os.path.join(args.shared, "oracle", "skills.jsonl"))
    repos = sorted(
        r for r in os.listdir(corpus) if os.path.isdir(os.path.join(corpus, r))
    )
    if args.repo:
        repos = [r for r in repos if r in args.repo]

    counts = collections.Counter()
    groups: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    total_time = 0.0
    discovered = 0
    failed_runs = 0
    unmapped = 0
    for repo in repos:
        repo_dir = os.path.join(corpus, repo)
        report, elapsed, rc = run_repo(binary, repo_dir)
        total_time += elapsed
        failed_runs += rc != 0
        discovered += report.get("summary", {}).get("skills", 0)
        skills = set(oracle.get(repo, {}))
        ours: dict[str, set[str]] = collections.defaultdict(set)
        other_errors: dict[str, set[str]] = collections.defaultdict(set)
        for d in report.get("diagnostics", []):
            if d.get("severity") != "error":
                continue
            rel = os.path.relpath(os.path.abspath(d["path"]), os.path.abspath(repo_dir))
            rel = rel.replace(os.sep, "/")
            skill = skill_of(rel, skills)
            if skill is None:
                if d["code"].startswith("SK"):
                    unmapped += 1
                continue
            if d["code"].startswith("SK"):
                ours[skill].add(d["code"])
            else:
                other_errors[skill].add(d["code"])
        n_repo = 0
        for skill, rec in sorted(oracle.get(repo, {}).items()):
            n_repo += 1
            we_fail = bool(ours.get(skill))
            ref = rec["skills_ref"]
            they_fail = ref.get("exit", 0) != 0
            counts["skills"] += 1
            if we_fail == they_fail:
                counts["agree_error" if we_fail else "agree_ok"] += 1
                continue
            counts["only_us" if we_fail else "only_oracle"] += 1
            our_key = ",".join(sorted(ours.get(skill, ()))) or "no SK error"
            msgs = ref.get("messages") or []
            their_key = normalise(msgs[0]) if msgs else (
                "valid" if not they_fail else f"exit {ref.get('exit')}"
            )
            extra = other_errors.get(skill)
            example = f"{repo}/{skill}"
            if extra:
                example += f"  (other errors: {','.join(sorted(extra))})"
            groups[(our_key, their_key)].append(example)
        print(
            f"  {repo:<52} {n_repo:>5} skills  {elapsed:6.2f} s  exit {rc}",
            file=sys.stderr,
        )

    total = counts["skills"]
    agree = counts["agree_error"] + counts["agree_ok"]
    pct = 100.0 * agree / total if total else 0.0
    print(f"agreement: {pct:.2f}% ({agree}/{total} skills)")
    print(
        f"  both error: {counts['agree_error']}   both valid: {counts['agree_ok']}   "
        f"only we error: {counts['only_us']}   only skills-ref errors: {counts['only_oracle']}"
    )
    print(
        f"  skills we discovered: {discovered} (oracle: {total}); "
        f"SK errors outside any oracle skill: {unmapped}; "
        f"runs with a non-zero exit: {failed_runs}; check time {total_time:.2f} s"
    )
    if groups:
        print("\ndisagreements (our SK errors | skills-ref's first message):")
        for (ours_k, theirs_k), examples in sorted(
            groups.items(), key=lambda kv: (-len(kv[1]), kv[0])
        ):
            print(f"  {len(examples):>5}  {ours_k} | {theirs_k}")
            for ex in examples[: args.list]:
                print(f"           {ex}")
    if args.min is not None and pct < args.min:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
