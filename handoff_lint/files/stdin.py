"""A handoff read from standard input (``handoff-lint check - --stdin-filename PATH``), as an editor
or a pipe hands it over: linted as if it were the file PATH (the path shown, the config's type
globs and, under ``--force-exclude``, its excludes), without reading or writing that file or the cache."""

from __future__ import annotations

import sys
from pathlib import Path

from handoff_lint.errors import HandoffLintError

STDIN = "-"


def reads_stdin(paths, stdin_filename: str | None) -> bool:
    """Whether the run lints standard input: ``-`` given, or ``--stdin-filename`` without paths (as ruff)."""
    paths = list(paths)
    if STDIN not in paths and not (stdin_filename and not paths):
        return False
    if len(paths) > 1:
        raise HandoffLintError("'-' (standard input) cannot be linted together with other paths")
    return True


def lint_stdin(stdin_filename: str | None, config, types, type_name, force_exclude: bool = False) -> list:
    """The one FileResult of the document on stdin; none when ``--force-exclude`` excludes its path."""
    from handoff_lint.engine.linter import Linter
    from handoff_lint.files.discover import _excluded

    path = stdin_filename or STDIN
    if force_exclude and stdin_filename and _excluded(Path(stdin_filename), config.exclude, config.root):
        return []
    data = sys.stdin.buffer.read(config.max_file_bytes + 1)  # the linter reports a larger file as HL003
    return [Linter(config, types, type_name).lint(path, data)]
