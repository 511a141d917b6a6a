"""A value quoted in a finding's message is shortened only past its limit, on one line."""

from __future__ import annotations

import pytest

from handoff_lint.language.normalize import truncate


@pytest.mark.parametrize(
    "text, limit, shown",
    [
        ("Keep an eye on it", 30, "Keep an eye on it"),
        ("x" * 30, 30, "x" * 30),  # exactly the limit: whole
        ("x" * 31, 30, "x" * 29 + "…"),  # one over: cut, with an ellipsis, to the limit
        ("Keep   an eye\non it", 30, "Keep an eye on it"),  # runs of spaces and line breaks collapsed
    ],
)
def test_a_quoted_value_is_cut_only_past_its_limit(text, limit, shown):
    assert truncate(text, limit) == shown
    assert len(truncate(text, limit)) <= limit
