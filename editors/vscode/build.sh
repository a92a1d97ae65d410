#!/usr/bin/env bash
# Build the VS Code extension into skill-audit-<version>.vsix (needs Node.js >= 20 and npm).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npx tsc -p .
npx @vscode/vsce package
ls -l ./*.vsix
