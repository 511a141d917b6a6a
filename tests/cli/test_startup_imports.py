"""What a one-file check loads: pre-commit runs `handoff-lint check CHANGED.md` on every commit, so its
start-up is the latency users feel. A text check of one file imports the linter and nothing that only
other commands, formats or options use (issue 26, item 4: import only what the command uses)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import EXAMPLES

# Modules a one-file `check --format text --no-cache` never needs, and the command or option that does.
NOT_FOR_ONE_TEXT_CHECK = {
    "jsonschema": "team types' schemas (handoff_types/schema_fast_path.py covers the built-in ones)",
    "referencing": "jsonschema",
    "rapidfuzz": "fix and the team report",
    "pygal": "report (charts)",
    "pygls": "lsp",
    "lsprotocol": "lsp",
    "anyascii": "new",
    "tomllib": "a config file (there is none here)",
    "tempfile": "writing the cache or an output file",
    "hashlib": "the cache (--no-cache here)",
    "handoff_lint.engine.cache": "the cache (--no-cache here)",
    "handoff_lint.engine.baseline_file": "a config that names a baseline file",
    "handoff_lint.engine.workers": "--jobs with many files",
    "handoff_lint.output.team_report": "report",
    "handoff_lint.output.formats.json_reporter": "--format json",
    "handoff_lint.output.formats.sarif": "--format sarif",
    "handoff_lint.commands.fix": "fix",
    "handoff_lint.commands.lsp": "lsp",
    "handoff_lint.commands.init": "init",
    "handoff_lint.commands.new": "new",
}

LOADED_AFTER_CHECK = """
import json, sys
from handoff_lint.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    code = done.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _modules_after(tmp_path, *args: str) -> tuple[int, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", LOADED_AFTER_CHECK, *args], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    last = json.loads(done.stdout.strip().splitlines()[-1])
    return last["code"], set(last["modules"])


def test_a_one_file_text_check_imports_only_the_linter(tmp_path):
    shutil.copy(next(iter(sorted((EXAMPLES / "good").glob("*.md")))), tmp_path / "ONE.md")
    code, modules = _modules_after(tmp_path, "check", "ONE.md", "--no-cache", "--format", "text")
    assert code == 0
    assert "handoff_lint.engine.linter" in modules  # it did lint
    loaded = {name for name in NOT_FOR_ONE_TEXT_CHECK if name in modules}
    assert not loaded, {name: NOT_FOR_ONE_TEXT_CHECK[name] for name in loaded}


@pytest.mark.parametrize(("option", "module"), [("--format=json", "handoff_lint.output.formats.json_reporter")])
def test_the_option_that_needs_a_module_still_loads_it(tmp_path, option, module):
    """The list above is not vacuous: the same run with the option that needs a module loads it."""
    shutil.copy(next(iter(sorted((EXAMPLES / "good").glob("*.md")))), tmp_path / "ONE.md")
    code, modules = _modules_after(tmp_path, "check", "ONE.md", option)
    assert code == 0
    assert module in modules and "handoff_lint.engine.cache" in modules
