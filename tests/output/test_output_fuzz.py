"""Issue 23: arbitrary file names and cell text through every output format (Hypothesis).

A pull request chooses a handoff's file name (any bytes but "/" and NUL, UTF-8 or not) and its text.
Whatever it chooses, every format handoff-lint writes (text, json, github, sarif, junit, markdown,
concise, the score table, the report as Markdown and HTML) is valid UTF-8 that parses as its format, holds no
raw control character, bidi control or byte that is not UTF-8, no line the runner would obey as a
workflow command, and (Markdown, HTML) no link, image or script the text did not come from us.
"""

from __future__ import annotations

import json
import os
import tempfile
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from conftest import REPO
from handoff_lint.cli import FORMATS, cli
from support.workflow_commands import commands_left

SARIF_SCHEMA = json.loads((REPO / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SARIF = jsonschema.Draft4Validator(SARIF_SCHEMA)
ALLOWED_CONTROLS = {"\n", "\t"}
BIDI = set("\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

names = st.binary(min_size=1, max_size=60).filter(lambda b: b"/" not in b and b"\0" not in b and b not in (b".", b".."))
texts = st.text(max_size=80)  # any code point but lone surrogates (YAML and Markdown are text)


def handoff(text: str) -> str:
    """A thin sales-to-cs handoff with ``text`` where findings, cells and the report quote it."""
    quoted = json.dumps(text)  # a YAML double-quoted scalar
    return (
        f"---\ntype: sales-to-cs\ncustomer: Acme\nfrom: {quoted}\ndate: {quoted}\n---\n"
        f"# Customer Handoff: Acme\n\n## Customer Overview\n\n| Field | Detail |\n|---|---|\n| Company | {text} |\n\n"
        f"## {text}\n\nTBD\n\n## Risk Flags\n\n- TBD {text}\n"
    )


@contextmanager
def workspace(name: bytes, text: str):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "h").mkdir()
        with open(os.path.join(os.fsencode(root / "h"), name + b".md"), "w", encoding="utf-8") as handle:
            handle.write(handoff(text))
        before = os.getcwd()
        os.chdir(root)
        try:
            yield root
        finally:
            os.chdir(before)


def invoke(*args: str) -> tuple[int, str]:
    """Run the CLI as a user would; its output must be valid UTF-8."""
    result = CliRunner().invoke(cli, [*args, "--no-cache", "-j", "1"], env={"GITHUB_ACTIONS": None, "NO_COLOR": "1"})
    assert result.exit_code in (0, 1), (args, result.stderr, result.exception)
    return result.exit_code, result.stdout_bytes.decode("utf-8") + result.stderr_bytes.decode("utf-8")


def assert_safe(output: str, where: str) -> None:
    raw = [
        ch
        for ch in output
        if (ord(ch) < 0x20 and ch not in ALLOWED_CONTROLS) or 0x7F <= ord(ch) <= 0x9F or ch in BIDI
        or 0xD800 <= ord(ch) <= 0xDFFF
    ]  # fmt: skip
    assert raw == [], (where, raw)
    assert commands_left(output) == [], where


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.seen: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, dict(attrs)))


def assert_markdown_inert(page: str, where: str) -> None:
    parser = _Tags()
    parser.feed(MarkdownIt("commonmark").enable("table").render(page))
    tags = {tag for tag, _attrs in parser.seen}
    assert not tags & {"a", "img", "script", "iframe", "style"}, (where, tags)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names, texts)
def test_any_file_name_and_text_through_every_format(name, text):
    with workspace(name, text) as root:
        shown = {}
        for fmt in FORMATS:  # a new format is fuzzed the day it is added
            _code, shown[fmt] = invoke("check", "h", "--format", fmt, "--show-score")
        _code, shown["score"] = invoke("score", *(str(p) for p in (root / "h").iterdir()))
        _code, summary = invoke("check", "h", "--format", "github", "--summary-file", "summary.md")
        shown["summary"] = (root / "summary.md").read_bytes().decode("utf-8")
        _code, shown["report-markdown"] = invoke("report", "h", "--format", "markdown")
        _code, _err = invoke("report", "h", "-o", "report.html")
        shown["report-html"] = (root / "report.html").read_bytes().decode("utf-8")

        for where, output in shown.items():
            assert_safe(output, where)
        files = json.loads(shown["json"])["files"]  # JSON: the exact name comes back
        assert [os.fsencode(f["path"]) for f in files] == [b"h/" + name + b".md"]
        assert not list(SARIF.iter_errors(json.loads(shown["sarif"])))
        assert len(ET.fromstring(shown["junit"]).findall(".//testcase")) == 1
        for where in ("markdown", "summary", "report-markdown"):
            assert_markdown_inert(shown[where], where)
        page = _Tags()
        page.feed(shown["report-html"])
        assert all(tag != "script" for tag, _attrs in page.seen)
        assert all(not key.startswith("on") for _tag, attrs in page.seen for key in attrs)
        assert all(attrs["href"].startswith("./") for tag, attrs in page.seen if tag == "a")


TERMINAL_CONTROL = b"\x1b]0;owned\x07\x1b[2J\x1b[31m"  # set the window title, clear the screen, recolour


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_name_cannot_control_the_terminal_in_any_format(fmt):
    """A PR names a handoff with escape sequences; no format prints them raw (concise did)."""
    with workspace(b"acme" + TERMINAL_CONTROL, "x"):
        _code, output = invoke("check", "h", "--format", fmt)
    assert_safe(output, fmt)
    assert "\x1b" not in output
