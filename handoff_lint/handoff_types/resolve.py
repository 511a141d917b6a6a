"""Decide a handoff's type: ``--type``, frontmatter ``type:``, config globs, then the title."""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from handoff_lint.handoff_types.definitions import HandoffType
from handoff_lint.model.document import Document
from handoff_lint.text import normalize_heading, normalize_label


@dataclass
class Resolution:
    handoff_type: HandoffType | None
    source: str  # "option", "frontmatter", "config", "title", "content" or "" when unresolved
    problem: str | None = None


def canonical_name(value: str) -> str:
    return str(value).strip().lower().replace("_", "-").replace(" ", "-")


def resolve_type(
    doc: Document,
    types: dict[str, HandoffType],
    forced: str | None = None,
    globs: dict[str, str] | None = None,
    root: Path | None = None,
    evidence=None,
) -> Resolution:
    """``evidence`` (a callable returning the document's Evidence) enables detection from content."""
    known = ", ".join(sorted(types))
    if forced:
        return Resolution(types[forced], "option")  # the CLI validated the name
    data = doc.frontmatter.data or {}
    declared = data.get("type")
    if isinstance(declared, str) and declared.strip():
        name = canonical_name(declared)
        if name in types:
            return Resolution(types[name], "frontmatter")
        return Resolution(None, "", f"unknown handoff type '{declared}' in frontmatter; known types: {known}")
    name = config_type(doc.path, globs, root)
    if name is not None:
        return Resolution(types[name], "config")
    # The H1, or the first heading when there is none ("#### 13.2.2 Discovery Summary").
    title = doc.title.text if doc.title is not None else (doc.sections[0].title if doc.sections else "")
    title = title or email_subject(doc)
    if title:
        found = type_from_title(title, types)
        if found is not None:
            return Resolution(found, "title")
    handed = [name for name in handover_types(doc, title) if name in types]
    if len(handed) == 1:
        return Resolution(types[handed[0]], "content")
    candidates = detect_from_content(evidence(), types, handed) if evidence is not None else []
    if candidates and (len(candidates) == 1 or candidates[0][1] >= CLEAR_LEAD * candidates[1][1]):
        return Resolution(types[candidates[0][0]], "content")
    hint = ""
    if candidates:
        hint = "; the content fits " + " or ".join(f"{name} ({points})" for name, points in candidates[:2]) + " equally"
    return Resolution(
        None,
        "",
        f"could not determine the handoff type{hint}: set 'type:' in the frontmatter or use --type "
        f"(known types: {known})",
    )


CLEAR_LEAD = 1.3  # the best type's signals must outnumber the runner-up's by this much
MIN_SIGNALS = 3


OPENING_LINES = 12  # an email header, a memo's "Prepared by / For" line, a thread's first message
CLOSING_LINES = 4  # a signature: "Thanks," / name / role


def _opening(doc: Document) -> list[str]:
    body = doc.lines[doc.frontmatter.body_start - 1 :] if doc.lines else []
    return [line for line in body if line.strip()][:OPENING_LINES]


def email_subject(doc: Document) -> str:
    """An email memo's title: the "Subject:" line of its header, when it starts with one."""
    from handoff_lint.reading.language.handover import (
        subject_of,  # its patterns are compiled only for an untitled document
    )

    return next((subject for line in _opening(doc) if (subject := subject_of(line))), "")


def handover_types(doc: Document, title: str) -> tuple[str, ...]:
    """The types the document's handover phrasing allows: its title or email subject, the roles on its
    From/To lines, the team its opening hands over to, the role it is signed with (language/handover.py)."""
    from handoff_lint.reading.language.handover import candidate_types, subject_of

    opening = _opening(doc)
    titles = [title] if title else []
    titles += [subject for line in opening if (subject := subject_of(line))]
    body = doc.lines[doc.frontmatter.body_start - 1 :] if doc.lines else []
    closing = [line for line in body[-CLOSING_LINES * 3 :] if line.strip()][-CLOSING_LINES:]
    return candidate_types(titles, opening, closing)


def detect_from_content(evidence, types: dict[str, HandoffType], among=()) -> list[tuple[str, int]]:
    """Types ranked by the signals the document carries: under headings and labels count double.

    ``among``: the types the handover phrasing allows ("AE: … · CSM: …" is sales-to-cs or cs-to-sales);
    between those, one signal is enough."""
    from handoff_lint.reading.evidence import TopicIndex

    ranked = []
    for name, handoff_type in types.items():
        if among and name not in among:
            continue
        points = 0
        for phrase in handoff_type.content_signals:
            index = TopicIndex([phrase])
            if any(index.matches(u.topic) for u in evidence.units):
                points += 2
            elif any(index.matches(u.words) for u in evidence.units):
                points += 1
        if points >= (1 if among else MIN_SIGNALS):
            ranked.append((name, points))
    return sorted(ranked, key=lambda pair: (-pair[1], pair[0]))


def type_from_title(title: str, types: dict[str, HandoffType]) -> HandoffType | None:
    """The type whose longest title pattern appears, as whole words, in the title's label."""
    label = title.split(":", 1)[0] if ":" in title else title
    for separator in (" — ", " – ", " - ", " | "):
        label = label.split(separator, 1)[0]
    words = f" {normalize_label(normalize_heading(label))} "
    best, best_len = None, 0
    for handoff_type in types.values():
        for pattern in handoff_type.title_patterns:
            if f" {pattern} " in words and len(pattern) > best_len:
                best, best_len = handoff_type, len(pattern)
    return best


def config_type(path: str, globs: dict[str, str] | None, root: Path | None) -> str | None:
    """The type the config's ``types`` globs give ``path`` (as named, or where it really is), or None."""
    for pattern, name in (globs or {}).items():
        if _glob_matches(path, pattern, root):
            return name
    return None


def _glob_matches(path: str, pattern: str, root: Path | None) -> bool:
    candidates = {Path(path).as_posix()}
    if root is not None:
        try:
            candidates.add(Path(path).resolve().relative_to(root).as_posix())
        except ValueError:
            pass
    return any(fnmatch(c, pattern) for c in candidates)
