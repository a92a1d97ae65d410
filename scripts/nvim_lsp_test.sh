#!/usr/bin/env bash
# Neovim's built-in LSP client against `skill-audit server` on a fixture: asserts the
# diagnostics the editor shows, then types the fix and asserts they update.
#
#   scripts/nvim_lsp_test.sh            # builds the debug binary first
#   SKILL_AUDIT_BIN=path/to/skill-audit scripts/nvim_lsp_test.sh
#
# Needs Neovim >= 0.7 (Debian: apt-get install -y neovim).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nvim >/dev/null || { echo "nvim not found (apt-get install -y neovim)" >&2; exit 2; }
if [ -z "${SKILL_AUDIT_BIN:-}" ]; then
  cargo build -q -p skill-audit
  SKILL_AUDIT_BIN="${CARGO_TARGET_DIR:-target}/debug/skill-audit"
fi
SKILL_AUDIT_BIN="$(cd "$(dirname "$SKILL_AUDIT_BIN")" && pwd)/$(basename "$SKILL_AUDIT_BIN")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r fixtures/editors/library "$work/library"
out="$work/shown.txt"

cat > "$work/test.lua" <<'LUA'
local bin, root, out = os.getenv('SKILL_AUDIT_BIN'), os.getenv('ROOT'), os.getenv('OUT')
local results = {}
local function shown(buf)
  local lines = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(lines, string.format('%d:%d %s %s', d.lnum + 1, d.col + 1, tostring(d.code), tostring(d.source)))
  end
  table.sort(lines)
  return lines
end
vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/pdf-tools/SKILL.md'))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = 'skill-audit', cmd = { bin, 'server' }, root_dir = root })
vim.lsp.buf_attach_client(buf, id)
local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) >= 2 end, 20)
table.insert(results, 'open ' .. tostring(ok))
for _, l in ipairs(shown(buf)) do table.insert(results, l) end
-- Type the fixes: the folder's name, and a quoted description.
vim.api.nvim_buf_set_lines(buf, 1, 3, false, { 'name: pdf-tools', 'description: "Reads PDFs. Use when: the user asks"' })
ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) == 0 end, 20)
table.insert(results, 'fixed ' .. tostring(ok))
for _, l in ipairs(shown(buf)) do table.insert(results, l) end
vim.fn.writefile(results, out)
vim.lsp.stop_client(id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
vim.cmd('qa!')
LUA

SKILL_AUDIT_BIN="$SKILL_AUDIT_BIN" ROOT="$work/library" OUT="$out" \
  timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile $work/test.lua" >/dev/null 2>"$work/nvim.err" || true

expected="open true
2:7 SK015 skill-audit
3:14 SK007 skill-audit
fixed true"
if [ ! -f "$out" ]; then
  echo "FAIL: Neovim wrote no result" >&2
  cat "$work/nvim.err" >&2
  exit 1
fi
if [ "$(cat "$out")" != "$expected" ]; then
  echo "FAIL: Neovim showed:" >&2
  cat "$out" >&2
  echo "expected:" >&2
  echo "$expected" >&2
  exit 1
fi
cat "$out"
echo "1 passed, 0 failed"
