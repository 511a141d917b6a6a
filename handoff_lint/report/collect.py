"""Gather the report's data: each handoff's JSON-report entry plus its sender, and the team figures.

Results come from the linter's runner (cache included) and are read through
``reporters.json_reporter.result_to_dict``, so every figure on the page is computed from exactly
what ``--format json`` prints for the same run.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..categories import CATEGORIES
from ..fence import Fence
from ..findings import Severity
from ..reporters.json_reporter import result_to_dict
from ..reporters.markdown import _short
from ..source import read_bytes
from .sender import SenderCache

STATUSES = ("complete", "partial", "missing")
# Error findings that mean "a required field is there but empty or still a placeholder".
EMPTY_FIELD_CODES = {"HL201", "HL301", "HL302"}
UNTYPED = "(no type)"


@dataclass
class Handoff:
    """One row of the report: the JSON report's entry for the file, and what the page adds to it."""

    entry: dict
    sender: str
    top_missing: list[str]

    @property
    def path(self) -> str:
        return self.entry["path"]

    @property
    def type(self) -> str:
        return self.entry["type"] or UNTYPED


@dataclass
class Group:
    """Pass rate and median score of a set of handoffs (one type, one sender, one week)."""

    name: str
    count: int
    passed: int
    median: float | None

    @property
    def pass_rate(self) -> float:
        return 100.0 * self.passed / self.count if self.count else 0.0


@dataclass
class Overview:
    handoffs: list[Handoff]
    thresholds: list[int]
    by_type: list[Group] = field(default_factory=list)
    by_sender: list[Group] = field(default_factory=list)
    # type -> category key -> status -> count (the heat map)
    heat: dict[str, dict[str, Counter]] = field(default_factory=dict)

    @property
    def total(self) -> Group:
        return group("all", [h.entry for h in self.handoffs])

    @property
    def empty_field_failures(self) -> int:
        return sum(
            not h.entry["passed"]
            and any(f["code"] in EMPTY_FIELD_CODES and f["severity"] == "error" for f in h.entry["findings"])
            for h in self.handoffs
        )

    def worst(self, count: int) -> list[Handoff]:
        """Failing handoffs, lowest score first (unscored files before any score)."""
        failing = [h for h in self.handoffs if not h.entry["passed"]]
        failing.sort(key=lambda h: (h.entry["score"] is not None, h.entry["score"] or 0, h.path))
        return failing[:count]


def top_missing(result, verdict, count: int = 3) -> list[str]:
    """The first things to fix, as the Markdown summary lists them: errors first, else warnings."""
    for severity in (Severity.ERROR, Severity.WARNING):
        items = [
            _short(f.message) for f in sorted(result.findings, key=lambda f: (f.code, f.line)) if f.severity is severity
        ]
        if items:
            return list(dict.fromkeys(items))[:count]
    return [] if verdict.passed else [f"score under {result.threshold}"]


def group(name: str, entries: list[dict]) -> Group:
    scores = [e["score"] for e in entries if e["score"] is not None]
    return Group(name, len(entries), sum(e["passed"] for e in entries), statistics.median(scores) if scores else None)


def _bytes_of(result, fence: Fence) -> bytes | None:
    """The handoff's bytes for its sender, unless the linter refused to read it. The repository's
    boundary is asked itself: with HL004 switched off in config, no finding says a file is outside."""
    if fence.refusal(result.path) or any(f.code in ("HL003", "HL004") for f in result.findings):
        return None
    return read_bytes(result.path, MAX_FILE_BYTES_READ)


MAX_FILE_BYTES_READ = 64 * 1024 * 1024  # files over the linter's own limit were reported HL003 above


def overview(run, cache_root=None, root=None) -> Overview:
    """The report's figures for a RunResult (senders cached under ``cache_root``, when given). ``root``:
    the config's folder, whose repository bounds what is read (default the working folder)."""
    senders = SenderCache(cache_root)
    fence = Fence(root or cache_root or ".")
    handoffs = [Handoff(result_to_dict(r, v), senders.sender(_bytes_of(r, fence)), top_missing(r, v)) for r, v in run]
    senders.save()
    view = Overview(handoffs, sorted({r.threshold for r in run.files}))
    by_type: dict[str, list[dict]] = defaultdict(list)
    by_sender: dict[str, list[dict]] = defaultdict(list)
    for handoff in handoffs:
        by_type[handoff.type].append(handoff.entry)
        by_sender[handoff.sender].append(handoff.entry)
        if handoff.entry["categories"]:
            cells = view.heat.get(handoff.type)
            if cells is None:
                cells = view.heat[handoff.type] = {key: Counter() for key in CATEGORIES}
            for key, category in handoff.entry["categories"].items():
                cells[key][category["status"]] += 1
    view.by_type = [group(name, entries) for name, entries in sorted(by_type.items())]
    view.by_sender = sorted((group(n, e) for n, e in by_sender.items()), key=lambda g: (-g.count, g.name))
    return view
