"""Real pre-commit run as a user's repository runs it: its command, an environment of its own, git calls."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TIMEOUT = 600  # seconds per subprocess; the hook install (a virtualenv + pip install) is the slow one


def pre_commit_command() -> list[str]:
    """The pre-commit of the venv running these tests, else ``python -m pre_commit``."""
    exe = Path(sys.executable).parent / "pre-commit"
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "pre_commit"]


def hook_env(home: Path) -> dict[str, str]:
    """The caller's environment with pre-commit's cache in ``home`` and no GIT_* variable: when the suite
    runs inside a git hook, GIT_DIR and friends would point every git call at the outer repository."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(PRE_COMMIT_HOME=str(home), PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


def hook_git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    """Run git as a throwaway identity; its output."""
    command = ["git", "-c", "user.email=t@t", "-c", "user.name=t", "-c", "commit.gpgsign=false", *args]
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, encoding="utf-8", timeout=TIMEOUT)
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout
