"""The README stays a five-minute read, and every relative link in it and in docs/*.md leads somewhere:
the file exists and, for a ``#fragment``, the page has that heading (as GitHub names its anchors)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt

from conftest import REPO

README_LIMIT = 8192  # bytes
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
_MARKDOWN = MarkdownIt("commonmark").enable("table")


def _inline_text(token) -> str:
    return "".join(child.content for child in token.children or [] if child.type in ("text", "code_inline"))


def github_anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


@cache
def anchors(page: Path) -> frozenset[str]:
    """The anchors of a Markdown page: one per heading (a repeated one gets -1, -2…), and any <a id>."""
    text = page.read_text(encoding="utf-8")
    tokens = _MARKDOWN.parse(text)
    seen: dict[str, int] = {}
    found = set(re.findall(r"<a (?:id|name)=\"([^\"]+)\"", text))
    for opening, inline in zip(tokens, tokens[1:], strict=False):
        if opening.type != "heading_open":
            continue
        anchor = github_anchor(_inline_text(inline))
        count = seen.get(anchor, 0)
        seen[anchor] = count + 1
        found.add(anchor if count == 0 else f"{anchor}-{count}")
    return frozenset(found)


def links(page: Path) -> list[str]:
    """Every link and image target written in the page's text (not in code)."""
    targets = []
    for token in _MARKDOWN.parse(page.read_text(encoding="utf-8")):
        for child in token.children or []:
            if child.type == "link_open":
                targets.append(child.attrs["href"])
            elif child.type == "image":
                targets.append(child.attrs["src"])
    return targets


def test_the_readme_is_a_five_minute_read():
    size = len((REPO / "README.md").read_bytes())
    assert size <= README_LIMIT, f"README.md is {size} bytes; move detail to a docs/ page (limit {README_LIMIT})"


def test_the_readme_links_every_docs_page():
    linked = {target.split("#")[0] for target in links(REPO / "README.md")}
    for page in sorted((REPO / "docs").glob("*.md")):
        assert f"docs/{page.name}" in linked, f"README.md does not link docs/{page.name}"


@pytest.mark.parametrize("page", PAGES, ids=[page.relative_to(REPO).as_posix() for page in PAGES])
def test_every_relative_link_resolves(page):
    broken = []
    for target in links(page):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: — not this repository's
            continue
        path, _, fragment = unquote(target).partition("#")
        destination = (page.parent / path).resolve() if path else page
        if not destination.exists():
            broken.append(f"{target}: no such file")
        elif fragment and destination.suffix == ".md" and fragment not in anchors(destination):
            broken.append(f"{target}: no heading '#{fragment}' in {destination.relative_to(REPO)}")
    assert not broken, f"{page.relative_to(REPO)}: " + "; ".join(broken)


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Team report (`benchmarks/report_bench.py`)", "team-report-benchmarksreport_benchpy"),
        ("Counting findings per rule: `--statistics`", "counting-findings-per-rule---statistics"),
        ("HL422", "hl422"),
        ("Sharding a full re-lint", "sharding-a-full-re-lint"),
    ],
)
def test_anchors_are_named_as_github_names_them(tmp_path, heading, anchor):
    page = tmp_path / "page.md"
    page.write_text(f"# Title\n\n## {heading}\n\n## {heading}\n", encoding="utf-8")
    assert {anchor, f"{anchor}-1"} <= anchors(page)
