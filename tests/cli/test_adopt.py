"""Adopting handoff-lint on a repository full of old handoffs (issue 24): ``init``, the baseline, drafts.

The main test plays the RevOps lead: a git repository with 30 handoffs written over a year in the
team's own formats (with and without frontmatter, typed by title, in a team folder whose files do
not say their type, one of no type at all), half of them failing, and the folder's README. ``init``
writes the config and the baseline; after the commit, an edit that leaves a failing handoff no
worse passes, and an edit that makes a passing one fail is stopped: through the CLI and through a
real ``pre-commit`` git hook (installed from this repository's HEAD, as in test_precommit.py).
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
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, git, good_example, write
from handoff_lint.engine.baseline_file import Entry
from handoff_lint.model.findings import Finding
from handoff_lint.model.results import FileResult
from support.drafts import DRAFT_CASES

if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

HANDOFFS = "docs/handoffs"
ADOPTING = REPO / "docs" / "adopting.md"
TYPES = ("sales-to-cs", "cs-to-sales", "sdr-to-ae", "ae-to-se", "sales-to-implementation")
TIMEOUT = 600
FRONTMATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for name in [k for k in os.environ if k.startswith("GIT_")]:
        monkeypatch.delenv(name)


def renamed(handoff_type: str, customer: str) -> str:
    """A good example of the type, about another customer."""
    text = good_example(handoff_type).read_text(encoding="utf-8")
    title = re.search(r"^# (.+?): (.+)$", text, re.M)
    return text.replace(title.group(2), customer)


def placeholder(text: str) -> str:
    """One filled-in key/value row back to TBD: an error finding (the score may still pass)."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        cells = line.split("|")
        if line.startswith("| ") and len(cells) == 4 and cells[1].strip() not in ("Field", "Company", "-------"):
            if not set(cells[2].strip()) <= {"-"} and cells[2].strip() != "TBD":
                lines[i] = f"|{cells[1]}| TBD |\n"
                return "".join(lines)
    raise AssertionError("no key/value row")


def old_handoffs() -> dict[str, str]:
    """30 handoffs in the formats a team accumulates over a year; 15 pass, 15 fail."""
    files: dict[str, str] = {}
    for i in range(15):  # passing: the template's format, no frontmatter (typed by title), a team folder
        kind = TYPES[i % len(TYPES)]
        text = renamed(kind, f"Passing Customer {i}")
        if i % 3 == 1:
            files[f"{HANDOFFS}/2025/pass-{i}-{kind}.md"] = FRONTMATTER.sub("", text)
        elif i % 3 == 2:
            files[f"{HANDOFFS}/partners/pass-{i}.md"] = renamed("sdr-to-ae", f"Partner Lead {i}")
        else:
            files[f"{HANDOFFS}/pass-{i}-{kind}.md"] = text
    # The team folder: one file in their own format says no type (the others do).
    body = FRONTMATTER.sub("", renamed("sdr-to-ae", "Partner Lead X"))
    files[f"{HANDOFFS}/partners/pass-own-format.md"] = re.sub(
        r"^# .+$", "# Partner intro: Partner Lead X", body, count=1, flags=re.M
    )
    del files[f"{HANDOFFS}/partners/pass-14.md"]  # still 15 passing
    for i in range(15):  # failing: notes never written up, a placeholder left in, no type at all
        kind = TYPES[i % len(TYPES)]
        if i % 3 == 0:
            files[f"{HANDOFFS}/2025/fail-{i}.md"] = f"# Lead Handoff: Failing Customer {i}\n\nTo be writen.\n"
        elif i % 3 == 1:
            files[f"{HANDOFFS}/fail-{i}-{kind}.md"] = placeholder(renamed(kind, f"Failing Customer {i}"))
        else:
            files[f"{HANDOFFS}/fail-{i}.md"] = f"# Call notes {i}\n\nTalked about the weather.\n"
    files[f"{HANDOFFS}/README.md"] = "# Handoffs\n\nOne file per customer handoff, named after the customer.\n"
    return files


def build(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "a year of handoffs")
    return root


def statuses(r) -> dict[str, str]:
    return {f["path"]: f["status"] for f in r.json()["files"]}


