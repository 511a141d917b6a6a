"""The six score categories and their weights, from the seed's Handoff Quality Score."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

CATEGORIES: dict[str, tuple[str, int]] = {
    "customer": ("Customer context", 20),
    "expectations": ("Expectations & success criteria", 25),
    "risks": ("Risk flags", 15),
    "technical": ("Technical requirements", 15),
    "relationship": ("Relationship context", 15),
    "actions": ("Action items", 10),
}


class Coverage(str, Enum):
    """How fully a section or a score category is covered; str-valued, so JSON writes "complete" as before."""

    COMPLETE = "complete"
    PARTIAL = "partial"
    MISSING = "missing"
    NOT_USED = "n/a"  # a category the handoff type has no section for

    __str__ = str.__str__  # "complete" in text, never "Coverage.COMPLETE"
    __format__ = str.__format__


COMPLETE, PARTIAL, MISSING, NOT_USED = Coverage.COMPLETE, Coverage.PARTIAL, Coverage.MISSING, Coverage.NOT_USED


@dataclass(frozen=True, slots=True)  # six per handoff, thousands per run: the fixed facts live in CATEGORIES
class CategoryScore:
    key: str
    status: Coverage  # NOT_USED when the type has no section in it
    points: float  # earned, out of ``weight`` (before redistribution of unused categories)
    found: tuple[str, ...] = ()  # what was found and where: "champion Derek Huang (line 25)"
    missing: tuple[str, ...] = ()  # what keeps it from Complete: "sponsor: nobody named"

    @property
    def label(self) -> str:
        return CATEGORIES[self.key][0]

    @property
    def weight(self) -> int:
        return CATEGORIES[self.key][1]
