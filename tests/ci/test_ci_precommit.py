"""The second pre-commit hook, handoff-lint-all, end to end with real pre-commit.

As in test_precommit.py, pre-commit installs this repository's COMMITTED hook (HEAD) once; see
there for why. A commit that changes a schema re-lints every handoff, including ones it did not
touch; a commit that only touches a handoff leaves this hook skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow

GOOD = "examples/handoffs/good/northwind-sales-to-cs.md"
TIMEOUT = 600  # the hook install (a virtualenv + pip install) is the slow part


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(PRE_COMMIT_HOME=str(home), PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


def _git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    command = ["git", "-c", "user.email=t@t", "-c", "user.name=t", "-c", "commit.gpgsign=false", *args]
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _pre_commit() -> list[str]:
    exe = Path(sys.executable).parent / "pre-commit"
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    base = tmp_path_factory.mktemp("precommit-all")
    env = _env(base / "pre-commit-home")
    rev = _git("rev-parse", "HEAD", cwd=REPO, env=env).strip()
    root = base / "project"
    (root / "docs" / "handoffs").mkdir(parents=True)
    (root / "handoff-types").mkdir()
    (root / "docs" / "handoffs" / "good.md").write_text(_git("show", f"{rev}:{GOOD}", cwd=REPO, env=env))
    # Untouched by the commits below, and failing: only a full re-lint finds it.
    (root / "docs" / "handoffs" / "legacy.md").write_text("# Lead Handoff: Legacy\n\nTo be written.\n")
    (root / "handoff-types" / "notes.schema.json").write_text("{}\n")
    (root / ".pre-commit-config.yaml").write_text(
        f"repos:\n-   repo: {REPO.as_posix()}\n    rev: {rev}\n    hooks:\n    -   id: handoff-lint-all\n"
    )
    _git("init", "-q", cwd=root, env=env)
    _git("add", "-A", cwd=root, env=env)
    _git("commit", "-q", "-m", "init", cwd=root, env=env)
    installed = pre_commit(root, env, "install-hooks")
    assert installed.returncode == 0, installed
    return root, env


def pre_commit(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_pre_commit(), *args, "--color", "never"], cwd=root, env=env, capture_output=True, text=True, timeout=TIMEOUT
    )


def test_a_schema_change_relints_every_handoff(project):
    root, env = project
    done = pre_commit(root, env, "run", "--files", "handoff-types/notes.schema.json")
    assert done.returncode == 1, done
    assert "docs/handoffs/legacy.md" in done.stdout and "docs/handoffs/good.md: sales-to-cs" in done.stdout, done


def test_a_handoff_change_alone_skips_it(project):
    root, env = project
    done = pre_commit(root, env, "run", "--files", "docs/handoffs/good.md")
    assert done.returncode == 0 and "Skipped" in done.stdout, done