def test_init_then_the_ratchet_on_thirty_old_handoffs(run, tmp_path):
    repo = build(tmp_path / "team", old_handoffs())
    before = run("check", HANDOFFS, "--format", "json", cwd=repo)
    assert before.code == 1 and before.json()["summary"]["failed"] == 16, "15 old handoffs and the README fail"

    r = run("init", cwd=repo)
    assert r.code == 0, r
    documented = re.search(r"```console\n\$ handoff-lint init\n(.*?)```", ADOPTING.read_text(encoding="utf-8"), re.S)
    assert r.out == documented.group(1), "docs/adopting.md shows this run"
    assert f"found 30 handoffs in {HANDOFFS}" in r.out and f"excluded 1 index page: {HANDOFFS}/README.md" in r.out
    assert f"typed {HANDOFFS}/partners/*.md as sdr-to-ae" in r.out
    assert "linted 30 handoffs: 15 pass, 15 fail today (threshold 70)" in r.out
    baseline = json.loads((repo / ".handoff-lint-baseline.json").read_text(encoding="utf-8"))
    assert len(baseline["handoffs"]) == 15 and all("/fail-" in name for name in baseline["handoffs"])
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "handoff-lint init")

    after = run("--format", "json", cwd=repo)
    assert after.code == 0, after
    assert sorted(statuses(after).values()) == ["baseline"] * 15 + ["pass"] * 15
    assert (
        after.json()["summary"] | {"files": 30, "passed": 30, "baselined": 15, "drafts": 0} == after.json()["summary"]
    )

    # A failing handoff edited without getting worse (a typo fixed) still passes, saying why.
    typo = repo / HANDOFFS / "2025" / "fail-0.md"
    typo.write_text(typo.read_text(encoding="utf-8").replace("writen", "written"), encoding="utf-8")
    r = run(typo.relative_to(repo), cwd=repo)
    assert r.code == 0, r
    assert "PASS (in the baseline, no worse than recorded: score 0 < 70)" in r.out

    # A passing handoff edited to fail is stopped: it is held to the threshold as ever.
    broken = repo / HANDOFFS / "pass-0-sales-to-cs.md"
    broken.write_text(placeholder(broken.read_text(encoding="utf-8")), encoding="utf-8")
    r = run(broken.relative_to(repo), typo.relative_to(repo), cwd=repo)
    assert r.code == 1, r
    assert re.search(r"pass-0-sales-to-cs\.md: sales-to-cs \d+/100 FAIL: 1 error \(1 empty-field\)", r.out), r

    # A failing handoff made worse (one more placeholder) fails, and so does a new one that fails.
    worse = repo / HANDOFFS / "fail-1-cs-to-sales.md"
    worse.write_text(placeholder(worse.read_text(encoding="utf-8")), encoding="utf-8")
    new = write(repo / HANDOFFS, "new-lead.md", "# Lead Handoff: Newco\n\nTo be written.\n")
    r = run("--format", "json", cwd=repo)
    assert r.code == 1
    failed = {f["path"]: f["fail_reasons"] for f in r.json()["files"] if f["status"] == "fail"}
    assert sorted(failed) == sorted(f"{HANDOFFS}/{p.name}" for p in (worse, new, broken)), failed
    assert failed[f"{HANDOFFS}/{worse.name}"][-1] == "1 more empty-field error than recorded in the baseline"
    assert run("--no-baseline-file", typo.relative_to(repo), cwd=repo).code == 1, "the baseline can be set aside"


