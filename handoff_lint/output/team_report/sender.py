"""Who handed a handoff over, read from the file itself.

The sender is written as teams write it: a frontmatter key (``from``, ``owner``, ``author``,
``prepared_by``…), else the body's sender label — bold (``**Prepared by:** Dana Lee``), plain
(``Owner: Dana Lee``, Notion's property lines) or a two-column table row (``| Author | Dana Lee |``).
A role or contact written with the name is not part of the person: "Dana Lee (AE)", "Dana Lee, AE",
"Dana Lee <dana@…>" and "dana lee" are one sender (``person_key``). Whether a handoff is a draft
comes from the linter's result (the config's ``[draft]`` key and values), not from here.

The linter's results do not carry the sender, so the report reads it here from the file's bytes: the
frontmatter through the linter's own safe loader, the body line by line — no full Markdown parse.
Loading YAML still costs about a millisecond a file, so what was read is kept by content digest in
``.handoff-lint-cache/senders.json`` (beside the result cache, with a fingerprint of this module):
a warm report reads no YAML.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from handoff_lint.engine.cache import CACHE_DIR, content_digest, source_fingerprint
from handoff_lint.files.git import tracked
from handoff_lint.files.safe_io import own_folder, read_own_file, write_own_file
from handoff_lint.files.source import decode_lines
from handoff_lint.parse.frontmatter import split
from handoff_lint.parse.parser import _BOLD_LABEL
from handoff_lint.reading.language.placeholders import is_blank_or_placeholder
from handoff_lint.text import normalize_label

UNKNOWN = "unknown"
# Frontmatter keys naming the sender, most telling first (compared as labels: prepared_by = "prepared by").
FRONTMATTER_KEYS = ("from", "owner", "author", "prepared by", "sender", "handed over by", "submitted by")
# Labels that name the person handing over, in the wording of the built-in templates and of teams' own.
SENDER_LABELS = {
    "prepared by",
    "from",
    "owner",
    "author",
    "written by",
    "handed over by",
    "submitted by",
    "sender",
    "ae",
    "account executive",
    "sdr",
    "csm",
}
_PLAIN_LABEL = re.compile(r"^\s*(?:[-*+]\s+)?([A-Za-z][A-Za-z _-]{0,30}?)\s*:\s+(\S.*)$")
_TABLE_ROW = re.compile(r"^\s*\|([^|]+)\|([^|]+)\|\s*$")
# What a name carries beside the person: "(AE)", "[CSM]", "<dana@x.com>", ", AE", " — VP Sales", " | AE".
_ROLE_AFTER = re.compile(r"\s*(?:\([^)]*\)|\[[^\]]*\]|<[^>]*>)|\s*(?:,|\s[—–-]\s|\|).*$")


def sender_of(data: bytes | None) -> str:
    """The sender's name, or "unknown" when neither the frontmatter nor a body label names one."""
    if not data:
        return UNKNOWN
    lines = decode_lines(data)
    if lines is None:
        return UNKNOWN
    fm = split(lines)
    front = fm.data if isinstance(fm.data, dict) else {}
    labelled = {normalize_label(str(key)): value for key, value in front.items()}
    for key in FRONTMATTER_KEYS:
        value = labelled.get(key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and not is_blank_or_placeholder(value):
            return person(str(value))
    return _body_sender(lines[fm.body_start - 1 :])


def _body_sender(lines) -> str:
    fenced = False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced:
            continue
        for label, value in _labelled_values(line):
            if normalize_label(label) in SENDER_LABELS and not is_blank_or_placeholder(value):
                return person(value)
    return UNKNOWN


def _labelled_values(line: str):
    """(label, value) pairs a line writes: bold labels, a plain "Label: value", a two-cell table row."""
    if "**" in line:
        matches = list(_BOLD_LABEL.finditer(line))
        for number, match in enumerate(matches):
            end = matches[number + 1].start() if number + 1 < len(matches) else len(line)
            yield match.group(1), line[match.end() : end].strip().rstrip("|·•").strip()
        if matches:
            return
    row = _TABLE_ROW.match(line)
    if row:
        yield row.group(1).strip(), row.group(2).strip()
        return
    plain = _PLAIN_LABEL.match(line)
    if plain:
        yield plain.group(1), plain.group(2).strip()


def person(name: str) -> str:
    """The person a sender value names, without the role or contact written beside it:
    "Dana Lee (AE)" → "Dana Lee", "@dana-lee" → "Dana Lee"."""
    name = " ".join(name.split())
    bare = _ROLE_AFTER.sub("", name).strip() or name
    if bare.startswith("@"):
        bare = " ".join(part.capitalize() for part in re.split(r"[-_.]", bare[1:]) if part)
    return bare[:80] or UNKNOWN


def person_key(name: str) -> str:
    """Two spellings of one sender compare equal: case and spacing do not matter."""
    return " ".join(person(name).casefold().split())


def _well_formed(entry) -> bool:
    """A cached sender as sender_of returns it: a name already through ``person`` (so at most 80
    characters)."""
    return isinstance(entry, str) and len(entry) <= 80 and person(entry) == entry


class SenderCache:
    """Content digest -> sender, for the files of the last report; anything unreadable is a miss.

    Its folder comes with the repository: read and written only as a plain file in a plain folder
    (files/safe_io.py), and read up to MAX_BYTES. A pull request can commit the file to plant names: a file
    git tracks, or with another installation's
    fingerprint, is ignored, and each entry is checked as a fresh read would make it."""

    FILE = "senders.json"
    MAX_BYTES = 16 * 1024 * 1024  # about 200,000 names

    def __init__(self, root: Path | None):
        self.root = root
        self.fingerprint = source_fingerprint()
        self.old: dict[str, str] = {}
        self.new: dict[str, str] = {}
        folder = own_folder(root, CACHE_DIR) if root is not None else None
        data = read_own_file(folder / self.FILE, self.MAX_BYTES) if folder is not None else None
        if data is not None and tracked(folder / self.FILE):
            data = None
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
        known = self.old.get(digest)
        name = known if _well_formed(known) else sender_of(data)
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
