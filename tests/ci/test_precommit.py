"""The pre-commit hook end to end: real pre-commit installs this repository as a hook repo and runs it.

How the hook repository is handed to pre-commit -- the trade-off:

* ``pre-commit try-repo REPO handoff-lint --files F`` would also pick up uncommitted edits of tracked
  files in REPO (try-repo makes a shadow commit of the work tree), but UNTRACKED files in REPO are
  left out of it, and every try-repo call builds a fresh virtualenv and pip-installs the hook repo
  (three calls = three installs).
* A ``.pre-commit-config.yaml`` with ``repo: <REPO path>`` and ``rev: <REPO's HEAD sha>`` plus one
  shared ``PRE_COMMIT_HOME`` installs the hook once (``pre-commit install-hooks``) and then every
  ``pre-commit run`` reuses it. It exercises the COMMITTED hook (.pre-commit-hooks.yaml, pyproject.toml,
  handoff_lint/ at HEAD), which is exactly what CI checks: CI runs on a fresh clone, where HEAD is what
  was submitted. Locally, uncommitted edits are not seen -- commit first to test them.

We use the second: one install, deterministic input (a commit), and the same thing CI sees. For the
same reason the example handoffs are taken from HEAD too (``git show HEAD:...``), so the hook code
and the documents it checks always come from the same commit.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from support.pre_commit import TIMEOUT, hook_env, hook_git, pre_commit_command

REPO = Path(__file__).resolve().parents[2]
GOOD = "examples/handoffs/good/northwind-sales-to-cs.md"
BAD = "examples/handoffs/bad/thin-sales-to-cs.md"

pytestmark = pytest.mark.slow

if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)


class Hook:
    """A temporary git repository whose .pre-commit-config.yaml uses this repo's handoff-lint hook."""

    def __init__(self, root: Path, env: dict[str, str]):
        self.root = root
        self.env = env

    def pre_commit(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*pre_commit_command(), *args, "--color", "never"],
            cwd=self.root,
            env=self.env,
            capture_output=True,
            encoding="utf-8",
            timeout=TIMEOUT,
        )

    def run(self, *files: str) -> subprocess.CompletedProcess[str]:
        return self.pre_commit("run", "--files", *files)


@pytest.fixture(scope="module")
def hook(tmp_path_factory) -> Hook:
    base = tmp_path_factory.mktemp("precommit")
    env = hook_env(base / "pre-commit-home")
    rev = hook_git("rev-parse", "HEAD", cwd=REPO, env=env).strip()

    root = base / "project"
    (root / "docs" / "handoffs").mkdir(parents=True)
    (root / "docs" / "handoffs" / "good.md").write_text(
        hook_git("show", f"{rev}:{GOOD}", cwd=REPO, env=env), encoding="utf-8"
    )
    (root / "docs" / "handoffs" / "bad.md").write_text(
        hook_git("show", f"{rev}:{BAD}", cwd=REPO, env=env), encoding="utf-8"
    )
    # Outside handoffs/: it has no type, so it would fail (HL100) if the hook's `files:` let it through.
    (root / "README.md").write_text("# Notes\n\nNothing to hand off here.\n", encoding="utf-8")
    config = [
        "repos:",
        f"-   repo: {REPO.as_posix()}",
        f"    rev: {rev}",
        "    hooks:",
        "    -   id: handoff-lint",
    ]
    (root / ".pre-commit-config.yaml").write_text("\n".join(config) + "\n", encoding="utf-8")
    hook_git("init", "-q", cwd=root, env=env)
    hook_git("add", "-A", cwd=root, env=env)
    hook_git("commit", "-q", "-m", "init", cwd=root, env=env)

    h = Hook(root, env)
    installed = h.pre_commit("install-hooks")
    assert installed.returncode == 0, f"pre-commit install-hooks failed:\n{installed.stdout}\n{installed.stderr}"
    return h


def _output(done: subprocess.CompletedProcess[str]) -> str:
    return f"exit {done.returncode}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"


def test_good_handoff_passes(hook):
    done = hook.run("docs/handoffs/good.md")
    assert done.returncode == 0, _output(done)
    assert "Passed" in done.stdout, _output(done)


def test_bad_handoff_fails_with_findings(hook):
    done = hook.run("docs/handoffs/bad.md")
    assert done.returncode == 1, _output(done)
    assert "Failed" in done.stdout, _output(done)
    assert "docs/handoffs/bad.md:" in done.stdout and "HL30" in done.stdout, _output(done)
    assert "FAIL" in done.stdout, _output(done)


def test_files_outside_handoffs_are_not_linted(hook):
    done = hook.run("README.md")
    assert done.returncode == 0, _output(done)
    assert "no files to check" in done.stdout and "Skipped" in done.stdout, _output(done)
    assert "HL100" not in done.stdout, _output(done)


def test_mixed_commit_lints_only_the_handoffs(hook):
    done = hook.run("README.md", "docs/handoffs/good.md")
    assert done.returncode == 0, _output(done)
    assert "Passed" in done.stdout and "README.md" not in done.stdout, _output(done)
