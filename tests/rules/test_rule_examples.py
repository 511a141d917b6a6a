"""Every rule's bad example makes it fire and its good example does not (the examples are executed)."""

from __future__ import annotations

import pytest
from rule_harness import lint_example

from handoff_lint.rules import all_rules

# HL110 judges the information of the whole handoff: a snippet cannot complete every category, so its
# good example must fix some of what the bad one reports and add nothing, rather than be silent.
WHOLE_DOCUMENT = {"HL110"}


@pytest.mark.parametrize("rule", [r for r in all_rules() if r.example_lintable], ids=lambda r: r.code)
def test_bad_example_fires_and_good_example_does_not(rule, tmp_path):
    bad = [f.text for f in lint_example(rule, rule.bad, tmp_path)]
    good = [f.text for f in lint_example(rule, rule.good, tmp_path)]
    assert bad, f"{rule.code}: the bad example does not make the rule fire"
    if rule.code in WHOLE_DOCUMENT:
        assert set(good) < set(bad), f"{rule.code}: the good example fixes nothing or adds {set(good) - set(bad)}"
    else:
        assert not good, f"{rule.code}: the good example makes the rule fire: {good}"


def test_rules_whose_examples_describe_a_file_have_fixtures_instead():
    from rule_harness import RULES_DIR

    for rule in all_rules():
        if not rule.example_lintable:
            assert any((RULES_DIR / rule.code).glob("bad_*.expected")), f"{rule.code}: no bad fixture"
