"""handoff-lint report: the team overview as HTML and Markdown, its figures against the JSON report,
the trend from a real git history, and the message without the 'report' extra."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO

GOOD = EXAMPLES / "good" / "northwind-sales-to-cs.md"  # scores 100, passes
THIN = EXAMPLES / "bad" / "thin-sales-to-cs.md"  # scores 10, fails
VAGUE = EXAMPLES / "bad" / "vague-sales-to-cs.md"  # scores 60, fails


def test_html_report_from_examples(run, tmp_path):
    out = tmp_path / "site" / "report.html"
    out.parent.mkdir()
    done = run("report", EXAMPLES, "-o", out)
    assert done.code == 0, done
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|@import|url\(http", page)  # nothing fetched
    assert page.count('class="pygal-chart"') == 4  # scores, by type, by receiving team, by sender
    # no example is marked status: draft (the copied template says ready: it is a bad example that fails)
    assert '<div class="card"><b>10</b>ready handoffs</div>' in page
    assert '<div class="card"><b>50%</b>pass rate</div>' in page
    assert '<div class="card"><b>3</b>fail on empty required fields</div>' in page
    assert '<div class="card"><b>0</b>drafts, kept apart</div>' in page
    # the worst list links to the files, relative to where the page is written
    links = re.findall(r'<a href="([^"]+)">', page)
    assert len(links) == 5
    for link in links:
        assert (out.parent / link).resolve().is_file(), link


def test_link_base_points_at_the_repository_host(run, tmp_path):
    out = tmp_path / "report.html"
    run("report", EXAMPLES, "-o", out, "--link-base", "https://example.com/org/repo/blob/main/", cwd=REPO)
    links = re.findall(r'<a href="([^"]+)">', out.read_text(encoding="utf-8"))
    assert "https://example.com/org/repo/blob/main/examples/handoffs/bad/thin-sales-to-cs.md" in links


def test_markdown_report_figures(run):
    done = run("report", EXAMPLES, "--format", "markdown")
    assert done.code == 0, done
    assert (
        "**10** ready handoffs · pass rate **50%** · median score **100** · **3** fail on empty required fields · "
        "**0** drafts kept apart" in done.out
    )
    assert "| sales-to-cs | 3 | 33% | 50 |" in done.out  # by type: northwind 100, thin 10, vague 50
    assert "| Sam Ortiz | 2 | 50% | 75 |" in done.out  # by sender: frontmatter from
    assert (  # the copied template names nobody: its sender is unknown, among the worst handoffs
        "| examples/handoffs/bad/copied-template-implementation.md | 10 | sales-to-implementation | unknown |"
        in done.out.split("### Worst handoffs", 1)[1].split("### Drafts (0)", 1)[0]
    )
    # the heat map row for sales-to-cs (missing / partial): customer context partial in thin and vague;
    # risk flags missing in thin (filler), partial in vague (risks, "Monitor" mitigations), complete in northwind
    row = next(line for line in done.out.splitlines() if line.startswith("| sales-to-cs | 0% / 67%"))
    assert row.split(" | ")[3] == "33% / 33%"


def test_sender_from_body_label_when_frontmatter_has_none(run, tmp_path):
    text = GOOD.read_text(encoding="utf-8").replace("from: Sam Ortiz\n", "")
    (tmp_path / "a.md").write_text(text.replace("**AE:** Sam Ortiz", "**Prepared by:** Lee Quinn"), encoding="utf-8")
    done = run("report", tmp_path, "--format", "markdown")
    assert "| Lee Quinn | 1 |" in done.out, done


def _weekly_figures(markdown: str) -> list[str]:
    """The weekly trend table's rows without the week-over-week columns (tests/output/test_report_team.py)."""
    rows = markdown.split("### Weekly trend (git history)")[1].strip().splitlines()[2:]
    return [row.rsplit(" | ", 2)[0] + " |" for row in rows]


def test_heat_map_cells_equal_the_json_report(run, tmp_path):
    out = tmp_path / "report.html"
    run("report", EXAMPLES, "-o", out)
    entries = run("check", EXAMPLES, "--format", "json").json()["files"]
    drafts = [e for e in entries if e["status"] == "draft"]  # kept out of the heat map
    page = out.read_text(encoding="utf-8")
    cells = re.findall(
        r'data-type="([^"]+)" data-category="(\w+)" data-complete="(\d+)" data-partial="(\d+)" '
        r'data-missing="(\d+)"',
        page,
    )
    assert len(cells) == 5 * 6
    for type_name, key, *counts in cells:
        statuses = [e["categories"][key]["status"] for e in entries if e["type"] == type_name and e not in drafts]
        assert [int(c) for c in counts] == [statuses.count(s) for s in ("complete", "partial", "missing")]


