"""Issue 9, bounded work: the hostile shapes of benchmarks/hostile.py, committed to a repository
as a pull request would, each linted by the CLI in its own process. Each must end (well within
20 s, a bound that proves "no hang"; the benchmark measures the real times), exit 1 rather than
crash, and say with HL005 where a per-file limit stopped the reading. At 4 MiB the config raises
the size limit, as a repository may.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import REPO, git

sys.path.insert(0, str(REPO / "benchmarks"))
from hostile import OWN_CONFIG, SHAPES  # noqa: E402 - one definition of the shapes, shared with the benchmark

NO_HANG = 20  # seconds
HOSTILE = {name: make for name, make in SHAPES.items() if not name.startswith("baseline")}


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    repo = tmp_path_factory.mktemp("hostile")
    git(repo, "init", "-q", "-b", "main")
    (repo / ".handoff-lint.toml").write_text("max-file-kib = 8192\n", encoding="utf-8")
    for name, make in HOSTILE.items():
        folder = _folder(repo, name)
        for file, text in OWN_CONFIG.get(name, {}).items():  # a shape with its own config and team type
            (folder / file).parent.mkdir(parents=True, exist_ok=True)
            (folder / file).write_text(text() if callable(text) else text, encoding="utf-8")
        for size in (1_000_000, 4_000_000):
            (folder / f"{re.sub(r'[^a-z]+', '-', name)}{size // 1_000_000}.md").write_text(make(size), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "hostile shapes")
    return repo


def _folder(repo, shape: str):
    return repo / "own-config" if shape in OWN_CONFIG else repo


@pytest.mark.parametrize("size", [1, 4])
@pytest.mark.parametrize("shape", list(HOSTILE))
def test_hostile_shape_ends_with_a_finding(repo, shape, size):
    name = f"{re.sub(r'[^a-z]+', '-', shape)}{size}.md"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_"))}
    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", name, "--format", "json", "--jobs", "1", "--no-cache"],
        cwd=_folder(repo, shape),
        env=env,
        capture_output=True,
        text=True,
        timeout=NO_HANG,
    )
    assert done.returncode == 1 and done.stderr == "", done.stderr
    findings = json.loads(done.stdout)["files"][0]["findings"]
    limits = [f for f in findings if f["code"] == "HL005"]
    assert limits, [f["code"] for f in findings]
    assert all(
        re.match(r"file has more than [\d,]+ .*; the rest (is not read|are ignored)", f["message"]) for f in limits
    )
    if shape in OWN_CONFIG:  # the team type's patterns ran on the long values (RE2: linear time)
        assert any(f["code"] == "HL202" and "frontmatter 'region': 'aaaa" in f["message"] for f in findings), findings
