"""The good sales-to-cs example with one part rewritten, linted through the CLI as a user reads its JSON."""

from __future__ import annotations

import re

from conftest import EXAMPLES, write

BASE = (EXAMPLES / "good" / "northwind-sales-to-cs.md").read_text(encoding="utf-8")


def replace_section(text: str, heading: str, body: str) -> str:
    """``text`` with the body under ``heading`` (up to the next heading of its level or above) replaced."""
    level = heading.count("#")
    pattern = re.compile(rf"(^{re.escape(heading)}\n)(.*?)(?=^#{{1,{level}}} |\Z)", re.M | re.S)
    assert pattern.search(text), heading
    return pattern.sub(lambda m: m.group(1) + body.strip("\n") + "\n\n", text, count=1)


def linted(run, tmp_path, text: str, handoff_type: str | None = None) -> dict:
    """The JSON entry of ``text`` saved as handoff.md (typed as ``handoff_type`` if given): pass or fail, no error."""
    typed = ("--type", handoff_type) if handoff_type else ()
    r = run("check", write(tmp_path, "handoff.md", text), "--format", "json", "--no-cache", *typed)
    assert r.code in (0, 1), r
    return r.json()["files"][0]


def rewritten(run, tmp_path, heading: str, body: str, base: str = BASE, handoff_type: str | None = None) -> dict:
    """The JSON entry of ``base`` with the section under ``heading`` rewritten as ``body``."""
    return linted(run, tmp_path, replace_section(base, heading, body), handoff_type)