def test_bad_history_spec_is_a_usage_error(run, tmp_path):
    done = run("report", EXAMPLES, "-o", tmp_path / "r.html", "--history", "soon")
    assert done.code == 2
    assert "--history: expected a number of weeks such as 26w or of commits such as 300" in done.err
    assert not (tmp_path / "r.html").exists()


def test_history_outside_git_is_one_line_error(run, tmp_path):
    shutil.copy(GOOD, tmp_path / "a.md")
    done = run(
        "report",
        ".",
        "-o",
        "r.html",
        "--history",
        "4w",
        cwd=tmp_path,
        env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)},
    )
    assert done.code == 2 and "not a git repository" in done.err, done


def test_without_the_report_extra_it_says_how_to_install(tmp_path):
    blocker = "import sys; sys.modules['pygal'] = None; from handoff_lint.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", blocker, "report", str(EXAMPLES), "-o", str(tmp_path / "r.html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "handoff-lint: error: the report needs the 'report' extra: pip install 'handoff-lint[report]'"
    ]
    assert not (tmp_path / "r.html").exists()
    # the Markdown overview needs no charting library
    done = subprocess.run(
        [sys.executable, "-c", blocker, "report", str(EXAMPLES), "--format", "markdown"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "## Handoff report" in done.stdout, done.stderr


# --- the trend from git history ---------------------------------------------------------------------


def _commit(repo: Path, when: str, files: dict[str, Path | None]) -> None:
    for name, source in files.items():
        target = repo / "handoffs" / name
        if source is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-qm", f"handoffs on {when}"], cwd=repo, check=True, env=env)


@pytest.fixture
def history_repo(tmp_path):
    """Three handoffs over five weeks (Mondays 2026-01-05 … 2026-02-02): A improves, B regresses,
    C improves; week 4 has no commit, week 5 has two."""
    repo = tmp_path / "team"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run(["git", "config", "user.email", "ops@example.com"], cwd=repo, check=True)
    subprocess.run(["git", "config", "user.name", "Ops"], cwd=repo, check=True)
    _commit(repo, "2026-01-06T10:00:00+00:00", {"a.md": THIN, "b.md": GOOD})  # 10 fail, 100 pass
    _commit(repo, "2026-01-14T10:00:00+00:00", {"c.md": VAGUE})  # + 60 fail
    _commit(repo, "2026-01-21T10:00:00+00:00", {"a.md": GOOD})  # A: 10 -> 100
    (repo / "notes.txt").write_text("not a handoff\n")
    _commit(repo, "2026-02-02T09:00:00+00:00", {"c.md": GOOD})  # C: 60 -> 100
    _commit(repo, "2026-02-06T18:00:00+00:00", {"b.md": THIN})  # B: 100 -> 10
    return repo


def test_history_weekly_figures_match_the_commits(run, history_repo):
    done = run("report", "handoffs", "--format", "markdown", "--history", "26w", cwd=history_repo)
    assert done.code == 0, done
    weeks = _weekly_figures(done.out)
    assert weeks == [
        "| 2026-01-05 | 2 | 50% | 55 |",  # A 10, B 100
        "| 2026-01-12 | 3 | 33% | 50 |",  # + C 50
        "| 2026-01-19 | 3 | 67% | 100 |",  # A 100
        "| 2026-01-26 | 3 | 67% | 100 |",  # no commit: as the week before
        "| 2026-02-02 | 3 | 67% | 100 |",  # C 100, then B 10: the week's last commit counts
    ]


def test_history_per_handoff_scores_and_cache(run, history_repo):
    done = run("report", "handoffs", "-o", "r.html", "--history", "300", cwd=history_repo)
    assert done.code == 0, done
    page = (history_repo / "r.html").read_text(encoding="utf-8")
    table = page.split('id="table-handoff-history"')[1].split("</table>")[0]
    rows = {
        path: re.findall(r">(\d+)</span>", cells)
        for path, cells in re.findall(r"<tr><td>([^<]+)</td><td>(.*?)</td></tr>", table)
    }
    assert rows == {"handoffs/a.md": ["10", "100"], "handoffs/b.md": ["100", "10"], "handoffs/c.md": ["50", "100"]}
    # 6 distinct (path, version) pairs were scored once; a second run scores none
    assert "5 commits, 6 handoff versions (6 scored in this run" in page
    run("report", "handoffs", "-o", "r.html", "--history", "300", cwd=history_repo)
    assert "6 handoff versions (0 scored in this run" in (history_repo / "r.html").read_text(encoding="utf-8")


def test_history_span_in_weeks_and_commits(run, history_repo):
    done = run("report", "handoffs", "--format", "markdown", "--history", "2w", cwd=history_repo)
    weeks = _weekly_figures(done.out)
    assert weeks == ["| 2026-02-02 | 3 | 67% | 100 |"]  # the newest commit's week and the one before: one has commits
    done = run("report", "handoffs", "--format", "markdown", "--history", "1", cwd=history_repo)
    weeks = _weekly_figures(done.out)
    assert weeks == ["| 2026-02-02 | 3 | 67% | 100 |"]
    done = run("report", "handoffs", "--format", "markdown", "--history", "3", cwd=history_repo)
    weeks = _weekly_figures(done.out)
    assert weeks[0] == "| 2026-01-19 | 3 | 67% | 100 |" and len(weeks) == 3


def test_unreadable_files_and_an_empty_folder(run, tmp_path):
    (tmp_path / "h").mkdir()
    (tmp_path / "h" / "binary.md").write_bytes(b"\x00\x01not text")
    (tmp_path / "h" / "empty.md").write_bytes(b"")
    shutil.copy(GOOD, tmp_path / "h" / "good.md")
    done = run("report", tmp_path / "h", "--format", "markdown")
    assert done.code == 0, done
    worst = done.out.split("### Worst handoffs")[1]
    assert worst.count("| not scored | (no type) | unknown |") == 2
    assert "file contains NUL bytes" in worst and "file is empty" in worst
    (tmp_path / "none").mkdir()
    done = run("report", tmp_path / "none", "-o", tmp_path / "none.html")
    assert done.code == 0 and "<b>0</b>ready handoffs" in (tmp_path / "none.html").read_text(encoding="utf-8"), done
    done = run("report", tmp_path / "h", "-o", tmp_path / "no" / "such" / "r.html")
    assert done.code == 2 and done.err.startswith("handoff-lint: error: cannot write"), done


def test_history_counts_a_merged_branch_when_it_lands(run, tmp_path):
    """A branch's own commits are not weeks of main: its change counts from the merge commit on."""
    repo = tmp_path / "team"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run(["git", "config", "user.email", "ops@example.com"], cwd=repo, check=True)
    subprocess.run(["git", "config", "user.name", "Ops"], cwd=repo, check=True)
    _commit(repo, "2026-03-02T10:00:00+00:00", {"a.md": THIN})
    subprocess.run(["git", "checkout", "-q", "-b", "fix"], cwd=repo, check=True)
    _commit(repo, "2026-03-03T10:00:00+00:00", {"a.md": GOOD})
    subprocess.run(["git", "checkout", "-q", "main"], cwd=repo, check=True)
    _commit(repo, "2026-03-10T10:00:00+00:00", {"b.md": VAGUE})
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2026-03-17T10:00:00+00:00",
        "GIT_COMMITTER_DATE": "2026-03-17T10:00:00+00:00",
    }
    subprocess.run(["git", "merge", "-q", "--no-ff", "fix", "-m", "merge fix"], cwd=repo, check=True, env=env)
    done = run("report", "handoffs", "--format", "markdown", "--history", "52w", cwd=repo)
    weeks = _weekly_figures(done.out)
    assert weeks == [
        "| 2026-03-02 | 1 | 0% | 10 |",  # the fix is on its branch, not yet on main
        "| 2026-03-09 | 2 | 0% | 30 |",  # 10 and 50
        "| 2026-03-16 | 2 | 50% | 75 |",  # merged: 100 and 50
    ]


def test_names_from_handoffs_are_escaped(run, tmp_path):
    text = GOOD.read_text(encoding="utf-8").replace("from: Sam Ortiz", 'from: "</script><img src=x onerror=alert(1)>"')
    (tmp_path / "h").mkdir()
    (tmp_path / "h" / "a.md").write_text(text, encoding="utf-8")
    run("report", tmp_path / "h", "-o", tmp_path / "r.html")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<img" not in page and "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page
