"""The schema fast path may only ever say "certainly valid" when jsonschema agrees.

HL202 skips importing jsonschema when ``certainly_valid`` says yes, so a wrong yes would hide a
real finding. Hypothesis throws frontmatter-shaped values at every built-in type's schema and
compares the two answers; the CLI test shows the finding still arrives through the fast path.
"""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from handoff_lint.handoff_types.definitions import load_types
from handoff_lint.handoff_types.schema_fast_path import certainly_valid

TYPES = load_types(())
KEYS = sorted({key for t in TYPES.values() for key in t.schema.get("properties", {})}) + ["notes", "x"]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**7),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        ["", "TBD", "2026-11-20", "2026-02-30", "2026-11-20\n", "USD", "usd", "draft", "ready", "accepted", "Northwind"]
    ),
    st.text(max_size=12),
)
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=3), st.dictionaries(st.text(max_size=5), SCALARS, max_size=2))
FRONTMATTER = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=10)


@settings(max_examples=400, deadline=None)
@given(type_name=st.sampled_from(sorted(TYPES)), data=FRONTMATTER)
def test_certainly_valid_only_when_jsonschema_finds_nothing(type_name, data):
    handoff_type = TYPES[type_name]
    data = {"type": type_name, **data}
    if certainly_valid(handoff_type.schema, data):
        assert list(handoff_type.validator.iter_errors(data)) == []


@settings(max_examples=300, deadline=None)
@given(type_name=st.sampled_from(sorted(TYPES)), data=FRONTMATTER, blank=st.sets(st.sampled_from(KEYS), max_size=3))
def test_ignoring_required_and_blank_keys_hides_only_those_errors(type_name, data, blank):
    """What HL202 relies on: if the rest is certain, jsonschema only finds `required` or blank-key errors."""
    handoff_type = TYPES[type_name]
    data = {"type": type_name, **data}
    rest = {key: value for key, value in data.items() if key not in blank}
    if certainly_valid(handoff_type.schema, rest, ignore=frozenset({"required"})):
        for error in handoff_type.validator.iter_errors(data):
            path = list(error.absolute_path)
            assert error.validator == "required" or (path and path[0] in blank), error.message


def test_plain_good_frontmatter_is_certain_and_bad_values_are_not():
    schema = TYPES["sales-to-cs"].schema
    good = {"type": "sales-to-cs", "customer": "Northwind", "from": "Ana", "to": "Bo", "date": "2026-11-20"}
    good |= {"status": "ready", "deal_size": 120000, "contract_start": "2026-12-01", "term": "12 months"}
    assert certainly_valid(schema, good)
    bad_values = [("date", "2026-02-30"), ("date", "20 Nov"), ("status", "active"), ("deal_size", -1)]
    for key, bad in bad_values + [("deal_size", True), ("customer", "")]:
        assert not certainly_valid(schema, {**good, key: bad}), (key, bad)


def test_a_bad_value_is_still_reported_without_jsonschema_preloaded(tmp_path):
    doc = tmp_path / "h.md"
    doc.write_text(
        "---\ntype: sales-to-cs\ncustomer: Northwind\nfrom: Ana\nto: Bo\ndate: 2026-02-30\n---\n"
        "# Customer Handoff: Northwind\n"
    )
    out = subprocess.run(
        [sys.executable, "-m", "handoff_lint", "check", str(doc), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert out.returncode == 1
    assert "HL202" in out.stdout and "'date'" in out.stdout
