"""Find the handoff files to lint: folders walked recursively for .md/.markdown, minus excludes."""

from __future__ import annotations

import os
from fnmatch import fnmatch
from pathlib import Path

from .errors import HandoffLintError

EXTENSIONS = (".md", ".markdown")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".handoff-lint-cache"}


def discover(paths: list[str], exclude: list[str], root: Path) -> list[str]:
    """Files to lint, in a stable order. A path that does not exist is a usage error."""
    found: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise HandoffLintError(f"path not found: {raw}")
        if path.is_dir():
            candidates = _walk(path)
        else:
            candidates = [path]
        for candidate in candidates:
            shown = _display(candidate)
            if shown in seen or _excluded(candidate, exclude, root):
                continue
            seen.add(shown)
            found.append(shown)
    return found


def _walk(folder: Path) -> list[Path]:
    files = []
    # followlinks=False: a symlink loop cannot make the walk run forever.
    for current, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(names):
            if name.lower().endswith(EXTENSIONS):
                candidate = Path(current) / name
                if candidate.is_file():
                    files.append(candidate)
    return files


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
