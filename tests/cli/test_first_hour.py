"""A new user's first hour (issue 10): every message right, every command where they expect it.

Each test drives the CLI the way the user did: CliRunner in a folder of their own.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import good_example, write
from conftest import in_terminal as _in_terminal


def _with(example_type: str, old: str, new: str) -> str:
    text = good_example(example_type).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


# --- 1. verdicts explain themselves ----------------------------------------------------------------


def test_a_fail_above_the_threshold_says_why_in_every_format(run, tmp_path):
    migration = re.search(r"\| Data migration \| .* \|", good_example("sales-to-cs").read_text()).group(0)
    doc = write(tmp_path, "acme.md", _with("sales-to-cs", migration, "| Data migration | TBD |"))
    text = run(doc, "--no-color", "--show-score")
    assert text.code == 1
    assert f"{doc}: sales-to-cs 92/100 FAIL: 1 error (1 empty-field) (threshold 70)" in text.out.splitlines()
    assert "Overall: 92/100 — FAIL: 1 error (1 empty-field) (threshold 70)" in text.out
    assert "are flagged" not in text.out, "a failing table must not blame the threshold it meets"
    table = run("score", doc)
    assert "Overall: 92/100 — FAIL: 1 error (1 empty-field) (threshold 70)" in table.out
    markdown = run(doc, "--format", "markdown").out
    assert "| 92/100 | — | ❌ FAIL: 1 error (1 empty-field) |" in markdown
    summary = tmp_path / "summary.md"
    run(doc, "--format", "github", "--summary-file", summary)
    assert "❌ FAIL: 1 error (1 empty-field)" in summary.read_text(encoding="utf-8")
    assert run(doc, "--format", "json").json()["files"][0]["fail_reasons"] == ["1 error (1 empty-field)"]


def test_a_fail_under_the_threshold_names_the_score(run, tmp_path):
    doc = write(tmp_path, "thin.md", "---\ntype: sdr-to-ae\ncustomer: Globex\n---\n# Lead Handoff: Globex\n")
    status = [line for line in run(doc, "--no-color").out.splitlines() if line.startswith(f"{doc}: ")]
    why = r"FAIL: score 0 < 70 \(threshold 70\)"
    assert re.fullmatch(rf"{re.escape(str(doc))}: sdr-to-ae 0/100 {why}", status[0])
    passing = run(good_example("sdr-to-ae"), "--no-color").out
    assert re.search(r": sdr-to-ae \d+/100 PASS \(threshold 70\)$", passing, re.M)


# --- 2. the severity is a word, not only a colour --------------------------------------------------


def test_text_findings_name_their_severity_with_or_without_colour(run, tmp_path):
    text = _with("sales-to-cs", "# Customer Handoff: Northwind Traders", "# Customer Handoff: Globex Corp")
    company = re.search(r"^\| Company \| .* \|$", text, re.M).group(0)
    doc = write(tmp_path, "h.md", text.replace(company, "| Company | TBD |"))
    plain = _in_terminal([sys.executable, "-m", "handoff_lint", str(doc)], env={"NO_COLOR": "1"})
    findings = [line for line in plain.splitlines() if line.startswith(f"{doc}:") and " HL" in line]
    assert [line.split(": ", 2)[1].split()[:2] for line in findings] == [["warning", "HL461"], ["error", "HL301"]]
    assert "\x1b[" not in plain, "NO_COLOR is honoured even on a terminal"
    coloured = _in_terminal([sys.executable, "-m", "handoff_lint", str(doc)])
    assert "\x1b[31merror\x1b[0m \x1b[31m\x1b[1mHL301" in coloured, coloured
    assert "\x1b[33mwarning\x1b[0m \x1b[33m\x1b[1mHL461" in coloured, coloured


# --- 3. a progress bar on long runs, only where someone watches -------------------------------------


def test_a_long_run_in_a_terminal_shows_progress_on_stderr_only_there(run, tmp_path):
    good = good_example("sdr-to-ae").read_text(encoding="utf-8")
    for index in range(60):
        write(tmp_path / "docs" / "handoffs", f"lead-{index}.md", good)
    command = [sys.executable, "-m", "handoff_lint", "docs/handoffs"]
    shown = _in_terminal(command, cwd=tmp_path)
    assert re.search(r"linting\s+\[#+-*\]\s+\d+%", shown), shown[-500:]
    assert "60 handoffs checked: 60 passed" in shown
    for quiet in (_in_terminal([*command, "--quiet"], cwd=tmp_path), _in_terminal(command, {"CI": "true"}, tmp_path)):
        assert "linting" not in quiet and "%" not in quiet, quiet[-500:]
    piped = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert piped.returncode == 0 and piped.stderr == "" and "60 handoffs checked" in piped.stdout
    few = _in_terminal([*command[:-1], "docs/handoffs/lead-1.md"], cwd=tmp_path)
    assert "linting" not in few


# --- 4-6, 18. `new`: where it writes, what it fills in, team templates, help -----------------------


def test_new_from_a_subfolder_writes_beside_the_config_and_says_where(run, tmp_path):
    write(tmp_path, ".handoff-lint.toml", 'paths = ["sales/handoffs"]\n')
    (tmp_path / "notes").mkdir()
    r = run("new", "sdr-to-ae", "--company", "Bluefin Dental", cwd=tmp_path / "notes")
    assert r.code == 0, r
    created = tmp_path / "sales/handoffs/bluefin-dental-sdr-to-ae.md"
    assert created.is_file() and not (tmp_path / "notes/sales").exists()
    said = r.out.split()[1]
    assert said == "../sales/handoffs/bluefin-dental-sdr-to-ae.md" and (tmp_path / "notes" / said).resolve() == created
    assert f"run: handoff-lint {said}" in r.out
    assert run(said, "--format", "json").json()["files"][0]["type"] == "sdr-to-ae"  # the printed path works


def test_new_fills_the_people_and_the_date_in_the_body_too(run, tmp_path):
    r = run("new", "sales-to-cs", "--company", "Bluefin", "--from", "Maya Chen", "--to", "Derek Olsen", cwd=tmp_path)
    assert r.code == 0, r
    created = tmp_path / "docs/handoffs/bluefin-sales-to-cs.md"
    text = created.read_text(encoding="utf-8")
    today = date.today().isoformat()
    assert f"**AE:** Maya Chen | **CSM:** Derek Olsen | **Date:** {today}" in text
    assert "# Customer Handoff: Bluefin" in text and "{{" not in text
    header = text.split("\n").index(f"**AE:** Maya Chen | **CSM:** Derek Olsen | **Date:** {today}") + 1
    findings = run(created, "--format", "json").json()["files"][0]["findings"]
    assert not [f for f in findings if f["line"] == header], "the values the command knows are not findings"
    unknown = run("new", "sdr-to-ae", "--company", "Globex", cwd=tmp_path)  # no --from/--to: still to fill in
    lead = (tmp_path / "docs/handoffs/globex-sdr-to-ae.md").read_text(encoding="utf-8")
    assert unknown.code == 0 and "**SDR:** {{from}} | **AE:** {{to}}" in lead
    assert "HL310" in run(tmp_path / "docs/handoffs/globex-sdr-to-ae.md", "--no-color").out


def _team_type(tmp_path, name: str) -> None:
    from conftest import REPO

    schema = json.loads((REPO / "schemas" / "sdr-to-ae.schema.json").read_text(encoding="utf-8"))
    schema["$id"] = f"urn:acme:{name}"
    schema["properties"]["type"] = {"const": name}
    schema["x-handoff-lint"].update(name=name, label="Partner → AE", title_patterns=["partner handoff"])
    write(tmp_path, f"team-types/{name}.schema.json", json.dumps(schema))
    write(tmp_path, ".handoff-lint.toml", 'schema-dirs = ["team-types"]\n')


def test_a_team_template_gets_every_documented_token_replaced(run, tmp_path):
    _team_type(tmp_path, "partner-handoff")
    write(
        tmp_path,
        "team-types/partner-handoff.md",
        "---\ntype: partner-handoff\nowner: '{{from}} for {{customer}}'\n---\n# Partner Handoff: {{customer}}\n"
        "**Partner:** {{ from }} | **AE:** {{to}} | **Date:** {{date}} | **Type:** {{type}} | {{unknown}}\n",
    )
    r = run("new", "partner-handoff", "--company", "Bluefin", "--from", "Maya", "--to", "Derek", cwd=tmp_path)
    assert r.code == 0, r
    text = (tmp_path / "docs/handoffs/bluefin-partner-handoff.md").read_text(encoding="utf-8")
    today = date.today().isoformat()
    assert "# Partner Handoff: Bluefin\n" in text and "owner: Maya for Bluefin\n" in text
    line = f"**Partner:** Maya | **AE:** Derek | **Date:** {today} | **Type:** partner-handoff | {{{{unknown}}}}"
    assert line in text


def test_no_template_names_every_folder_searched(run, tmp_path):
    _team_type(tmp_path, "partner-handoff")
    r = run("new", "partner-handoff", "--company", "Bluefin", cwd=tmp_path)
    assert r.code == 2
    from handoff_lint.handoff_types.definitions import data_dir

    team = (tmp_path / "team-types").resolve()
    assert f"no partner-handoff.md in {team} and {data_dir('templates')}" in r.err, r.err
    assert "Traceback" not in r.err


def test_every_option_of_every_command_has_help(run):
    from handoff_lint.cli import cli

    for name, command in cli.commands.items():
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.opts[0]} has no help"
        shown = run(name, "--help")
        assert shown.code == 0 and shown.out.count("  -") >= 1
    new_help = run("new", "--help").out
    assert re.search(r"--config FILE\s+Config file", new_help), new_help


# --- 7. a suppression comment between table rows keeps the table whole -----------------------------

TIMELINE = """
---
type: sales-to-cs
---
# Customer Handoff: Acme

