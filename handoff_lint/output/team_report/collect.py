"""Gather the report's data: each handoff's JSON-report entry plus its sender, receiving team and
whether it is a draft, and the team figures. Drafts (``status: draft``) are listed apart: every team
figure is over the ready handoffs, so work in progress neither drags the pass rate down nor hides.

Results come from the linter's runner (cache included) and are read through
``reporters.json_reporter.result_to_dict``, so every figure on the page is computed from exactly
what ``--format json`` prints for the same run.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from handoff_lint.files.boundary import Boundary
from handoff_lint.files.limits import MAX_READ_BYTES
from handoff_lint.files.source import read_bytes
from handoff_lint.model.categories import CATEGORIES, COMPLETE, MISSING, PARTIAL
from handoff_lint.model.findings import Severity
from handoff_lint.output.formats.json_reporter import result_to_dict
from handoff_lint.output.formats.markdown import _short
from handoff_lint.output.team_report.sender import UNKNOWN, SenderCache, person_key

STATUSES = (COMPLETE, PARTIAL, MISSING)  # the statuses a report's JSON holds, compared as their values
# Error findings that mean "a required field is there but empty or still a placeholder".
EMPTY_FIELD_CODES = {"HL201", "HL301", "HL302"}
UNTYPED = "(no type)"
TOP_GAPS = 3  # what a receiving team most often does not get, listed per team


def receiving_team(label: str, name: str) -> str:
    """The team a type hands to, from its label: "Sales → CS" → "CS" (the type's name when no arrow)."""
    return label.split("→")[-1].strip() if "→" in label else name


@dataclass
class Handoff:
    """One row of the report: the JSON report's entry for the file, and what the page adds to it."""

    entry: dict
    sender: str
    top_missing: list[str]
    receiver: str = UNKNOWN  # the receiving team, from the type
    draft: bool = False

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
class Receiving(Group):
    """What one receiving team gets: its group figures and the information most often missing or thin."""

    gaps: list[tuple[str, int]] = field(default_factory=list)  # (element, handoffs lacking it), most first


@dataclass
class Overview:
    handoffs: list[Handoff]  # ready handoffs: every figure below is over these
    thresholds: list[int]
    drafts: list[Handoff] = field(default_factory=list)
    by_type: list[Group] = field(default_factory=list)
    by_sender: list[Group] = field(default_factory=list)
    by_receiver: list[Receiving] = field(default_factory=list)
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
    return [] if verdict.passed else [f"score under {verdict.threshold}"]


def group(name: str, entries: list[dict]) -> Group:
    scores = [e["score"] for e in entries if e["score"] is not None]
    return Group(name, len(entries), sum(e["passed"] for e in entries), statistics.median(scores) if scores else None)


def _bytes_of(result, boundary: Boundary) -> bytes | None:
    """The handoff's bytes for its sender, unless the linter refused to read it. The repository's
    boundary is asked itself: with HL004 switched off in config, no finding says a file is outside."""
    if boundary.refusal(result.path) or any(f.code in ("HL003", "HL004") for f in result.findings):
        return None
    return read_bytes(result.path, MAX_READ_BYTES)  # a file over the linter's limit was HL003 above


def gaps(entries: list[dict], count: int = TOP_GAPS) -> list[tuple[str, int]]:
    """The information elements most often missing or thin, with how many handoffs lack each."""
    lacking: Counter = Counter()
    for entry in entries:
        elements = {item.split(":", 1)[0] for c in entry["categories"].values() for item in c.get("missing", [])}
        lacking.update(elements)
    return sorted(lacking.items(), key=lambda item: (-item[1], item[0]))[:count]


def overview(run, cache_root=None, root=None, receivers: dict[str, str] | None = None) -> Overview:
    """The report's figures for a RunResult (senders cached under ``cache_root``, when given). ``root``:
    the config's folder, whose repository bounds what is read (default the working folder);
    ``receivers``: type name -> receiving team (``receiving_team`` of each type's label)."""
    receivers = receivers or {}
    senders = SenderCache(cache_root)
    boundary = Boundary(root or cache_root or ".")
    everything = []
    for r, v in run:
        sender = senders.sender(_bytes_of(r, boundary))
        receiver = receivers.get(r.type_name, r.type_name or UNKNOWN)
        everything.append(Handoff(result_to_dict(r, v), sender, top_missing(r, v), receiver, r.draft))
    senders.save()
    handoffs = [h for h in everything if not h.draft]
    view = Overview(handoffs, sorted({v.threshold for v in run.verdicts}), [h for h in everything if h.draft])
    by_type: dict[str, list[dict]] = defaultdict(list)
    by_sender: dict[str, list[dict]] = defaultdict(list)
    spellings: dict[str, Counter] = defaultdict(Counter)  # one person, however the name was written
    by_receiver: dict[str, list[dict]] = defaultdict(list)
    for handoff in handoffs:
        by_type[handoff.type].append(handoff.entry)
        key = person_key(handoff.sender)
        by_sender[key].append(handoff.entry)
        spellings[key][handoff.sender] += 1
        by_receiver[handoff.receiver].append(handoff.entry)
        if handoff.entry["categories"]:
            cells = view.heat.get(handoff.type)
            if cells is None:
                cells = view.heat[handoff.type] = {key: Counter() for key in CATEGORIES}
            for key, category in handoff.entry["categories"].items():
                cells[key][category["status"]] += 1
    view.by_type = [group(name, entries) for name, entries in sorted(by_type.items())]
    senders_named = [group(spellings[key].most_common(1)[0][0], entries) for key, entries in by_sender.items()]
    view.by_sender = sorted(senders_named, key=lambda g: (-g.count, g.name))
    view.by_receiver = [
        Receiving(**vars(group(name, entries)), gaps=gaps(entries)) for name, entries in sorted(by_receiver.items())
    ]
    return view
