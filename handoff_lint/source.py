"""A handoff's bytes and lines, read and split the one way every part of handoff-lint does it."""

from __future__ import annotations

import os
import stat


def read_at_most(path, limit: int, flags: int = 0, regular_only: bool = False) -> bytes | None:
    """The file's bytes, or None when it holds more than ``limit`` (at most ``limit + 1`` are read, so a
    huge file or ``/dev/zero`` costs nothing) or, with ``regular_only``, is not a plain file. ``flags``
    are added to ``os.open``'s (O_NOFOLLOW). An OSError is the caller's to report."""
    with open(path, "rb", buffering=0, opener=lambda name, mode: os.open(name, mode | flags)) as handle:
        if regular_only and not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None
        pieces, size = [], 0
        while size <= limit:
            piece = handle.read(min(limit + 1 - size, 1 << 24))
            if not piece:
                break
            pieces.append(piece)
            size += len(piece)
    return b"".join(pieces) if size <= limit else None


def read_bytes(path: str, limit: int) -> bytes | None:
    """The file's bytes, or None when it cannot be read or is larger than ``limit`` (the linter reports why)."""
    try:
        return read_at_most(path, limit)
    except OSError:
        return None


def split_lines(text: str) -> list[str]:
    """The lines of a text whatever its line endings (LF, CRLF or CR), as line numbers count them."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def decode_lines(data: bytes) -> list[str] | None:
    """The lines of UTF-8 bytes (a BOM dropped), or None when they are not UTF-8."""
    try:
        return split_lines(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None
