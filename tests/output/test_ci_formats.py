"""The CI output formats as users get them: github, sarif, junit, markdown, and --summary-file."""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES, REPO, good_example, write
from handoff_lint.cli import FORMATS
from handoff_lint.model.findings import Finding, Severity
from handoff_lint.model.results import FileResult
from handoff_lint.output.formats import REPORTERS, get_reporter
from handoff_lint.output.formats.github import GithubReporter, escape_data, escape_property
from handoff_lint.scoring.verdict import decide

FIXTURES = Path(__file__).parents[1] / "fixtures"
THIN = EXAMPLES / "bad" / "thin-sales-to-cs.md"  # more than 10 errors
EMOJI_LINE = "| Company | 🟢 Globex ✅ [Name] |"  # 🟢 is two UTF-16 code units, ✅ one


@pytest.fixture(autouse=True)
def _not_on_github_actions(monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # these tests choose the format themselves


@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def emoji_handoff(folder: Path, name: str = "acme deal.md") -> Path:
    return write(
        folder,
        name,
        f"""
        ---
        type: sdr-to-ae
        ---
        # Lead Handoff: Globex

        ## Prospect Summary
        | Field | Detail |
        |-------|--------|
        {EMOJI_LINE}
        """,
    )


def test_every_format_has_a_reporter(run):
    assert set(FORMATS) == set(REPORTERS)
    assert f"[{'|'.join(FORMATS)}]" in run("check", "--help").out  # the choices, in the CLI's order


# --- github ----------------------------------------------------------------------------------------


def test_github_format_is_the_default_on_github_actions(run):
    example = good_example("sales-to-cs")
    text = run(example, "--no-color").out
    assert run(example, env={"GITHUB_ACTIONS": "true"}).out.startswith(f"{example}: sales-to-cs ")
    bad = run(THIN, env={"GITHUB_ACTIONS": "true"})
    assert bad.out.startswith("::error file=") and bad.code == 1
    assert run(THIN, "--format", "text", "--no-color", env={"GITHUB_ACTIONS": "true"}).out.startswith(f"{THIN}:")
    assert run(example, "--no-color", env={"GITHUB_ACTIONS": "false"}).out == text


def test_github_annotations_respect_the_limit_errors_first(run):
    thin = THIN.relative_to(REPO).as_posix()
    r = run(thin, "--format", "github", cwd=REPO)
    lines = r.out.splitlines()
    errors = [i for i, line in enumerate(lines) if line.startswith("::error ")]
    warnings = [i for i, line in enumerate(lines) if line.startswith("::warning ")]
    assert len(errors) == 10 and len(warnings) <= 10
    assert max(errors) < min(warnings, default=len(lines)), "errors before warnings"
    verdict = rf"::error file={thin},line=1,title=handoff-lint%3A score under the threshold::sales-to-cs handoff"
    missing = r" Missing most: .+ \(\+\d+\)\. Next: run `handoff-lint score .+` to see what is missing;"
    missing += " most to gain: .+"

    assert re.fullmatch(verdict + r" scores \d+/100, under the threshold 70\." + missing, lines[0]), "the verdict first"
    findings = run(thin, "--format", "json", cwd=REPO).json()["files"][0]["findings"]
    logged = [line for line in lines if line.startswith(f"{thin}:")]
    assert len(logged) == len(findings), "every finding is a plain log line too"
    groups = [line for line in lines if line.startswith("::group::")]
    status = rf"::group::{thin}: sales-to-cs (\d+)/100 FAIL: score \1 < 70; \d+ errors \(.+\) \(threshold 70\)"
    assert len(groups) == 1 and re.fullmatch(status, groups[0])
    assert lines.index(groups[0]) < lines.index("::endgroup::")
    annotated = sum(",title=HL" in line for line in lines)
    assert f"{len(findings) - annotated} more findings not annotated" in r.out


@pytest.mark.parametrize("failing", [3, 10, 14])
def test_every_failing_handoff_gets_one_verdict_annotation_past_the_limit_too(run, tmp_path, failing):
    """GitHub shows 10 errors a step: verdicts past them are warnings, so up to 20 failing handoffs all show."""
    for i in range(failing):
        write(tmp_path, f"deals/lead-{i:02}.md", f"# Lead Handoff: Company {i}\n\nTo be written.\n")
    lines = run("deals", "--format", "github", cwd=tmp_path).out.splitlines()
    verdicts = [line for line in lines if ",line=1,title=handoff-lint%3A score under the threshold::" in line]
    files = sorted(re.match(r"::\w+ file=([^,]+),", line).group(1) for line in verdicts)
    assert files == [f"deals/lead-{i:02}.md" for i in range(failing)]
    levels = [line.split(" ", 1)[0] for line in verdicts]
    assert levels == ["::error"] * min(failing, 10) + ["::warning"] * max(0, failing - 10)
    assert (
        sum(line.startswith("::error ") for line in lines) <= 10
        and sum(line.startswith("::warning ") for line in lines) <= 10
    )


def test_github_show_score_puts_the_table_in_the_group(run):
    out = run(good_example("sales-to-cs"), "--format", "github", "--show-score").out.splitlines()
    start = next(i for i, line in enumerate(out) if line.startswith("::group::"))
    assert any(line.startswith("Handoff Quality Score") for line in out[start : out.index("::endgroup::")])


def test_github_escaping_of_properties_and_messages(run, tmp_path):
    # The toolkit's own example: % first, then CR/LF; properties also escape ':' and ','.
    assert escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    doc = emoji_handoff(tmp_path, "acme, deal: v2.md")
    r = run(doc.name, "--format", "github", cwd=tmp_path)
    assert "::error file=acme%2C deal%3A v2.md,line=" in r.out


def test_github_log_lines_cannot_start_workflow_commands(tmp_path):
    finding = Finding("HL202", "value 'x\n::warning::injected'", 3, 1, Severity.ERROR)
    result = FileResult("h.md", "sdr-to-ae", "frontmatter", 90, (finding,))
    out = GithubReporter().render(decide([result], 70))
    assert "\n::warning::injected" not in out
    assert (
        "::error file=h.md,line=3,col=1,title=HL202 invalid-frontmatter-value::value 'x%0A::warning::injected'" in out
    )


def test_summary_file_appends_the_markdown_table(run, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    r = run(THIN, good_example("sdr-to-ae"), "--format", "github", "--summary-file", summary)
    assert r.code == 1 and r.out.startswith("::error ")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n### handoff-lint: 1 of 2 handoffs failed")
    assert "| Handoff | Type | Score | Change | Status | Top missing items |" in text
    assert re.search(r"\d+ more findings not annotated", text)
    run(good_example("sdr-to-ae"), "--format", "text", "--summary-file", summary)
    again = summary.read_text(encoding="utf-8")
    assert again.startswith(text) and again.count("### handoff-lint") == 2
    assert "not annotated" not in again[len(text) :], "no annotations in a text run"


def test_summary_file_unwritable_is_a_one_line_error(run, tmp_path):
    r = run(good_example("sdr-to-ae"), "--summary-file", tmp_path / "missing" / "summary.md")
    assert r.code == 2 and r.err.startswith("handoff-lint: error: cannot write ") and len(r.err.splitlines()) == 1


# --- markdown --------------------------------------------------------------------------------------


def test_markdown_table_one_row_per_handoff(run, tmp_path):
    good = write(tmp_path, "a|b.md", good_example("cs-to-sales").read_text(encoding="utf-8"))
    r = run(good, THIN, "--format", "markdown")
    lines = r.out.splitlines()
    header = lines.index("| Handoff | Type | Score | Change | Status | Top missing items |")
    rows = lines[header + 2 : header + 4]
    assert rows[0].startswith(f"| {str(good).replace('|', '&#124;')} | cs-to-sales | 100/100 | — | ✅ PASS | — |")
    cells = re.split(r"(?<!\\)\|", rows[1])[1:-1]
    assert [c.strip() for c in cells[1:4]] == ["sales-to-cs", cells[2].strip(), "—"]
    assert re.fullmatch(r" ❌ FAIL: score \d+ &lt; 70; \d+ errors \(\d+ [a-z-]+, .+\) ", cells[4])
    assert re.fullmatch(r" \d+/100 ", cells[2]) and "more" in cells[5]
    assert "<details><summary>All findings" in r.out and r.code == 1


# --- sarif -----------------------------------------------------------------------------------------


def test_sarif_validates_against_the_official_schema(run, sarif_validator):
    log = run(EXAMPLES, "--format", "sarif").json()
    assert list(sarif_validator.iter_errors(log)) == []
    broken = copy.deepcopy(log)
    del broken["runs"][0]["tool"]["driver"]["name"]
    assert list(sarif_validator.iter_errors(broken)), "the vendored schema really checks"


def test_sarif_has_what_github_code_scanning_requires(run):
    log = run(EXAMPLES, "--format", "sarif", cwd=REPO).json()
    assert log["version"] == "2.1.0" and log["$schema"]
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert run_["tool"]["driver"]["name"] == "handoff-lint" and rules
    for rule in rules:
        assert rule["id"].startswith("HL") and rule["shortDescription"]["text"] and rule["help"]["text"]
        assert 0 < len(rule["fullDescription"]["text"]) <= 1024
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run_["results"]
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] and result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert not location["artifactLocation"]["uri"].startswith("/")
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
        assert re.fullmatch(r"[0-9a-f]{16}:\d+", result["partialFingerprints"]["handoffLint/v1"])
        assert "score" in result["properties"]
    handoffs = run_["properties"]["handoffs"]
    assert len(handoffs) == 10 and all({"path", "score", "passed", "threshold"} <= set(h) for h in handoffs)


def test_sarif_columns_in_utf16_and_uris_encoded(run, tmp_path, sarif_validator):
    emoji_handoff(tmp_path)
    text = run("acme deal.md", "--no-color", cwd=tmp_path).out
    line, column = map(int, re.search(r"^acme deal.md:(\d+):(\d+): error HL310 ", text, re.M).groups())
    log = run("acme deal.md", "--format", "sarif", cwd=tmp_path).json()
    assert list(sarif_validator.iter_errors(log)) == []
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "HL310")
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "acme%20deal.md"
    assert location["region"]["startLine"] == line
    prefix = EMOJI_LINE[: column - 1]
    assert "🟢" in prefix and location["region"]["startColumn"] == column + 1  # one extra unit for 🟢
    assert log["runs"][0]["columnKind"] == "utf16CodeUnits"


