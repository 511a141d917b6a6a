"""Read-only git access for CI runs: what a branch changed since its base, and old file contents.

``--changed-since`` (files/changed.py) and ``--baseline`` (engine/baseline.py) both start from the same
question, "what changed since the merge base with REF?": ``Repo.diff`` answers it once per ref
and run, and both read that answer.

Everything goes through the ``git`` command (no checkout, no library, nothing written), so it
works in any clone CI has. Paths inside git are repository-relative with forward slashes; the
rest of handoff-lint speaks paths relative to the working directory, so this module converts.
A git failure (not a repository, unknown ref, no common history) is a HandoffLintError naming
what went wrong in one line.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from handoff_lint.errors import HandoffLintError
from handoff_lint.files.boundary import real_folders
from handoff_lint.files.limits import MAX_READ_BYTES
from handoff_lint.files.source import read_bytes

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")

# -c core.quotepath=off: plain UTF-8 paths; --no-pager and no colour keep the output parseable.
_GIT = ("git", "-c", "core.quotepath=off", "--no-pager")


def tracked(path: Path) -> bool:
    """True when git tracks ``path``: a commit brought it (a pull request can), this machine did not write it."""
    try:
        done = subprocess.run(
            ["git", "ls-files", "--error-unmatch", "--", path.name], cwd=path.parent, capture_output=True, check=False
        )
    except OSError:  # no git: nothing is tracked
        return False
    return done.returncode == 0


@dataclass(frozen=True)
class Change:
    """One file that differs from the base. ``old_path`` is its path at the base (None when added)."""

    path: str
    status: str  # "A" added (or untracked), "M" modified, "R" renamed, "D" deleted
    old_path: str | None


@dataclass(frozen=True)
class Diff:
    """What the working tree changed since the merge base of HEAD and ``ref``."""

    ref: str  # as the user wrote it
    base: str  # the merge-base commit
    changes: dict[str, Change]  # by repository path


class Repo:
    """The git repository around the working directory."""

    def __init__(self, cwd: str | Path | None = None):
        self.cwd = Path(cwd or Path.cwd())
        self.top: Path | None = None
        self._diffs: dict[str, Diff] = {}  # by ref: one diff per ref and run, however many options ask
        top = self._git("rev-parse", "--show-toplevel", what="find the git repository").strip()
        self.top = Path(os.path.realpath(top))

    def _run(self, *args: str, binary: bool = False) -> subprocess.CompletedProcess:
        # Run at the top level, so pathspecs and listed paths are all repository paths.
        command = [*_GIT, *args]
        try:
            return subprocess.run(command, cwd=self.top or self.cwd, capture_output=True, text=not binary, check=False)
        except FileNotFoundError:
            raise HandoffLintError("git is not installed; --changed-since and --baseline need it") from None

    def _git(self, *args: str, what: str) -> str:
        done = self._run(*args)
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or ["git failed"])[-1].removeprefix("fatal: ")
            raise HandoffLintError(f"cannot {what}: {reason}")
        return done.stdout

    def diff(self, ref: str) -> Diff:
        """The changes since the merge base with ``ref``, computed the first time they are asked for."""
        if ref not in self._diffs:
            base = self.merge_base(ref)
            self._diffs[ref] = Diff(ref, base, self.changes(base))
        return self._diffs[ref]

    def merge_base(self, ref: str) -> str:
        """The commit where HEAD and ``ref`` diverged (``ref`` itself when HEAD descends from it)."""
        if not ref or ref.startswith("-"):
            raise HandoffLintError(f"not a git ref: {ref!r}")
        done = self._run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
        if done.returncode != 0:
            raise HandoffLintError(f"unknown git ref '{ref}' (fetch it first, e.g. git fetch origin {ref})")
        commit = done.stdout.strip()
        done = self._run("merge-base", "HEAD", commit)
        if done.returncode != 0:
            raise HandoffLintError(
                f"HEAD and '{ref}' have no common history here; in a shallow clone fetch more "
                "(actions/checkout with fetch-depth: 0)"
            )
        return done.stdout.strip()

    def changes(self, base: str) -> dict[str, Change]:
        """Files of the working tree that differ from commit ``base``, by repository path.

        The working tree, not HEAD: locally that includes edits not committed yet; in CI the two
        are the same. Untracked files count as added. Renames are detected (git's 50% rule).
        """
        out = self._git(
            "diff",
            "--name-status",
            "-z",
            "--find-renames",
            "--no-color",
            "--no-ext-diff",
            base,
            "--",
            what="compare with the base",
        )
        fields = out.split("\0")
        changes: dict[str, Change] = {}
        i = 0
        while i < len(fields) - 1:
            status = fields[i][:1]
            if status == "R":  # R<similarity> OLD NEW
                old, new = fields[i + 1], fields[i + 2]
                changes[new] = Change(new, "R", old)
                i += 3
                continue
            path = fields[i + 1]
            i += 2
            if status == "A":
                changes[path] = Change(path, "A", None)
            elif status == "D":
                changes[path] = Change(path, "D", path)
            else:  # M, T (type change)
                changes[path] = Change(path, "M", path)
        untracked = self._git("ls-files", "--others", "--exclude-standard", "-z", what="list untracked files")
        for path in filter(None, untracked.split("\0")):
            changes.setdefault(path, Change(path, "A", None))
        return changes

    def changed_lines(self, base: str, change: Change) -> frozenset[int]:
        """Line numbers of the file as it is now that were added or rewritten since ``base``."""
        if change.status == "D":
            return frozenset()
        if change.old_path is None and not self._tracked(change.path):
            # Every line is new. Counted on a plain file only, and only up to the linter's largest
            # file: an untracked link to /dev/zero would never end.
            data = (
                None if os.path.islink(self.top / change.path) else read_bytes(self.top / change.path, MAX_READ_BYTES)
            )
            count = len(data.splitlines()) if data is not None else 0
            return frozenset(range(1, count + 1))
        paths = [change.path] if change.old_path in (None, change.path) else [change.old_path, change.path]
        out = self._git("diff", "-U0", "--find-renames", "--no-color", "--no-ext-diff", base, "--", *paths, what="diff")
        lines: set[int] = set()
        for match in map(_HUNK.match, out.splitlines()):
            if match:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                lines.update(range(start, start + count))
        return frozenset(lines)

    def _tracked(self, path: str) -> bool:
        return self._run("ls-files", "--error-unmatch", "--", path).returncode == 0

    def read(self, commit: str, path: str, limit: int | None = None) -> bytes | None:
        """The file ``path`` (repository-relative) as it was at ``commit``; None when it did not exist.
        With ``limit``, at most ``limit + 1`` bytes of it, as files/source.py reads a file on disk: a
        larger version (anyone can commit one) costs no more memory than the linter needs to refuse it."""
        if limit is None:
            done = self._run("cat-file", "blob", f"{commit}:{path}", binary=True)
            return done.stdout if done.returncode == 0 else None
        command = [*_GIT, "cat-file", "blob", f"{commit}:{path}"]
        with subprocess.Popen(command, cwd=self.top, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as git:
            pieces, size = [], 0
            while size <= limit:
                piece = git.stdout.read1(min(limit + 1 - size, 1 << 16))  # small pieces: malloc reuses them
                if not piece:
                    break
                pieces.append(piece)
                size += len(piece)
            if size > limit:
                git.kill()  # the rest is not wanted
            elif git.wait() != 0:
                return None
            return b"".join(pieces)

    def to_repo(self, path: str | Path) -> str | None:
        """A working-directory path as a repository path (None when it is outside the repository)."""
        relative = os.path.relpath(real_folders(self.cwd / path), self.top)
        if relative == ".." or relative.startswith(".." + os.sep):
            return None
        return Path(relative).as_posix()

    def from_repo(self, path: str) -> str:
        """A repository path as a path relative to the working directory, with forward slashes."""
        return Path(os.path.relpath(self.top / path, os.path.realpath(self.cwd))).as_posix()
