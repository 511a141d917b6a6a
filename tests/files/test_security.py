"""Issue 9: a pull request's author attacks the run. Each test commits what the attacker would
(a config, a symlink, a cache folder) to a real git repository and runs the CLI as CI does, in
a subprocess from the repository's root. Nothing outside the repository may be read or written,
and the cache may never answer for other bytes or another place.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import REPO, git
from support.pull_request import commit, example, one_handoff_repository
from support.workflow_commands import commands_left

if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

SECRET = "SECRET-TOKEN-0f1e2d"
HANDOFFS = "docs/handoffs"


def cli(cwd: Path, *args: str, timeout: float = 60, memory: int | None = None) -> subprocess.CompletedProcess:
    """The CLI in a subprocess as CI runs it; with ``memory``, it may use that many bytes at most (a read
    of /dev/zero, or a history held whole, fails instead of swapping)."""
    import resource

    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_"))}

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [sys.executable, "-m", "handoff_lint", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit if memory else None,
    )


@pytest.fixture
def outside(tmp_path) -> Path:
    """A home folder beside the repository, with a credential that looks like Markdown."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".git-credentials").write_text(f"# Customer Handoff: x\n\n## {SECRET}\n\nhttps://u:{SECRET}@example\n")
    (home / "notes").mkdir()
    (home / "notes" / "secret.md").write_text(f"# Customer Handoff: x\n\n## {SECRET}\n")
    return home


@pytest.fixture
def repo(tmp_path) -> Path:
    return one_handoff_repository(tmp_path)


def link(repo: Path, name: str, target: Path) -> None:
    """Commit a symlink, as a PR can."""
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)
    git(repo, "add", name)
    git(repo, "commit", "-q", "-m", f"link {name}")


# --- item 2: nothing outside the repository is read --------------------------------------------------


@pytest.mark.parametrize("key", ["paths", "schema-dirs"])
@pytest.mark.parametrize("where", ["absolute", "dotdot", "symlink"])
def test_config_pointing_outside_the_repository_is_refused(repo, outside, key, where):
    if where == "symlink":
        link(repo, "inside-looking", outside / "notes")
        value = "inside-looking"
    else:
        value = str(outside / "notes") if where == "absolute" else "../home/notes"
    commit(repo, {".handoff-lint.toml": f'{key} = ["{value}"]\n'}, "config")
    done = cli(repo, "--format", "github", "--summary-file", repo / "summary.md")
    assert done.returncode == 2, done
    assert f"'{key}':" in done.stderr and "outside the repository" in done.stderr and done.stderr.count("\n") == 1
    assert SECRET not in done.stdout + done.stderr


@pytest.mark.parametrize("config", ["link outside", "link to /dev/zero", "2 MiB"])
def test_committed_config_is_read_only_inside_the_repository_and_bounded(repo, outside, config):
    (outside / "config.toml").write_text(f'paths = ["{outside / "notes"}"]\n')
    if config == "2 MiB":
        commit(repo, {".handoff-lint.toml": "# padding\n" * 200_000}, "a huge config")
    else:
        link(repo, ".handoff-lint.toml", outside / "config.toml" if config == "link outside" else Path("/dev/zero"))
    done = limited(repo, "--format", "json")
    assert SECRET not in done.stdout + done.stderr
    if config == "link to /dev/zero":  # not a file: no config, the defaults
        assert done.returncode == 0 and json.loads(done.stdout)["files"], done
        return
    reason = "a symlink to a place outside the repository" if config == "link outside" else "larger than 1024 KiB"
    assert done.returncode == 2 and reason in done.stderr and done.stderr.count("\n") == 1, done


def test_changed_since_counts_no_lines_through_an_untracked_link(repo):
    (repo / HANDOFFS / "zero.md").symlink_to("/dev/zero")  # untracked: every line of it would be new
    done = limited(repo, "--changed-since", "main", "--format", "github", f"{HANDOFFS}/zero.md")  # as pre-commit
    assert done.returncode == 1 and "file=docs/handoffs/zero.md,line=1,col=1,title=HL004" in done.stdout, done


