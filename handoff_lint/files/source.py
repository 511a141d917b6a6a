"""A handoff's bytes and lines, read and split the one way every part of handoff-lint does it.

Exports carry what a reader never reads: a screenshot pasted into Notion or Google Docs arrives as a
base64 data URI (``![](data:image/png;base64,…)`` or ``<img src="data:…">``) of hundreds of kilobytes
on one line. Its payload is dropped before anything is parsed or measured, so the size limit and the
text limits apply to the handoff, not to its pictures. Files saved as UTF-16 or UTF-32 carry a byte-order
mark (Windows editors, some exports); they are decoded by it.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass

from handoff_lint.files.limits import MAX_EMBEDDED_BYTES
from handoff_lint.lazy_pattern import compile_on_use

# Longest first: the UTF-32 little-endian mark starts with the UTF-16 one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ENCODING_NAMES = {"utf-32": "UTF-32", "utf-16": "UTF-16", "utf-8-sig": "UTF-8", "utf-8": "UTF-8"}
# A data URI's base64 payload: on one line, or wrapped in lines of base64 (MIME wraps at 76).
# A wrapped payload's lines are long (40 or more characters, so prose after it is never taken); its last
# line may be short when the image's ")" or the attribute's quote closes it on that line.
_DATA_URI_PAYLOAD = compile_on_use(
    r"data:[\w.+-]+/[\w.+-]+(?:;[\w.+-]+=[\w.+\"-]+)*;base64,"
    r"([A-Za-z0-9+/=]*(?:\r?\n[ \t]*[A-Za-z0-9+/=]{40,})*(?:\r?\n[ \t]*[A-Za-z0-9+/=]{1,39}(?=[)\"']))?)"
)


@dataclass(frozen=True)
class Source:
    """One handoff to lint: the file at ``path``, or bytes from elsewhere (an old version from git, standard
    input) shown as ``path``. ``too_large``: bytes over the size limit, not read; linted as such a file is
    (HL003), so the limit costs no memory whatever a pull request committed."""

    path: str
    data: bytes | None = None  # None: read the file at ``path``
    too_large: bool = False

    @property
    def held(self) -> int:
        """Bytes this source holds in memory until it is linted."""
        return len(self.data) if self.data is not None else 0


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


def raw_limit(limit: int) -> int:
    """How many bytes to read for a handoff of at most ``limit``: its embedded images may come on top."""
    return limit + MAX_EMBEDDED_BYTES


def encoding_of(data: bytes) -> str:
    """The codec named by the byte-order mark, else UTF-8. UTF-32-LE's mark is UTF-16-LE's followed by
    a NUL character: read as UTF-32 only when the bytes are whole UTF-32 characters."""
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            if mark == codecs.BOM_UTF32_LE and not _is_utf32(data):
                return "utf-16"
            return encoding
    return "utf-8"


def _is_utf32(data: bytes) -> bool:
    if len(data) % 4:
        return False
    try:
        data.decode("utf-32")
    except UnicodeDecodeError:
        return False
    return True


def encoding_name(encoding: str) -> str:
    return _ENCODING_NAMES.get(encoding, encoding)


def without_embedded_data(text: str) -> str:
    """``text`` with every base64 data URI's payload removed (its line breaks kept, so lines still count)."""
    if "base64," not in text:  # the common case: one substring search, no regex
        return text
    return _DATA_URI_PAYLOAD.sub(_keep_prefix_and_breaks, text)


def _keep_prefix_and_breaks(match: re.Match) -> str:
    start = match.start(1) - match.start()
    return match.group(0)[:start] + "\n" * match.group(1).count("\n")


def split_lines(text: str) -> list[str]:
    """The lines of a text whatever its line endings (LF, CRLF or CR), as line numbers count them."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def decode_text(data: bytes) -> str:
    """The text of a handoff's bytes (by its byte-order mark, else UTF-8), embedded data dropped.

    Raises UnicodeDecodeError when the bytes are not in that encoding."""
    return without_embedded_data(data.decode(encoding_of(data)))


def decode_lines(data: bytes) -> list[str] | None:
    """The lines of a handoff's bytes as the parser reads them, or None when they cannot be decoded."""
    try:
        return split_lines(decode_text(data))
    except UnicodeDecodeError:
        return None
