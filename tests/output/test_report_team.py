"""The team report as a real team's handoffs make it: senders written the team's way, what each
receiving team gets, drafts apart from ready handoffs, the change from last week, whole-number counts."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import EXAMPLES, write
from handoff_lint.output.team_report.charts import whole_number_ticks
from support.drafts import DRAFT_CASES

GOOD = EXAMPLES / "good" / "northwind-sales-to-cs.md"  # from: Sam Ortiz; scores 100
THIN = EXAMPLES / "bad" / "thin-sales-to-cs.md"  # from: Rachel Moss; scores 10


def _without_sender(source=GOOD) -> str:
    """The handoff with no sender anywhere: no frontmatter from, no **AE:** (or **CSM:**) label."""
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^from: .*\n", "", text, count=1, flags=re.M)
    return text.replace("**AE:** Sam Ortiz | **CSM:** Priya Shah | ", "")


def _senders(run, folder) -> dict[str, int]:
    """The By sender table of the Markdown report: name -> handoffs."""
    done = run("report", folder, "--format", "markdown", "--no-cache")
    assert done.code == 0, done
    table = done.out.split("### By sender", 1)[1].split("###", 1)[0]
    return {row.split(" | ")[0].lstrip("| "): int(row.split(" | ")[1]) for row in table.splitlines()[4:] if row}


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text.replace("type: sales-to-cs\n", "type: sales-to-cs\nowner: Dana Lee\n"),
        lambda text: text.replace("type: sales-to-cs\n", "type: sales-to-cs\nauthor: Dana Lee (AE)\n"),
        lambda text: text.replace("type: sales-to-cs\n", "type: sales-to-cs\nprepared_by: Dana Lee <dana@x.example>\n"),
        lambda text: text.replace("Traders\n\n", "Traders\n\nOwner: Dana Lee\n\n", 1),
        lambda text: text.replace("**Date:** 2026-11-20", "**Prepared by:** Dana Lee, AE | **Date:** 2026-11-20"),
        lambda text: text.replace("**Date:** 2026-11-20", "Author: @dana-lee\n\n**Date:** 2026-11-20"),
        lambda text: text.replace("## Customer Overview\n", "## Customer Overview\n| Prepared by | Dana Lee (AE) |\n"),
    ],
    ids=["frontmatter owner", "frontmatter author", "frontmatter prepared_by", "Owner: line", "bold Prepared by",
         "Author: handle", "table row"],
)  # fmt: skip
def test_the_sender_is_read_as_teams_write_it(run, tmp_path, edit):
    write(tmp_path, "handoffs/a.md", edit(_without_sender()))
    assert _senders(run, tmp_path / "handoffs") == {"Dana Lee": 1}


def test_one_person_however_the_name_is_written(run, tmp_path):
    text = _without_sender().replace("type: sales-to-cs\n", "type: sales-to-cs\nfrom: {}\n")
    for number, written in enumerate(["Dana Lee (AE)", "Dana Lee", "dana  lee", "Dana Lee — Account Executive"]):
        write(tmp_path, f"handoffs/{number}.md", text.replace("{}", written))
    write(tmp_path, "handoffs/other.md", text.replace("{}", "Omar Haddad"))
    assert _senders(run, tmp_path / "handoffs") == {"Dana Lee": 4, "Omar Haddad": 1}


def test_each_receiving_team_sees_what_its_handoffs_lack(run):
    """Sales → CS goes to CS, SDR → AE to AE…; the gaps are the JSON report's missing elements, counted."""
    teams = {"sales-to-cs": "CS", "sdr-to-ae": "AE", "ae-to-se": "SE", "cs-to-sales": "Sales",
             "sales-to-implementation": "Implementation"}  # fmt: skip
    entries = run("check", EXAMPLES, "--format", "json", "--no-cache").json()["files"]
    ready = [e for e in entries if e["status"] != "draft"]
    done = run("report", EXAMPLES, "--format", "markdown", "--no-cache")
    table = done.out.split("### By receiving team", 1)[1].split("###", 1)[0]
    rows = {row.split(" | ")[0].lstrip("| "): row for row in table.splitlines()[4:] if row}
    assert set(rows) == set(teams.values())
    for team in teams.values():
        mine = [e for e in ready if teams[e["type"]] == team]
        lacking = Counter(
            element
            for e in mine
            for element in {item.split(":")[0] for c in e["categories"].values() for item in c["missing"]}
        )
        top = sorted(lacking.items(), key=lambda item: (-item[1], item[0]))[:3]
        shown = "; ".join(f"{element} ({n} of {len(mine)})" for element, n in top) or "—"
        passed = sum(e["passed"] for e in mine)
        assert rows[team].startswith(f"| {team} | {len(mine)} | {100 * passed / len(mine):.0f}% |"), rows[team]
        assert rows[team].endswith(f"| {shown} |"), rows[team]


