"""Everyday use at the command line, as with ruff: --statistics, --select/--ignore, a document on
standard input, and the concise format (one line per handoff)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

import pytest

from conftest import EXAMPLES, good_example, write


def _codes(run, *args, cwd=None) -> Counter:
    """How often each rule fired, read from the JSON report."""
    result = run("check", *args, "--format", "json", "--no-cache", cwd=cwd)
    assert result.code in (0, 1), result
    return Counter(finding["code"] for entry in result.json()["files"] for finding in entry["findings"])


# --statistics ------------------------------------------------------------------------------------


def test_statistics_counts_each_rule_as_often_as_the_report_lists_it(run):
    expected = _codes(run, EXAMPLES)
    result = run("check", EXAMPLES, "--statistics", "--no-cache")
    rows = [line.split() for line in result.out.splitlines()]
    assert {row[1]: int(row[0]) for row in rows} == dict(expected)
    counts = [int(row[0]) for row in rows]
    assert counts == sorted(counts, reverse=True)  # the most frequent first, as ruff
    assert result.code == 1  # the verdict is the run's, as without --statistics


def test_statistics_as_json_name_the_rule_and_the_handoffs_it_fired_in(run):
    result = run("check", EXAMPLES / "bad", "--statistics", "--format", "json", "--no-cache")
    rows = result.json()
    placeholder = next(row for row in rows if row["code"] == "HL310")
    assert placeholder["name"] == "placeholder" and placeholder["severity"] == "error"
    reports = run("check", EXAMPLES / "bad", "--format", "json", "--no-cache").json()["files"]
    assert placeholder["files"] == sum(any(f["code"] == "HL310" for f in entry["findings"]) for entry in reports)


def test_statistics_print_text_on_github_actions_unless_a_format_is_given(run):
    """On GitHub Actions the default format is github, which --statistics cannot print: it was exit 2."""
    on_actions = {"GITHUB_ACTIONS": "true"}
    expected = run("check", EXAMPLES, "--statistics", "--no-cache")
    result = run("check", EXAMPLES, "--statistics", "--no-cache", env=on_actions)
    assert (result.code, result.out) == (expected.code, expected.out) == (1, expected.out)
    explicit = run("check", EXAMPLES, "--statistics", "--format", "github", env=on_actions)
    assert explicit.code == 2 and "--statistics prints text or json, not github" in explicit.err


def test_statistics_refuses_a_format_it_cannot_print(run):
    result = run("check", EXAMPLES, "--statistics", "--format", "sarif")
    assert result.code == 2 and "--statistics prints text or json" in result.err


# --select / --ignore -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "args", "allowed"),
    [
        ("", ["--select", "HL3"], lambda code: code.startswith("HL3")),
        ("", ["--select", "placeholder"], lambda code: code == "HL310"),
        ("", ["--select", "HL310,empty-field"], lambda code: code in ("HL310", "HL301")),
        ("", ["--select", "HL310", "--select", "HL301"], lambda code: code in ("HL310", "HL301")),
        ("", ["--ignore", "HL3,HL1"], lambda code: not code.startswith(("HL3", "HL1"))),
        ("", ["--select", "ALL", "--ignore", "HL110"], lambda code: code != "HL110"),
        # --select replaces the config's select; the config's ignore still applies
        ('ignore = ["HL310"]\n', ["--select", "HL3"], lambda code: code.startswith("HL3") and code != "HL310"),
        ("", ["--select", "HL310", "--ignore", "HL3"], lambda code: code == "HL310"),
        (
            'select = ["HL4"]\n',
            ["--ignore", "HL41"],
            lambda c: c.startswith("HL4") and not c.startswith("HL41"),
        ),
        ('select = ["HL4"]\n', ["--select", "HL3"], lambda code: code.startswith("HL3")),
        ('ignore = ["HL310"]\n', ["--ignore", "HL110"], lambda code: code not in ("HL310", "HL110")),
        ('select = ["placeholder", "HL102"]\n', [], lambda code: code in ("HL310", "HL102")),
    ],
)
def test_select_and_ignore_on_the_command_line_combine_with_the_config(run, tmp_path, config, args, allowed):
    for source in sorted((EXAMPLES / "bad").glob("*.md")):
        write(tmp_path, f"docs/handoffs/{source.name}", source.read_text(encoding="utf-8"))
    write(tmp_path, ".handoff-lint.toml", config)
    fired = _codes(run, *args, cwd=tmp_path)
    assert fired, "the selection left nothing to report"
    assert all(allowed(code) for code in fired), fired
    everything = _codes(run, "--select", "ALL", cwd=tmp_path)
    assert fired == Counter({code: n for code, n in everything.items() if allowed(code)})


SEMANTICS = [  # config select, config ignore, --select, --ignore -> which of these codes run
    ([], [], [], [], {"HL110": True, "HL310": True, "HL410": True}),
    ([], [], ["HL310"], ["HL3"], {"HL310": True, "HL301": False, "HL110": False}),  # HL310 is more specific
    ([], [], ["HL3"], ["HL310"], {"HL310": False, "HL301": True}),
    ([], [], ["placeholder"], ["HL310"], {"HL310": False}),  # a name is its full code: a tie goes to ignore
    ([], ["HL310"], ["HL310"], [], {"HL310": False}),  # the config's ignore applies to --select too
    ([], ["HL310"], ["ALL"], [], {"HL310": False, "HL301": True}),
    (["HL4"], [], ["HL3"], [], {"HL310": True, "HL410": False}),  # --select replaces the config's select
    (["HL4"], ["HL41"], [], [], {"HL400": True, "HL410": False}),
    (["HL410"], ["HL4"], [], [], {"HL410": True, "HL400": False}),
    (["HL4"], [], [], ["HL41"], {"HL400": True, "HL410": False, "HL110": False}),
    ([], ["HL1"], [], ["HL3"], {"HL110": False, "HL310": False, "HL410": True}),  # both ignores apply
    ([], [], ["ALL"], ["HL1", "HL110"], {"HL110": False, "HL102": False, "HL310": True}),
]


@pytest.mark.parametrize(("select", "ignore", "cli_select", "cli_ignore", "runs"), SEMANTICS)
def test_selection_semantics(tmp_path, monkeypatch, select, ignore, cli_select, cli_ignore, runs):
    """The documented rule (docs/cli.md): --select replaces the config's select, both ignores apply, the
    most specific matching selector wins and a tie goes to ignore. Read through the CLI's own loader."""
    from handoff_lint.cli import _load

    write(tmp_path, ".handoff-lint.toml", f"select = {select!r}\nignore = {ignore!r}\n".replace("'", '"'))
    monkeypatch.chdir(tmp_path)
    config, _types = _load(None, None, tuple(cli_select), tuple(cli_ignore))
    assert {code: config.rule_enabled(code) for code in runs} == runs


