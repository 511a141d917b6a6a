"""CONTRIBUTING.md's recipes, followed literally in a copy of the repository: each one must pass.

For each recipe (a rule, a handoff type, an output format, a judge) the repository is copied to a
temporary folder, the recipe's blocks are applied in order as CONTRIBUTING.md says they are read
(``file=`` written, ``append=`` appended, a ``diff`` applied, each ``sh`` block run, ``expect=``
compared), and then the new thing must be live: the CLI reports the rule, lists the type, writes the
format, and the judge decides a category. The copy imports its own package (PYTHONPATH), so nothing
here touches the working tree.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow

RECIPES = {
    "rule": "Adding a rule",
    "type": "Adding a handoff type",
    "format": "Adding an output format",
    "judge": "Adding a judge",
}
FENCE = re.compile(r"^```(?P<lang>[\w-]*)(?P<attrs>[^\n]*)\n(?P<body>.*?)^```$", re.M | re.S)
COPIED = shutil.ignore_patterns(
    ".git", "build", "dist", "*.egg-info", ".venv", "venv", ".ci-venv", "__pycache__", ".*_cache", ".handoff-lint-cache"
)
TIMEOUT = 300


def recipe_blocks(title: str) -> list[tuple[str, dict[str, str], str]]:
    """The fenced blocks of the CONTRIBUTING.md section ``## title``: (language, attributes, body)."""
    lines = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8").split("\n")
    start = lines.index(f"## {title}") + 1
    end, fenced = start, False
    while end < len(lines) and (fenced or not lines[end].startswith("## ")):
        fenced ^= lines[end].startswith("```")  # a heading inside a fenced block is the block's text
        end += 1
    section = "\n".join(lines[start:end]) + "\n"
    blocks = []
    for match in FENCE.finditer(section):
        attrs = dict(pair.split("=", 1) for pair in match["attrs"].split())
        blocks.append((match["lang"], attrs, match["body"]))
    return blocks


def apply_diff(path: Path, hunk: str) -> None:
    """A hunk without its header: lines with " " must be there, "-" are removed, "+" are added."""
    old = [line[1:] for line in hunk.splitlines() if not line.startswith("+")]
    new = [line[1:] for line in hunk.splitlines() if not line.startswith("-")]
    text = path.read_text(encoding="utf-8")
    before, after = "\n".join(old) + "\n", "\n".join(new) + "\n"
    assert text.count(before) == 1, f"the recipe's diff does not apply to {path.name}:\n{before}"
    path.write_text(text.replace(before, after), encoding="utf-8")


def shell(copy: Path, command: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "HANDOFF_LINT_UPDATE_FIXTURES")}
    env["PYTHONPATH"] = str(copy)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(["bash", "-c", command], cwd=copy, env=env, capture_output=True, text=True, timeout=TIMEOUT)


def follow(title: str, copy: Path) -> list[str]:
    """Apply the recipe to ``copy``; the output of each command it runs."""
    shutil.copytree(REPO, copy, ignore=COPIED)
    outputs = []
    blocks = recipe_blocks(title)
    assert blocks, f"no blocks under '## {title}'"
    for lang, attrs, body in blocks:
        if lang == "sh":
            for command in body.splitlines():
                if command.strip() and not command.startswith("#"):
                    done = shell(copy, command)
                    assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
                    outputs.append(done.stdout)
        elif lang == "diff":
            apply_diff(copy / attrs["file"], body)
        elif "file" in attrs:
            (copy / attrs["file"]).parent.mkdir(parents=True, exist_ok=True)
            (copy / attrs["file"]).write_text(body, encoding="utf-8")
        elif "append" in attrs:
            with open(copy / attrs["append"], "a", encoding="utf-8") as handle:
                handle.write("\n" + body)
        elif "expect" in attrs:
            assert (copy / attrs["expect"]).read_text(encoding="utf-8") == body, attrs["expect"]
    assert any(" passed" in out for out in outputs), "the recipe runs no test"
    return outputs


def test_every_recipe_runs_its_tests():
    for title in RECIPES.values():
        commands = [body for lang, _attrs, body in recipe_blocks(title) if lang == "sh"]
        assert any("pytest" in body for body in commands), title


def test_the_rule_recipe_gives_a_rule_the_cli_reports(tmp_path):
    copy = tmp_path / "repo"
    outputs = follow(RECIPES["rule"], copy)
    assert "HL453 shouting" in outputs[-1]  # explain
    done = shell(copy, "python -m handoff_lint check tests/rules/HL453/bad_asap.md --select HL453 --format json")
    assert [f["code"] for f in json.loads(done.stdout)["files"][0]["findings"]] == ["HL453", "HL453"]


def test_the_type_recipe_gives_a_type_that_new_writes_and_check_reads(tmp_path):
    copy = tmp_path / "repo"
    outputs = follow(RECIPES["type"], copy)
    assert "partner-to-ae" in outputs[-1].split()  # handoff-lint types
    assert shell(copy, "python -m handoff_lint new partner-to-ae --company Acme -o acme.md").returncode == 0
    done = shell(copy, "python -m handoff_lint check acme.md --format json")
    (result,) = json.loads(done.stdout)["files"]
    assert (result["type"], result["status"]) == ("partner-to-ae", "draft")


def test_the_format_recipe_gives_a_format_the_cli_writes(tmp_path):
    copy = tmp_path / "repo"
    follow(RECIPES["format"], copy)
    done = shell(copy, "python -m handoff_lint check examples/handoffs/bad/thin-sales-to-cs.md --format csv")
    assert done.returncode == 1 and done.stdout.startswith("path,line,column,severity,code,message\n"), done


def test_the_judge_recipe_gives_a_judge_a_type_can_name(tmp_path):
    copy = tmp_path / "repo"
    outputs = follow(RECIPES["judge"], copy)
    assert "3 passed" in outputs[-1] or " passed" in outputs[-1]
    assert "judge_named_system" in (copy / "handoff_lint" / "reading" / "judges.py").read_text(encoding="utf-8")
