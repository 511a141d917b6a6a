"""A rule declared ``means_empty`` (an empty field, a placeholder…) keeps its category from Complete at
any severity a team gives it: the information is not there. The score reads the declaration from the
rule registry, so a new rule of the kind needs no list kept elsewhere."""

from __future__ import annotations

import pytest

from conftest import good_example, write

NORTHWIND = good_example("sales-to-cs").read_text(encoding="utf-8")
# (rule, the change to the good example that makes only it fire, the category it is in)
CASES = [
    ("HL301", ("| Go-live / first value | 2027-01-18 |", "| Go-live / first value | TBD |"), "expectations"),
    ("HL310", ("Not included: Spend Analytics", "Not included: [Product], Spend Analytics"), "customer"),
]


@pytest.mark.parametrize(("code", "change", "category"), CASES)
@pytest.mark.parametrize("config", ["", '[severity]\n{code} = "warning"\n', '[severity]\n{code} = "info"\n'])
def test_an_empty_rules_finding_keeps_its_category_from_complete_at_any_severity(
    run, tmp_path, code, change, category, config
):
    write(tmp_path, ".handoff-lint.toml", config.format(code=code))
    write(tmp_path, "lead.md", NORTHWIND.replace(*change))
    result = run("lead.md", "--format", "json", cwd=tmp_path).json()["files"][0]
    assert [f["code"] for f in result["findings"]] == [code]
    assert result["categories"][category]["status"] == "partial"
    # Without the rule the same text is Complete: the finding, not the text, made it Partial.
    write(tmp_path, ".handoff-lint.toml", f'ignore = ["{code}"]\n')
    result = run("lead.md", "--format", "json", cwd=tmp_path).json()["files"][0]
    assert result["categories"][category]["status"] == "complete"
