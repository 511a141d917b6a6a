"""Who handed a handoff over: frontmatter ``from``/``owner``, else the body's sender label.

The linter's results do not carry a sender, so the report reads it here from the file's bytes:
the frontmatter through the linter's own safe loader, the body with the parser's bold-label
pattern (``**AE:** Dana Lee``) — no full Markdown parse, so 10,000 files stay cheap.
"""

from __future__ import annotations

from ..frontmatter import split
from ..parser import _BOLD_LABEL
from ..placeholders import is_blank_or_placeholder
from ..text import normalize_label

UNKNOWN = "unknown"
FRONTMATTER_KEYS = ("from", "owner")
# Labels that name the person handing over, in the wording of the built-in templates.
SENDER_LABELS = {"prepared by", "from", "owner", "author", "handed over by", "ae", "account executive", "sdr", "csm"}


def sender_of(data: bytes | None) -> str:
    """The sender's name, or "unknown" when neither the frontmatter nor a body label names one."""
    if not data:
        return UNKNOWN
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return UNKNOWN
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
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