@pytest.mark.parametrize("value", [",", " , ", ""])
def test_an_empty_select_is_refused(run, value):
    """``--select ,`` used to select nothing, so every rule ran and the config's ignore was dropped."""
    result = run("check", EXAMPLES, "--select", value)
    assert result.code == 2 and result.err.strip().splitlines() == [
        "handoff-lint: error: --select: names no rule (a code such as HL310, a prefix such as HL4, or ALL)"
    ]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_rule_is_one_line_naming_the_option(run, option):
    result = run("check", EXAMPLES, option, "HL310,no-such-rule")
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        f"handoff-lint: error: {option}: unknown rule code 'no-such-rule' (a code such as HL310, a prefix such "
        "as HL4, or a name such as placeholder; `handoff-lint rules` lists them)"
    ]


def test_score_takes_the_same_selection(run):
    full = run("score", EXAMPLES / "bad" / "thin-sales-to-cs.md", "--no-cache")
    narrowed = run("score", EXAMPLES / "bad" / "thin-sales-to-cs.md", "--no-cache", "--ignore", "HL310,HL301")
    assert full.code == 1 and narrowed.out != full.out


# standard input ----------------------------------------------------------------------------------


def _lint_stdin(cwd, text: str, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")}
    return subprocess.run(
        [sys.executable, "-m", "handoff_lint", "check", *args, "--no-cache"],
        input=text.encode("utf-8"),
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


def test_a_handoff_on_stdin_is_reported_under_the_stdin_filename(tmp_path):
    text = good_example("sales-to-cs").read_text(encoding="utf-8")
    done = _lint_stdin(tmp_path, text, "-", "--stdin-filename", "docs/handoffs/acme.md", "--format", "json")
    assert done.returncode == 0, done.stderr
    (entry,) = json.loads(done.stdout)["files"]
    assert entry["path"] == "docs/handoffs/acme.md" and entry["type"] == "sales-to-cs" and entry["passed"]
    assert not (tmp_path / "docs").exists() and not (tmp_path / ".handoff-lint-cache").exists()


def test_stdin_is_typed_by_the_configs_globs_for_the_stdin_filename(tmp_path):
    write(tmp_path, ".handoff-lint.toml", '[types]\n"renewals/*.md" = "cs-to-sales"\n')
    text = good_example("cs-to-sales").read_text(encoding="utf-8").replace("type: cs-to-sales\n", "")
    typed = _lint_stdin(tmp_path, text, "-", "--stdin-filename", "renewals/orchard.md", "--format", "json")
    (entry,) = json.loads(typed.stdout)["files"]
    assert (entry["type"], entry["type_source"]) == ("cs-to-sales", "config")
    elsewhere = _lint_stdin(tmp_path, text, "-", "--stdin-filename", "notes/orchard.md", "--format", "json")
    (entry,) = json.loads(elsewhere.stdout)["files"]
    assert entry["type_source"] != "config"


def test_stdin_filename_alone_reads_stdin_and_force_exclude_honours_the_config(tmp_path):
    write(tmp_path, ".handoff-lint.toml", 'exclude = ["docs/handoffs/README.md"]\n')
    text = "# Handoffs\n\nHow we write handoffs.\n"
    linted = _lint_stdin(tmp_path, text, "--stdin-filename", "docs/handoffs/README.md")
    assert linted.returncode == 1 and b"docs/handoffs/README.md" in linted.stdout
    skipped = _lint_stdin(tmp_path, text, "--stdin-filename", "docs/handoffs/README.md", "--force-exclude")
    assert skipped.returncode == 0 and b"docs/handoffs/README.md" not in skipped.stdout


@pytest.mark.parametrize(
    ("data", "where", "message"),
    [
        (b"", "1:1: error HL002", "file is empty"),
        (b"---\ntype: sales-to-cs\n\xff\xfe\n---\n", "3:1: error HL001", "not valid UTF-8"),
    ],
)
def test_bad_bytes_on_stdin_are_a_finding_on_the_stdin_filename(tmp_path, data, where, message):
    done = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "check", "-", "--stdin-filename", "x.md", "--no-cache"],
        input=data,
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 1 and not done.stderr
    assert f"x.md:{where}" in done.stdout.decode() and message in done.stdout.decode()


def test_stdin_cannot_be_mixed_with_files(run):
    result = run("check", "-", EXAMPLES)
    assert result.code == 2
    assert result.err.strip() == "handoff-lint: error: '-' (standard input) cannot be linted together with other paths"


# concise -----------------------------------------------------------------------------------------


def test_concise_prints_one_line_per_handoff_with_its_verdict_first(run):
    verdicts = {
        entry["path"]: entry for entry in run("check", EXAMPLES, "--format", "json", "--no-cache").json()["files"]
    }
    result = run("check", EXAMPLES, "--output-format", "concise", "--no-cache")
    lines = result.out.splitlines()
    assert len(lines) == len(verdicts) and result.code == 1
    for line in lines:
        path, rest = line.split(": ", 1)
        entry = verdicts[path]
        assert rest.startswith(("PASS " if entry["passed"] else "FAIL ") + f"{entry['score']}/100 {entry['type']}")
        for code in {finding["code"] for finding in entry["findings"]}:
            assert code in rest


def test_output_format_is_the_same_option_as_format(run):
    one = run("check", EXAMPLES, "--output-format", "concise", "--no-cache")
    other = run("check", EXAMPLES, "--format", "concise", "--no-cache")
    assert one.out == other.out and one.code == other.code


def test_concise_quiet_lists_only_the_failing(run):
    result = run("check", EXAMPLES, "--format", "concise", "--quiet", "--no-cache")
    lines = result.out.splitlines()
    assert lines and all(": FAIL " in line for line in lines)
    assert len(lines) == len(list((EXAMPLES / "bad").glob("*.md")))