def test_committed_symlink_to_a_file_outside_is_a_finding_and_never_quoted(repo, outside):
    link(repo, f"{HANDOFFS}/x.md", outside / ".git-credentials")
    link(repo, f"{HANDOFFS}/inside.md", Path("good.md"))  # a link within the repository is fine
    summary = repo / "summary.md"
    done = cli(repo, HANDOFFS, "--format", "github", "--summary-file", summary)
    assert done.returncode == 1, done
    assert f"file={HANDOFFS}/x.md,line=1,col=1,title=HL004 outside-repository::" in done.stdout
    assert "inside.md: sales-to-cs" in done.stdout
    for text in (done.stdout, done.stderr, summary.read_text()):
        assert SECRET not in text
    for fmt in ("text", "json", "sarif", "junit", "markdown"):
        done = cli(repo, f"{HANDOFFS}/x.md", "--format", fmt)
        assert done.returncode == 1 and SECRET not in done.stdout + done.stderr and "HL004" in done.stdout, fmt


def test_committed_symlink_to_a_folder_outside_is_refused(repo, outside):
    git(repo, "rm", "-q", "-r", HANDOFFS)
    link(repo, HANDOFFS, outside / "notes")
    done = cli(repo)  # the default path, docs/handoffs
    assert done.returncode == 2, done
    assert "a symlink to a folder outside the repository" in done.stderr
    assert SECRET not in done.stdout + done.stderr


def test_a_path_the_user_names_outside_the_repository_is_still_read(repo, tmp_path):
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text(example("sdr-to-ae"))
    done = cli(repo, elsewhere)
    assert done.returncode == 0 and "sdr-to-ae" in done.stdout, done


# --- issue 23: no worker process imports the pull request's modules ---------------------------------------

