"""--changed-since and --baseline on real git repositories: a base branch and a pull-request branch.

The PR branch modifies, renames, deletes and adds handoffs; after it branched, the base branch
moves on (a change the PR must not be blamed or credited for: the merge base is the reference).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import git
from support.pull_request import CONFIG, HANDOFFS, commit, example, pull_request_history

if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    # When the suite runs inside a git hook, GIT_DIR would point our git calls at the outer repository.
    for name in [k for k in os.environ if k.startswith("GIT_")]:
        monkeypatch.delenv(name)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # the tests choose the format themselves


def make_pr_repo(root: Path) -> Path:
    """main: five handoffs and a config. feature: modify, rename, delete, add. Then main moves on."""
    repo = root / "project"
    repo.mkdir(parents=True)
    pull_request_history(repo, notes=True)
    git(repo, "checkout", "-q", "feature")
    return repo


@pytest.fixture
def pr_repo(tmp_path) -> Path:
    return make_pr_repo(tmp_path)


def by_path(r) -> dict[str, dict]:
    return {f["path"]: f for f in r.json()["files"]}


def test_changed_since_lints_added_modified_and_renamed_handoffs_only(run, pr_repo):
    r = run("--changed-since", "main", "--format", "json", cwd=pr_repo)
    assert sorted(by_path(r)) == [f"{HANDOFFS}/{name}.md" for name in ("added", "modified", "new-name")], r
    # legacy.md fails, but neither the PR nor (after the merge base) main's later edit is the PR's doing.
    assert r.code == 0, r


def test_changed_since_within_given_paths_and_from_a_subfolder(run, pr_repo):
    docs = pr_repo / "docs"
    r = run("--changed-since", "main", "--format", "json", "handoffs/added.md", "handoffs/legacy.md", cwd=docs)
    assert list(by_path(r)) == ["handoffs/added.md"], r
    sarif = run("--changed-since", "main", "--format", "sarif", "handoffs", cwd=docs).json()
    uris = {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in sarif["runs"][0]["results"]}
    assert uris == {f"{HANDOFFS}/modified.md"}, "SARIF paths are relative to the repository root"
    # The changed line is known from a subfolder too: its finding is annotated before the older one above it.
    github = run("--changed-since", "main", "--format", "github", "handoffs", cwd=docs).out
    text = (pr_repo / HANDOFFS / "modified.md").read_text(encoding="utf-8")
    changed = text.splitlines().index("| Primary Contact | TBD |") + 1
    found = [line for line in github.splitlines() if line.startswith("::warning file=docs/handoffs/modified.md")]
    assert f",line={changed}," in found[0], github
    (docs / "handoffs" / "draft.md").write_text("# Lead Handoff: Draft\n", encoding="utf-8")  # untracked
    github = run("--changed-since", "main", "--format", "github", "handoffs", cwd=docs).out
    assert github.startswith(f"::error file={HANDOFFS}/draft.md,line=1,title=handoff-lint%3A score under"), github


def test_changed_since_counts_uncommitted_and_untracked_handoffs(run, pr_repo):
    (pr_repo / HANDOFFS / "draft.md").write_text(example("ae-to-se"), encoding="utf-8")
    r = run("--changed-since", "main", "--format", "json", cwd=pr_repo)
    assert f"{HANDOFFS}/draft.md" in by_path(r)


def test_baseline_reports_score_changes(run, pr_repo):
    r = run("--changed-since", "main", "--baseline", "main", "--format", "json", cwd=pr_repo)
    files = by_path(r)
    modified = files[f"{HANDOFFS}/modified.md"]
    assert modified["baseline"]["change"] < 0 and modified["baseline"]["score"] > modified["score"]
    assert modified["baseline"]["path"] == f"{HANDOFFS}/modified.md" and modified["passed"]
    renamed = files[f"{HANDOFFS}/new-name.md"]
    assert renamed["baseline"] == {
        "ref": "main",
        "path": f"{HANDOFFS}/old-name.md",
        "new": False,
        "score": renamed["score"],
        "change": 0,
    }
    added = files[f"{HANDOFFS}/added.md"]["baseline"]
    assert added["new"] and added["score"] is None and added["change"] is None
    assert r.code == 0, "a drop alone does not fail without --fail-on-regression"


def test_baseline_in_the_text_status_line(run, pr_repo):
    out = run("--changed-since", "main", "--baseline", "main", "--no-color", cwd=pr_repo).out
    modified = rf"^{HANDOFFS}/modified.md: sales-to-cs \d+/100 PASS \(threshold 70, was \d+ at main: -\d+\)$"
    assert re.search(modified, out, re.M)
    assert re.search(rf"^{HANDOFFS}/added.md: sdr-to-ae \d+/100 PASS \(threshold 70, new since main\)$", out, re.M)
    assert re.search(rf"^{HANDOFFS}/new-name.md: .*, was \d+ at main: 0\)$", out, re.M)


def test_baseline_without_changed_since_covers_every_handoff(run, pr_repo):
    files = by_path(run("--baseline", "main", "--format", "json", cwd=pr_repo))
    assert files[f"{HANDOFFS}/legacy.md"]["baseline"]["path"] == f"{HANDOFFS}/legacy.md"
    assert len(files) == 4


def test_fail_on_regression_fails_a_drop_above_the_threshold(run, pr_repo):
    r = run("--changed-since", "main", "--baseline", "main", "--fail-on-regression", "--format", "json", cwd=pr_repo)
    assert r.code == 1, r
    passed = {path: f["passed"] for path, f in by_path(r).items()}
    assert passed == {f"{HANDOFFS}/added.md": True, f"{HANDOFFS}/modified.md": False, f"{HANDOFFS}/new-name.md": True}
    md = run(
        "--changed-since",
        "main",
        "--baseline",
        "main",
        "--fail-on-regression",
        "--format",
        "markdown",
        cwd=pr_repo,
    )
    row = next(line for line in md.out.splitlines() if "modified.md" in line and line.startswith("|"))
    assert re.search(r"❌ FAIL: score fell (\d+) → (\d+) \|", row) and re.search(r"\| -\d+ \|", row)


def test_changed_since_and_baseline_share_one_git_diff(run, pr_repo, tmp_path, monkeypatch):
    """Both options ask "what changed since the merge base with main?": git is asked once, through a
    wrapper on PATH that logs every git command handoff-lint runs."""
    log, folder = tmp_path / "git-calls.log", tmp_path / "bin"
    folder.mkdir()
    wrapper = folder / "git"
    wrapper.write_text(f'#!/bin/sh\nprintf \'%s\\n\' "$*" >> "{log}"\nexec "{shutil.which("git")}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    args = ("--changed-since", "main", "--baseline", "main", "--fail-on-regression", "--format", "json", "--no-cache")
    r = run(*args, cwd=pr_repo)
    assert r.code != 2, r.err
    files = by_path(r)
    assert sorted(files) == [f"{HANDOFFS}/{name}.md" for name in ("added", "modified", "new-name")], r
    assert files[f"{HANDOFFS}/modified.md"]["baseline"]["change"] < 0 and r.code == 1
    calls = log.read_text(encoding="utf-8").splitlines()
    assert sum(" diff --name-status " in call for call in calls) == 1, calls
    assert sum(" merge-base " in call for call in calls) == 1, calls
    assert sum(" ls-files --others " in call for call in calls) == 1, calls


def test_new_handoffs_must_meet_the_threshold(run, pr_repo):
    commit(pr_repo, {f"{HANDOFFS}/thin.md": "---\ntype: sdr-to-ae\n---\n# Lead Handoff: Thin\n"}, "a thin one")
    r = run("--changed-since", "main", "--baseline", "main", "--fail-on-regression", "--format", "json", cwd=pr_repo)
    thin = by_path(r)[f"{HANDOFFS}/thin.md"]
    assert thin["baseline"]["new"] and not thin["passed"] and r.code == 1


def test_a_config_change_lints_every_handoff(run, pr_repo):
    commit(pr_repo, {".handoff-lint.toml": CONFIG.replace("paths", "threshold = 60\npaths")}, "config")
    r = run("--changed-since", "main", "--format", "json", cwd=pr_repo)
    assert f"{HANDOFFS}/legacy.md" in by_path(r) and r.code == 1
    assert "configuration (.handoff-lint.toml) changed since main: checking every handoff" in r.err


def test_an_unrelated_pyproject_change_does_not(run, tmp_path):
    repo = tmp_path / "p"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    settings = f'[tool.handoff-lint]\npaths = ["{HANDOFFS}"]\n'
    commit(repo, {"pyproject.toml": settings, f"{HANDOFFS}/a.md": example("sdr-to-ae")}, "base")
    commit(repo, {"pyproject.toml": '[project]\nname = "x"\n\n' + settings}, "unrelated")
    r = run("--changed-since", "HEAD~1", "--format", "json", cwd=repo)
    assert by_path(r) == {} and r.err == ""


def test_changed_lines_are_annotated_first(run, tmp_path):
    """More errors than GitHub shows: the one on the line the PR changed is annotated, though it comes last."""
    repo = tmp_path / "p"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    rows = "".join(f"| Extra {i} | TBD |\n" for i in range(15))  # 15 old placeholder errors near the top
    old = example("sales-to-cs").replace("| Technical Lead |", rows + "| Technical Lead |", 1)
    commit(repo, {".handoff-lint.toml": f'paths = ["{HANDOFFS}"]\n', f"{HANDOFFS}/x.md": old}, "base")
    git(repo, "checkout", "-q", "-b", "feature")
    new = old.replace("| Full rollout | 2027-03-01 |", "| Full rollout | TBD |")
    assert new != old
    commit(repo, {f"{HANDOFFS}/x.md": new}, "the pull request")
    changed_line = new.splitlines().index("| Full rollout | TBD |") + 1

    r = run("--changed-since", "main", "--format", "github", cwd=repo)
    errors = [line for line in r.out.splitlines() if line.startswith("::error ")]
    assert len(errors) == 10, r
    # The failing handoff's own verdict first (line 1), then the error on the line the PR changed.
    assert errors[0].startswith(f"::error file={HANDOFFS}/x.md,line=1,title=handoff-lint%3A fails on placeholder::")
    assert errors[1].startswith(f"::error file={HANDOFFS}/x.md,line={changed_line},"), r
    total = len(run("--changed-since", "main", "--format", "json", cwd=repo).json()["files"][0]["findings"])
    annotated = sum(",title=HL" in line for line in r.out.splitlines() if line.startswith("::"))
    assert f"{total - annotated} more findings not annotated" in r.out, r
    # Without --changed-since nothing is known about the diff: the first lines come first.
    plain = [line for line in run("--format", "github", cwd=repo).out.splitlines() if line.startswith("::error ")]
    assert not any(f",line={changed_line}," in line for line in plain)


def test_git_errors_are_one_line_and_exit_2(run, tmp_path, pr_repo):
    (tmp_path / "plain").mkdir()
    for args, cwd, expected in (
        (("--changed-since", "main"), tmp_path / "plain", "cannot find the git repository: not a git repository"),
        (("--changed-since", "no-such-branch"), pr_repo, "unknown git ref 'no-such-branch'"),
        (("--baseline", "no-such-branch"), pr_repo, "unknown git ref 'no-such-branch'"),
        (("--baseline", "--format"), pr_repo, "not a git ref: '--format'"),
        (("--fail-on-regression",), pr_repo, "--fail-on-regression needs --baseline REF"),
    ):
        r = run(*args, cwd=cwd)
        assert r.code == 2, r
        assert r.err.startswith("handoff-lint: error: ") and expected in r.err, r
        assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err, r


def test_no_common_history_is_a_clear_error(run, pr_repo):
    git(pr_repo, "checkout", "-q", "--orphan", "island")
    commit(pr_repo, {"x.md": "x"}, "unrelated history")
    r = run("--changed-since", "main", cwd=pr_repo)
    assert r.code == 2 and "HEAD and 'main' have no common history" in r.err, r


def test_json_shape_is_unchanged_without_baseline(run, pr_repo, tmp_path):
    r = run("--format", "json", cwd=pr_repo)
    files = r.json()["files"]
    assert r.out == json.dumps(r.json(), indent=2, ensure_ascii=False) + "\n"
    # The same keys as for a handoff outside any git repository: no baseline, no change.
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "h.md").write_text(example("sdr-to-ae"), encoding="utf-8")
    keys = set(run(outside / "h.md", "--format", "json").json()["files"][0])
    assert "baseline" not in keys and len(files) >= 3
    assert [sorted(f) for f in files] == [sorted(keys)] * len(files)
