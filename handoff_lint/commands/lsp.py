"""``handoff-lint lsp``: the linter in the editor, over the Language Server Protocol (stdio, pygls).

While a seller types, the server re-reads the handoff (debounced) and publishes the same findings
the CLI prints, plus one information diagnostic on the title with the Handoff Quality Score. Hover
on a section heading shows its score category's rating, what was found and what is missing; hover
on the title shows every category. Code actions offer each of ``handoff-lint fix``'s insertions, and
all of them at once. Configuration and handoff types are loaded as the CLI loads them (the nearest
``.handoff-lint.toml`` or ``pyproject.toml`` above the file), and the file is linted by the same
``Linter``. pygls is an optional dependency: ``pip install 'handoff-lint[lsp]'``.
"""

from __future__ import annotations

import asyncio
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from handoff_lint import __version__
from handoff_lint.errors import HandoffLintError

DEBOUNCE_SECONDS = 0.25  # a pause in typing this long re-reads the document
SOURCE = "handoff-lint"


def require():
    """pygls and lsprotocol, or a one-line error that says how to install them."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        raise HandoffLintError("the language server needs the 'lsp' extra: pip install 'handoff-lint[lsp]'") from None


@dataclass
class Analysis:
    """One version of one document, linted; the outline and the fixes are worked out when first asked."""

    uri: str
    path: str
    version: int | None
    text: str
    linter: object | None = None
    result: object | None = None  # FileResult
    error: str = ""  # a configuration error: shown instead of findings
    _headings: dict[int, str] | None = field(default=None, repr=False)  # line -> category key
    _fix: object | None = field(default=None, repr=False)

    def headings(self) -> dict[int, str]:
        """The score category of each section heading, by line (1-based)."""
        if self._headings is None:
            self._headings = {}
            if self.result is not None and self.result.type_name:
                from handoff_lint.commands.fix import read

                reading = read(self.linter, self.path, self.text.encode("utf-8"))
                if reading.outline is not None:
                    for key, section in reading.outline.matched.items():
                        spec = next(s for s in reading.handoff_type.sections if s.key == key)
                        if spec.category:
                            self._headings[section.line] = spec.category
        return self._headings

    def fix(self):
        if self._fix is None:
            from handoff_lint.commands.fix import fix_text

            self._fix = fix_text(self.linter, self.path, self.text)
        return self._fix


class Linters:
    """One Linter per configuration file, reloaded when the file changes (as the next CLI run would)."""

    def __init__(self):
        self._cache: dict[tuple, object] = {}

    def for_file(self, path: str):
        from handoff_lint.cli import _load
        from handoff_lint.config.settings import find_config_file
        from handoff_lint.engine.linter import Linter
        from handoff_lint.files.boundary import repository_top

        folder = Path(path).resolve().parent
        source = find_config_file(folder)
        stamp = os.stat(source).st_mtime_ns if source else 0
        key = (str(source or folder), stamp)
        if key not in self._cache:
            # Without a config file, paths are relative to the repository's top, where one runs the CLI.
            config, types = _load(None, start=folder if source else Path(repository_top(folder)))
            self._cache = {k: v for k, v in self._cache.items() if k[0] != key[0]}
            self._cache[key] = Linter(config, types)
        return self._cache[key]


# A "type:" key in the frontmatter (before its closing "---").
_DECLARED_TYPE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?:(?!---).*\r?\n){0,60}?type[ \t]*:[ \t]*\S")


def is_handoff(path: str, text: str, config) -> bool:
    """A file `handoff-lint` with no arguments would lint (under the config's ``paths``, not excluded),
    or one that says it is a handoff (a ``type:`` in its frontmatter): not every Markdown file open."""
    from handoff_lint.files.discover import _excluded

    if _DECLARED_TYPE.match(text):
        return True
    resolved = Path(path).resolve()
    for folder in config.paths:
        base = (config.root / folder).resolve()
        if resolved == base or base in resolved.parents:
            return not _excluded(resolved, config.exclude, config.root)
    return False


def analyse(linters: Linters, uri: str, path: str, text: str, version: int | None = None) -> Analysis:
    analysis = Analysis(uri, path, version, text)
    try:
        analysis.linter = linters.for_file(path)
    except HandoffLintError as exc:
        analysis.error = str(exc)
        return analysis
    if not is_handoff(path, text, analysis.linter.config):
        return analysis  # no result: nothing shown
    try:
        analysis.result = analysis.linter.lint(path, text.encode("utf-8"))
    except Exception as exc:  # a bug must show in the editor as one line, not stop the server
        analysis.error = f"handoff-lint: internal error: {type(exc).__name__}: {exc}"
    return analysis


# --- LSP shapes ---------------------------------------------------------------------------------


def _units(text: str, column: int, codec=None) -> int:
    """A 1-based column in characters as LSP's 0-based offset in the client's code units: UTF-16 unless
    the client and server agreed on another encoding at start (``codec``: the workspace's PositionCodec)."""
    prefix = text[: max(column - 1, 0)]
    if codec is not None:
        return codec.client_num_units(prefix)
    return len(prefix.encode("utf-16-le")) // 2


def diagnostics(analysis: Analysis, codec=None) -> list:
    from lsprotocol import types

    lines = analysis.text.split("\n")

    def line_range(line: int, column: int = 1):
        number = min(max(line - 1, 0), max(len(lines) - 1, 0))
        text = lines[number].rstrip("\r") if lines else ""
        start = min(_units(text, column, codec), _units(text, len(text) + 1, codec))
        end = _units(text, len(text) + 1, codec)
        return types.Range(types.Position(number, start), types.Position(number, max(end, start)))

    if analysis.error:
        return [
            types.Diagnostic(
                range=line_range(1), message=analysis.error, severity=types.DiagnosticSeverity.Error, source=SOURCE
            )
        ]
    if analysis.result is None:
        return []  # not a handoff
    from handoff_lint.rules import get_rule

    severity = {
        "error": types.DiagnosticSeverity.Error,
        "warning": types.DiagnosticSeverity.Warning,
        "info": types.DiagnosticSeverity.Information,
    }
    found = []
    for finding in analysis.result.findings:
        rule = get_rule(finding.code)
        found.append(
            types.Diagnostic(
                range=line_range(finding.line, finding.column),
                message=finding.text,
                severity=severity.get(finding.severity.value, types.DiagnosticSeverity.Warning),
                code=finding.code,
                code_description=types.CodeDescription(href=rule.help_uri) if rule else None,
                source=SOURCE,
            )
        )
    summary = score_summary(analysis)
    if summary:
        found.append(
            types.Diagnostic(
                range=line_range(_title_line(analysis)),
                message=summary,
                severity=types.DiagnosticSeverity.Information,
                code="score",
                source=SOURCE,
            )
        )
    return found


def score_summary(analysis: Analysis) -> str:
    """One line: "Handoff Quality Score 62/100 (sales-to-cs): FAIL — score 62 < 70"."""
    result = analysis.result
    if result is None or result.score is None:
        return ""
    from handoff_lint.scoring.verdict import decide

    ((_, verdict),) = decide([result], analysis.linter.config.threshold)
    outcome = "PASS" if verdict.passed else "FAIL — " + "; ".join(verdict.reasons)
    return f"Handoff Quality Score {result.score}/100 ({result.type_name}, threshold {verdict.threshold}): {outcome}"


def _title_line(analysis: Analysis) -> int:
    for number, line in enumerate(analysis.text.split("\n"), start=1):
        if line.startswith("# "):
            return number
    return 1


def hover_text(analysis: Analysis, line: int) -> str | None:
    """Markdown for a hover on ``line`` (1-based): the score on the title, a category on its heading."""
    result = analysis.result
    if result is None or result.score is None:
        return None
    if line == _title_line(analysis):
        rows = [f"**{score_summary(analysis)}**", "", "| Category | Rating | Points |", "|---|---|---|"]
        for category in result.categories.values():
            if category.status != "n/a":
                rows.append(f"| {category.label} | {category.status} | {category.points:g}/{category.weight} |")
        return "\n".join(rows)
    key = analysis.headings().get(line)
    category = result.categories.get(key) if key else None
    if category is None:
        return None
    parts = [f"**{category.label}: {category.status}** ({category.points:g} of {category.weight} points)"]
    if category.found:
        parts += ["", "Found:", *[f"- {item}" for item in category.found]]
    if category.missing:
        parts += ["", "Missing:", *[f"- {item}" for item in category.missing]]
    return "\n".join(parts)


def code_actions(analysis: Analysis, codec=None) -> list:
    """Each of fix's insertions as a quick fix, and all of them as one action."""
    from lsprotocol import types

    if analysis.result is None:
        return []
    fixed = analysis.fix()
    if not fixed.insertions:
        return []
    from handoff_lint.commands.fix import Insertion, grouped, newline_of, source_lines

    lines = source_lines(analysis.text)
    newline = newline_of(lines)

    def edit(insertion):
        """The same text ``fix`` puts there (fix._apply): each line with the ending of the line before."""
        before = lines[insertion.after - 1] if insertion.after else ""
        ending = before[len(before.rstrip("\r\n")) :] if insertion.after else newline
        if insertion.after and not ending:  # after a last line without an ending
            position = types.Position(insertion.after - 1, _units(before, len(before) + 1, codec))
            text = newline + newline.join(insertion.lines)
        else:
            position = types.Position(insertion.after, 0)
            text = "".join(line + ending for line in insertion.lines)
        return types.TextEdit(range=types.Range(position, position), new_text=text)

    missing = [d for d in diagnostics(analysis, codec) if d.code == "HL110"]

    def answers(insertion) -> list:
        """The HL110 diagnostics ("no champion …") whose element the insertion gives a slot."""
        return [d for d in missing if any(d.message.startswith(f"no {label}") for label in insertion.elements)]

    def action(title, insertions, kind):
        # One edit per place, as fix joins them: editors differ on the order of several at one place.
        edits = [edit(Insertion(after, tuple(added), "")) for after, added in grouped(insertions).items()]
        return types.CodeAction(
            title=title,
            kind=kind,
            diagnostics=[d for i in insertions for d in answers(i)] or None,
            edit=types.WorkspaceEdit(changes={analysis.uri: edits}),
        )

    actions = [action(f"Add a slot: {i.why}", [i], types.CodeActionKind.QuickFix) for i in fixed.insertions]
    if len(fixed.insertions) > 1:
        actions.append(
            action("Add every missing slot (handoff-lint fix)", fixed.insertions, "source.fixAll.handoff-lint")
        )
    return actions


# --- the server ---------------------------------------------------------------------------------


def build_server():
    """The pygls server with its handlers; ``serve()`` runs it on stdin/stdout."""
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer
    from pygls.uris import to_fs_path

    server = LanguageServer(SOURCE, __version__)
    linters = Linters()
    analyses: dict[str, Analysis] = {}
    pending: dict[str, asyncio.TimerHandle] = {}

    def current(uri: str) -> Analysis:
        document = server.workspace.get_text_document(uri)
        known = analyses.get(uri)
        if known is None or known.version != document.version or known.text != document.source:
            path = to_fs_path(uri) or uri
            known = analyses[uri] = analyse(linters, uri, path, document.source, document.version)
        return known

    def publish(uri: str) -> None:
        pending.pop(uri, None)
        if uri not in server.workspace.text_documents:
            return
        analysis = current(uri)
        shown = diagnostics(analysis, server.workspace.position_codec)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=analysis.version, diagnostics=shown)
        )

    def schedule(uri: str, delay: float) -> None:
        waiting = pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        pending[uri] = asyncio.get_running_loop().call_later(delay, publish, uri)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls, params: types.DidOpenTextDocumentParams):
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls, params: types.DidChangeTextDocumentParams):
        schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls, params: types.DidSaveTextDocumentParams):
        linters.__init__()  # a saved config or schema is read again, as the next CLI run would
        analyses.clear()
        for uri in {params.text_document.uri, *server.workspace.text_documents}:  # every open handoff
            schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        waiting = pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        analyses.pop(uri, None)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls, params: types.HoverParams):
        text = hover_text(current(params.text_document.uri), params.position.line + 1)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, "source.fixAll.handoff-lint"]),
    )
    def code_action(ls, params: types.CodeActionParams):
        actions = code_actions(current(params.text_document.uri), server.workspace.position_codec)
        only = params.context.only
        if only:  # "Source Action…" asks for source actions only, the light bulb for quick fixes
            actions = [a for a in actions if any(str(a.kind).startswith(str(kind)) for kind in only)]
        return actions or None

    return server


def serve() -> None:
    require()
    build_server().start_io()