# The console script's shape: sys.path starts at the script's folder, not the working folder, and the
# start method is the one Python 3.14 (forkserver) or macOS (spawn) uses by default.
ENTRY = """import multiprocessing, sys
if __name__ == "__main__":
    multiprocessing.set_start_method(sys.argv.pop(1))
    from handoff_lint.cli import main
    main()
"""


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: no worker pool starts")
@pytest.mark.parametrize("start_method", ["spawn", "forkserver"])
@pytest.mark.parametrize("command", ["check", "report"])
def test_worker_processes_import_nothing_from_the_working_folder(repo, tmp_path, start_method, command):
    markers = tmp_path / "markers"
    markers.mkdir()
    files = {f"{HANDOFFS}/h{number}.md": example("sdr-to-ae") for number in range(20)}  # a pool from 16
    for name in ("multiprocessing.py", "concurrent/__init__.py", "yaml.py", "handoff_lint/__init__.py"):
        files[name] = f"open({str(markers / name.replace('/', '-'))!r}, 'w').close()\n"
    commit(repo, files, "a pull request with modules named like the workers' imports")
    entry = tmp_path / "bin" / "handoff-lint"
    entry.parent.mkdir()
    entry.write_text(ENTRY, encoding="utf-8")
    args = ["--format", "markdown", "--history", "5"] if command == "report" else ["--format", "json"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_", "PYTHON"))}
    done = subprocess.run(
        [sys.executable, str(entry), start_method, command, "-j", "2", "--no-cache", *args, HANDOFFS],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    linted = "h19.md" if command == "check" else " | 21 | 100% | "  # every file, and the history's week
    assert done.returncode == 0 and linted in done.stdout, done
    assert sorted(p.name for p in markers.iterdir()) == []


# --- issue 23: no output file is written through a committed symlink ------------------------------------

OUTPUTS = {  # what the command writes -> (the command, the path the PR commits as a link)
    "check -o": (["--format", "json", "-o", "report.json"], "report.json"),
    "check --summary-file": (["--format", "github", "--summary-file", "summary.md"], "summary.md"),
    "report's default output": (["report"], "handoff-report.html"),
    "report -o into a linked folder": (["report", "-o", "site/report.html"], "site"),
    "merge -o": (["merge", "{shard}", "-o", "merged.json"], "merged.json"),
    "new -o": (["new", "sales-to-cs", "--company", "Acme", "-o", "notes/acme.md"], "notes"),
    "new -o into a new folder under a linked one": (
        ["new", "sales-to-cs", "--company", "Acme", "-o", "notes/q3/acme.md"],
        "notes",
    ),
}


@pytest.mark.parametrize("what", OUTPUTS)
def test_output_is_never_written_through_a_committed_symlink(repo, outside, what):
    args, name = OUTPUTS[what]
    victim = outside / ("folder" if "/" in args[-1] else "victim")
    if victim.name == "folder":
        victim.mkdir()
    else:
        victim.write_text("untouched\n")
    link(repo, name, victim)
    shard = outside.parent / "shard.json"
    assert cli(repo, "--format", "json", "-o", shard).returncode == 0  # a path outside, named by the user
    before = sorted(p.relative_to(outside) for p in outside.rglob("*"))
    done = cli(repo, *[arg.format(shard=shard) for arg in args])
    assert done.returncode == 2, done
    assert done.stderr.startswith(f"handoff-lint: error: cannot write {args[-1] if '-o' in args else name}")
    assert done.stderr.count("\n") == 1 and "not written" in done.stderr, done.stderr
    named = any(name in arg for arg in args)
    assert named or "(choose the file with -o)" in done.stderr  # a default output: say how to name one
    assert sorted(p.relative_to(outside) for p in outside.rglob("*")) == before
    if victim.is_file():
        assert victim.read_text() == "untouched\n"


def test_report_default_output_from_the_folder_above_the_repository(repo):
    """``report --config s/pyproject.toml s/docs/handoffs`` from the folder above: the default
    handoff-report.html lands in the working folder, which the config's repository does not bound."""
    commit(repo, {"pyproject.toml": "[tool.handoff-lint]\nthreshold = 70\n"}, "config")
    above = repo.parent
    done = cli(above, "report", "--config", f"{repo.name}/pyproject.toml", f"{repo.name}/{HANDOFFS}")
    assert done.returncode == 0, done.stderr
    assert (above / "handoff-report.html").read_text().startswith("<!DOCTYPE html>")


def test_output_outside_the_repository_named_by_the_user_is_written(repo, outside):
    summary = outside / "step-summary.md"  # $GITHUB_STEP_SUMMARY lies outside the workspace
    done = cli(repo, "--format", "github", "--summary-file", summary, "-o", outside / "out.txt")
    assert done.returncode == 0, done
    assert summary.read_text().startswith("### handoff-lint") and (outside / "out.txt").read_text()


# --- items 3 and 4: the cache answers only for the same bytes at the same place ---------------------------


def test_cache_stores_the_result_of_the_bytes_it_hashed(run, tmp_path, monkeypatch):
    """A file changed between the runner's read and the linter's (an editor saving, a checkout) must
    not leave one content's result under the other's digest: a later run would trust it."""
    from handoff_lint.engine import linter as linter_module

    good = example("sales-to-cs")
    company = next(line for line in good.splitlines() if line.startswith("| Company |"))
    bad = good.replace(company, "| Company | TBD |")  # an empty required field: FAIL
    target = tmp_path / HANDOFFS / "a.md"
    target.parent.mkdir(parents=True)
    target.write_text(bad)
    real_lint = linter_module.Linter.lint

    def lint_after_a_concurrent_save(self, path, data=None):
        target.write_text(good)  # the file changes on disk while it is being linted
        return real_lint(self, path, data)

    monkeypatch.setattr(linter_module.Linter, "lint", lint_after_a_concurrent_save)
    first = run(HANDOFFS, "--jobs", "1", "--format", "json", cwd=tmp_path)
    monkeypatch.setattr(linter_module.Linter, "lint", real_lint)
    target.write_text(bad)  # the bad content is back: the cache must say FAIL, as a fresh lint does
    fresh = run(HANDOFFS, "--format", "json", "--no-cache", cwd=tmp_path)
    cached = run(HANDOFFS, "--format", "json", cwd=tmp_path)
    assert fresh.json()["files"][0]["passed"] is False
    assert cached.json()["files"][0] == fresh.json()["files"][0]
    assert first.code in (0, 1)


def test_cache_key_is_where_the_file_is_not_how_it_was_typed(tmp_path):
    """The same relative path typed from two folders: their types (and verdicts) differ by ``types`` globs."""
    (tmp_path / ".git").mkdir()  # the folder is a repository root
    (tmp_path / ".handoff-lint.toml").write_text('[severity]\nHL201 = "warning"\n\n[types]\n"b/**" = "sales-to-cs"\n')
    text = example("sdr-to-ae").replace("type: sdr-to-ae\n", "")
    for team in ("a", "b"):
        (tmp_path / team / "docs").mkdir(parents=True)
        (tmp_path / team / "docs" / "x.md").write_text(text)
    verdicts = {}
    for cache in ("--no-cache", None):
        for team in ("a", "b"):
            done = cli(tmp_path / team, "docs/x.md", "--format", "json", *([cache] if cache else []))
            result = json.loads(done.stdout)["files"][0]
            verdicts[(cache, team)] = (result["type"], result["score"], result["passed"])
    assert verdicts[("--no-cache", "a")] != verdicts[("--no-cache", "b")], verdicts
    assert verdicts[(None, "a")] == verdicts[("--no-cache", "a")]
    assert verdicts[(None, "b")] == verdicts[("--no-cache", "b")]


def test_symlink_alias_typed_by_another_glob_has_its_own_cache_entry(repo):
    """b/x.md -> ../a/x.md: the same bytes at the same real place, typed cs-to-sales by its own glob."""
    text = example("sales-to-cs").replace("type: sales-to-cs\n", "")
    config = '[types]\n"team-b/**" = "cs-to-sales"\n"team-a/**" = "sales-to-cs"\n'
    commit(repo, {".handoff-lint.toml": config, "team-a/x.md": text}, "team a")
    link(repo, "team-b/x.md", Path("../team-a/x.md"))

    def verdicts(*cache: str) -> dict:
        done = cli(repo, "team-a", "team-b", "--format", "json", *cache)
        assert done.returncode in (0, 1), done
        return {f["path"]: (f["type"], f["score"], f["passed"]) for f in json.loads(done.stdout)["files"]}

    fresh = verdicts("--no-cache")
    assert fresh["team-a/x.md"][0] == "sales-to-cs" and fresh["team-b/x.md"][0] == "cs-to-sales", fresh
    assert verdicts() == fresh  # the first run fills the cache
    assert verdicts() == fresh  # the second answers from it


@pytest.mark.parametrize("where", ["outside", "dev-zero"])
def test_team_type_file_linked_outside_the_repository_is_refused(repo, outside, where):
    schema = (REPO / "schemas" / "sdr-to-ae.schema.json").read_text(encoding="utf-8")
    (outside / "partner.schema.json").write_text(schema.replace("sdr-to-ae", f"partner-{SECRET}"))
    target = outside / "partner.schema.json" if where == "outside" else Path("/dev/zero")
    commit(
        repo,
        {
            "team-types/own.schema.json": schema.replace("sdr-to-ae", "own"),
            ".handoff-lint.toml": 'schema-dirs = ["team-types"]\n',
        },
        "types",
    )
    link(repo, "team-types/partner.schema.json", target)
    for args in (["types"], ["--format", "json"]):
        done = limited(repo, *args)
        assert done.returncode == 2, done
        assert "partner.schema.json: a symlink to a place outside the repository; not read" in done.stderr
        assert done.stderr.count("\n") == 1 and SECRET not in done.stdout + done.stderr


@pytest.mark.parametrize("year, stamp", [(5000, 95617584000), (9999, 253402214400), (1970, 1)])
def test_history_over_a_commit_with_an_impossible_date_is_bounded(repo, year, stamp):
    """Anyone can date a commit in the year 5000 (156,000 weekly rows), 9999 (past datetime's range) or
    1970 (56 years of weeks): the trend stays short and says what it did."""
    import time

    text = example("sales-to-cs")
    dated = {"GIT_AUTHOR_DATE": f"@{stamp} +0000", "GIT_COMMITTER_DATE": f"@{stamp} +0000"}
    (repo / HANDOFFS / "good.md").write_text(text.replace("## Risk Flags", "## Risk Flags\n\nTBD\n"))
    subprocess.run(["git", "commit", "-q", "-am", "odd date"], cwd=repo, env={**os.environ, **dated}, check=True)
    commit(repo, {f"{HANDOFFS}/good.md": text}, "today")
    for output in (["--format", "markdown"], ["-o", repo.parent / "report.html"]):
        started = time.monotonic()
        done = limited(repo, "report", "--history", "300", *output, HANDOFFS)
        assert done.returncode == 0 and time.monotonic() - started < 10, done
        note = "1 commit(s) dated before 1970 or after today" if year > 2026 else "only the last 520 weeks"
        assert f"handoff-lint: --history: {note}" in done.stderr, done.stderr
    page = limited(repo, "report", "--history", "300", "--format", "markdown").stdout
    weeks = re.findall(r"^\| (\d{4})-\d\d-\d\d \|", page, re.M)
    assert 1 <= len(weeks) <= 520 and str(year) not in weeks, weeks


def dated_commit(repo: Path, files: dict[str, str], stamp: int) -> None:
    dated = {"GIT_AUTHOR_DATE": f"@{stamp} +0000", "GIT_COMMITTER_DATE": f"@{stamp} +0000"}
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", *files)
    subprocess.run(["git", "commit", "-q", "-m", "dated"], cwd=repo, env={**os.environ, **dated}, check=True)


JANUARY_5_1970 = 4 * 24 * 3600


def test_history_window_counts_back_from_the_newest_date_when_dates_go_backwards(repo):
    """A commit can be dated before its parent: HEAD dated 1970-01-05 after a 2026 commit made
    ``--history 4w`` print 2970 weekly rows. The window counts back from the newest date."""
    dated_commit(repo, {f"{HANDOFFS}/second.md": example("sdr-to-ae")}, JANUARY_5_1970)
    done = limited(repo, "report", "--history", "4w", "--format", "markdown", HANDOFFS)
    weeks = re.findall(r"^\| (\d{4})-\d\d-\d\d \| (\d+) \|", done.stdout, re.M)
    assert done.returncode == 0 and 1 <= len(weeks) <= 4 and "1970" not in dict(weeks), done.stdout


def test_history_keeps_the_changes_of_a_commit_dated_before_the_window(repo):
    """A commit dated 1970 between two of today's is left out of the weekly rows, but what it changed
    (a second handoff added) is still in the tree of the commits after it."""
    dated_commit(repo, {f"{HANDOFFS}/second.md": example("sdr-to-ae")}, JANUARY_5_1970)
    commit(repo, {f"{HANDOFFS}/good.md": example("sales-to-cs") + "\n"}, "today again")
    done = limited(repo, "report", "--history", "4w", "--format", "markdown", HANDOFFS)
    weeks = re.findall(r"^\| (\d{4})-\d\d-\d\d \| (\d+) \|", done.stdout, re.M)
    assert done.returncode == 0 and weeks and weeks[-1] == (weeks[-1][0], "2") and "1970" not in dict(weeks), weeks


def test_history_reads_no_version_over_the_size_limit(repo):
    """An old version over max-file-kib is not read from git: it counts as the file on disk would (HL003)."""
    commit(repo, {".handoff-lint.toml": "max-file-kib = 64\n", f"{HANDOFFS}/good.md": "x" * 100_000}, "huge")
    done = limited(repo, "report", "--format", "markdown", "--history", "300", HANDOFFS)
    checked = limited(repo, "--format", "json", HANDOFFS)
    assert done.returncode == 0 and json.loads(checked.stdout)["files"][0]["findings"][0]["code"] == "HL003"
    assert re.search(r"^\| \d{4}-\d\d-\d\d \| 1 \| 0% \| — \|", done.stdout, re.M), done.stdout


def many_versions(repo: Path, count: int, size: int) -> None:
    """``count`` commits, each a new version of one ``size``-byte handoff (git fast-import: seconds, not minutes)."""
    stream, head = bytearray(), example("sales-to-cs")
    start = int(git(repo, "log", "-1", "--format=%ct").strip())
    for number in range(count):
        filler = "".join(f"- note {line} of version {number}\n" for line in range(size // 24))
        body = (head + filler)[:size].encode()
        stamp = start + number + 1
        stream += f"commit refs/heads/main\ncommitter T <t@e.com> {stamp} +0000\ndata 1\nv\n".encode()
        stream += b"from refs/heads/main^0\n" if number == 0 else b""
        stream += f"M 100644 inline {HANDOFFS}/good.md\ndata {len(body)}\n".encode() + body + b"\n"
    git(repo, "config", "core.bigFileThreshold", "1m")  # packed without delta search: the build stays fast
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=bytes(stream), check=True)
    git(repo, "reset", "-q", "--hard", "main")


def test_history_memory_does_not_grow_with_the_number_of_old_versions(repo):
    """Many large old versions (a busy year, or a PR that commits them on purpose) are read one at a time,
    linted in bounded batches and within a per-run budget: 24 versions of 8 MB run in 400 MB of address
    space (holding them all took twice their size), and stderr says how many were left out."""
    commit(repo, {".handoff-lint.toml": "max-file-kib = 16384\n"}, "large files allowed")
    many_versions(repo, 24, 8 << 20)
    args = ("report", "--history", "300", "--format", "markdown", "--no-cache", "-j1", HANDOFFS)
    done = cli(repo, *args, memory=400 << 20, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert re.search(r"--history: \d+ older version\(s\) not scored: one run reads at most 64 MiB", done.stderr)
    assert re.search(r"^\| \d{4}-\d\d-\d\d \| 1 \|", done.stdout, re.M), done.stdout


# --- items 5 and 6: a committed or damaged cache folder --------------------------------------------------


@pytest.mark.parametrize(
    "what", [".handoff-lint-cache", ".handoff-lint-cache/.gitignore", ".handoff-lint-cache/results.json"]
)
def test_cache_never_writes_or_reads_through_a_committed_symlink(repo, outside, what):
    victim = outside / ("cache-folder" if what == ".handoff-lint-cache" else "victim")
    if what == ".handoff-lint-cache":
        victim.mkdir()
    elif what.endswith("results.json"):
        victim.write_text("untouched\n")
    # else a dangling .gitignore link: writing it would create the victim outside
    link(repo, what, victim)
    before = sorted(p.name for p in outside.rglob("*"))
    first = cli(repo, "--format", "json")
    second = cli(repo, "--format", "json")
    assert first.returncode == 0 and second.stdout == first.stdout, (first, second)
    assert sorted(p.name for p in outside.rglob("*")) == before
    if what.endswith("results.json"):
        assert victim.read_text() == "untouched\n"
    assert not (outside / "victim").exists() or what.endswith("results.json")
    assert (repo / what).is_symlink()


def limited(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """The CLI with 2 GiB at most."""
    return cli(cwd, *args, memory=2 << 30)


PLANTED = "Planted " + "x" * 300  # past the 80 characters a sender's name is cut to


@pytest.mark.parametrize(
    "how, entry",
    [
        ("committed", PLANTED),  # a PR commits the file to name someone else as the sender
        ("committed", "Mallory"),
        ("left untracked", PLANTED),  # any entry is checked as a fresh read would make it
        ("left untracked", ["Mallory", True]),  # the shape of an older cache
    ],
)
def test_report_sender_cache_cannot_be_planted(repo, how, entry):
    """The report caches each file's sender; a planted entry must not change the report."""
    args = ("report", "--format", "markdown", HANDOFFS)
    honest = cli(repo, *args, "--no-cache").stdout
    assert cli(repo, *args).stdout == honest  # writes the cache with this installation's fingerprint
    path = repo / ".handoff-lint-cache" / "senders.json"
    stored = json.loads(path.read_text())
    stored["senders"] = dict.fromkeys(stored["senders"], entry)
    path.write_text(json.dumps(stored))
    if how == "committed":
        git(repo, "add", "-f", path.relative_to(repo))
        git(repo, "commit", "-q", "-m", "plant the sender cache")
    done = cli(repo, *args)
    assert done.returncode == 0 and done.stdout == honest, done.stdout
    assert "**1** ready handoffs" in done.stdout and "Planted" not in done.stdout


REPORT_CACHE_LINKS = {  # the link a PR commits -> where it points
    ".handoff-lint-cache": "folder",
    ".handoff-lint-cache/history": "folder",
    ".handoff-lint-cache/senders.json": "file",
    ".handoff-lint-cache/senders.json ": "/dev/zero",
    ".handoff-lint-cache/history/results.json": "/dev/zero",
    ".handoff-lint-cache/results.json": "/dev/zero",
}


@pytest.mark.parametrize("name", REPORT_CACHE_LINKS)
def test_report_cache_and_history_never_follow_a_committed_symlink(repo, outside, name):
    target = REPORT_CACHE_LINKS[name]
    name = name.strip()
    if target == "folder":
        victim = outside / "cache-folder"
        victim.mkdir()
    elif target == "file":
        victim = outside / "victim"
        victim.write_text("untouched\n")
    else:
        victim = Path(target)
    link(repo, name, victim)
    before = sorted(p.relative_to(outside) for p in outside.rglob("*"))
    args = ("report", "--format", "markdown", "--history", "5", HANDOFFS)
    expected = limited(repo, *args, "--no-cache")
    for _ in range(2):  # the first run writes the caches, the second reads them
        done = limited(repo, *args)
        assert done.returncode == 0 and done.stdout == expected.stdout and done.stderr == "", done
    assert sorted(p.relative_to(outside) for p in outside.rglob("*")) == before
    if target == "file":
        assert victim.read_text() == "untouched\n"
    assert (repo / name).is_symlink()


@pytest.mark.parametrize("switch_off", ['ignore = ["HL004"]', 'select = ["HL3"]'])
def test_repository_boundary_holds_with_its_rule_switched_off(repo, outside, switch_off):
    secret = outside / "handoff.md"
    secret.write_text(f"---\nfrom: {SECRET}\n---\n# Customer Handoff: x\n\n**AE:** {SECRET}\n")
    link(repo, f"{HANDOFFS}/x.md", secret)
    commit(repo, {".handoff-lint.toml": switch_off + "\n"}, "the rule off")
    page = outside.parent / "report.html"
    runs = [
        cli(repo, "report", "--format", "markdown", HANDOFFS),
        cli(repo, "report", "--no-cache", "--format", "markdown", HANDOFFS),
        cli(repo, "report", "-o", page, HANDOFFS),
        cli(repo, "--format", "json", HANDOFFS),
    ]
    for done in runs:
        assert done.returncode in (0, 1) and SECRET not in done.stdout + done.stderr, done
    assert "x.md" in runs[0].stdout and "| unknown |" in runs[0].stdout
    assert SECRET not in page.read_text(encoding="utf-8")
    assert not (repo / ".handoff-lint-cache" / "senders.json").read_text().count(SECRET)


def test_damaged_cache_is_ignored_and_replaced(repo):
    cache = repo / ".handoff-lint-cache"
    cache.mkdir()
    (cache / "results.json").write_text("[" * 100_000)
    expected = cli(repo, "--format", "json", "--no-cache").stdout
    done = cli(repo, "--format", "json")
    assert done.returncode == 0 and done.stdout == expected, done
    assert json.loads((cache / "results.json").read_text())["entries"]


def test_a_folder_named_like_the_cache_file_leaves_nothing_behind(repo):
    cache = repo / ".handoff-lint-cache"
    (cache / "results.json").mkdir(parents=True)
    for _ in range(3):
        done = cli(repo, "--format", "json")
        assert done.returncode == 0, done
    assert [p.name for p in cache.iterdir()] == ["results.json"]
    assert (cache / "results.json").is_dir()


# --- item 7: no workflow command from a handoff's text or name -------------------------------------------


@pytest.mark.parametrize(
    "form",
    ["text: ##[ anywhere", "text: :: at a line start", "name: starts with ::", "name: ##[ inside"],
)
def test_github_format_writes_no_command_from_the_pull_request(repo, form):
    text = example("sales-to-cs")
    name = f"{HANDOFFS}/evil.md"
    if form == "text: ##[ anywhere":
        text = text.replace("## Risk Flags", "## Risk Flags ##[error]heading") + "\n## ##[set-output name=x]y\n"
        text = text.replace("customer: ", 'customer: "##[error]front" #', 1)
    elif form == "text: :: at a line start":
        text += "\n## ::error::heading\n\n- TBD\n  ::warning::item\n"
    elif form == "name: starts with ::":
        name = "::error file=x::pwned.md"  # each finding's log line starts with the path
        text += "\n## Notes\n\nTBD\n"
    else:
        name = f"{HANDOFFS}/##[error]pwned.md"
        text += "\n## Notes\n\nTBD\n"
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "--literal-pathspecs", "add", name)  # a name starting with ":" is pathspec magic otherwise
    git(repo, "commit", "-q", "-m", "evil")
    env = {"GITHUB_ACTIONS": "true"}
    target = name if name.startswith("::") else HANDOFFS
    summary = repo / "summary.md"
    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "--summary-file", str(summary), "--", target],
        cwd=repo,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")}, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode in (0, 1), done
    assert "pwned" in done.stdout or "heading" in done.stdout or "front" in done.stdout or "item" in done.stdout
    assert commands_left(done.stdout) == []


# --- item 8: a finding, never exit 2, for what a PR can commit ---------------------------------------------


def test_huge_hex_date_is_a_finding(repo):
    text = example("sales-to-cs").replace("date: ", "date: 0x" + "f" * 4000 + "\nold_date: ", 1)
    commit(repo, {f"{HANDOFFS}/hex.md": text}, "hex date")
    done = cli(repo, f"{HANDOFFS}/hex.md")
    assert done.returncode == 1, done
    assert "HL202 frontmatter 'date': '0xfff" in done.stdout and len(max(done.stdout.splitlines(), key=len)) < 400


@pytest.mark.parametrize("fmt", ["sarif", "json", "junit", "github", "text", "markdown"])
def test_file_name_with_a_non_utf8_byte_is_reported(repo, fmt):
    name = os.fsdecode(HANDOFFS.encode() + b"/bad-\xff-name.md")
    text = example("sales-to-cs").replace("## Risk Flags", "## Risk Flags\n\nTBD\n")
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "odd name")
    report = repo.parent / f"report.{fmt}"
    done = cli(repo, HANDOFFS, "--format", fmt, "--output-file", report)
    assert done.returncode == 1, done
    data = report.read_bytes()
    if fmt == "sarif":
        log = json.loads(data.decode("utf-8"))  # valid UTF-8 and JSON
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
        assert uris == {f"{HANDOFFS}/bad-%FF-name.md"}
    elif fmt == "json":  # valid UTF-8; the byte is a \udcff escape that gives the name back
        paths = {os.fsencode(f["path"]) for f in json.loads(data.decode("utf-8"))["files"]}
        assert HANDOFFS.encode() + b"/bad-\xff-name.md" in paths
    else:  # valid UTF-8 (JUnit: well-formed XML), the byte shown as an escape
        text = data.decode("utf-8")
        if fmt == "junit":
            ET.fromstring(data)
        assert ("bad-&#92;xff-name.md" if fmt == "markdown" else "bad-\\xff-name.md") in text


# --- docs/ci.md: each promise names the tests that hold it -------------------------------------------------

PROMISES = (
    "Nothing from the PR is executed.",
    "Nothing outside the workspace is read or written.",
    "No untrusted text becomes a workflow command or terminal control.",
    "Every input is bounded in time and memory.",
)


def test_every_security_promise_names_tests_that_exist():
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    section = text[text.index("### Security\n") :]
    section = section[: section.index("\n## ")]
    bullets = dict(re.findall(r"^- \*\*(.+?)\*\*(.*?)(?=^- \*\*|^\S|\Z)", section, re.M | re.S))
    assert list(bullets) == list(PROMISES)
    for promise, body in bullets.items():
        cited = re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", body)
        assert cited, promise
        for path, name in cited:
            assert f"\ndef {name}(" in (REPO / path).read_text(encoding="utf-8"), f"{promise}: {path}::{name}"
