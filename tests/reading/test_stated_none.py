"""An everyday surprise of a new team: "None." under a risks heading is read as "None known." is."""

from __future__ import annotations

import pytest

from conftest import good_example, write

STATED_NONE = ["None.", "None known.", "None", "Nothing.", "No known risks.", "None identified as of 2026-11-20."]


def _with_risks(tmp_path, text: str):
    """The good sales-to-cs example with its risk table replaced by ``text``."""
    source = good_example("sales-to-cs").read_text(encoding="utf-8")
    start, end = source.index("## Risk Flags\n"), source.index("## Action Items")
    return write(tmp_path, "handoff.md", source[:start] + f"## Risk Flags\n{text}\n\n" + source[end:])


def _verdict(run, path, *options):
    result = run("check", path, "--format", "json", "--no-cache", *options)
    (entry,) = result.json()["files"]
    codes = sorted(finding["code"] for finding in entry["findings"])
    return result.code, entry["score"], codes, [f for f in entry["findings"] if f["code"] == "HL422"]


@pytest.mark.parametrize("text", STATED_NONE)
def test_every_way_of_saying_no_risks_passes_alike_by_default(run, tmp_path, text):
    reference = _verdict(run, _with_risks(tmp_path, "None known."))
    assert _verdict(run, _with_risks(tmp_path, text))[:3] == reference[:3]
    assert reference[0] == 0 and "HL310" not in reference[2] and "HL102" not in reference[2]


@pytest.mark.parametrize("text", STATED_NONE)
def test_a_team_requiring_risks_gets_one_explaining_message_for_each(run, tmp_path, text):
    config = write(tmp_path, ".handoff-lint.toml", "[rules.HL422]\nallow-none = false\n")
    _code, _score, codes, (finding,) = _verdict(run, _with_risks(tmp_path, text), "--config", config)
    assert "HL310" not in codes and "HL102" not in codes  # not called a placeholder or an empty section
    assert finding["message"].startswith("'Risk Flags' says there are no risks")
    assert "a reviewer expects" in finding["hint"] and "severity" in finding["hint"] and "mitigation" in finding["hint"]


def test_a_bare_none_in_a_risk_tables_mitigation_is_still_no_mitigation(run, tmp_path):
    table = "| Risk | Severity | Mitigation |\n|---|---|---|\n| Champion may leave in Q1 | High | None |"
    _code, _score, codes, _ = _verdict(run, _with_risks(tmp_path, table))
    assert "HL302" in codes  # the row's Mitigation cell is still empty
