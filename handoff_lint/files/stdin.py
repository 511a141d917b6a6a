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


def stdin_sources(stdin_filename: str | None, config, force_exclude: bool = False) -> list:
    """The one Source of the document on stdin, linted as ``check`` lints a file; none when
    ``--force-exclude`` excludes its path."""
    from handoff_lint.files.discover import _excluded
    from handoff_lint.files.source import Source, raw_limit

    path = stdin_filename or STDIN
    if force_exclude and stdin_filename and _excluded(Path(stdin_filename), config.exclude, config.root):
        return []
    # As much as check reads of a file (embedded images on top of the limit): the linter reports a larger one as HL003.
    return [Source(path, sys.stdin.buffer.read(raw_limit(config.max_file_bytes) + 1))]
