"""The baseline file ``handoff-lint init`` writes: the handoffs that failed when the team started.

A team adopting handoff-lint on a year of old handoffs cannot fix them all before the first pull
request. So ``init`` records each failing handoff's score and its error findings, counted by rule
(as ESLint's bulk suppressions count them: counts survive text moving around, lines would not).
From then on a recorded handoff passes while a change leaves it no worse: a score no lower than
recorded and no more errors of any rule. Every other handoff, new ones included, is held to the
threshold. ``init --update-baseline`` re-records, and only ever tightens.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from handoff_lint import __version__
from handoff_lint.errors import ConfigError, HandoffLintError
from handoff_lint.model.findings import Severity

BASELINE_FILE = ".handoff-lint-baseline.json"
FORMAT = 1
MAX_BYTES = 16 * 1024 * 1024  # a committed file: refuse a huge one rather than read it


@dataclass(frozen=True)
class Entry:
    """One recorded handoff: its score then (None: not scored) and its error findings by rule code."""

    score: int | None
    errors: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, result) -> Entry:
        return cls(result.score, dict(sorted(error_counts(result).items())))

    def worse(self, result) -> str:
        """Why ``result`` is worse than this entry ("" when it is not)."""
        from handoff_lint.scoring.verdict import finding_rule

        if result.score is not None and self.score is not None and result.score < self.score:
            return f"score {result.score} is below the {self.score} recorded in the baseline"
        if result.score is None and self.score is not None:
            return f"no longer scored (the baseline recorded {self.score})"
        names = {f.code: f for f in result.findings}
        for code, count in sorted(error_counts(result).items()):
            more = count - self.errors.get(code, 0)
            if more > 0:
                named = finding_rule(names[code])
                return f"{more} more {named} error{'' if more == 1 else 's'} than recorded in the baseline"
        return ""

    def tightened(self, result) -> Entry:
        """The stricter of this entry and ``result``: a re-recorded baseline never loosens."""
        return self.stricter(Entry.of(result))

    def stricter(self, other: Entry) -> Entry:
        """The stricter of two entries of one handoff: the higher score, the fewer errors of each rule."""
        if self.score is None or other.score is None:
            score = self.score if other.score is None else other.score
        else:
            score = max(self.score, other.score)
        errors = {code: min(count, other.errors[code]) for code, count in self.errors.items() if other.errors.get(code)}
        return Entry(score, dict(sorted(errors.items())))

    def to_json(self) -> dict:
        return {"score": self.score, "errors": dict(self.errors)}


def error_counts(result) -> Counter:
    return Counter(f.code for f in result.findings if f.severity is Severity.ERROR)


class RecordedBaseline:
    """The entries of a baseline file, looked up by a handoff's path (relative to the config's folder)."""

    def __init__(self, path: Path, root: Path, entries: Mapping[str, Entry]):
        self.path = path
        self.root = root
        self.entries = dict(entries)

    def key(self, path: str) -> str:
        absolute = Path(os.path.realpath(os.path.dirname(os.path.abspath(path))), os.path.basename(path))
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            return absolute.as_posix()

    def entry(self, path: str) -> Entry | None:
        return self.entries.get(self.key(path))

    @property
    def name(self) -> str:
        """The file's name as a user finds it from the working directory."""
        return os.path.relpath(self.path)


def load(config) -> RecordedBaseline | None:
    """The baseline file the config names (``baseline-file``), or None when it names none."""
    path = config.baseline_file
    if path is None:
        return None
    where = f"{config.source}: 'baseline-file'"
    if not path.is_file():
        raise ConfigError(f"{where}: {os.path.relpath(path)} not found; `handoff-lint init --force` records a new one")
    if path.stat().st_size > MAX_BYTES:
        raise ConfigError(f"{where}: {os.path.relpath(path)} is larger than {MAX_BYTES // 2**20} MiB; not read")
    try:
        entries = parse(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{where}: {os.path.relpath(path)} is not a handoff-lint baseline ({exc})") from None
    return RecordedBaseline(path, Path(os.path.realpath(config.root)), entries)


def parse(data: bytes) -> dict[str, Entry]:
    """The entries of a baseline file's bytes; ValueError when they are not a baseline."""
    try:
        handoffs = json.loads(data.decode("utf-8"))["handoffs"]
        return {
            str(name): Entry(_score(item.get("score")), {str(c): int(n) for c, n in item.get("errors", {}).items()})
            for name, item in handoffs.items()
        }
    except (UnicodeDecodeError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise ValueError(str(exc) or type(exc).__name__) from None


def as_at_base(recorded: RecordedBaseline, repo, ref: str) -> RecordedBaseline:
    """The baseline a branch may lean on: no looser than at its merge base with ``ref``.

    The baseline file comes with the pull request, so a pull request could loosen it for itself:
    lower a recorded score, or record its own failing handoff. Against the base, each entry is the
    stricter of the two and an entry the base does not have is dropped. A base without a baseline
    file leaves the branch's as it is: that is the pull request that ran ``handoff-lint init``.
    """
    path = repo.to_repo(str(recorded.path))
    data = repo.read(repo.diff(ref).base, path) if path else None
    if data is None:
        return recorded
    try:
        before = parse(data)
    except ValueError:
        before = {}
    entries = {key: entry.stricter(before[key]) for key, entry in recorded.entries.items() if key in before}
    return RecordedBaseline(recorded.path, recorded.root, entries)


def _score(value) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"score {value!r} is not a whole number")
    return value


def write(path: Path, entries: Mapping[str, Entry], threshold: int) -> None:
    """Write the baseline: sorted and indented, so a pull request's change to it reads as a short diff."""
    payload = {
        "version": FORMAT,
        "tool": f"handoff-lint {__version__}",
        "about": "Handoffs that failed when the baseline was recorded: each passes while it gets no worse. "
        "See docs/adopting.md.",
        "threshold": threshold,
        "handoffs": {name: entries[name].to_json() for name in sorted(entries)},
    }
    try:
        path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise HandoffLintError(f"cannot write {path}: {exc.strerror or exc}") from None