## Timeline
| Milestone | Customer's Expected Date |
|-----------|------------------------|
{comment}
| Go-live / first value | TBD |
| Full rollout | 2027-03-01 |
| First business review | 2027-04-12 |
"""


def test_disable_next_line_works_on_a_table_row(run, tmp_path):
    comment = '<!-- handoff-lint-disable-next-line HL301 reason="no date yet" -->'
    doc = write(tmp_path, "h.md", TIMELINE.format(comment=comment))
    data = run(doc, "--format", "json").json()["files"][0]
    codes = {f["code"] for f in data["findings"]}
    assert data["suppressed"] == 1 and "HL900" not in codes and "HL300" not in codes, data["findings"]
    assert not [f for f in data["findings"] if f["line"] >= 9], "the rows after the comment are still the table's"
    plain = write(tmp_path, "plain.md", TIMELINE.format(comment="<!-- a note for reviewers -->"))
    findings = run(plain, "--format", "json").json()["files"][0]["findings"]
    assert [(f["code"], f["line"]) for f in findings if f["line"] >= 9] == [("HL301", 10)]


# --- 8. a title containing the customer's name is not a mismatch ------------------------------------


def test_title_containing_the_customer_is_no_mismatch(run, tmp_path):
    front = "---\ntype: sdr-to-ae\ncustomer: Bluefin Dental Group\n---\n"
    for index, title in enumerate(
        ("# Bluefin Dental Group — intro for Maya", "# Bluefin Dental: SDR to AE", "# Lead Handoff: Bluefin Dental")
    ):
        doc = write(tmp_path, f"t{index}.md", front + title + "\n")
        assert "HL461" not in run(doc, "--no-color").codes(), title
    wrong = write(tmp_path, "wrong.md", front + "# Lead Handoff: Globex Corp\n")
    r = run(wrong, "--no-color")
    assert "HL461" in r.codes() and "title names 'Globex Corp'" in r.out


# --- 9. an unresolved option list reads the same everywhere -----------------------------------------


def test_an_option_list_is_worded_the_same_in_a_row_a_field_and_a_label(run, tmp_path):
    text = good_example("sales-to-cs").read_text(encoding="utf-8")
    risk = re.search(r"^\| Ruth Collins may slow sign-off of the approval matrix \| (Medium) \|", text, re.M)
    company = re.search(r"^\| Company \| (.*) \|$", text, re.M)
    text = text.replace(risk.group(0), risk.group(0).replace("Medium", "🔴🟡🟢"))
    text = text.replace(company.group(0), "| Company | 🔴🟡🟢 |").replace("**AE:** Sam Ortiz", "**AE:** 🔴🟡🟢")
    doc = write(tmp_path, "h.md", text)
    findings = run(doc, "--format", "json").json()["files"][0]["findings"]
    said = {f["code"]: f["message"] for f in findings if "🔴🟡🟢" in f["message"]}
    same = "is an unresolved option list: '🔴🟡🟢' (keep the one that applies)"
    assert said == {
        "HL302": f"'Risk Flags' row: 'Severity' {same}",
        "HL301": f"'Company' {same}",
        "HL310": f"'AE' {same}",
    }, findings


# --- 10. one TBD, one finding -------------------------------------------------------------------------


def test_one_tbd_in_a_role_field_is_one_finding(run, tmp_path):
    text = good_example("sales-to-cs").read_text(encoding="utf-8")
    sponsor = re.search(r"^\| Executive Sponsor \| .* \|$", text, re.M).group(0)
    doc = write(tmp_path, "h.md", text.replace(sponsor, "| Executive Sponsor | TBD |"))
    findings = run(doc, "--format", "json").json()["files"][0]["findings"]
    errors = [(f["code"], f["message"]) for f in findings if f["severity"] == "error"]
    assert errors == [("HL301", "'Executive Sponsor' is still a placeholder: 'TBD'")], errors
    gone = write(tmp_path, "gone.md", text.replace(sponsor + "\n", ""))  # a role left out is still reported
    config = write(tmp_path, "template.toml", 'structure = "template"\n')  # HL440 checks the template's sections
    codes = [f["code"] for f in run(gone, "--format", "json", "--config", config).json()["files"][0]["findings"]]
    assert "HL440" in codes


# --- 11. a team type's score table shows the weights it uses -----------------------------------------


def test_a_team_types_score_table_shows_weights_as_used(run, tmp_path):
    from conftest import REPO

    schema = json.loads((REPO / "schemas" / "sdr-to-ae.schema.json").read_text(encoding="utf-8"))
    body = schema["x-handoff-lint"]
    body["sections"] = [s for s in body["sections"] if s.get("category") not in ("technical", "expectations")]
    body["elements"] = [e for e in body["elements"] if e["category"] not in ("technical", "expectations")]
    team = tmp_path / "team"
    write(team, "team-types/sdr-to-ae.schema.json", json.dumps(schema))  # the team's own sdr-to-ae
    write(team, ".handoff-lint.toml", 'schema-dirs = ["team-types"]\n')
    write(team, "lead.md", good_example("sdr-to-ae").read_text(encoding="utf-8"))
    table = run("score", "lead.md", cwd=team).out
    rows = dict(re.findall(r"^\| ([A-Z][^|]+?) \| (\S+) \| (?:Complete|Partial|Missing|Not used)", table, re.M))
    assert rows == {
        "Customer context": "33.3%",
        "Expectations & success criteria": "—",
        "Risk flags": "25%",
        "Technical requirements": "—",
        "Relationship context": "25%",
        "Action items": "16.7%",
    }, table
    built_in = run("score", good_example("sdr-to-ae"), cwd=tmp_path).out
    assert "| Expectations & success criteria | 25% |" in built_in and "| Customer context | 20% |" in built_in


# --- 12-14. a typo, an excluded file, an empty repository ---------------------------------------------


def test_a_mistyped_command_gets_a_suggestion(run, tmp_path):
    write(tmp_path, "docs/handoffs/lead.md", good_example("sdr-to-ae").read_text(encoding="utf-8"))
    r = run("chek", "docs/handoffs", cwd=tmp_path)
    assert r.code == 2 and "did you mean 'check'?" in r.err, r
    assert "Traceback" not in r.err
    assert run("socre", "docs/handoffs/lead.md", cwd=tmp_path).err.count("did you mean 'score'?") == 1
    missing = run("new.md", cwd=tmp_path)  # a missing file is not a typo of `new`
    assert missing.code == 2 and "path not found: new.md" in missing.err and "did you mean" not in missing.err
    write(tmp_path, "chek", "")  # a file really named so is a path
    assert "did you mean" not in run("chek", cwd=tmp_path).err


def test_a_named_excluded_file_is_linted_or_said_to_be_excluded(run, tmp_path):
    write(tmp_path, ".handoff-lint.toml", 'exclude = ["docs/handoffs/archive"]\n')
    old = write(tmp_path, "docs/handoffs/archive/old.md", good_example("sdr-to-ae").read_text(encoding="utf-8"))
    named = run("docs/handoffs/archive/old.md", "--no-color", cwd=tmp_path)
    assert named.code == 0 and "1 handoff checked: 1 passed" in named.out, named
    forced = run("--force-exclude", "docs/handoffs/archive/old.md", cwd=tmp_path)
    assert "0 handoffs checked" in forced.out and forced.code == 0
    config = (tmp_path / ".handoff-lint.toml").resolve()
    assert forced.err == f"handoff-lint: {old.relative_to(tmp_path)} not checked: excluded by 'exclude' in {config}\n"
    walked = run("docs/handoffs", cwd=tmp_path)  # inside a folder, exclude applies as before
    assert "0 handoffs checked" in walked.out and walked.err == ""


def test_an_empty_repository_says_how_to_start(run, tmp_path):
    r = run(cwd=tmp_path)
    assert r.code == 2
    assert "path not found: docs/handoffs — no handoffs here yet? Start one with `handoff-lint new TYPE" in r.err
    assert "set `paths` in .handoff-lint.toml" in r.err
    write(tmp_path, "pyproject.toml", '[tool.handoff-lint]\npaths = ["sales"]\n')
    configured = run(cwd=tmp_path)
    assert (
        "path not found: sales — " in configured.err
        and f"set `paths` in {tmp_path / 'pyproject.toml'}" in configured.err
    )


# --- 15. rule options are type-checked; the config has a published JSON Schema ------------------------


@pytest.mark.parametrize(
    ("toml", "key", "problem"),
    [
        ('[rules.HL401]\nmax-items = "eight"\n', "rules.HL401.max-items", "'eight' is not of type 'integer'"),
        ("[rules.HL422]\nallow-none = 1\n", "rules.HL422.allow-none", "1 is not of type 'boolean'"),
        ("[rules.HL413.sales-to-cs]\nmin-items = 0\n", "rules.HL413.sales-to-cs.min-items", "less than the minimum"),
    ],
)
def test_a_bad_rule_option_is_one_config_error_naming_the_key(run, tmp_path, toml, key, problem):
    write(tmp_path, ".handoff-lint.toml", toml)
    write(tmp_path, "h.md", good_example("sales-to-cs").read_text(encoding="utf-8"))
    r = run("h.md", cwd=tmp_path)
    assert r.code == 2 and r.out == ""
    lines = r.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"handoff-lint: error: {tmp_path / '.handoff-lint.toml'}: '{key}': ")
    assert problem in lines[0] and "Traceback" not in r.err and "internal error" not in r.err


def test_good_rule_options_still_apply(run, tmp_path):
    write(tmp_path, ".handoff-lint.toml", "[rules.HL401]\nmax-items = 2\n")
    write(tmp_path, "h.md", good_example("sales-to-cs").read_text(encoding="utf-8"))
    assert "HL401" in run("h.md", "--no-color", cwd=tmp_path).codes()


def test_the_published_config_schema_is_current_and_checks_a_config_file(tmp_path):
    from conftest import REPO
    from handoff_lint.config.schema import config_schema

    published = json.loads((REPO / "schemas" / "config.schema.json").read_text(encoding="utf-8"))
    assert published == config_schema(), "run: python -m handoff_lint.config.schema > schemas/config.schema.json"
    page = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n\[tool\.handoff-lint\]\n(.*?)```", page, re.S).group(1)
    example = example.replace("[tool.handoff-lint.", "[")  # the same keys at the top of .handoff-lint.toml
    good = write(tmp_path, "good/.handoff-lint.toml", example)
    bad = write(tmp_path, "bad/.handoff-lint.toml", 'threshold = 75\n[rules.HL401]\nmax-items = "eight"\n')
    check = [
        str(Path(sys.executable).parent / "check-jsonschema"),
        "--schemafile",
        str(REPO / "schemas" / "config.schema.json"),
    ]
    done = subprocess.run([*check, str(good)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    done = subprocess.run([*check, str(bad)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "'eight' is not of type 'integer'" in done.stdout, done.stdout


def test_the_config_schema_is_not_a_handoff_type(run, tmp_path):
    from conftest import REPO

    assert "config" not in run("types").out.split()
    _team_type(tmp_path, "partner-handoff")
    (tmp_path / "team-types" / "config.schema.json").write_bytes((REPO / "schemas" / "config.schema.json").read_bytes())
    listed = run("types", cwd=tmp_path)
    assert listed.code == 0 and [line.split()[0] for line in listed.out.splitlines()] == [
        "ae-to-se",
        "cs-to-sales",
        "partner-handoff",
        "sales-to-cs",
        "sales-to-implementation",
        "sdr-to-ae",
    ]


# --- 16. a BOM and CRLF are accepted, as docs/cli.md says --------------------------------------------


def test_a_bom_and_crlf_are_accepted_with_the_same_findings(run, tmp_path):
    from conftest import REPO

    page = " ".join((REPO / "docs" / "cli.md").read_text(encoding="utf-8").split())
    assert "A UTF-8 byte-order mark and CRLF (or CR) line endings are accepted" in page
    text = good_example("sales-to-cs").read_text(encoding="utf-8").replace("**AE:** Sam Ortiz", "**AE:** TBD")
    plain = write(tmp_path, "plain.md", text)
    windows = tmp_path / "windows.md"
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    windows.write_bytes(data)
    results = {f["path"]: f for f in run(plain, windows, "--format", "json").json()["files"]}
    same = [(f["code"], f["line"], f["column"]) for f in results[str(plain)]["findings"]]
    assert same and [(f["code"], f["line"], f["column"]) for f in results[str(windows)]["findings"]] == same
    assert results[str(windows)]["score"] == results[str(plain)]["score"]
    assert windows.read_bytes() == data, "never modified"
