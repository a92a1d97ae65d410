#!/usr/bin/env bash
# Package a release binary the way the GitHub Action's installer (scripts/action-install.sh)
# downloads it: skill-audit-vVERSION-TARGET.tar.gz holding skill-audit-vVERSION-TARGET/skill-audit,
# plus a .sha256 file with its digest. Upload both to the GitHub release vVERSION.
#
#   scripts/package-release.sh TARGET [OUT_DIR]
#   e.g. cargo build --profile dist --target x86_64-unknown-linux-musl &&
#        scripts/package-release.sh x86_64-unknown-linux-musl dist/
set -euo pipefail
target="${1:?usage: package-release.sh TARGET [OUT_DIR]}"
out="${2:-dist}"
root="$(cd "$(dirname "$0")/.." && pwd)"
version="v$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)"
bin="${BIN:-$root/target/$target/dist/skill-audit}"
name="skill-audit-$version-$target"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/$name" "$out"
install -m 0755 "$bin" "$work/$name/skill-audit"
cp "$root/README.md" "$work/$name/"
tar -czf "$out/$name.tar.gz" -C "$work" "$name"
(cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
echo "$out/$name.tar.gz"
