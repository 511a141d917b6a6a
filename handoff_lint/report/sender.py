"""Who handed a handoff over: frontmatter ``from``/``owner``, else the body's sender label.

The linter's results do not carry a sender, so the report reads it here from the file's bytes:
the frontmatter through the linter's own safe loader, the body with the parser's bold-label
pattern (``**AE:** Dana Lee``) — no full Markdown parse. Loading YAML still costs about a
millisecond a file, so names are kept by content digest in ``.handoff-lint-cache/senders.json``
(beside the result cache, with a fingerprint of this module): a warm report reads no YAML.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..cache import CACHE_DIR, content_digest
from ..frontmatter import split
from ..language.normalize import normalize_label
from ..language.placeholders import is_blank_or_placeholder
from ..parser import _BOLD_LABEL
from ..safe_files import own_folder, read_own_file, write_own_file
from ..source import decode_lines

UNKNOWN = "unknown"
FRONTMATTER_KEYS = ("from", "owner")
# Labels that name the person handing over, in the wording of the built-in templates.
SENDER_LABELS = {"prepared by", "from", "owner", "author", "handed over by", "ae", "account executive", "sdr", "csm"}


def sender_of(data: bytes | None) -> str:
    """The sender's name, or "unknown" when neither the frontmatter nor a body label names one."""
    if not data:
        return UNKNOWN
    lines = decode_lines(data)
    if lines is None:
        return UNKNOWN
    fm = split(lines)
    if isinstance(fm.data, dict):
        for key in FRONTMATTER_KEYS:
            value = fm.data.get(key)
            if isinstance(value, (str, int, float)) and not is_blank_or_placeholder(value):
                return _clean(str(value))
    fenced = False
    for line in lines[fm.body_start - 1 :]:
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced or "**" not in line:
            continue
        matches = list(_BOLD_LABEL.finditer(line))
        for number, match in enumerate(matches):
            if normalize_label(match.group(1)) not in SENDER_LABELS:
                continue
            end = matches[number + 1].start() if number + 1 < len(matches) else len(line)
            value = line[match.end() : end].strip().rstrip("|·•").strip()
            if not is_blank_or_placeholder(value):
                return _clean(value)
    return UNKNOWN


def _clean(name: str) -> str:
    return " ".join(name.split())[:80]


class SenderCache:
    """Content digest -> sender, for the files of the last report; anything unreadable is a miss.

    Its folder comes with the repository: read and written only as a plain file in a plain folder
    (safe_files), and read up to MAX_BYTES."""

    FILE = "senders.json"
    MAX_BYTES = 16 * 1024 * 1024  # about 200,000 names

    def __init__(self, root: Path | None):
        self.root = root
        self.fingerprint = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
        self.old: dict[str, str] = {}
        self.new: dict[str, str] = {}
        folder = own_folder(root, CACHE_DIR) if root is not None else None
        data = read_own_file(folder / self.FILE, self.MAX_BYTES) if folder is not None else None
        try:
            stored = json.loads(data) if data is not None else None
            if stored.get("fingerprint") == self.fingerprint and isinstance(stored.get("senders"), dict):
                self.old = stored["senders"]
        except (ValueError, AttributeError, RecursionError):
            pass

    def sender(self, data: bytes | None) -> str:
        if not data:
            return UNKNOWN
        digest = content_digest(data)
        name = self.old.get(digest)
        if not isinstance(name, str):
            name = sender_of(data)
        self.new[digest] = name
        return name

    def save(self) -> None:
        """Keep the names of this run's files only (atomically; a cache that cannot be written is skipped)."""
        if self.root is None or self.new == self.old:
            return
        folder = own_folder(self.root, CACHE_DIR, create=True)
        if folder is not None:
            payload = {"fingerprint": self.fingerprint, "senders": self.new}
            write_own_file(folder, self.FILE, json.dumps(payload, separators=(",", ":")).encode())