@pytest.mark.parametrize(("config", "status", "draft"), DRAFT_CASES)
def test_drafts_are_kept_apart_from_ready_handoffs(run, tmp_path, config, status, draft):
    """A draft is what `check` calls one (the config's [draft] key and values), kept out of the figures."""
    write(tmp_path, ".handoff-lint.toml", config)
    write(tmp_path, "handoffs/good.md", GOOD.read_text(encoding="utf-8"))
    write(tmp_path, "handoffs/wip.md", THIN.read_text(encoding="utf-8").replace("status: ready", status))
    done = run("report", tmp_path / "handoffs", "--format", "markdown", "--no-cache", cwd=tmp_path)
    headline, drafts = done.out.split("\n\n", 2)[1], done.out.split("### Drafts", 1)[1]
    if draft:  # the thin handoff is work in progress: it neither fails the team's figures nor vanishes
        assert headline.startswith("**1** ready handoffs · pass rate **100%** · median score **100**")
        assert "**1** draft kept apart" in headline
        assert "wip.md | 10 | sales-to-cs | Rachel Moss |" in drafts
        assert "wip.md" not in done.out.split("### Drafts", 1)[0]
    else:
        assert headline.startswith("**2** ready handoffs · pass rate **50%**") and "**0** drafts" in headline
        assert "wip.md" in done.out.split("### Worst handoffs", 1)[1].split("### Drafts")[0]


def _commit(repo, when: str, files: dict) -> None:
    for name, source in files.items():
        write(repo, f"handoffs/{name}", source.read_text(encoding="utf-8"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    command = ["git", "-c", "user.email=ops@example.com", "-c", "user.name=Ops", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run([*command, "commit", "-qm", when], cwd=repo, check=True, env=env)


def test_the_change_from_the_week_before_is_shown(run, tmp_path):
    repo = tmp_path / "team"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    _commit(repo, "2026-01-06T10:00:00+00:00", {"a.md": THIN, "b.md": GOOD})  # 10 fail, 100 pass
    _commit(repo, "2026-01-14T10:00:00+00:00", {"a.md": GOOD})  # both pass: +50 pts, median 55 -> 100
    done = run("report", "handoffs", "--format", "markdown", "--history", "4w", cwd=repo)
    assert "Since the week before: pass rate **+50 pts**, median score **+45**" in done.out
    weeks = done.out.split("### Weekly trend (git history)")[1].strip().splitlines()[2:]
    assert weeks == [
        "| 2026-01-05 | 2 | 50% | 55 | — | — |",
        "| 2026-01-12 | 2 | 100% | 100 | +50 pts | +45 |",
    ]
    page = repo / "r.html"
    assert run("report", "handoffs", "-o", page, "--history", "4w", cwd=repo).code == 0
    html = page.read_text(encoding="utf-8")
    assert '<div class="card"><b>+50 pts</b>pass rate vs the week before</div>' in html
    assert '<div class="card"><b>+45</b>median vs the week before</div>' in html


def _count_axis(page: str, figure: str) -> list[str]:
    """The y-axis labels of one chart of the HTML page, read from its SVG."""
    svg = re.search(rf'<figure class="chart" id="{figure}">(.*?)</figure>', page, re.S).group(1)
    root = ElementTree.fromstring(svg)
    axis = next(g for g in root.iter("{http://www.w3.org/2000/svg}g") if "axis y" in g.get("class", ""))
    return [text.text for text in axis.iter("{http://www.w3.org/2000/svg}text") if text.text]


@pytest.mark.parametrize("handoffs", [1, 2, 3, 13])
def test_the_score_histogram_counts_whole_handoffs(run, tmp_path, handoffs):
    for number in range(handoffs):
        write(tmp_path, f"handoffs/{number}.md", (GOOD if number % 3 else THIN).read_text(encoding="utf-8"))
    page = tmp_path / "r.html"
    assert run("report", tmp_path / "handoffs", "-o", page, "--no-cache").code == 0
    labels = _count_axis(page.read_text(encoding="utf-8"), "chart-scores")
    assert labels and all(label.isdigit() for label in labels), labels
    busiest = max(Counter(number % 3 != 0 for number in range(handoffs)).values())
    assert int(labels[-1]) >= busiest and labels[0] == "0"


@given(st.integers(min_value=0, max_value=100_000), st.integers(min_value=1, max_value=20))
def test_count_ticks_are_whole_evenly_spaced_and_cover_the_largest(largest, most):
    ticks = whole_number_ticks(largest, most)
    assert ticks[0] == 0 and ticks[-1] >= largest and len(ticks) <= most + 2
    steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1 and steps.pop() >= 1
