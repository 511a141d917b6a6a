"""The README's pre-commit snippet, exactly as printed, against a local clone pinned to a commit sha.

Only the two placeholders are filled in: the repository URL becomes a clone of this repository and
``<full commit sha>`` its HEAD. Real pre-commit installs the hooks and runs them (see test_precommit.py
for why the committed HEAD is what is tested).
"""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import REPO
from support.pre_commit import TIMEOUT, hook_env, hook_git, pre_commit_command

pytestmark = pytest.mark.slow

URL = "https://github.com/<your-org>/handoff-lint"
SHA = "<full commit sha>"


def _readme_snippet() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## pre-commit\n", 1)[1]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def test_the_readme_snippet_works_as_printed(tmp_path):
    snippet = _readme_snippet()
    assert URL in snippet and f"rev: {SHA}" in snippet, snippet
    env = hook_env(tmp_path / "pre-commit-home")
    clone = tmp_path / "handoff-lint"
    hook_git("clone", "-q", str(REPO), str(clone), cwd=tmp_path, env=env)
    sha = hook_git("rev-parse", "HEAD", cwd=clone, env=env).strip()
    assert re.fullmatch(r"[0-9a-f]{40}", sha)
    project = tmp_path / "project"
    handoffs = project / "docs" / "handoffs"
    (handoffs / "archive").mkdir(parents=True)
    good = hook_git("show", "HEAD:examples/handoffs/good/northwind-sales-to-cs.md", cwd=clone, env=env)
    bad = hook_git("show", "HEAD:examples/handoffs/bad/thin-sales-to-cs.md", cwd=clone, env=env)
    (handoffs / "good.md").write_text(good, encoding="utf-8")
    (handoffs / "archive" / "old.md").write_text(bad, encoding="utf-8")  # excluded by the config
    (project / ".handoff-lint.toml").write_text('exclude = ["docs/handoffs/archive"]\n', encoding="utf-8")
    config = snippet.replace(URL, clone.as_posix()).replace(SHA, sha)
    (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    hook_git("init", "-q", cwd=project, env=env)
    hook_git("add", "-A", cwd=project, env=env)
    hook_git("commit", "-q", "-m", "init", cwd=project, env=env)

    def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
        command = [*pre_commit_command(), *args, "--color", "never"]
        return subprocess.run(command, cwd=project, env=env, capture_output=True, encoding="utf-8", timeout=TIMEOUT)

    installed = pre_commit("install-hooks")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert "warning" not in (installed.stdout + installed.stderr).lower(), installed.stdout + installed.stderr
    # old.md is a failing handoff: the hook passes only because --force-exclude skips it, and says so.
    done = pre_commit("run", "--verbose", "--files", "docs/handoffs/good.md", "docs/handoffs/archive/old.md")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^handoff-lint\.+Passed$", done.stdout, re.M), done.stdout
    assert "old.md not checked: excluded by 'exclude'" in done.stdout, done.stdout
    (handoffs / "bad.md").write_text(bad, encoding="utf-8")
    failed = pre_commit("run", "--files", "docs/handoffs/bad.md", ".handoff-lint.toml")
    assert failed.returncode == 1, failed.stdout
    assert re.search(r"^handoff-lint\.+Failed$", failed.stdout, re.M), failed.stdout
    assert re.search(r"^handoff-lint \(all handoffs.*\.+Failed$", failed.stdout, re.M), failed.stdout
    assert "docs/handoffs/bad.md: sales-to-cs" in failed.stdout and "FAIL: score" in failed.stdout
