"""`handoff-lint fix`, as a writer runs it: on the examples, the blank templates, the judged corpus and
generated handoffs. What it promises: the author's lines come back byte for byte, the score never goes
down, a second run changes nothing, and every slot it adds is a placeholder the linter reports."""

from __future__ import annotations

import difflib
import functools
import json
import os
import re
import shutil
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, JUDGED, REPO, write
from handoff_lint.commands.fix import fix_text
from handoff_lint.config.settings import Config
from handoff_lint.engine.linter import Linter
from handoff_lint.handoff_types.definitions import load_types

TEMPLATES = sorted((REPO / "templates").glob("*.md"))
BAD = sorted((EXAMPLES / "bad").glob("*.md"))
EVERY_EXAMPLE = sorted(EXAMPLES.glob("*/*.md"))
JUDGED_FILES = sorted(JUDGED.glob("*.md")) + sorted((JUDGED / "set2").glob("*.md"))
JUDGED_FILES = [p for p in JUDGED_FILES if p.name not in ("README.md", "LICENCE.md")]
# What an unfilled slot is reported as: a placeholder, an empty field or cell, a section of placeholders.
PLACEHOLDER_CODES = {"HL310", "HL301", "HL302", "HL102", "HL201"}


@pytest.fixture(autouse=True)
def _in_the_writers_folder(tmp_path, monkeypatch):
    """fix writes only inside the repository it runs in: here, the test's own folder."""
    monkeypatch.chdir(tmp_path)


def _copy(source: Path, folder: Path) -> Path:
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def _report(run, path: Path) -> dict:
    return run("--no-cache", "--format", "json", path).json()["files"][0]


