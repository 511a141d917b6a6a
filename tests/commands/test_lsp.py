"""The language server as an editor drives it: a real LSP client speaking to `handoff-lint lsp` over stdio
(pytest-lsp). Open a handoff, type, read the diagnostics, apply a code action, hover a heading."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from conftest import EXAMPLES  # noqa: E402

_SCRIPT = Path(sys.executable).with_name("handoff-lint")
COMMAND = [str(_SCRIPT), "lsp"] if _SCRIPT.exists() else [shutil.which("handoff-lint") or "handoff-lint", "lsp"]
WAIT = 60  # seconds; a shared CI machine is slow, a hang must still end


@pytest_lsp.fixture(config=ClientServerConfig(server_command=COMMAND))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("neovim"), process_id=None, root_uri=None)
    )
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=COMMAND))
async def utf16_client(lsp_client: LanguageClient):
    """A client that names no position encoding (VS Code's): columns are then UTF-16 units."""
    capabilities = client_capabilities("neovim")
    capabilities.general = None
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities, process_id=None))
    yield
    await lsp_client.shutdown_session()


async def _diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), WAIT)
    return client.diagnostics[uri]


async def _until(client: LanguageClient, condition) -> None:
    """Wait for published diagnostics until ``condition`` holds: a notification that came before the wait
    began is not waited for again (two may arrive together), and after WAIT seconds the test fails."""
    deadline = asyncio.get_running_loop().time() + WAIT
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "no diagnostics that meet the condition"
        try:
            await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 1)
        except asyncio.TimeoutError:  # noqa: UP041 - builtin TimeoutError only from Python 3.11
            continue  # published before the wait began: look again


def _open(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = path.resolve().as_uri()
    text = path.read_text(encoding="utf-8") if text is None else text
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text))
    )
    return uri


