"""Files handoff-lint writes, and its own files it reads back, where a pull request commits the paths.

A pull request can commit a symlink wherever the Action writes (``handoff-lint.sarif``,
``handoff-report.html``, ``.handoff-lint-cache/``): written through, it would overwrite any file the
runner can write; read through, a link to ``/dev/zero`` would never end. So inside the repository a
final symlink is never followed (``O_NOFOLLOW``) and a path whose folders lead outside is refused;
a path outside the repository is written as given only when the user named it on the command line
(``$GITHUB_STEP_SUMMARY``, ``/dev/stdout``). Reads of handoff-lint's own files are bounded in size.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from handoff_lint.errors import HandoffLintError
from handoff_lint.files.boundary import inside, repository_top
from handoff_lint.files.source import read_at_most

NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def open_output(path: str, append=False, explicit=True, exclusive=False, root: Path | str | None = None):
    """A text handle for writing ``path``; a one-line HandoffLintError when a committed link would redirect it.

    ``explicit``: the user named the path (else it is a default, which must stay in the repository).
    ``root``: the config's folder, whose repository (outside git, the folder) is the boundary;
    default the working folder."""
    logical, top, guarded = _boundary(path, explicit, root)
    if guarded:
        if os.path.islink(logical):
            raise HandoffLintError(f"cannot write {path}: it is a symlink; not written through{_hint(explicit)}")
        real_top = os.path.realpath(top)
        if not inside(os.path.realpath(logical), real_top):
            raise HandoffLintError(
                f"cannot write {path}: it leads outside the repository ({top}); not written{_hint(explicit)}"
            )
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_EXCL if exclusive else os.O_TRUNC)
    try:
        fd = os.open(logical, flags | (NO_FOLLOW if guarded else 0), 0o666)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise HandoffLintError(f"cannot write {path}: it is a symlink; not written through") from None
        if exc.errno == errno.EEXIST:
            raise
        raise HandoffLintError(f"cannot write {path}: {exc.strerror or exc}") from None
    return os.fdopen(fd, "a" if append else "w", encoding="utf-8", errors="surrogateescape")


def _boundary(path: str, explicit: bool, root) -> tuple[str, str, bool]:
    """(absolute path, the repository that bounds it, whether the boundary applies)."""
    logical = os.path.abspath(path)
    top = repository_top(root or os.getcwd())
    return logical, top, inside(logical, top) or not explicit


def _hint(explicit: bool) -> str:
    return "" if explicit else " (choose the file with -o)"


def output_folders(path: str, explicit=True, root: Path | str | None = None) -> None:
    """Create the missing folders of output ``path``, as open_output's boundary allows: inside it, one
    folder at a time and never through a link (a committed link would have them made outside)."""
    logical, top, guarded = _boundary(path, explicit, root)
    if not guarded:
        os.makedirs(os.path.dirname(logical), exist_ok=True)
        return
    if not inside(logical, top):
        raise HandoffLintError(
            f"cannot write {path}: it is outside the repository ({top}); not written{_hint(explicit)}"
        )
    parts = Path(os.path.relpath(os.path.dirname(logical), top)).parts
    if own_folder(Path(top), *(part for part in parts if part != "."), create=True) is None:
        raise HandoffLintError(f"cannot write {path}: a folder on its way is a symlink or a file; not written")


def own_folder(root: Path, *parts: str, create: bool = False) -> Path | None:
    """``root/parts…`` when every part is a real folder (created when asked), else None: a part that
    is a symlink or a file, committed by a pull request, would send reads and writes elsewhere."""
    folder = Path(root)
    for part in parts:
        folder = folder / part
        if create:
            try:
                os.mkdir(folder)
            except FileExistsError:
                pass
            except OSError:
                return None
        try:
            mode = os.lstat(folder).st_mode
        except OSError:
            return None
        if not stat.S_ISDIR(mode):
            return None
    return folder


def read_own_file(path: Path, limit: int) -> bytes | None:
    """The bytes of a plain file of handoff-lint's own (a cache), or None: a link, a device or a file over
    ``limit`` bytes is not read (a committed link to ``/dev/zero`` would never end)."""
    try:
        return read_at_most(path, limit, NO_FOLLOW | getattr(os, "O_NONBLOCK", 0), regular_only=True)
    except OSError:
        return None


def write_own_file(folder: Path, name: str, data: bytes) -> bool:
    """Replace ``folder/name`` atomically (a temporary file, then a rename: a link at ``name`` is
    replaced, never written through); False when it cannot be written. ``folder`` comes from own_folder."""
    import tempfile  # only when writing: shutil, bz2, lzma and random come with it

    target = folder / name
    try:
        if os.path.lexists(target) and not stat.S_ISREG(os.lstat(target).st_mode):
            return False  # a folder, or a link, committed at that name: leave it
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
