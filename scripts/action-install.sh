#!/usr/bin/env bash
# The install step of the GitHub Action (action.yml) for a released version: download the
# prebuilt archive for this runner from the GitHub release, check it against the release's
# `.sha256` file, unpack the binary into INSTALL_DIR and print its path.
#
#   VERSION           release version, `1.2.3` or `v1.2.3`
#   REPOSITORY        owner/name holding the releases (default: skill-audit/skill-audit)
#   INSTALL_DIR       where the binary goes (default: $RUNNER_TEMP/skill-audit/bin)
#   RELEASE_BASE_URL  base of the download URLs (default: https://github.com/$REPOSITORY/releases/download);
#                     tests point it at a file:// folder
#   TARGET            the Rust target triple (default: from `uname`)
#
# Archives are named as scripts/package-release.sh names them:
#   skill-audit-v$VERSION-$TARGET.tar.gz and skill-audit-v$VERSION-$TARGET.tar.gz.sha256
set -euo pipefail

version="${VERSION:?VERSION is required}"
version="v${version#v}"
if ! [[ "$version" =~ ^v[0-9]+\.[0-9]+\.[0-9]+([-.+][0-9A-Za-z.-]+)?$ ]]; then
  echo "::error title=skill-audit::version '$version' is not a release version (X.Y.Z)" >&2
  exit 2
fi
repository="${REPOSITORY:-skill-audit/skill-audit}"
base="${RELEASE_BASE_URL:-https://github.com/$repository/releases/download}"
install_dir="${INSTALL_DIR:-${RUNNER_TEMP:-/tmp}/skill-audit/bin}"

target="${TARGET:-}"
if [ -z "$target" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) target=x86_64-unknown-linux-musl ;;
    Linux-aarch64 | Linux-arm64) target=aarch64-unknown-linux-musl ;;
    Darwin-x86_64) target=x86_64-apple-darwin ;;
    Darwin-arm64) target=aarch64-apple-darwin ;;
    *)
      echo "::error title=skill-audit::no prebuilt binary for $(uname -s) $(uname -m); leave 'version' empty to build from source" >&2
      exit 2
      ;;
  esac
fi

archive="skill-audit-$version-$target.tar.gz"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
curl --fail --silent --show-error --location --retry 3 -o "$work/$archive" "$base/$version/$archive"
curl --fail --silent --show-error --location --retry 3 -o "$work/$archive.sha256" "$base/$version/$archive.sha256"

# The .sha256 file holds the digest, optionally followed by the file name.
expected="$(tr -s ' \t' ' ' <"$work/$archive.sha256" | cut -d ' ' -f 1 | head -n 1 | tr 'A-F' 'a-f')"
actual="$(sha256sum "$work/$archive" | cut -d ' ' -f 1)"
if ! [[ "$expected" =~ ^[0-9a-f]{64}$ ]] || [ "$expected" != "$actual" ]; then
  echo "::error title=skill-audit::checksum mismatch for $archive (expected '$expected', got '$actual')" >&2
  exit 1
fi

mkdir -p "$install_dir"
tar -xzf "$work/$archive" -C "$work"
bin="$(find "$work" -type f -name skill-audit -perm -u+x | head -n 1)"
if [ -z "$bin" ]; then
  echo "::error title=skill-audit::$archive holds no skill-audit binary" >&2
  exit 1
fi
install -m 0755 "$bin" "$install_dir/skill-audit"
echo "$install_dir/skill-audit"
