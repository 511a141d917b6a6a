"""What a run may read: the repository that holds the config (outside git, the config's folder).

A pull request controls its config and can commit symlinks. Without a boundary, ``paths =
["/etc"]`` or ``docs/handoffs/x.md -> ~/.git-credentials`` would be read, and their lines would
come back as section titles in the job's log and summary. So a config path or schema folder
that resolves outside the repository is a config error, and a file or folder inside the
repository whose real location is outside it is refused unread. A path the user names on the
command line that lies outside the repository is the user's own choice and is read as given.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def repository_top(root: Path | str) -> str:
    """The nearest folder at or above ``root`` holding ``.git`` (a folder or a worktree's file), else ``root``."""
    root = os.path.abspath(root)
    folder = root
    while True:
        if os.path.lexists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return root
        folder = parent


def inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


class Boundary:
    """The repository a run may read: what is outside it (a path, or a symlink into elsewhere) is refused."""

    def __init__(self, root: Path | str):
        self.top = repository_top(root)
        self.real_top = os.path.realpath(self.top)

    def outside(self, path: Path | str) -> bool:
        """True when ``path`` (relative to the working folder) resolves outside the repository."""
        return not inside(os.path.realpath(path), self.real_top)

    def refusal(self, path: str, located: tuple[str, str] | None = None) -> str | None:
        """Why ``path`` must not be read, or None. ``located``: ``locate(path)``, when already known."""
        logical, real = located or locate(path)
        if not inside(logical, self.top) or inside(real, self.real_top):
            return None  # inside, or named by the user outside the repository: not the repository's doing
        return "is a symlink to a place outside the repository; not read"


def locate(path: str) -> tuple[str, str]:
    """(absolute path, real path): ``os.path.realpath`` for many files of few folders, one lstat per file."""
    logical = os.path.abspath(path)
    real = real_folders(logical)
    return logical, os.path.realpath(real) if os.path.islink(real) else real


def real_folders(path) -> str:
    """The absolute path with its folders' symlinks resolved (as git's top level is), not the file's own
    (git tracks a link as a link)."""
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(_real_folder(folder), name)


@lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)
