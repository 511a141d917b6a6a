"""Headings are matched without their trailing notes; a value quoted in a finding's message is shortened
only past its limit, on one line."""

from __future__ import annotations

import pytest

from handoff_lint.text import normalize_heading, truncate


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


@pytest.mark.parametrize(
    "heading, key",
    [
        ("Risk flags (as of March) (draft)", "risk flags"),
        ("Risk flags [draft]", "risk flags"),
        ("Risk flags (as of March) [draft]  ", "risk flags"),
        ("Next steps (owner: Ana) ", "next steps"),
        ("(Draft) Risk flags", "draft risk flags"),  # a note in front is part of the heading
        ("\u200b1. Risk flags", "risk flags"),  # a zero-width space (Notion) before the numbering
        ("Risk flags (draft) 🚩", "risk flags"),  # a trailing emoji, then its note
    ],
)
def test_a_heading_is_matched_without_its_trailing_notes(heading, key):
    assert normalize_heading(heading) == key
