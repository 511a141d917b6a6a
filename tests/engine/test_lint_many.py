"""One engine lints many files for ``check``, ``--baseline`` and ``report --history``: the same bytes get
the same score whichever of them reads them, on one process or several; a file that breaks the linter,
or kills a worker process, is named; old versions are taken lazily, so memory stays bounded."""

from __future__ import annotations

import base64
import json
import multiprocessing
import os
import re
import shutil
import statistics
from pathlib import Path

import pytest

from conftest import EXAMPLES, git

GOOD = EXAMPLES / "good" / "northwind-sales-to-cs.md"
SMALL_LIMIT = "max-file-kib = 64\n"  # small enough for a test to cross it
PICTURE = "\n![screenshot](data:image/png;base64," + base64.b64encode(bytes(range(256)) * 400).decode() + ")\n"


def committed_repo(folder: Path, files: dict[str, str], config: str = "") -> Path:
    """A git repository with ``files`` under handoffs/ in one commit (and ``config`` as .handoff-lint.toml)."""
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    if config:
        (folder / ".handoff-lint.toml").write_text(config, encoding="utf-8")
    for name, text in files.items():
        target = folder / "handoffs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "handoffs")
    return folder


def weekly_row(markdown: str) -> tuple[int, str, str]:
    """(handoffs, pass rate, median) of the newest week of ``report --format markdown --history``."""
    rows = re.findall(r"^\| \d{4}-\d\d-\d\d \| (\d+) \| (\d+%) \| ([^|]+) \|", markdown, re.M)
    assert rows, markdown
    handoffs, rate, median = rows[-1]
    return int(handoffs), rate, median.strip()


CASES = {
    **{path.name: (path.read_text(encoding="utf-8"), "") for path in sorted(EXAMPLES.glob("*/*.md"))},
    # Over max-file-kib only with its pasted screenshot: check drops the picture and scores the text.
    "picture over the limit": (GOOD.read_text(encoding="utf-8") + PICTURE, SMALL_LIMIT),
    "text over the limit": (GOOD.read_text(encoding="utf-8") + "x" * 70_000, SMALL_LIMIT),  # HL003, no score
}


@pytest.mark.parametrize("case", CASES)
def test_baseline_and_history_score_the_same_bytes_as_check(run, tmp_path, case):
    text, config = CASES[case]
    repo = committed_repo(tmp_path / "repo", {"one.md": text}, config)
    checked = run("handoffs", "--format", "json", "--no-cache", cwd=repo).json()["files"][0]
    based = run("handoffs", "--format", "json", "--no-cache", "--baseline", "HEAD", cwd=repo).json()["files"][0]
    history = run("report", "handoffs", "--format", "markdown", "--no-cache", "--history", "1", cwd=repo)
    assert history.code == 0, history
    assert based["baseline"]["score"] == checked["score"], (checked, based)
    median = "—" if checked["score"] is None else str(checked["score"])
    assert weekly_row(history.out) == (1, "100%" if checked["passed"] else "0%", median)
    if case == "picture over the limit":
        assert checked["score"] is not None, "the picture does not count towards the limit"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_worker_processes_give_baseline_and_history_the_scores_check_gives(run, tmp_path, jobs):
    """20 handoffs: enough for the engine to start its worker pool when --jobs allows."""
    examples = sorted(EXAMPLES.glob("*/*.md"))
    files = {f"h{n:02d}-{path.name}": path.read_text(encoding="utf-8") for n, path in enumerate(examples * 2)}
    repo = committed_repo(tmp_path / "repo", files)
    args = ("handoffs", "--format", "json", "--no-cache", "--jobs", jobs)
    checked = {f["path"]: f for f in run(*args, cwd=repo).json()["files"]}
    based = {f["path"]: f["baseline"]["score"] for f in run(*args, "--baseline", "HEAD", cwd=repo).json()["files"]}
    assert len(checked) == 20 and based == {path: f["score"] for path, f in checked.items()}
    history = run("report", "handoffs", "--format", "markdown", "--no-cache", "--history", "1", "-j", jobs, cwd=repo)
    scores = [f["score"] for f in checked.values() if f["score"] is not None]
    passed = sum(f["passed"] for f in checked.values())
    assert weekly_row(history.out) == (20, f"{100 * passed / 20:.0f}%", f"{statistics.median(scores):g}")


def _breaks_on(monkeypatch, name: str, action, old_versions_only: bool = False) -> None:
    """Linting a file called ``name`` does ``action`` (in this process and in forked workers); with
    ``old_versions_only``, only when it comes as bytes from git (check --no-cache reads the disk)."""
    from handoff_lint.engine.linter import Linter

    lint = Linter.lint

    def breaking(self, path, data=None):
        if os.path.basename(path) == name and (data is not None or not old_versions_only):
            action()
        return lint(self, path, data)

    monkeypatch.setattr(Linter, "lint", breaking)


