"""The second pre-commit hook, handoff-lint-all, end to end with real pre-commit.

As in test_precommit.py, pre-commit installs this repository's COMMITTED hook (HEAD) once; see
there for why. A commit that changes a schema re-lints every handoff, including ones it did not
touch; a commit that only touches a handoff leaves this hook skipped.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import REPO
from support.pre_commit import TIMEOUT, hook_env, hook_git, pre_commit_command

pytestmark = pytest.mark.slow

GOOD = "examples/handoffs/good/northwind-sales-to-cs.md"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    base = tmp_path_factory.mktemp("precommit-all")
    env = hook_env(base / "pre-commit-home")
    rev = hook_git("rev-parse", "HEAD", cwd=REPO, env=env).strip()
    root = base / "project"
    (root / "docs" / "handoffs").mkdir(parents=True)
    (root / "handoff-types").mkdir()
    (root / "docs" / "handoffs" / "good.md").write_text(hook_git("show", f"{rev}:{GOOD}", cwd=REPO, env=env))
    # Untouched by the commits below, and failing: only a full re-lint finds it.
    (root / "docs" / "handoffs" / "legacy.md").write_text("# Lead Handoff: Legacy\n\nTo be written.\n")
    (root / "handoff-types" / "notes.schema.json").write_text("{}\n")
    (root / ".pre-commit-config.yaml").write_text(
        f"repos:\n-   repo: {REPO.as_posix()}\n    rev: {rev}\n    hooks:\n    -   id: handoff-lint-all\n"
    )
    hook_git("init", "-q", cwd=root, env=env)
    hook_git("add", "-A", cwd=root, env=env)
    hook_git("commit", "-q", "-m", "init", cwd=root, env=env)
    installed = pre_commit(root, env, "install-hooks")
    assert installed.returncode == 0, installed
    return root, env


def pre_commit(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*pre_commit_command(), *args, "--color", "never"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
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
