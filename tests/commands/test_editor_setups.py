"""docs/editor.md's Neovim setup, run in a real Neovim: the snippet as its init file, a handoff opened,
then the diagnostics, a hover and the code actions read back from Neovim's own LSP client."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO

NVIM = shutil.which("nvim")
EDITOR_DOC = REPO / "docs" / "editor.md"

# Run after the file is loaded: wait for the server's diagnostics, then ask for a hover and code actions.
CHECK = r"""
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, string.format('DIAGNOSTIC %d %s', d.lnum + 1, d.code or ''))
end
local row = vim.fn.search('^## Risk Flags$') - 1
local uri = vim.uri_from_bufnr(0)
local hover = vim.lsp.buf_request_sync(0, 'textDocument/hover',
  { textDocument = { uri = uri }, position = { line = row, character = 3 } }, 20000)
for _, r in pairs(hover or {}) do
  if r.result then table.insert(out, 'HOVER ' .. r.result.contents.value:gsub('\n', ' ')) end
end
local actions = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', { textDocument = { uri = uri },
  range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
  context = { diagnostics = {} } }, 20000)
for _, r in pairs(actions or {}) do
  for _, a in ipairs(r.result or {}) do table.insert(out, 'ACTION ' .. a.title) end
end
vim.fn.writefile(out, vim.env.HANDOFF_LINT_OUT)
vim.cmd('qa!')
"""


def _snippet(heading: str) -> str:
    text = EDITOR_DOC.read_text(encoding="utf-8")
    return re.search(re.escape(heading) + r".*?```lua\n(.*?)```", text, re.S).group(1)


def _nvim_version() -> tuple[int, int]:
    shown = subprocess.run([NVIM, "--version"], capture_output=True, text=True, timeout=30).stdout
    major, minor = re.search(r"NVIM v(\d+)\.(\d+)", shown).groups()
    return int(major), int(minor)


@pytest.mark.skipif(NVIM is None, reason="nvim is not installed (.ci/run installs Debian's neovim)")
def test_the_documented_neovim_setup_shows_diagnostics_hover_and_code_actions(tmp_path, run):
    if _nvim_version() >= (0, 11):
        init = _snippet("Neovim 0.11 or later")
    elif _nvim_version() >= (0, 8):
        init = _snippet("Neovim 0.8–0.10")
    else:
        init = _snippet("Neovim 0.7")
    (tmp_path / "init.lua").write_text(init, encoding="utf-8")
    (tmp_path / "check.lua").write_text(CHECK, encoding="utf-8")
    handoffs = tmp_path / "docs" / "handoffs"
    handoffs.mkdir(parents=True)
    shutil.copyfile(EXAMPLES / "bad" / "vague-sales-to-cs.md", handoffs / "halcyon.md")
    out = tmp_path / "out.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NVIM", "VIM", "XDG_"))}
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        HANDOFF_LINT_OUT=str(out),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    command = [NVIM, "--headless", "-u", "init.lua", "docs/handoffs/halcyon.md", "-c", "luafile check.lua"]
    subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, timeout=120)
    shown = out.read_text(encoding="utf-8").splitlines()
    report = run("--no-cache", "--format", "json", handoffs / "halcyon.md").json()["files"][0]
    diagnostics = sorted(
        (int(line.split()[1]), line.split()[2]) for line in shown if line.startswith("DIAGNOSTIC ") and "HL" in line
    )
    assert diagnostics == sorted((f["line"], f["code"]) for f in report["findings"])
    assert any(line.startswith("DIAGNOSTIC ") and line.endswith(" score") for line in shown)
    assert any(line.startswith("HOVER **Risk flags: partial**") for line in shown), shown
    assert "ACTION Add every missing slot (handoff-lint fix)" in shown