def _inserted_lines(before: str, after: str) -> set[int]:
    """Line numbers (1-based) of ``after`` that are not lines of ``before``; fails unless every line of
    ``before`` is in ``after``, whole (its line ending too) and in order."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    if old and not old[-1].endswith(("\n", "\r")):  # a last line without an ending gets one when slots follow
        last = max((n for n, line in enumerate(new) if line.rstrip("\r\n") == old[-1]), default=None)
        if last is not None:
            new[last] = old[-1]
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    if all(tag in ("equal", "insert") for tag, *_ in opcodes):
        kept = {j1 + k for tag, i1, i2, j1, _j2 in opcodes if tag == "equal" for k in range(i2 - i1)}
    else:  # repeated lines can mislead difflib: look for the lines in order
        kept, position = set(), 0
        for line in old:
            while position < len(new) and new[position] != line:
                position += 1
            assert position < len(new), f"fix changed or moved the author's line {line!r}"
            kept.add(position)
            position += 1
    return set(range(1, len(new) + 1)) - {position + 1 for position in kept}


def _same_finding(finding: dict) -> tuple[str, str]:
    """A finding apart from where it is: messages that cite a line ("(line 82)") name it after the shift."""
    return finding["code"], re.sub(r"line \d+", "line N", finding["message"])


def _fix_and_check(run, path: Path) -> tuple[dict, dict, set[int], str]:
    """Fix ``path`` through the CLI; check the promises every fix keeps; the reports before and after."""
    before_text = path.read_bytes().decode("utf-8")
    before = _report(run, path)
    fixed = run("fix", path)
    assert fixed.code == 0, fixed
    after_text = path.read_bytes().decode("utf-8")
    inserted = _inserted_lines(before_text, after_text)
    after = _report(run, path)
    if before["score"] is not None:
        assert after["score"] >= before["score"], (before["score"], after["score"], after_text)
        assert after["type"] == before["type"]
    again = run("fix", "--diff", path)
    assert (again.code, again.out) == (0, ""), f"a second fix would change the file:\n{again.out}"
    return before, after, inserted, after_text


@pytest.mark.parametrize("example", EVERY_EXAMPLE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fix_on_each_example_keeps_every_line_and_the_score(run, tmp_path, example):
    path = _copy(example, tmp_path)
    _before, _after, inserted, _text = _fix_and_check(run, path)
    if example.parent.name == "good":
        assert not inserted, "a complete handoff has nothing missing"


# The elements fix gives a slot in each blank template and bad example. The others already have one in the
# document's own words (a "**Champion:** [Name]", a "TBD" row), which fix leaves to the writer.
SLOTTED = {
    "templates/ae-to-se.md": ["security and compliance"],
    "templates/cs-to-sales.md": ["security and compliance"],
    "templates/sales-to-cs.md": [],
    "templates/sales-to-implementation.md": [],
    "templates/sdr-to-ae.md": ["quantified need and what they'd judge us on", "decision timeline", "integrations"],
    "bad/broken-frontmatter-cs-to-sales.md": [],
    "bad/copied-template-implementation.md": [],
    "bad/missing-sections-sdr-to-ae.md": [
        "quantified need and what they'd judge us on",
        "decision timeline",
        "champion",
        "executive sponsor or economic buyer",
        "current systems and architecture",
        "integrations",
        "risks with severity and mitigation",
        "owned, dated next steps",
    ],
    "bad/thin-sales-to-cs.md": [],
    "bad/vague-sales-to-cs.md": ["champion", "executive sponsor or economic buyer"],
}


def _missing(report: dict) -> list[str]:
    return [f["message"] for f in report["findings"] if f["code"] == "HL110"]


@pytest.mark.parametrize("source", TEMPLATES + BAD, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fix_on_templates_and_bad_examples_adds_only_placeholders_the_linter_reports(run, tmp_path, source):
    path = _copy(source, tmp_path)
    before, after, inserted, text = _fix_and_check(run, path)
    # A gap fix gave a slot is reported once, as the slot's placeholder: HL110 no longer names it.
    slotted = tuple(f"no {label}" for label in SLOTTED[f"{source.parent.name}/{source.name}"])
    assert len([m for m in _missing(before) if m.startswith(slotted)]) == len(slotted)
    assert _missing(after) == [m for m in _missing(before) if not m.startswith(slotted)]
    known = {_same_finding(f) for f in before["findings"]}
    new = [
        f
        for f in after["findings"]
        if _same_finding(f) not in known and not (f["line"] in inserted and f["code"] in PLACEHOLDER_CODES)
    ]
    assert not new, new
    lines = text.splitlines()
    reported = {f["line"] for f in after["findings"]}
    slots = [n for n in inserted if "___" in lines[n - 1] or lines[n - 1].lstrip("-*+ ").startswith("[")]
    assert all(n in reported for n in slots), [lines[n - 1] for n in slots if n not in reported]


# What fix adds to each bad example: a slot per element HL110 says is nowhere, unless the document already
# has an empty one for it (a "| Data migration | N/A |" row, a "TBD" under "Internal Champion").
SLOTS = {
    "broken-frontmatter-cs-to-sales.md": [],  # its YAML does not parse: nothing is read, nothing is added
    "copied-template-implementation.md": [],  # a copied template: every slot is there, unfilled
    "thin-sales-to-cs.md": [],  # every section there, each "TBD" or "N/A"
    "missing-sections-sdr-to-ae.md": [
        "[Quantified need:",
        "[Decision timeline:",
        "## Stakeholders",
        "[Champion:",
        "[Executive sponsor or economic buyer:",
        "## Current Tools and Tech Stack",
        "[Current systems:",
        "[Integrations:",
        "## Red Flags",
        "[Risks:",
        "## Action Items",
        "- [ ] ___ — owner: ___ — due: ___",
    ],
    "vague-sales-to-cs.md": ["[Champion:", "[Executive sponsor or economic buyer:"],
}


@pytest.mark.parametrize("name", sorted(SLOTS))
def test_each_missing_element_gets_one_slot(run, tmp_path, name):
    path = _copy(EXAMPLES / "bad" / name, tmp_path)
    shown = run("fix", "--diff", path).out.splitlines()
    added = [line[1:] for line in shown if line.startswith("+") and not line.startswith("+++") and line[1:].strip()]
    assert [next(s for s in SLOTS[name] if line.startswith(s)) for line in added] == SLOTS[name], added


def test_fix_on_the_judged_corpus_keeps_every_line_and_never_lowers_a_score(run, tmp_path):
    assert len(JUDGED_FILES) == 34, JUDGED
    changed = 0
    for source in JUDGED_FILES:
        path = _copy(source, tmp_path)
        slotted = _slotted(fix_text(_linter(), source.name, source.read_text(encoding="utf-8")))
        _before, after, inserted, _text = _fix_and_check(run, path)
        changed += bool(inserted)
        assert not [m for m in _missing(after) if slotted and m.startswith(slotted)], source.name
    assert changed >= len(JUDGED_FILES) // 2  # most real handoffs miss something


def test_type_read_from_the_content_is_written_into_the_frontmatter(run, tmp_path):
    source = _copy(EXAMPLES / "good" / "tidewater-sdr-to-ae.md", tmp_path)
    lines = source.read_text(encoding="utf-8").split("\n")
    body = [line for line in lines[lines.index("---", 1) + 1 :]]
    body[body.index(next(line for line in body if line.startswith("# ")))] = "# Notes on Tidewater"
    no_type = write(tmp_path, "notes.md", "---\ncustomer: Tidewater\n---\n" + "\n".join(body))
    assert _report(run, no_type)["type_source"] == "content"
    run("fix", no_type)
    assert no_type.read_text(encoding="utf-8").startswith("---\ntype: sdr-to-ae\ncustomer: Tidewater\n---\n")
    assert _report(run, no_type)["type_source"] == "frontmatter"
    bare = write(tmp_path, "bare.md", "\n".join(body))
    run("fix", bare)
    assert bare.read_text(encoding="utf-8").startswith("---\ntype: sdr-to-ae\n---\n# Notes on Tidewater")


def test_diff_prints_a_unified_diff_and_changes_nothing(run, tmp_path):
    path = _copy(EXAMPLES / "bad" / "missing-sections-sdr-to-ae.md", tmp_path)
    before = path.read_bytes()
    shown = run("fix", "--diff", path)
    assert shown.code == 1
    assert shown.out.startswith(f"--- a/{path}\n+++ b/{path}\n@@ ")
    assert "+## Red Flags" in shown.out and "+- [ ] ___ — owner: ___ — due: ___" in shown.out
    assert path.read_bytes() == before
    run("fix", path)
    expected = difflib.unified_diff(
        before.decode().splitlines(keepends=True), path.read_text().splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    assert shown.out == "".join(expected)  # the diff shown is the change fix then makes


def test_a_missing_section_is_added_in_the_documents_heading_level_with_template_structure(run, tmp_path):
    (tmp_path / ".handoff-lint.toml").write_text('structure = "template"\n', encoding="utf-8")
    text = (EXAMPLES / "bad" / "missing-sections-sdr-to-ae.md").read_text(encoding="utf-8")
    path = write(tmp_path, "lead.md", text.replace("## ", "### "))
    assert "HL101" in {f["code"] for f in _report(run, path)["findings"]}
    run("fix", path)
    fixed = path.read_text(encoding="utf-8")
    assert "\n### Qualification Notes\n\n**Pain:** ___\n" in fixed
    assert "\n### Stakeholders\n\n| Name | Title | Role |\n|---|---|---|\n| ___ | ___ | ___ |\n" in fixed
    assert "\n## " not in fixed
    assert "HL101" not in {f["code"] for f in _report(run, path)["findings"]}


def test_a_slot_follows_the_sections_list_style_and_table_shape(run, tmp_path):
    path = write(
        tmp_path,
        "acme.md",
        """
        ---
        type: sales-to-cs
        customer: Acme
        ---
        # Customer Handoff: Acme

        ## Risk Flags
        | Risk | Severity | Mitigation |
        |------|----------|------------|

        ## Action Items
        * [ ] Kickoff call
        * [ ] Welcome email
        """,
    )
    run("fix", path)
    fixed = path.read_text(encoding="utf-8")
    assert "|------|----------|------------|\n| ___ | ___ | ___ |\n" in fixed
    assert "* [ ] Welcome email\n* [ ] ___ — owner: ___ — due: ___\n" in fixed


def test_line_endings_and_a_missing_final_newline_are_kept(run, tmp_path):
    text = (EXAMPLES / "bad" / "missing-sections-sdr-to-ae.md").read_text(encoding="utf-8").rstrip("\n")
    path = tmp_path / "crlf.md"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    run("fix", path)
    data = path.read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert data.startswith(text.replace("\n", "\r\n").encode("utf-8"))


def test_unsafe_fixes_write_an_unambiguous_frontmatter_date_as_iso(run, tmp_path):
    source = (EXAMPLES / "good" / "northwind-sales-to-cs.md").read_text(encoding="utf-8")
    original = re.search(r"^date: .*$", source, re.M).group(0)
    written = source.replace(original, 'date: "Nov 20, 2026"')
    path = write(tmp_path, "northwind.md", written)
    run("fix", path)
    assert path.read_text(encoding="utf-8") == written  # safe fixes never reword
    run("fix", "--unsafe-fixes", path)
    assert 'date: "2026-11-20"\n' in path.read_text(encoding="utf-8")
    ambiguous = write(tmp_path, "ambiguous.md", source.replace(original, 'date: "05/06/2026"'))
    run("fix", "--unsafe-fixes", ambiguous)
    assert 'date: "05/06/2026"\n' in ambiguous.read_text(encoding="utf-8")


def test_a_symlink_and_a_file_outside_the_repository_are_refused_unchanged(run, tmp_path):
    repo, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    (repo / ".git").mkdir(parents=True)
    elsewhere.mkdir()
    outside = _copy(EXAMPLES / "bad" / "missing-sections-sdr-to-ae.md", elsewhere)
    before = outside.read_bytes()
    (repo / "link.md").symlink_to(outside)
    refused = run("fix", "link.md", cwd=repo)
    assert refused.code == 1
    assert refused.err.splitlines()[0] == "handoff-lint: link.md: is a symlink; not fixed"
    refused = run("fix", str(outside), cwd=repo)
    assert refused.code == 1 and "is outside the repository; not fixed" in refused.err
    assert outside.read_bytes() == before


def test_the_fixed_file_replaces_the_old_one_whole_with_its_permissions(run, tmp_path):
    path = _copy(EXAMPLES / "bad" / "thin-sales-to-cs.md", tmp_path)
    path.chmod(0o640)
    run("fix", path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temporary file left behind


def test_bad_input_is_one_line_and_no_change(run, tmp_path):
    latin = tmp_path / "latin.md"
    latin.write_bytes("# Customer Handoff: Caf\xe9\n".encode("latin-1"))
    refused = run("fix", latin)
    assert refused.code == 1 and refused.err.splitlines()[0] == f"handoff-lint: {latin}: is not valid UTF-8; not fixed"
    missing = tmp_path / "nope.md"
    assert run("fix", missing).err.strip() == f"handoff-lint: error: path not found: {missing}"


def test_one_refused_file_does_not_stop_the_others_and_the_run_exits_1(run, tmp_path):
    (tmp_path / "a-latin.md").write_bytes("# Customer Handoff: Caf\xe9\n".encode("latin-1"))
    thin = _copy(EXAMPLES / "bad" / "missing-sections-sdr-to-ae.md", tmp_path)
    before = thin.read_bytes()
    done = run("fix", tmp_path)
    assert done.code == 1 and "a-latin.md: is not valid UTF-8; not fixed" in done.err
    assert thin.read_bytes() != before and "1 of 2 handoffs fixed" in done.err


sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402

GENERATED_TYPES = generate.load_types()


@functools.cache
def _linter() -> Linter:
    """The linter with the default config and the built-in types, as `handoff-lint fix` builds it."""
    return Linter(Config(), load_types())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**16), index=st.integers(0, 10_000))
def test_fix_is_idempotent_and_keeps_every_line_on_generated_handoffs(seed, index):
    linter = _linter()
    name, text = generate.document(GENERATED_TYPES, seed, index)
    first = fix_text(linter, name, text)
    _inserted_lines(text, first.fixed)
    assert fix_text(linter, name, first.fixed).fixed == first.fixed
    before, after = linter.lint(name, text.encode()), linter.lint(name, first.fixed.encode())
    assert (after.score or 0) >= (before.score or 0)
    slotted = _slotted(first)
    assert not [f.message for f in after.findings if f.code == "HL110" and slotted and f.message.startswith(slotted)]


def _slotted(result) -> tuple[str, ...]:
    """The HL110 messages ("no champion") of the elements fix gave a slot."""
    return tuple(f"no {label}" for insertion in result.insertions for label in insertion.elements)


def test_json_and_fix_agree_on_what_is_missing(run, tmp_path):
    """The JSON report's per-category "missing" list names what fix then gives a slot."""
    path = _copy(EXAMPLES / "bad" / "missing-sections-sdr-to-ae.md", tmp_path)
    missing = [m for c in _report(run, path)["categories"].values() for m in c["missing"]]
    shown = run("fix", "--diff", path).out
    for label in ("Decision timeline", "Champion", "Integrations"):
        assert any(m.lower().startswith(label.lower()) for m in missing)
        assert f"+[{label}" in shown or f"+**{label}" in shown
    assert json.loads(run("--no-cache", "--format", "json", path).out)["files"][0]["score"] == 10


# Shapes a hurried writer or a broken editor leaves: stray fences, CR-only endings, a BOM, no final newline,
# headings and tables out of place. Whatever the text, fix keeps it whole and a second run adds nothing.
PIECES = [
    "---\n",
    "type: sales-to-cs\n",
    "# Customer Handoff: X\n",
    "## Risk Flags\n",
    "| Risk | Mitigation |\n",
    "|---|---|\n",
    "| a | b |\n",
    "- [ ] x\n",
    "\n",
    "\r\n",
    "\r",
    "## Action Items\n",
    "1. foo\n",
    "```\n",
    "> q\n",
    "\ufeff",
    "## Stakeholders\n",
    "| Name | Title | Role |\n",
    "text",
    "\t- nested\n",
    "___\n",
    "<!-- handoff-lint-disable -->\n",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=30).map("".join))
def test_fix_keeps_any_text_whole_and_is_idempotent(text):
    linter = _linter()
    first = fix_text(linter, "g.md", text)
    _inserted_lines(text, first.fixed)
    assert fix_text(linter, "g.md", first.fixed).fixed == first.fixed