def _change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    """What an editor does with a code action's text edits (here insertions, one position each)."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start = offsets[edit.range.start.line] + edit.range.start.character
        end = offsets[edit.range.end.line] + edit.range.end.character
        text = text[:start] + edit.new_text + text[end:]
    return text


def _cli_findings(run, path: Path) -> list[tuple[str, int]]:
    return [(f["code"], f["line"]) for f in run("--no-cache", "--format", "json", path).json()["files"][0]["findings"]]


@pytest.mark.asyncio
async def test_opening_a_handoff_shows_the_clis_findings_and_the_score(client, run, tmp_path):
    path = tmp_path / "thin.md"
    shutil.copyfile(EXAMPLES / "bad" / "thin-sales-to-cs.md", path)
    uri = _open(client, path)
    shown = await _diagnostics(client, uri)
    findings = [(d.code, d.range.start.line + 1) for d in shown if d.code != "score"]
    assert findings == _cli_findings(run, path)
    (summary,) = [d for d in shown if d.code == "score"]
    assert summary.message.startswith("Handoff Quality Score 10/100 (sales-to-cs, threshold 70): FAIL")
    assert summary.severity == types.DiagnosticSeverity.Information
    assert path.read_text(encoding="utf-8").split("\n")[summary.range.start.line].startswith("# ")


@pytest.mark.asyncio
async def test_typing_is_read_again_after_a_pause_only_the_last_text_counts(client, tmp_path):
    path = tmp_path / "lead.md"
    text = (EXAMPLES / "bad" / "missing-sections-sdr-to-ae.md").read_text(encoding="utf-8")
    uri = _open(client, path, text)
    before = await _diagnostics(client, uri)
    assert any(d.code == "HL310" for d in before)  # "| Contact | [Name], Finance |"
    # Three edits in a burst: were each read at once, the first diagnostics back would still show the
    # placeholder; read after the pause, they are the last text's.
    for version, name in enumerate(["[Name] D", "[Name] Da", "Dana Lee"], start=2):
        _change(client, uri, version, text.replace("[Name]", name))
    after = await _diagnostics(client, uri)
    assert not any(d.code == "HL310" for d in after)


@pytest.mark.asyncio
async def test_the_fix_all_code_action_gives_what_handoff_lint_fix_writes(client, run, tmp_path, monkeypatch):
    path = tmp_path / "lead.md"
    shutil.copyfile(EXAMPLES / "bad" / "missing-sections-sdr-to-ae.md", path)
    text = path.read_text(encoding="utf-8")
    uri = _open(client, path)
    await _diagnostics(client, uri)
    actions = await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(types.Position(10, 0), types.Position(10, 0)),
                context=types.CodeActionContext(diagnostics=[]),
            )
        ),
        WAIT,
    )
    titles = [a.title for a in actions]
    assert "Add every missing slot (handoff-lint fix)" in titles
    assert any(t.startswith("Add a slot: section 'Red Flags'") for t in titles)
    red_flags = next(a for a in actions if a.title.startswith("Add a slot: section 'Red Flags'"))
    assert [d.message.split(" — ")[0] for d in red_flags.diagnostics] == ["no risks with severity and mitigation"]
    every = next(a for a in actions if a.kind == "source.fixAll.handoff-lint")
    only_source = await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.Source]),
            )
        ),
        WAIT,
    )
    assert [a.title for a in only_source] == [every.title]  # what "Source Action…" lists
    edited = _apply(text, every.edit.changes[uri])
    _change(client, uri, 2, edited)
    after = await _diagnostics(client, uri)
    monkeypatch.chdir(tmp_path)
    assert run("fix", path.name).code == 0
    assert edited == path.read_text(encoding="utf-8")
    assert [(d.code, d.range.start.line + 1) for d in after if d.code != "score"] == _cli_findings(run, path)


@pytest.mark.asyncio
async def test_a_quick_fix_turns_its_missing_element_into_one_placeholder(client, tmp_path):
    """The quick fix linked to "no champion" inserts the champion's slot: that HL110 goes, an HL310 on the
    inserted line takes its place, and the other gaps are still reported as missing."""
    path = tmp_path / "vague.md"
    shutil.copyfile(EXAMPLES / "bad" / "vague-sales-to-cs.md", path)
    text = path.read_text(encoding="utf-8")
    uri = _open(client, path)
    before = await _diagnostics(client, uri)
    missing = [d.message.split(" — ")[0] for d in before if d.code == "HL110"]
    assert "no champion" in missing and "no executive sponsor or economic buyer" in missing
    actions = await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(types.Position(13, 0), types.Position(13, 0)),
                context=types.CodeActionContext(diagnostics=[d for d in before if d.code == "HL110"]),
            )
        ),
        WAIT,
    )
    (quick,) = [
        a
        for a in actions
        if a.kind == types.CodeActionKind.QuickFix
        and [d.message.split(" — ")[0] for d in a.diagnostics] == ["no champion"]
    ]
    edited = _apply(text, quick.edit.changes[uri])
    (slot,) = [n for n, line in enumerate(edited.split("\n")) if line.startswith("[Champion:")]
    _change(client, uri, 2, edited)
    after = await _diagnostics(client, uri)
    left = [d.message.split(" — ")[0] for d in after if d.code == "HL110"]
    assert left == [m for m in missing if m != "no champion"]
    assert [d.code for d in after if d.range.start.line == slot] == ["HL310"]


@pytest.mark.asyncio
async def test_hover_on_a_heading_shows_its_categorys_rating_and_evidence(client, run, tmp_path):
    path = tmp_path / "vague.md"
    shutil.copyfile(EXAMPLES / "bad" / "vague-sales-to-cs.md", path)
    text = path.read_text(encoding="utf-8")
    report = run("--no-cache", "--format", "json", path).json()["files"][0]
    uri = _open(client, path)
    await _diagnostics(client, uri)
    lines = text.split("\n")

    async def hover(line: int):
        return await asyncio.wait_for(
            client.text_document_hover_async(
                types.HoverParams(types.TextDocumentIdentifier(uri=uri), types.Position(line, 3))
            ),
            WAIT,
        )

    for heading, key in (("### Internal Champion", "relationship"), ("## Risk Flags", "risks")):
        category = report["categories"][key]
        shown = (await hover(lines.index(heading))).contents.value
        assert shown.startswith(f"**{category['label']}: {category['status']}** ({category['points']:g} of ")
        assert all(f"- {item}" in shown for item in category["found"] + category["missing"])
    assert "- champion: not found" in (await hover(lines.index("### Internal Champion"))).contents.value
    title = (await hover(next(n for n, line in enumerate(lines) if line.startswith("# ")))).contents.value
    assert title.startswith(f"**Handoff Quality Score {report['score']}/100 (sales-to-cs, threshold 70): FAIL")
    assert f"| Relationship context | {report['categories']['relationship']['status']} |" in title
    assert await hover(lines.index("## Risk Flags") + 2) is None  # a table row: nothing to add


@pytest.mark.asyncio
async def test_the_nearest_config_is_used_as_the_cli_uses_it(client, run, tmp_path, monkeypatch):
    team = tmp_path / "team"
    team.mkdir()
    (team / ".handoff-lint.toml").write_text('threshold = 95\nignore = ["HL110"]\n', encoding="utf-8")
    path = team / "northwind.md"
    shutil.copyfile(EXAMPLES / "bad" / "vague-sales-to-cs.md", path)
    uri = _open(client, path)
    shown = await _diagnostics(client, uri)
    assert "threshold 95" in next(d.message for d in shown if d.code == "score")
    assert not any(d.code == "HL110" for d in shown)
    monkeypatch.chdir(team)
    assert [(d.code, d.range.start.line + 1) for d in shown if d.code != "score"] == _cli_findings(run, path)
    config = team / ".handoff-lint.toml"
    config.write_text("threshold = [\n", encoding="utf-8")  # saved from the editor, beside the open handoff
    config_uri = _open(client, config, config.read_text(encoding="utf-8"))
    (in_config,) = await _diagnostics(client, config_uri)  # the error shows in the config itself too
    assert "invalid TOML" in in_config.message
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=config_uri)))
    await _until(client, lambda: client.diagnostics[uri] and client.diagnostics[uri][0].code is None)
    (broken,) = client.diagnostics[uri]  # the saved config and the open handoff are both read again
    assert broken.severity == types.DiagnosticSeverity.Error and "invalid TOML" in broken.message


@pytest.mark.asyncio
async def test_only_handoffs_are_linted_as_the_cli_would_choose_them(client, tmp_path):
    """The files `handoff-lint` with no arguments lints (under the config's paths, default docs/handoffs),
    and any file whose frontmatter says its type; not a README that happens to be Markdown."""
    (tmp_path / ".git").mkdir()
    readme = tmp_path / "README.md"
    readme.write_text("# Our team\n\nNotes on how we work.\n", encoding="utf-8")
    assert list(await _diagnostics(client, _open(client, readme))) == []
    handoffs = tmp_path / "docs" / "handoffs"
    handoffs.mkdir(parents=True)
    untyped = handoffs / "notes.md"
    untyped.write_text("# Notes on Acme\n\nThey want a demo.\n", encoding="utf-8")
    shown = await _diagnostics(client, _open(client, untyped))
    assert [d.code for d in shown] == ["HL100"]


ACCENTED = """---
type: sdr-to-ae
customer: Zoë's Café
---
# Lead Handoff: Zoë's Café

| Field | Detail |
|-------|--------|
| Company | Zoë's Café 🚚 [Name] |
"""


async def _placeholder_column(lsp: LanguageClient, tmp_path: Path) -> int:
    shown = await _diagnostics(lsp, _open(lsp, tmp_path / "cafe.md", ACCENTED))
    (placeholder,) = [d for d in shown if d.code == "HL310" and d.range.start.line == 8]
    return placeholder.range.start.character


BEFORE_PLACEHOLDER = "| Company | Zoë's Café 🚚 "


@pytest.mark.asyncio
async def test_columns_are_utf16_units_when_the_client_names_no_encoding(utf16_client, tmp_path):
    """As LSP says when nothing else was agreed: "ë" and "é" are one unit each, "🚚" two."""
    assert await _placeholder_column(utf16_client, tmp_path) == len(BEFORE_PLACEHOLDER.encode("utf-16-le")) // 2


@pytest.mark.asyncio
async def test_columns_are_utf8_bytes_when_the_client_prefers_them(client, tmp_path):
    """Neovim offers UTF-8 first, and the server takes it."""
    assert await _placeholder_column(client, tmp_path) == len(BEFORE_PLACEHOLDER.encode("utf-8"))


def test_without_the_lsp_extra_the_command_says_how_to_install_it(run, monkeypatch):
    monkeypatch.setitem(sys.modules, "pygls", None)  # as if pygls were not installed
    refused = run("lsp")
    assert refused.code == 2
    needs = "the language server needs the 'lsp' extra: pip install 'handoff-lint[lsp]'"
    assert refused.err == f"handoff-lint: error: {needs}\n"
