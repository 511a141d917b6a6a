"""Shared helpers: run the CLI the way a user does, and build handoff files."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from handoff_lint.cli import cli

pytest.register_assert_rewrite("support")  # the shared helpers' asserts explain themselves as a test's do

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "handoffs"
CORPUS = REPO.parent / "shared" / "corpus" / "real"
# The 34 reviewed handoffs and their judgements, vendored (CC0 and MIT: tests/data/judged/LICENCE.md).
JUDGED = REPO / "tests" / "data" / "judged"


class Run:
    def __init__(self, result):
        self.result = result
        self.code = result.exit_code
        self.out = result.stdout
        self.err = result.stderr

    def json(self):
        return json.loads(self.out)

    def codes(self):
        """Rule codes of the text format's finding lines (``path:line:col: SEVERITY CODE message``)."""
        return [
            next(word for word in line.split(": ", 2)[1].split() if word.startswith("HL"))
            for line in self.out.splitlines()
            if line.count(":") >= 3 and " HL" in line
        ]

    def __repr__(self):
        return f"<Run code={self.code}\nstdout:\n{self.out}\nstderr:\n{self.err}>"


@pytest.fixture(autouse=True)
def _no_cache_across_mutants(monkeypatch):
    """Under mutmut every mutant shares one source file (its trampolines pick the mutant from
    MUTANT_UNDER_TEST), so the result cache's fingerprint would let one mutant reuse another's results."""
    mutant = os.environ.get("MUTANT_UNDER_TEST")
    if mutant:
        from handoff_lint.engine import runner

        fingerprint = runner.fingerprint
        monkeypatch.setattr(runner, "fingerprint", lambda *args: fingerprint(*args) + mutant)
        _clear_memoised_answers()


def _clear_memoised_answers():
    """The language helpers remember their answers (functools caches); a mutant forked from a process
    that has run the tests would get the unmutated answers back without running its body."""
    import sys

    for name, module in list(sys.modules.items()):
        if name.startswith("handoff_lint") and module is not None:
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


@pytest.fixture
def run(monkeypatch):
    """Invoke the CLI in-process through click's CliRunner; returns a Run."""

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # else the default format is github on CI runners

    def invoke(*args, cwd=None, env=None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        runner = CliRunner()
        result = runner.invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)
        return Run(result)

    return invoke


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding=encoding)
    return path


def good_example(handoff_type: str) -> Path:
    matches = sorted((EXAMPLES / "good").glob(f"*-{handoff_type}.md"))
    assert matches, f"no good example for {handoff_type}"
    return matches[0]


def git(cwd: Path, *args: str) -> str:
    """Run git in a test repository as a throwaway identity, untouched by the caller's GIT_* settings."""
    command = ["git", "-c", "user.email=t@t", "-c", "user.name=t", "-c", "commit.gpgsign=false", *args]
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def in_terminal(argv: list[str], env: dict | None = None, cwd=None) -> str:
    """Run a command with stdout and stderr on a pseudo-terminal, as in a user's shell; its output."""
    primary, secondary = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CI", "GITHUB_ACTIONS")}
    environment.update(env or {})
    process = subprocess.Popen(argv, stdout=secondary, stderr=secondary, env=environment, cwd=cwd)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(primary)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
