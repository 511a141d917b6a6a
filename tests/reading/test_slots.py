"""A gap is reported once: HL110 ("no champion") stays quiet while the document holds the element's
unfilled slot — the line `handoff-lint fix` writes for it, or a whole line "[Champion]" naming it — and
the placeholder rules report that slot. Anything less than a slot the linter reports keeps HL110."""

from __future__ import annotations

import functools

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import write
from handoff_lint.config.settings import Config
from handoff_lint.engine.linter import Linter
from handoff_lint.handoff_types.definitions import load_types
from handoff_lint.reading.slots import label

BASE = """\
---
type: sales-to-cs
customer: Acme
---
# Customer Handoff: Acme

## Potential Blocker
None identified.

## Technical Context
They run NetSuite.

## Risk Flags

## Action Items
Kickoff next week.
"""

CHAMPION = "champion"
SPONSOR = "executive sponsor or economic buyer"
RISKS = "risks with severity and mitigation"
ACTIONS = "owned, dated next steps"
SECURITY = "security and compliance"
RISK_TABLE = "| Risk | Severity | Mitigation |\n|---|---|---|\n"

# (under this heading, these lines are added; the element; whether its HL110 goes quiet)
CASES = [
    ("## Potential Blocker", "[Champion]", CHAMPION, True),
    ("## Potential Blocker", "[Champion: name the champion and their role]", CHAMPION, True),
    ("## Potential Blocker", "- [champion: who pushes for us inside]", CHAMPION, True),
    ("## Potential Blocker", "| Name | Title | Role |\n|---|---|---|\n| ___ | ___ | Champion |", CHAMPION, True),
    ("## Risk Flags", RISK_TABLE + "| ___ | ___ | ___ |", RISKS, True),
    ("## Action Items", "- [ ] ___ — owner: ___ — due: ___", ACTIONS, True),
    ("## Action Items", "* [ ] ___ — owner: ___ — due: ___", ACTIONS, True),
    ("## Technical Context", "| Item | Detail |\n|---|---|\n| Security | ___ |", SECURITY, True),
    # Not a slot of that element, or not one the linter reports: HL110 stays.
    ("## Potential Blocker", "[Champion]", SPONSOR, False),
    ("## Potential Blocker", "[Champion TBD]", CHAMPION, False),
    ("## Potential Blocker", "[Champion] Dana, maybe", CHAMPION, False),
    ("## Potential Blocker", "```\n[Champion]\n```", CHAMPION, False),
    ("## Potential Blocker", "<!--\n[Champion]\n-->", CHAMPION, False),
    ("## Potential Blocker", "> [Champion]", CHAMPION, True),
    ("## Potential Blocker", "<!-- handoff-lint-disable-next-line HL310 -->\n[Champion]", CHAMPION, False),
    ("## Action Items", "- [x] ___ — owner: ___ — due: ___", ACTIONS, False),
    ("## Risk Flags", "| Item | Detail |\n|---|---|\n| ___ | ___ |", RISKS, False),
    ("## Action Items", RISK_TABLE + "| ___ | ___ | ___ |", RISKS, False),  # a table outside the risks sections
]


def _with(heading: str, lines: str) -> str:
    return BASE.replace(f"{heading}\n", f"{heading}\n{lines}\n\n")


def _findings(run, path, *options) -> list[dict]:
    return run("--no-cache", "--format", "json", *options, path).json()["files"][0]["findings"]


def _missing(findings: list[dict], element: str) -> bool:
    return any(f["code"] == "HL110" and f["message"].startswith(f"no {element}") for f in findings)


@pytest.mark.parametrize("element", [CHAMPION, SPONSOR, RISKS, ACTIONS, SECURITY])
def test_without_a_slot_each_element_is_reported_missing(run, tmp_path, element):
    assert _missing(_findings(run, write(tmp_path, "acme.md", BASE)), element)


@pytest.mark.parametrize(("heading", "lines", "element", "quiet"), CASES, ids=lambda v: repr(v)[:40])
def test_a_slot_the_linter_reports_stands_for_the_gap(run, tmp_path, heading, lines, element, quiet):
    text = _with(heading, lines)
    findings = _findings(run, write(tmp_path, "acme.md", text))
    assert _missing(findings, element) is not quiet
    if quiet:  # reported once, at the slot
        slot = text.split("\n").index(lines.split("\n")[-1]) + 1
        assert {"HL310", "HL301", "HL302"} & {f["code"] for f in findings if f["line"] == slot}


@pytest.mark.parametrize("ignored", ["HL310", "HL301", "HL302"])
def test_with_a_placeholder_rule_turned_off_the_gap_is_reported_as_missing(run, tmp_path, ignored):
    path = write(tmp_path, "acme.md", _with("## Potential Blocker", "[Champion]"))
    assert _missing(_findings(run, path, "--ignore", ignored), CHAMPION)


# Shapes of slots and of their near misses, in any order: whatever the document, HL110 is quiet about a gap
# only where a placeholder finding (HL310, HL301, or HL302 for an empty table row) stands on a line that names it.
PIECES = [
    "## Potential Blocker\n",
    "## Risk Flags\n",
    "## Action Items\n",
    "## Technical Context\n",
    "[Champion]\n",
    "[Champion: who pushes for us]\n",
    "- [Executive sponsor or economic buyer]\n",
    "> [Security: SSO]\n",
    "- [ ] ___ — owner: ___ — due: ___\n",
    "- [x] ___ — owner: ___ — due: ___\n",
    RISK_TABLE,
    "| Item | Detail |\n|---|---|\n",
    "| ___ | ___ | ___ |\n",
    "| Security | ___ |\n",
    "```\n",
    "<!--\n",
    "-->\n",
    "<!-- handoff-lint-disable-next-line HL310 -->\n",
    "\n",
    "Dana Lee is the champion.\n",
]


@functools.cache
def _linters() -> tuple[Linter, Linter]:
    """The default linter, and one with a placeholder rule off (HL110 then reports every gap)."""
    types = load_types()
    return Linter(Config(), types), Linter(Config(ignore=["HL302"]), types)


@settings(max_examples=150, deadline=None)
@example("## Risk Flags\n| Risk | Severity | Mitigation |\n|---|---|---|\n| ___ | ___ | ___ |\n")  # HL302's empty row
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_hl110_is_quiet_only_where_a_placeholder_names_the_gap(body):
    text = BASE.split("## Potential Blocker")[0] + body
    quiet_linter, loud_linter = _linters()
    quiet = quiet_linter.lint("acme.md", text.encode())
    loud = loud_linter.lint("acme.md", text.encode())
    lines = text.split("\n")
    quieting = ("HL310", "HL301", "HL302")
    placeholders = [lines[f.line - 1] for f in quiet.findings if f.code in quieting and f.line <= len(lines)]
    reported = {f.message for f in quiet.findings if f.code == "HL110"}
    elements = {element.label: element for element in load_types()["sales-to-cs"].elements}
    for message in {f.message for f in loud.findings if f.code == "HL110"} - reported:
        spec = elements[message.removeprefix("no ").split(" (")[0]]
        named = [
            line
            for line in placeholders
            if f"[{label(spec)}".casefold() in line.casefold()
            or "owner: ___" in line
            or line.startswith("| ___ |")
            or f"| {label(spec)} |" in line
        ]
        assert named, (message, text)
