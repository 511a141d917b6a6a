"""A template's list of options left in a cell ("High / Medium / Low", "🔴🟡🟢") is no answer; one
option chosen is. Through ``is_option_list`` and ``is_blank_or_placeholder``, which the completeness
of every table cell and field is judged by."""

from __future__ import annotations

import pytest

from handoff_lint.reading.language.placeholders import is_blank_or_placeholder, is_option_list

CELLS = [
    # (cell text, left as the template's options)
    ("🔴🟡🟢", True),
    ("🔴 / 🟢", True),
    ("🔴 High 🟡 Medium 🟢 Low", True),  # three severities offered, with their words
    ("Complete / Partial / Missing", True),
    ("**High** / **Medium** / **Low**", True),
    ("pending | in-progress | completed", True),
    ("Yes or No", True),
    ("🔴", False),  # one severity chosen
    ("🔴 High", False),
    ("🔴 High / 🟢 Low", False),  # two severities with words: a range someone wrote
    ("High", False),
    ("Leo / Dana", False),  # two owners, not options
    ("🔴 at risk: the CFO left", False),
]


@pytest.mark.parametrize("text, options", CELLS)
def test_a_list_of_options_left_in_a_cell_is_no_answer(text, options):
    assert is_option_list(text) is options
    assert is_blank_or_placeholder(text) is options
