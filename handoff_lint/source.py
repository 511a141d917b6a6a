"""A handoff's bytes and lines, read and split the one way every part of handoff-lint does it."""

from __future__ import annotations


def read_bytes(path: str, limit: int) -> bytes | None:
    """The file's bytes, or None when it cannot be read or is larger than ``limit`` (the linter reports why)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError:
        return None
    return data if len(data) <= limit else None


def split_lines(text: str) -> list[str]:
    """The lines of a text whatever its line endings (LF, CRLF or CR), as line numbers count them."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def decode_lines(data: bytes) -> list[str] | None:
    """The lines of UTF-8 bytes (a BOM dropped), or None when they are not UTF-8."""
    try:
        return split_lines(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None