def test_sarif_fingerprints_are_stable_and_distinct(run):
    first = run(THIN, "--format", "sarif").json()["runs"][0]["results"]
    again = run(THIN, "--format", "sarif").json()["runs"][0]["results"]
    prints = [r["partialFingerprints"]["handoffLint/v1"] for r in first]
    assert prints == [r["partialFingerprints"]["handoffLint/v1"] for r in again]
    assert len(set(prints)) == len(prints), "identical lines are numbered, not merged"


# --- junit -----------------------------------------------------------------------------------------


def test_junit_one_testcase_per_handoff(run, tmp_path):
    r = run(EXAMPLES, "--format", "junit", "-o", tmp_path / "report.xml", cwd=REPO)
    assert r.code == 1 and r.out == ""
    files = run(EXAMPLES, "--format", "json").json()["files"]
    root = ET.parse(tmp_path / "report.xml").getroot()
    assert root.tag == "testsuites" and root.get("tests") == str(len(files))
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == [Path(f["path"]).relative_to(REPO).as_posix() for f in files]
    for case, result in zip(cases, files, strict=True):
        failure = case.find("failure")
        assert (failure is None) == result["passed"]
        assert case.get("classname") == (result["type"] or "unknown-type")
        score = case.find("properties/property[@name='score']").get("value")
        assert score == ("" if result["score"] is None else str(result["score"]))
        if failure is not None:
            assert failure.get("message").startswith(("score ", "not scored"))
            assert len(failure.text.splitlines()) == len(result["findings"])
    assert root.get("failures") == str(sum(not f["passed"] for f in files))


def test_junit_shows_characters_xml_forbids_as_escapes(tmp_path):
    finding = Finding("HL310", "placeholder 'TBD\x01\x0b' left in", 3, 1, Severity.ERROR)
    result = FileResult("h.md", "sdr-to-ae", "frontmatter", 40, (finding,))
    root = ET.fromstring(get_reporter("junit")().render(decide([result], 70)))
    assert "placeholder 'TBD\\x01\\x0b' left in" in root.find("./testsuite/testcase/failure").text
