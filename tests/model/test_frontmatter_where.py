"""Frontmatter.where: the line and column a finding about a frontmatter value points at.

Keys are written as the user wrote them; a ``/`` or ``~`` in a key must not be read as a path step.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from handoff_lint.parse.parser import parse_text

KEY = st.text(alphabet="abc/~_-", min_size=1, max_size=8).filter(lambda k: k[0] not in "-~")


@given(KEY)
def test_a_key_is_found_on_its_own_line_whatever_it_holds(key):
    text = f'---\ntype: sales-to-cs\n"{key}": one\ntags:\n  - first\n  - second\n---\n# Customer Handoff: X\n'
    frontmatter = parse_text("h.md", text).frontmatter
    assert frontmatter.where(key) == (3, 1)
    assert frontmatter.where("tags", 1) == (6, 5)


def test_a_key_not_written_falls_back_to_its_parent_then_the_opening_line():
    frontmatter = parse_text("h.md", "---\ntype: sales-to-cs\ntags:\n  - first\n---\n# X\n").frontmatter
    assert frontmatter.where("tags", 7) == (3, 1)
    assert frontmatter.where("tags", 0) == (4, 5)
    assert frontmatter.where("owner") == (1, 1)
    assert frontmatter.where() == (1, 1)
