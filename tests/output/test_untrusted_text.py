"""Issue 23, part B: text a pull request controls (file names, headings, cells, config entries,
schema folder names) never becomes a workflow command, terminal control, a Markdown link or image,
or broken XML, JSON or HTML. Each test commits what the attacker would to a real git repository and
runs the CLI as CI does, in a subprocess from the repository's root, with GITHUB_ACTIONS=true.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import REPO, git
from support.pull_request import HANDOFFS, commit, example, one_handoff_repository
from support.workflow_commands import commands_left

INJECTED = "\n::error title=pwned::owned\n::add-mask::secret\n##[warning]old form"
ESC = "\x1b]0;owned title\x07\x1b[2J\x1b[31m"  # set the terminal's title, clear the screen, red


@pytest.fixture
def repo(tmp_path) -> Path:
    return one_handoff_repository(tmp_path)


def cli(cwd: Path, *args: str, github: bool = True) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_"))}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "handoff_lint", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=60,
    )


def streams(done: subprocess.CompletedProcess) -> str:
    return done.stdout.decode("utf-8") + done.stderr.decode("utf-8")


def add(repo: Path, name: str, text: str) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    git(repo, "--literal-pathspecs", "add", name)
    git(repo, "commit", "-q", "-m", "add")


# --- the three stderr messages of the review ---------------------------------------------------------


def test_excluded_file_name_on_stderr_is_no_workflow_command(repo):
    commit(repo, {".handoff-lint.toml": 'exclude = ["docs/handoffs/drafts/*"]\n'}, "config")
    name = f"{HANDOFFS}/drafts/x{INJECTED}.md"  # pre-commit passes the staged name as it is
    add(repo, name, example("sales-to-cs"))
    done = cli(repo, "--force-exclude", "--", name)
    out = streams(done)
    assert done.returncode == 0 and "not checked: excluded by 'exclude'" in out, out
    assert commands_left(out) == [] and "x\\n::error title=pwned::owned" in out


def test_schema_dir_name_in_the_changed_since_message_is_no_workflow_command(repo):
    folder = f"types{INJECTED}"
    commit(repo, {".handoff-lint.toml": f"schema-dirs = {json.dumps([folder])}\n"}, "config")
    (repo / folder).mkdir()
    add(repo, f"{folder}/README.md", "team types\n")
    git(repo, "checkout", "-q", "-b", "pr")
    add(repo, f"{folder}/NOTES.md", "changed\n")
    done = cli(repo, "--changed-since", "main", HANDOFFS)
    out = streams(done)
    assert done.returncode == 0 and "checking every handoff" in out, out
    assert commands_left(out) == []


def test_config_path_not_found_is_no_workflow_command(repo):
    commit(repo, {".handoff-lint.toml": f"paths = {json.dumps(['docs/none' + INJECTED])}\n"}, "config")
    done = cli(repo)
    out = streams(done)
    assert done.returncode == 2 and "path not found: docs/none\\n::error" in out, out
    assert commands_left(out) == [] and len(done.stderr.decode().splitlines()) == 1


def test_error_quoting_a_type_file_name_is_one_plain_line(repo):
    folder = "types\x1b[2J" + INJECTED
    commit(repo, {".handoff-lint.toml": f"schema-dirs = {json.dumps([folder])}\n"}, "config")
    add(repo, f"{folder}/bad.schema.json", "{ not json")
    done = cli(repo, HANDOFFS)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2 and "invalid JSON" in err and len(err.splitlines()) == 1, err
    assert "\x1b" not in err and commands_left(err) == []


# --- text output: no terminal control from a heading or a file name ------------------------------------


@pytest.mark.parametrize("color", ["never", "always"])
def test_text_output_carries_no_terminal_control(repo, color):
    text = example("sales-to-cs").replace("## Risk Flags", f"## Risk Flags{ESC}\n\nTBD\n\n## Risk Flags", 1)
    text = text.replace("customer: ", f'customer: "Acme{ESC.replace(chr(7), "")}" #', 1)
    text += f"\n## Unknown{ESC}\n\n\u202etxt.exe\n"
    add(repo, f"{HANDOFFS}/evil{ESC}\u202egnp.md", text)
    done = cli(repo, HANDOFFS, "--format", "text", "--color", color, "--show-score", github=False)
    out = done.stdout.decode("utf-8")
    assert done.returncode == 1 and "evil\\x1b]0;owned title\\x07\\x1b[2J" in out, out
    assert "\\u202e" in out and "\u202e" not in out
    # the only escape sequences left are handoff-lint's own colours (SGR: ESC [ digits ; … m)
    leftover = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert all(ch.isprintable() or ch in "\n\u200b" for ch in leftover)
    assert ("\x1b[" in out) == (color == "always")


def test_score_and_types_commands_print_no_terminal_control(repo):
    name = f"{HANDOFFS}/x{ESC}.md"
    add(repo, name, example("sales-to-cs"))
    done = cli(repo, "score", name, github=False)
    assert done.returncode == 0 and b"\x1b" not in done.stdout and b"x\\x1b]0;owned" in done.stdout
    schema = json.loads((REPO / "schemas" / "sdr-to-ae.schema.json").read_text(encoding="utf-8"))
    schema["x-handoff-lint"]["label"] = f"Lead{ESC}{INJECTED}"
    commit(repo, {".handoff-lint.toml": 'schema-dirs = ["team"]\n', "team/lead.schema.json": json.dumps(schema)}, "t")
    types = cli(repo, "types")
    out = streams(types)
    assert types.returncode == 0 and "Lead\\x1b]0;owned" in out and "\x1b" not in out and commands_left(out) == []


# --- Markdown: the job summary and the report load nothing and link nowhere ---------------------------

IMAGE = "![pixel](https://tracker.example/p.png?r=1) [click](https://phish.example) <img src=https://x.example/i>"


def rendered(markdown_text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown_text)


def test_job_summary_and_markdown_report_have_no_link_or_image(repo):
    text = example("sales-to-cs").replace('date: "2026-11-20"', f'date: "{IMAGE}"', 1)  # HL202 quotes it
    text = text.replace("from: ", f'from: "{IMAGE} |" #', 1)  # the report's sender
    add(repo, f"{HANDOFFS}/[see](https:tracker.example) ![x](data:x).md", text)
    summary = repo.parent / "summary.md"
    done = cli(repo, HANDOFFS, "--summary-file", summary)
    assert done.returncode == 1 and commands_left(streams(done)) == []
    report = cli(repo, "report", "--format", "markdown", HANDOFFS)
    assert report.returncode == 0 and commands_left(streams(report)) == []
    for page in (summary.read_text(encoding="utf-8"), report.stdout.decode("utf-8")):
        html = rendered(page)
        assert "tracker.example" in html  # the text is shown, as text
        assert "<img" not in html and "<a " not in html and "://" not in page
        rows = [line for line in page.splitlines() if line.startswith("| ")]
        assert len({line.count(" | ") for line in rows if "---" not in line}) <= 3  # no cell split by a "|"


# --- XML and HTML accept any file name -------------------------------------------------------------------


def test_junit_and_html_report_accept_a_name_that_is_not_utf8(repo):
    name = os.fsdecode(HANDOFFS.encode() + b"/q3-\xff\x9b-deal.md")
    text = example("sales-to-cs").replace("## Risk Flags", "## Risk Flags\n\nTBD\n")
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "odd name")
    junit = cli(repo, HANDOFFS, "--format", "junit")
    cases = ET.fromstring(junit.stdout).iter("testcase")
    assert junit.returncode == 1 and "docs/handoffs/q3-\\xff\\x9b-deal.md" in [c.get("name") for c in cases]
    report = cli(repo, "report", HANDOFFS, "-o", "report.html")
    page = (repo / "report.html").read_bytes().decode("utf-8")
    assert report.returncode == 0, report
    assert "q3-\\xff\\x9b-deal.md" in page and 'href="./docs/handoffs/q3-%FF%9B-deal.md"' in page


def test_html_report_runs_no_script(repo):
    text = example("sales-to-cs").replace("from: ", 'from: "</script><script>alert(1)</script>" #', 1)
    add(repo, f"{HANDOFFS}/javascript:alert(1).md", text.replace("## Risk Flags", "## Risk Flags\n\nTBD\n"))
    done = cli(repo, "report", HANDOFFS, "-o", "report.html", "--worst", "50")
    page = (repo / "report.html").read_text(encoding="utf-8")
    assert done.returncode == 0 and page.count("<svg") >= 3
    assert "<script" not in page.lower() and "Content-Security-Policy" in page
    assert 'href="./docs/handoffs/javascript%3Aalert%281%29.md"' in page or 'href="./' in page
    assert not re.search(r'href="(?!\./)', page)  # every link is a path beside the page, not a scheme


# --- merge: a shard's report is checked before it is used ---------------------------------------------

DAMAGED = [
    ("json", lambda log: log["files"].insert(0, 7), "at /files/0: 7 is not of type 'object'"),
    ("json", lambda log: log["files"][0].pop("path"), "at /files/0: 'path' is a required property"),
    ("json", lambda log: log["summary"].update(files="12"), "at /summary/files: '12' is not of type 'integer'"),
    ("sarif", lambda log: log["runs"][0].update(results={}), "at /runs/0/results: {} is not of type 'array'"),
    (
        "sarif",
        lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"].update(uri=3),
        "at /runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri: 3 is not of type 'string'",
    ),
    ("sarif", lambda log: log["runs"][0]["properties"]["handoffs"].insert(0, None), "handoffs/0: None is not of type"),
]


@pytest.mark.parametrize(("fmt", "damage", "message"), DAMAGED)
def test_merge_names_the_damaged_report_and_where(repo, fmt, damage, message):
    add(repo, f"{HANDOFFS}/thin.md", example("sales-to-cs").replace("## Risk Flags", "## Risk Flags\n\nTBD\n"))
    reports = []
    for index in (1, 2):
        report = repo.parent / f"shard{index}.{fmt}"
        cli(repo, "--shard", f"{index}/2", "--format", fmt, "-o", report, HANDOFFS)
        reports.append(report)
    log = json.loads(reports[1].read_text(encoding="utf-8"))
    damage(log)
    reports[1].write_text(json.dumps(log), encoding="utf-8")
    done = cli(repo, "merge", *reports)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2 and len(err.splitlines()) == 1, err
    assert f"merge: {reports[1]} is not" in err and message in err


def test_docs_cite_tests_that_exist():
    """docs/ci.md's promises name tests: each named test is in its file."""
    cited = re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", (REPO / "docs" / "ci.md").read_text(encoding="utf-8"))
    assert len(cited) >= 10
    for path, name in cited:
        assert re.search(rf"^def {name}\(", (REPO / path).read_text(encoding="utf-8"), re.M), f"{path}::{name}"