@pytest.mark.slow
def test_the_ratchet_through_a_real_pre_commit_hook(tmp_path):
    """The same repository with handoff-lint as its pre-commit hook: `git commit` passes or is stopped."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PIP_DISABLE_PIP_VERSION_CHECK="1")
    repo = build(tmp_path / "team", old_handoffs())
    cli = [sys.executable, "-m", "handoff_lint"]
    assert subprocess.run([*cli, "init"], cwd=repo, env=env, capture_output=True, timeout=TIMEOUT).returncode == 0
    rev = git(REPO, "rev-parse", "HEAD").strip()
    hooks = f"repos:\n-   repo: {REPO.as_posix()}\n    rev: {rev}\n    hooks:\n    -   id: handoff-lint\n"
    (repo / ".pre-commit-config.yaml").write_text(hooks, encoding="utf-8")
    pre_commit = Path(sys.executable).parent / "pre-commit"
    command = [str(pre_commit)] if pre_commit.is_file() else [sys.executable, "-m", "pre_commit"]
    installed = subprocess.run([*command, "install"], cwd=repo, env=env, capture_output=True, text=True)
    assert installed.returncode == 0, installed
    git(repo, "add", "-A")

    def commit(message: str) -> subprocess.CompletedProcess:
        identity = ["-c", "user.email=t@t", "-c", "user.name=t", "-c", "commit.gpgsign=false"]
        return subprocess.run(
            ["git", *identity, "commit", "-q", "-m", message],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )

    done = commit("handoff-lint init")  # the hook lints every handoff staged here: all pass or are baselined
    assert done.returncode == 0, done.stdout + done.stderr

    typo = repo / HANDOFFS / "2025" / "fail-0.md"
    typo.write_text(typo.read_text(encoding="utf-8").replace("writen", "written"), encoding="utf-8")
    git(repo, "add", "-A")
    done = commit("fix a typo in an old handoff")
    assert done.returncode == 0 and "handoff-lint...." in done.stderr and "Passed" in done.stderr, done

    broken = repo / HANDOFFS / "pass-0-sales-to-cs.md"
    broken.write_text(placeholder(broken.read_text(encoding="utf-8")), encoding="utf-8")
    git(repo, "add", "-A")
    done = commit("break a passing handoff")
    said = done.stdout + done.stderr  # git passes the hook's output on to stderr
    assert done.returncode != 0 and "Failed" in said, said
    assert "pass-0-sales-to-cs.md: sales-to-cs" in said and "FAIL: 1 error (1 empty-field)" in said, said
    assert git(repo, "log", "--format=%s", "-1").strip() == "fix a typo in an old handoff", "the commit was stopped"


# --- init's own behaviour -----------------------------------------------------------------------


def test_init_never_overwrites_without_force(run, tmp_path):
    write(tmp_path, f"{HANDOFFS}/acme.md", renamed("sales-to-cs", "Acme"))
    write(tmp_path, ".handoff-lint.toml", "threshold = 90\n")
    r = run("init", cwd=tmp_path)
    assert r.code == 2 and r.out == ""
    assert ".handoff-lint.toml already exists; not overwritten (`handoff-lint init --force` replaces it" in r.err
    assert (tmp_path / ".handoff-lint.toml").read_text() == "threshold = 90\n"
    assert not (tmp_path / ".handoff-lint-baseline.json").exists()
    r = run("init", "--force", cwd=tmp_path)
    assert r.code == 0 and "threshold = 70" in (tmp_path / ".handoff-lint.toml").read_text(), r


def test_init_refuses_over_a_pyproject_config_and_an_old_baseline(run, tmp_path):
    write(tmp_path, f"{HANDOFFS}/acme.md", renamed("sales-to-cs", "Acme"))
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.handoff-lint]\nthreshold = 80\n')
    r = run("init", cwd=tmp_path)
    assert r.code == 2 and "pyproject.toml already exists; not overwritten" in r.err
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')  # no handoff-lint settings: not a config
    write(tmp_path, ".handoff-lint-baseline.json", "{}")
    r = run("init", cwd=tmp_path)
    assert r.code == 2 and ".handoff-lint-baseline.json already exists" in r.err


def test_init_without_handoffs_says_how_to_start(run, tmp_path):
    write(tmp_path, "CONTRIBUTING.md", "# Contributing\n\nOpen a pull request.\n")
    r = run("init", cwd=tmp_path)
    assert r.code == 2 and "no handoffs found under" in r.err and "handoff-lint init docs/handoffs" in r.err
    assert not (tmp_path / ".handoff-lint.toml").exists()


def test_init_on_named_folders(run, tmp_path):
    write(tmp_path, "deals/acme.md", renamed("sales-to-cs", "Acme"))
    write(tmp_path, "deals/index.md", "# Deals\n")
    write(tmp_path, "notes/lead.md", renamed("sdr-to-ae", "Globex"))
    r = run("init", "deals", cwd=tmp_path)
    assert r.code == 0, r
    config = (tmp_path / ".handoff-lint.toml").read_text(encoding="utf-8")
    assert 'paths = ["deals"]' in config and 'exclude = ["deals/index.md"]' in config
    assert run(cwd=tmp_path).code == 0


def test_an_index_page_that_fails_points_to_exclude(run, tmp_path):
    write(tmp_path, f"{HANDOFFS}/README.md", "# Our handoffs\n\nOne file per customer.\n")
    r = run(HANDOFFS, "--no-color", cwd=tmp_path)
    assert r.code == 1
    assert "  next: README.md looks like the folder's index page, not a handoff: add it to `exclude`" in r.out
    github = run(HANDOFFS, "--format", "github", cwd=tmp_path).out
    assert f"::error file={HANDOFFS}/README.md,line=1,title=handoff-lint%3A not scored::" in github
    assert "add it to `exclude` in the config" in github


def test_update_baseline_only_tightens(run, tmp_path):
    repo = build(tmp_path / "team", old_handoffs())
    assert run("init", cwd=repo).code == 0
    recorded = repo / ".handoff-lint-baseline.json"
    improved = f"{HANDOFFS}/fail-1-cs-to-sales.md"
    fixed = f"{HANDOFFS}/fail-4-sales-to-implementation.md"
    (repo / improved).write_text(renamed("cs-to-sales", "Failing Customer 1"), encoding="utf-8")  # passes now
    (repo / fixed).write_text(renamed("sales-to-implementation", "Failing Customer 4"), encoding="utf-8")
    thin = repo / HANDOFFS / "2025" / "fail-3.md"
    thin.write_text(thin.read_text() + "\n## Champion\n\nDana Lee, VP Operations, runs the pilot.\n")
    score_before = json.loads(recorded.read_text())["handoffs"][f"{HANDOFFS}/2025/fail-3.md"]["score"]
    r = run("init", "--update-baseline", cwd=repo)
    assert r.code == 0, r
    entries = json.loads(recorded.read_text())["handoffs"]
    assert improved not in entries and fixed not in entries and len(entries) == 13
    assert entries[f"{HANDOFFS}/2025/fail-3.md"]["score"] > score_before
    assert "13 handoffs (2 left it, 1 held to a better score or fewer errors)" in r.out
    thin.write_text("# Lead Handoff: Failing Customer 3\n\nTo be written.\n")  # back to where it was
    assert run(thin.relative_to(repo), cwd=repo).code == 1, "the improvement is kept: going back fails"


def test_a_broken_baseline_file_is_one_clear_error(run, tmp_path):
    write(tmp_path, f"{HANDOFFS}/acme.md", renamed("sales-to-cs", "Acme"))
    write(tmp_path, ".handoff-lint.toml", 'baseline-file = "baseline.json"\n')
    r = run(cwd=tmp_path)
    assert r.code == 2 and "'baseline-file': baseline.json not found" in r.err, r
    for text in ("{", '{"handoffs": []}', '{"handoffs": {"a.md": {"score": "high"}}}'):
        write(tmp_path, "baseline.json", text)
        r = run(cwd=tmp_path)
        assert r.code == 2 and "baseline.json is not a handoff-lint baseline" in r.err and "Traceback" not in r.err, r
    write(tmp_path, ".handoff-lint.toml", 'baseline-file = "../outside.json"\n')
    assert run(cwd=tmp_path).code == 2


# --- drafts ---------------------------------------------------------------------------------------


THIN = "---\ntype: sdr-to-ae\ncustomer: Globex\n{status}\n---\n# Lead Handoff: Globex\n\nTo be written: TBD.\n"


@pytest.mark.parametrize(("config", "status", "draft"), DRAFT_CASES)
def test_a_draft_is_scored_but_not_held_to_the_threshold(run, tmp_path, config, status, draft):
    write(tmp_path, ".handoff-lint.toml", config)
    doc = write(tmp_path, "lead.md", THIN.format(status=status))
    r = run(doc, "--format", "json", cwd=tmp_path)
    result = r.json()["files"][0]
    assert result["score"] is not None and result["score"] < 70
    assert (r.code, result["status"], result["passed"]) == ((0, "draft", True) if draft else (1, "fail", False))
    if draft:
        assert result["waived_reasons"][0] == f"score {result['score']} < 70" and result["fail_reasons"] == []
        text = run(doc, "--no-color", cwd=tmp_path).out
        assert f"lead.md: sdr-to-ae {result['score']}/100 DRAFT, not held to the threshold: score" in text
        assert "passed with an exemption: 1 draft" in text
        assert "::error file=lead.md,line=1" not in run(doc, "--format", "github", cwd=tmp_path).out


SECRET = "Admin login for the sandbox: password: Hunter2-sandbox-99\n"


def test_a_draft_never_waives_a_secret(run, tmp_path):
    """A draft is not held to the threshold, but a committed password fails it all the same (HL470)."""
    doc = write(tmp_path, "lead.md", THIN.format(status="status: draft\n") + SECRET)
    r = run(doc, "--format", "json", cwd=tmp_path)
    result = r.json()["files"][0]
    assert any(f["code"] == "HL470" for f in result["findings"]), result["findings"]
    assert (r.code, result["status"], result["passed"]) == (1, "fail", False)
    assert result["fail_reasons"][-1] == "sensitive-data is never waived"


def test_the_baseline_never_waives_a_secret(run, tmp_path):
    """init records an old handoff that holds a secret, and it still fails: the secret must go."""
    write(tmp_path, "docs/handoffs/old.md", THIN.format(status="") + SECRET)
    assert run("init", cwd=tmp_path).code == 0
    r = run("docs/handoffs", "--format", "json", cwd=tmp_path)
    assert (r.code, r.json()["files"][0]["status"]) == (1, "fail")


def test_a_bad_draft_setting_is_one_clear_error(run, tmp_path):
    write(tmp_path, "lead.md", THIN.format(status=""))
    for bad in ('draft = "status"\n', '[draft]\nkey = ""\n', "[draft]\nvalues = 3\n", '[draft]\nflag = "x"\n'):
        write(tmp_path, ".handoff-lint.toml", bad)
        r = run("lead.md", cwd=tmp_path)
        assert r.code == 2 and "'draft" in r.err and "Traceback" not in r.err, (bad, r)


# --- the baseline's rules, for any scores and findings -------------------------------------------------

CODES = ("HL301", "HL310", "HL101")
scores = st.one_of(st.none(), st.integers(0, 100))
counts = st.dictionaries(st.sampled_from(CODES), st.integers(0, 4))


def result_of(score, errors: dict[str, int]) -> FileResult:
    findings = tuple(Finding(code, "x") for code, count in errors.items() for _ in range(count))
    return FileResult("a.md", "sales-to-cs", "frontmatter", score, findings)


@settings(deadline=None)  # the first example imports the rule registry (rule names)
@given(scores, counts, scores, counts, scores, counts)
def test_re_recording_the_baseline_never_loosens_it(score, errors, now, now_errors, later, later_errors):
    entry = Entry.of(result_of(score, errors))
    tightened = entry.tightened(result_of(now, now_errors))
    after = result_of(later, later_errors)
    if entry.worse(after):
        assert tightened.worse(after), "what the old baseline refused, the new one refuses too"
    assert entry.worse(result_of(score, errors)) == "", "a handoff exactly as recorded is no worse"


@settings(deadline=None)
@given(scores, counts)
def test_one_more_error_or_one_point_less_is_worse(score, errors):
    entry = Entry.of(result_of(score, errors))
    more = dict(errors)
    more["HL301"] = more.get("HL301", 0) + 1
    assert "more empty-field error" in entry.worse(result_of(score, more))
    if score:
        assert (
            entry.worse(result_of(score - 1, errors))
            == f"score {score - 1} is below the {score} recorded in the baseline"
        )


def test_a_branch_cannot_loosen_the_baseline_for_itself(run, tmp_path):
    """The baseline file comes with the pull request: against its base, it can only be as strict or stricter."""
    repo = build(tmp_path / "team", old_handoffs())
    git(repo, "checkout", "-q", "-b", "adopt")
    assert run("init", cwd=repo).code == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "handoff-lint init")
    r = run("--changed-since", "main", "--baseline", "main", cwd=repo)
    assert r.code == 0, "the pull request that runs init: its base has no baseline file yet"
    git(repo, "checkout", "-q", "-B", "main")
    git(repo, "checkout", "-q", "-b", "sneaky")
    recorded = repo / ".handoff-lint-baseline.json"
    data = json.loads(recorded.read_text(encoding="utf-8"))
    worse = f"{HANDOFFS}/fail-1-cs-to-sales.md"
    data["handoffs"][worse]["errors"] = {"HL301": 9}  # room for more placeholders
    data["handoffs"][f"{HANDOFFS}/new.md"] = {"score": 0, "errors": {}}  # a new failing handoff, recorded
    recorded.write_text(json.dumps(data), encoding="utf-8")
    (repo / worse).write_text(placeholder((repo / worse).read_text(encoding="utf-8")), encoding="utf-8")
    write(repo / HANDOFFS, "new.md", "# Lead Handoff: Newco\n\nTo be written.\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "loosen the baseline")
    assert run(cwd=repo).code == 0, "read alone, the loosened file would let both through"
    r = run("--changed-since", "main", "--baseline", "main", "--format", "json", cwd=repo)
    assert r.code == 1
    assert {f["path"]: f["status"] for f in r.json()["files"]} == {worse: "fail", f"{HANDOFFS}/new.md": "fail"}
