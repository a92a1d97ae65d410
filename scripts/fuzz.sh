#!/usr/bin/env bash
# Run every fuzz target (or the ones named) for SECONDS each, seeding each corpus from the
# project's fixtures. Crashes land in fuzz/artifacts/<target>/; turn each into a regression test.
#
#   scripts/fuzz.sh [SECONDS=60] [TARGET...]      # e.g. scripts/fuzz.sh 1800
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). libFuzzer needs nightly-only compiler flags; on a
# stable toolchain RUSTC_BOOTSTRAP=1 enables them for this build only.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(frontmatter markdown credentials suppression skill json)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "cargo-fuzz is missing: cargo install cargo-fuzz --locked" >&2
  exit 2
fi
if ! rustc --version | grep -q nightly; then
  export RUSTC_BOOTSTRAP=1
fi

seed() {
  local target="$1" dir="fuzz/corpus/$1"
  mkdir -p "$dir"
  case "$target" in
    json)
      find fixtures examples -name '*.json' -type f -size -64k -print0 |
        while IFS= read -r -d '' f; do cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; done ;;
    frontmatter|markdown|suppression|skill)
      find fixtures examples -name '*.md' -type f -size -64k -print0 |
        while IFS= read -r -d '' f; do cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; done ;;
    credentials)
      find fixtures examples crates/skill-audit-patterns -type f -size -64k \
        \( -name '*.md' -o -name '*.toml' -o -name '*.json' -o -name '*.py' -o -name '*.sh' \) -print0 |
        while IFS= read -r -d '' f; do cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; done ;;
  esac
}

for t in "${targets[@]}"; do
  seed "$t"
  echo "== fuzzing $t for ${seconds}s"
  cargo fuzz run --fuzz-dir fuzz "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout="${FUZZ_TIMEOUT:-25}" -print_final_stats=1 \
    2>&1 | tee "fuzz/$t.log" | grep -E '^(#[0-9]+.*(DONE|pulse)|stat::|==[0-9]+==|SUMMARY)' || true
  if ls "fuzz/artifacts/$t"/crash-* >/dev/null 2>&1; then
    echo "!! $t: crashes in fuzz/artifacts/$t" >&2
    exit 1
  fi
done
