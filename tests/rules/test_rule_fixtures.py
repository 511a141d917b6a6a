"""Each rule's fixtures, linted with only that rule selected, give exactly the findings expected.

``tests/rules/HL400/bad_number_without_time.md`` is linted as ``handoff-lint check --select HL400``
would lint it; ``bad_number_without_time.expected`` next to it lists the findings, one
``line:col CODE message`` line each, with the hint (if any) on an indented ``hint:`` line below.
A fixture sets its type in its frontmatter as any handoff does; ``name.toml`` next to it (or
``handoff-lint.toml`` for the whole folder) is a ``.handoff-lint.toml`` for anything else, such
as ``structure = "template"`` or ``[rules.HL422] allow-none = false``. A ``name.symlink`` fixture
holds a link target: the test lints a symlink to it from a folder outside the repository (HL004),
so the tree itself never holds a link that copying it would follow.

Regenerate the expected files after a deliberate change, then review the diff:

    HANDOFF_LINT_UPDATE_FIXTURES=1 python -m pytest tests/rules/test_rule_fixtures.py
"""

from __future__ import annotations

import dataclasses
import os

import pytest
from rule_harness import RULES_DIR, lint_fixture

from handoff_lint.rules import all_rules, registry

UPDATE = os.environ.get("HANDOFF_LINT_UPDATE_FIXTURES") == "1"
FIXTURES = sorted([*RULES_DIR.glob("HL*/*.md"), *RULES_DIR.glob("HL*/*.symlink")])


def test_every_rule_has_a_fixture_folder_with_a_bad_and_a_good_fixture():
    for rule in all_rules():
        names = [p.name for p in (RULES_DIR / rule.code).iterdir() if p.suffix in (".md", ".symlink")]
        assert any(n.startswith("bad_") for n in names), f"{rule.code}: add tests/rules/{rule.code}/bad_*.md"
        assert any(n.startswith("good_") for n in names), f"{rule.code}: add tests/rules/{rule.code}/good_*.md"


def test_every_fixture_folder_names_a_rule():
    codes = {rule.code for rule in all_rules()}
    assert {p.name for p in RULES_DIR.glob("HL*")} <= codes


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture(fixture, tmp_path):
    actual = lint_fixture(fixture, tmp_path)
    expected_file = fixture.with_suffix(".expected")
    if UPDATE:
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.is_file(), f"no {expected_file.name}: run with HANDOFF_LINT_UPDATE_FIXTURES=1"
    assert actual == expected_file.read_text(encoding="utf-8")
    if fixture.name.startswith("good_"):
        assert not actual, f"{fixture.name}: a good_ fixture must give no finding"
    if fixture.name.startswith("bad_"):
        assert actual, f"{fixture.name}: a bad_ fixture must give at least one finding"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_switching_a_rule_off_silences_its_bad_fixtures(rule, tmp_path, monkeypatch):
    """No rule can be switched off unnoticed: with its check yielding nothing, its bad_ fixtures (which
    test_fixture shows it reports) give no finding. This holds a new rule from its fixture folder alone."""
    bad = sorted(p for p in (RULES_DIR / rule.code).glob("bad_*") if p.suffix in (".md", ".symlink"))
    assert bad, f"{rule.code}: add tests/rules/{rule.code}/bad_*.md"
    monkeypatch.setitem(registry._RULES, rule.code, dataclasses.replace(rule, check=lambda ctx: iter(())))
    for number, fixture in enumerate(bad):
        folder = tmp_path / str(number)
        folder.mkdir()
        assert lint_fixture(fixture, folder) == "", fixture.name
