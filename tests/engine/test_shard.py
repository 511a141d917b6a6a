"""``check --shard I/N`` and ``merge``: a full re-lint split over N CI jobs, joined again in a last one.

Driven through the CLI as a CI job runs it. The shards partition the files (each file in exactly
one shard), a file's shard is a function of its repository path alone (adding files moves none),
and the merged JSON and SARIF of all shards equal the unsharded run's, with files in path order.
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

from conftest import EXAMPLES, REPO, git
from handoff_lint.engine.shard import shard_key, shard_of

EXAMPLE_FILES = sorted(EXAMPLES.rglob("*.md"))


def make_corpus(root: Path, folders: list[str]) -> list[str]:
    """Every example handoff in each folder (names prefixed by the folder): repository paths."""
    paths = []
    for folder in folders:
        for source in EXAMPLE_FILES:
            target = root / folder / f"{folder.replace('/', '-')}-{source.parent.name}-{source.name}"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
            paths.append(target.relative_to(root).as_posix())
    return sorted(paths)


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)  # the repository's top, as far as the shard key goes
    (root / ".handoff-lint.toml").write_text('paths = ["handoffs"]\n', encoding="utf-8")
    return root, make_corpus(root, ["handoffs/emea", "handoffs/us/west", "handoffs/us/east"])


def shard_files(run, root: Path, index: int, total: int, *extra) -> tuple[list[str], str]:
    r = run("check", "--shard", f"{index}/{total}", "--format", "json", "-j", "1", *extra, cwd=root)
    assert r.code in (0, 1), r
    return [f["path"] for f in r.json()["files"]], r.err


def test_shards_partition_the_files(run, corpus):
    root, paths = corpus
    for total in range(1, 6):
        shards = [shard_files(run, root, index, total)[0] for index in range(1, total + 1)]
        linted = [path for shard in shards for path in shard]
        assert sorted(linted) == paths, f"N={total}: every file in exactly one shard"
        if total > 1:
            assert all(shards), f"N={total}: {len(paths)} files leave no shard empty"


def test_the_summary_says_which_shard(run, corpus):
    root, paths = corpus
    files, err = shard_files(run, root, 2, 4)
    assert f"handoff-lint: shard 2/4: {len(files)} of {len(paths)} files" in err
    text = run("check", "--shard", "2/4", "-j", "1", cwd=root)
    assert f"shard 2/4: {len(files)} of {len(paths)} files" in text.err
    assert text.out.count("handoffs/") >= len(files)


def test_adding_files_moves_no_file(run, corpus):
    root, paths = corpus
    before = {path: index for index in range(1, 5) for path in shard_files(run, root, index, 4)[0]}
    added = make_corpus(root, ["handoffs/apac", "handoffs/us/west/new"])
    after = {path: index for index in range(1, 5) for path in shard_files(run, root, index, 4)[0]}
    assert sorted(after) == sorted(paths + added)
    assert {path: after[path] for path in before} == before


def test_a_files_shard_is_its_repository_paths_hash(run, corpus, monkeypatch):
    """The same shards from another working folder or with the paths named otherwise; not hash()."""
    root, paths = corpus
    expected = {path: shard_of(path, 3) for path in paths}
    for index in range(1, 4):
        files, _ = shard_files(run, root, index, 3)
        assert {expected[path] for path in files} == {index}
        # From a subfolder, naming the files by absolute path: the keys are still repository paths.
        sub = root / "handoffs" / "us"
        r = run("check", "--shard", f"{index}/3", "--format", "json", "-j", "1", root / "handoffs", cwd=sub)
        named = {Path(f["path"]).resolve().relative_to(root.resolve()).as_posix() for f in r.json()["files"]}
        assert named == set(files)
    assert shard_key(str(root / "handoffs" / "emea" / "x.md"), str(root)) == "handoffs/emea/x.md"
    # SHA-1 of the UTF-8 path, modulo N: pinned, so a change of hash would show here.
    assert [shard_of("docs/handoffs/acme.md", n) for n in (1, 2, 3, 4, 5)] == PINNED
    code = "from handoff_lint.engine.shard import shard_of; print(shard_of('docs/handoffs/acme.md', 5))"
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
        assert int(out) == PINNED[-1]


PINNED = [1, 2, 2, 4, 2]  # int(sha1(b"docs/handoffs/acme.md").hexdigest()[:16], 16) % n + 1


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0/4", "I must be between 1 and N (4)"),
        ("5/4", "I must be between 1 and N (4)"),
        ("1/0", "N must be at least 1"),
        ("2", "'2' is not I/N"),
        ("-1/4", "'-1/4' is not I/N"),
        ("a/b", "'a/b' is not I/N"),
        ("1/2/3", "'1/2/3' is not I/N"),
    ],
)
def test_a_bad_shard_is_a_usage_error(run, corpus, value, message):
    root, _paths = corpus
    r = run("check", "--shard", value, cwd=root)
    assert r.code == 2 and r.out == ""
    assert "Invalid value for '--shard'" in r.err and message in r.err


def by_path(files):
    return sorted(files, key=lambda f: f["path"])


def test_merged_json_equals_the_unsharded_run(run, corpus, tmp_path):
    root, paths = corpus
    whole = run("check", "--format", "json", "-j", "1", cwd=root).json()
    for total in (1, 3, 5):
        reports = []
        for index in range(1, total + 1):
            report = tmp_path / f"shard-{index}-of-{total}.json"
            r = run("check", "--shard", f"{index}/{total}", "--format", "json", "-j", "1", "-o", report, cwd=root)
            assert r.code in (0, 1)
            reports.append(report)
        merged = run("merge", *reports)
        assert merged.code == 0, merged
        merged = merged.json()
        assert [f["path"] for f in merged["files"]] == sorted(paths), "files in path order"
        assert merged["files"] == by_path(whole["files"])
        assert merged["summary"] == whole["summary"]
        assert {k: v for k, v in merged.items() if k not in ("files",)} == {
            k: v for k, v in whole.items() if k not in ("files",)
        }


def result_key(result):
    return result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]


def test_merged_sarif_equals_the_unsharded_run(run, corpus, tmp_path):
    root, _paths = corpus
    whole = run("check", "--format", "sarif", "-j", "1", cwd=root).json()
    reports = []
    for index in range(1, 4):
        report = tmp_path / f"shard-{index}.sarif"
        run("check", "--shard", f"{index}/3", "--format", "sarif", "-j", "1", "-o", report, cwd=root)
        reports.append(report)
    r = run("merge", *reports, "-o", tmp_path / "merged.sarif")
    assert r.code == 0 and r.out == "", r
    merged = json.loads((tmp_path / "merged.sarif").read_text(encoding="utf-8"))
    assert len(merged["runs"]) == 1
    (run_,) = whole["runs"]
    (merged_run,) = merged["runs"]
    assert merged_run["tool"] == run_["tool"]
    # Ordered by file (path order), each file's results in the order the run gave them.
    assert merged_run["results"] == sorted(run_["results"], key=result_key)
    handoffs = merged_run["properties"]["handoffs"]
    assert handoffs == sorted(run_["properties"]["handoffs"], key=lambda h: h["path"])
    assert {k: v for k, v in merged_run.items() if k not in ("results", "properties")} == {
        k: v for k, v in run_.items() if k not in ("results", "properties")
    }
    assert {k: v for k, v in merged.items() if k != "runs"} == {k: v for k, v in whole.items() if k != "runs"}


def test_merge_refuses_what_does_not_add_up(run, corpus, tmp_path):
    root, _paths = corpus
    one = tmp_path / "one.json"
    run("check", "--shard", "1/2", "--format", "json", "-j", "1", "-o", one, cwd=root)
    sarif = tmp_path / "one.sarif"
    run("check", "--shard", "2/2", "--format", "sarif", "-j", "1", "-o", sarif, cwd=root)
    twice = run("merge", one, one)
    assert twice.code == 2 and "is in more than one report (the same shard twice?)" in twice.err
    mixed = run("merge", one, sarif)
    assert mixed.code == 2 and "mix formats" in mixed.err
    other = tmp_path / "other.json"
    other.write_text('{"a": 1}', encoding="utf-8")
    assert "neither handoff-lint's JSON report nor a SARIF log" in run("merge", other).err
    junk = tmp_path / "junk.json"
    junk.write_text("not json", encoding="utf-8")
    assert run("merge", junk).code == 2 and "is not JSON" in run("merge", junk).err


# --- with --changed-since: a shard of the changed files -----------------------------------------


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_then_shard(run, tmp_path, monkeypatch):
    """--changed-since picks the changed files, --shard a stable part of those: the shards cover them."""
    for name in [k for k in os.environ if k.startswith("GIT_")]:
        monkeypatch.delenv(name)
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / ".handoff-lint.toml").write_text('paths = ["handoffs"]\n', encoding="utf-8")
    make_corpus(root, ["handoffs/a"])
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "pr")
    changed = make_corpus(root, ["handoffs/b", "handoffs/c"])
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "pr")
    unsharded = run("check", "--changed-since", "main", "--format", "json", "-j", "1", cwd=root).json()["files"]
    assert sorted(f["path"] for f in unsharded) == changed
    seen = []
    for index in range(1, 4):
        files, err = shard_files(run, root, index, 3, "--changed-since", "main")
        assert f"shard {index}/3: {len(files)} of {len(changed)} files" in err
        assert all(shard_of(path, 3) == index for path in files)
        seen += files
    assert sorted(seen) == changed


def test_check_help_names_the_option(run):
    assert "--shard I/N" in run("check", "--help").out
    assert "merge" in run("--help").out
    assert REPO.joinpath("docs", "ci.md").read_text(encoding="utf-8").count("--shard") >= 2


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed (.ci/run installs it)")
def test_the_documented_jq_merge_equals_merge(run, corpus, tmp_path):
    """docs/ci.md's jq one-liner, for those without handoff-lint at hand, gives merge's JSON."""
    root, _paths = corpus
    for index in (1, 2, 3):
        report = tmp_path / f"shard-{index}.json"
        run("check", "--shard", f"{index}/3", "--format", "json", "-j", "1", "-o", report, cwd=root)
    doc = REPO.joinpath("docs", "ci.md").read_text(encoding="utf-8")
    program = re.search(r"jq: `jq -s '(.*?)' shard-\*\.json`", doc, re.S).group(1).replace("\n", " ")
    reports = [str(tmp_path / f"shard-{index}.json") for index in (1, 2, 3)]
    done = subprocess.run(["jq", "-s", program, *reports], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == run("merge", *reports).json()
