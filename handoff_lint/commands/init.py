"""``handoff-lint init``: start on a repository that already holds a year of handoffs.

The first run on such a repository fails dozens of old handoffs, and then every pull request that
fixes a typo in one of them would be blocked. So, as ruff and mypy users expect of a one-command
start, ``init`` finds the handoff folders and their types, writes ``.handoff-lint.toml`` (with the
folders' README and index pages excluded), and records today's failing handoffs in a baseline file
(engine/baseline_file.py): from then on those fail only when a change makes them worse, and every other
handoff, new ones included, is held to the threshold.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from handoff_lint.config.settings import (
    CONFIG_FILES,
    DEFAULT_DRAFT_KEY,
    DEFAULT_DRAFT_VALUES,
    DEFAULT_THRESHOLD,
    parse_config,
    settings_in,
)
from handoff_lint.engine.baseline_file import BASELINE_FILE, Entry, RecordedBaseline
from handoff_lint.errors import HandoffLintError
from handoff_lint.files.discover import discover
from handoff_lint.handoff_types.resolve import resolve_type
from handoff_lint.output.advice import is_index_page
from handoff_lint.parse.parser import read_document

CONFIG_FILE = CONFIG_FILES[0]  # .handoff-lint.toml
HANDOFF_FOLDERS = frozenset({"handoffs", "handoff"})  # as the pre-commit hook's `files` pattern


@dataclass
class Detected:
    """What ``init`` found under the repository's top folder (paths relative to it, with forward slashes)."""

    paths: list[str]  # folders of handoffs
    types: Counter = field(default_factory=Counter)  # type name -> handoffs whose type could be read
    unknown: int = 0  # Markdown files in those folders of no type that could be read
    index_pages: list[str] = field(default_factory=list)  # README/index pages in those folders: excluded
    type_globs: dict[str, str] = field(default_factory=dict)  # "folder/*.md" -> type, for files that do not say it


def detect(root: Path, types, given: list[str] | None = None) -> Detected:
    """The handoff folders (``given``, else found), their types, and the pages in them that are not handoffs.

    A Markdown file is a handoff when its frontmatter names a type or its title reads like one
    ("Customer Handoff: Acme"); a folder named ``handoffs`` is one whatever it holds. Content
    detection is left out here: a contributing guide can mention a champion and a go-live.
    """
    if given:
        folders = [_relative(root, Path(path)) for path in given]
    else:
        everything, _ = discover([str(root)], [], root)
        found = [path for path in everything if _typed(path, types)]
        folders = _folders([_relative(root, Path(path)) for path in found])
        if not folders:
            raise HandoffLintError(
                f"no handoffs found under {root}: name their folder (`handoff-lint init docs/handoffs`), "
                "or start one with `handoff-lint new TYPE --company NAME`"
            )
    detected = Detected(paths=folders)
    by_folder: dict[str, list[str | None]] = {}
    for path in discover([str(root / folder) for folder in folders], [], root)[0]:
        relative = _relative(root, Path(path))
        if is_index_page(relative):
            detected.index_pages.append(relative)
            continue
        name = _typed(path, types)
        if name:
            detected.types[name] += 1
        else:
            detected.unknown += 1
        by_folder.setdefault(str(PurePosixPath(relative).parent), []).append(name)
    # Deepest folders first: a glob's * also matches "/", and the first glob that matches decides.
    for folder, names in sorted(by_folder.items(), key=lambda item: (-item[0].count("/"), item[0])):
        said = {name for name in names if name}
        if len(said) == 1 and names.count(None) and len(names) - names.count(None) >= 2:
            glob = f"{folder}/*.md" if folder != "." else "*.md"
            detected.type_globs[glob] = said.pop()
    return detected


def _typed(path: str, types) -> str | None:
    """The type the file's frontmatter or title names, else None."""
    doc = read_document(path)
    if not doc.readable:
        return None
    resolution = resolve_type(doc, types)
    if resolution.handoff_type is not None and resolution.source in ("frontmatter", "title"):
        return resolution.handoff_type.name
    return None


def _folders(files: list[str]) -> list[str]:
    """The fewest folders that hold ``files``: a folder named handoffs above a file, else its own folder."""
    chosen = set()
    for file in files:
        parents = list(PurePosixPath(file).parents)[:-1]  # "" (the top) is left out
        named = [parent for parent in parents if parent.name in HANDOFF_FOLDERS]
        folder = named[-1] if named else PurePosixPath(file).parent
        chosen.add(str(folder))
    return sorted(f for f in chosen if not any(f != o and (o == "." or f.startswith(o + "/")) for o in chosen))


