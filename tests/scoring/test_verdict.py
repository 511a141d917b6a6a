"""One verdict per handoff, decided once (scoring/verdict.py): every format and the GitHub annotations
report it, and its status is written as the same plain string in JSON and SARIF."""

from __future__ import annotations

import json
import shutil

from hypothesis import given
from hypothesis import strategies as st

from conftest import EXAMPLES, write
from handoff_lint.model.findings import Finding, Severity
from handoff_lint.model.results import FileResult
from handoff_lint.scoring.verdict import Status, verdict

THIN = "---\ntype: sdr-to-ae\ncustomer: Globex\n{status}---\n# Lead Handoff: Globex\n\nTo be written: TBD.\n"
EXPECTED = {"good.md": "pass", "old.md": "baseline", "draft.md": "draft", "thin.md": "fail"}


def _four_statuses(run, tmp_path):
    """A folder with one handoff of each status: good, recorded by init (baseline), draft, failing."""
    folder = tmp_path / "docs" / "handoffs"
    folder.mkdir(parents=True)
    shutil.copy(EXAMPLES / "good" / "tidewater-sdr-to-ae.md", folder / "good.md")
    write(folder, "old.md", THIN.format(status=""))
    assert run("init", cwd=tmp_path).code == 0  # records old.md, which fails today
    write(folder, "draft.md", THIN.format(status="status: draft\n"))
    write(folder, "thin.md", THIN.format(status=""))
    return folder


def test_each_status_is_written_as_its_plain_string_in_json_and_sarif(run, tmp_path):
    _four_statuses(run, tmp_path)
    r = run("docs/handoffs", "--format", "json", cwd=tmp_path)
    files = {f["path"].rsplit("/", 1)[-1]: f for f in r.json()["files"]}
    assert {name: f["status"] for name, f in files.items()} == EXPECTED
    assert {name: f["passed"] for name, f in files.items()} == {n: s != "fail" for n, s in EXPECTED.items()}
    assert r.code == 1  # thin.md fails the run
    sarif = json.loads(run("docs/handoffs", "--format", "sarif", cwd=tmp_path).out)
    handoffs = sarif["runs"][0]["properties"]["handoffs"]
    statuses = {h["path"].rsplit("/", 1)[-1]: h["status"] for h in handoffs}
    assert statuses == EXPECTED


def test_annotations_name_exactly_the_handoffs_the_verdict_fails(run, tmp_path):
    """A handoff-level error annotation for each failing handoff, none for a pass, a draft or a baselined one."""
    _four_statuses(run, tmp_path)
    out = run("docs/handoffs", "--format", "github", cwd=tmp_path).out
    annotated = {
        line.split("file=", 1)[1].split(",", 1)[0].rsplit("/", 1)[-1]
        for line in out.splitlines()
        if line.startswith("::error ") and "title=handoff-lint%3A " in line
    }
    assert annotated == {name for name, status in EXPECTED.items() if status == "fail"}


CODES = st.sampled_from(["HL102", "HL301", "HL310", "HL470"])


@given(
    score=st.one_of(st.none(), st.integers(0, 100)),
    threshold=st.integers(0, 100),
    errors=st.lists(CODES, max_size=4),
    draft=st.booleans(),
)
def test_a_verdict_passes_exactly_when_nothing_fails_it(score, threshold, errors, draft):
    """Score under the threshold, no score or an error each fail a handoff and say so; a draft passes all
    the same, saying what it waived, unless a secret (HL470) fails it."""
    findings = tuple(Finding(code, "m", severity=Severity.ERROR) for code in errors)
    result = FileResult("h.md", "sdr-to-ae", "frontmatter", score, findings, draft=draft)
    decided = verdict(result, threshold)
    missed = [
        *(["not scored"] if score is None else []),
        *([f"score {score} < {threshold}"] if score is not None and score < threshold else []),
    ]
    assert decided.under_threshold == (score is not None and score < threshold)
    assert decided.threshold == threshold
    if not missed and not errors:
        assert (decided.status, decided.reasons, decided.waived) == (Status.PASS, (), ())
    elif draft and "HL470" not in errors:
        assert decided.status is Status.DRAFT and decided.passed and decided.reasons == ()
        assert list(decided.waived[: len(missed)]) == missed
    else:
        assert decided.status is Status.FAIL and not decided.passed
        assert list(decided.reasons[: len(missed)]) == missed
    assert json.dumps(decided.status) == f'"{decided.status.value}"' and f"{decided.status}" == decided.status.value