def _raise():
    raise ValueError("a bug in a rule")


@pytest.mark.parametrize(
    "command, old_versions_only",
    [
        (("handoffs",), False),
        (("handoffs", "--baseline", "HEAD"), True),
        (("report", "handoffs", "--format", "markdown", "--history", "1"), True),
    ],
)
def test_an_exception_while_linting_names_the_file_whichever_command_lints_it(
    run, tmp_path, monkeypatch, command, old_versions_only
):
    repo = committed_repo(tmp_path / "repo", {"fine.md": GOOD.read_text(encoding="utf-8"), "bad.md": "# Bad\n"})
    _breaks_on(monkeypatch, "bad.md", _raise, old_versions_only)
    done = run(*command, "--no-cache", "--jobs", "1", cwd=repo)
    assert done.code == 2, done
    assert re.search(r"internal error while linting \S*bad\.md: ValueError: a bug in a rule", done.err), done.err


@pytest.mark.skipif(
    multiprocessing.get_start_method(allow_none=False) != "fork",
    reason="the broken linter reaches the workers by fork (Linux's default before Python 3.14)",
)
def test_a_worker_process_that_dies_is_reported_with_the_file_it_was_linting(run, tmp_path, monkeypatch):
    folder = tmp_path / "handoffs"
    folder.mkdir()
    for n in range(24):
        shutil.copy(GOOD, folder / f"h{n:02d}.md")
    _breaks_on(monkeypatch, "h13.md", lambda: os._exit(9))  # as a segfault or the out-of-memory killer would
    done = run(folder, "--no-cache", "--jobs", "2", "--format", "json")
    assert done.code == 2, done
    assert re.search(r"internal error while linting \S*h13\.md: the worker process linting it died", done.err), done


@pytest.mark.parametrize("jobs", [1, 2])
def test_sources_are_taken_lazily_a_batch_of_bytes_at_a_time(tmp_path, monkeypatch, jobs):
    """Old versions from git come from a generator that reads one at a time: the engine holds at most
    a batch of their bytes (BATCH_BYTES; one source on one process) before it lints them and lets
    them go, and yields in order."""
    from handoff_lint.config.settings import load_config
    from handoff_lint.engine import runner
    from handoff_lint.files.source import Source
    from handoff_lint.handoff_types.definitions import load_types

    monkeypatch.setattr(runner, "BATCH_BYTES", 64 * 1024)
    version = GOOD.read_bytes() + b"\n<!-- " + b"x" * 16_000 + b" -->\n"
    per_batch = -(-runner.BATCH_BYTES // len(version))
    taken: list[int] = []

    def versions():
        for n in range(4 * per_batch + 1):
            taken.append(n)
            yield Source(f"v{n}.md", version)

    config = load_config(None, tmp_path)
    results = runner.lint_many(versions(), config, load_types(config.schema_dirs), jobs=jobs)
    first = next(results)
    assert first[0].path == "v0.md" and first[2].score is not None
    assert len(taken) == (per_batch if jobs > 1 else 1), "more was read ahead than is linted at once"
    rest = [source.path for source, _digest, _result in results]
    assert rest == [f"v{n}.md" for n in range(1, 4 * per_batch + 1)] and len(taken) == 4 * per_batch + 1


def test_baseline_reads_no_more_of_a_huge_old_version_than_check_reads_of_a_file(tmp_path):
    """Anyone can commit a 300 MB "handoff" to the base branch: its old version is read only as far as
    the size limit (then refused, HL003, as the file on disk would be), in 400 MiB of address space."""
    import resource
    import subprocess
    import sys

    repo = committed_repo(tmp_path / "repo", {}, SMALL_LIMIT)
    (repo / "handoffs").mkdir()
    with open(repo / "handoffs" / "big.md", "wb") as handle:
        for _ in range(300):
            handle.write(b"x" * (1 << 20))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a huge version")
    shutil.copy(GOOD, repo / "handoffs" / "big.md")  # the pull request's version: a handoff again

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (400 << 20, 400 << 20))

    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_"))}
    args = ("handoffs", "--baseline", "HEAD", "--format", "json", "--no-cache", "-j1")
    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", *args], cwd=repo, env=env, capture_output=True, preexec_fn=limit
    )
    assert done.returncode == 0, done.stderr[-2000:]
    [big] = json.loads(done.stdout)["files"]
    assert big["score"] is not None and big["baseline"]["path"] == "handoffs/big.md"
    assert big["baseline"]["score"] is None  # refused as too large, as check refuses the file