def _relative(root: Path, path: Path) -> str:
    absolute = Path(os.path.realpath(path))
    try:
        return absolute.relative_to(root).as_posix() or "."
    except ValueError:
        raise HandoffLintError(f"{path} is outside {root}; run `handoff-lint init` at the repository's top") from None


def existing_config(root: Path) -> Path | None:
    """A config in ``root`` that ``init`` would replace: .handoff-lint.toml, or pyproject.toml's [tool.handoff-lint]."""
    from handoff_lint.config.settings import find_config_file

    for name in CONFIG_FILES:
        if (root / name).is_file() and find_config_file(root) == root / name:
            return root / name
    return None


def _toml(value) -> str:
    """A TOML value: strings as basic strings (JSON's escapes are TOML's), lists of them, numbers."""
    if isinstance(value, list):
        return "[" + ", ".join(map(_toml, value)) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    return str(value)


def config_text(detected: Detected, threshold: int = DEFAULT_THRESHOLD) -> str:
    """The .handoff-lint.toml ``init`` writes, each setting with a comment a newcomer can act on."""
    out = [
        f"# handoff-lint configuration, written by `handoff-lint init` on {date.today().isoformat()}.",
        "# docs/adopting.md explains each setting.",
        "",
        "# The folders of handoffs: `handoff-lint` with no arguments lints these.",
        f"paths = {_toml(detected.paths)}",
    ]
    if detected.index_pages:
        out += ["", "# Pages in those folders that are not handoffs (a folder's README or index).",
                f"exclude = {_toml(detected.index_pages)}"]  # fmt: skip
    out += [
        "",
        "# The score (0-100) a handoff needs to pass.",
        f"threshold = {threshold}",
        "",
        "# The handoffs that failed when `handoff-lint init` ran: each passes while a change leaves it no",
        "# worse (a score no lower, no more errors). `handoff-lint init --update-baseline` re-records it",
        "# and only ever tightens. Every other handoff, new ones included, must meet the threshold.",
        f"baseline-file = {_toml(BASELINE_FILE)}",
        "",
        "# Work in progress: a handoff whose frontmatter says `status: draft` is scored, not held to the threshold.",
        "[draft]",
        f"key = {_toml(DEFAULT_DRAFT_KEY)}",
        f"values = {_toml(list(DEFAULT_DRAFT_VALUES))}",
    ]
    if detected.type_globs:
        out += ["", "# Folders whose handoffs do not all say their type: the type of every file there."]
        out += ["[types]", *(f"{_toml(glob)} = {_toml(name)}" for glob, name in detected.type_globs.items())]
    return "\n".join(out) + "\n"


def summary(detected: Detected) -> str:
    """``30 handoffs in docs/handoffs (12 sales-to-cs, 8 cs-to-sales, 10 of a type not read)``."""
    total = sum(detected.types.values()) + detected.unknown
    kinds = [f"{count} {name}" for name, count in detected.types.most_common()]
    if detected.unknown:
        kinds.append(f"{detected.unknown} whose type neither frontmatter nor title says")
    where = ", ".join(detected.paths)
    return f"{total} handoff{'' if total == 1 else 's'} in {where}" + (f" ({', '.join(kinds)})" if kinds else "")


def parse(text: str, root: Path):
    """The Config that ``text`` (a .handoff-lint.toml ``init`` wrote) gives, before it is written."""
    where = str(root / CONFIG_FILE)
    return parse_config(
        settings_in(text.encode("utf-8"), CONFIG_FILE), root=root, source=root / CONFIG_FILE, where=where
    )


def write_config(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise HandoffLintError(f"cannot write {path}: {exc.strerror or exc}") from None


def record(run, root: Path) -> dict[str, Entry]:
    """The baseline's entries: each handoff that fails today, by its path relative to ``root``."""
    keys = RecordedBaseline(root / BASELINE_FILE, root, {})
    return {keys.key(result.path): Entry.of(result) for result, verdict in run if not verdict.passed}


@dataclass
class Update:
    entries: dict[str, Entry]  # the re-recorded baseline
    left: int  # recorded handoffs that pass now (or are gone): held to the threshold from now on
    tightened: int  # recorded handoffs held to a better score or fewer errors
    not_added: int  # failing handoffs that were never recorded: not added


def update(recorded: RecordedBaseline, run) -> Update:
    """``init --update-baseline``: today's run against the recorded baseline, never looser than it."""
    entries, not_added = {}, 0
    for result, verdict in run:  # verdicts decided without the baseline: does the handoff pass on its own?
        key = recorded.key(result.path)
        entry = recorded.entries.get(key)
        if entry is not None and not verdict.passed:
            entries[key] = entry.tightened(result)
        not_added += entry is None and not verdict.passed
    tightened = sum(entries[key] != recorded.entries[key] for key in entries)
    return Update(entries, len(recorded.entries) - len(entries), tightened, not_added)
