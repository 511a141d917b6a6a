"""Find the handoff files to lint: folders walked recursively for .md/.markdown, minus excludes."""

from __future__ import annotations

import os
from fnmatch import fnmatch
from pathlib import Path

from handoff_lint.errors import HandoffLintError
from handoff_lint.files.boundary import Boundary

EXTENSIONS = (".md", ".markdown")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".handoff-lint-cache"}


def discover(
    paths: list[str], exclude: list[str], root: Path, force_exclude: bool = False
) -> tuple[list[str], list[str]]:
    """Files to lint, in a stable order, and the named files left out by ``exclude``.

    As in ruff, ``exclude`` applies to what folders contain; a file named on the command line is
    linted even when excluded, unless ``force_exclude`` (pre-commit names every file it passes).
    A path that does not exist is a usage error.
    """
    found: list[str] = []
    excluded: list[str] = []
    seen: set[str] = set()
    boundary = Boundary(root)
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise HandoffLintError(f"path not found: {raw}")
        if path.is_dir() and boundary.refusal(raw):
            raise HandoffLintError(f"{raw}: a symlink to a folder outside the repository; not read")
        named = not path.is_dir()
        candidates = [_display(path)] if named else _walk(_display(path))
        for candidate in candidates:
            if candidate in seen:
                continue
            if exclude and (force_exclude or not named) and _excluded(Path(candidate), exclude, root):
                if named:
                    excluded.append(candidate)
                continue
            seen.add(candidate)
            found.append(candidate)
    return found, excluded


def _walk(folder: str) -> list[str]:
    """Markdown files below ``folder``, depth first in name order, as path strings.

    os.scandir's entries know their type without a stat per file. Symlinked folders are not
    entered, so a symlink loop cannot make the walk run forever.
    """
    files: list[str] = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError:
            continue  # an unreadable folder is skipped, as os.walk does
        subfolders = []
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in SKIP_DIRS and not entry.name.startswith("."):
                    subfolders.append(entry.path)
            elif entry.name.lower().endswith(EXTENSIONS) and entry.is_file():
                files.append(_posix(entry.path))
        stack.extend(reversed(subfolders))
    return files


def _posix(path: str) -> str:
    return path if os.sep == "/" else path.replace(os.sep, "/")


def _display(path: Path) -> str:
    """A path as users wrote it, with forward slashes (stable across platforms and in CI)."""
    return path.as_posix()


def _excluded(path: Path, patterns: list[str], root: Path) -> bool:
    if not patterns:
        return False
    try:
        relative = path.resolve().relative_to(root).as_posix()
    except ValueError:
        relative = path.as_posix()
    parts = relative.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if any(fnmatch(prefix, pattern) for prefix in prefixes) or fnmatch(parts[-1], pattern):
            return True
    return False
