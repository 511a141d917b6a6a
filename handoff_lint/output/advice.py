"""What to do about a failing handoff, in one line: the finding that fails it, or what would lift its score.

A verdict says why a handoff fails ("score 55 < 70"); a newcomer then asks "so what do I do?". The
text status, the GitHub annotation and the SARIF result of a failing handoff all carry this answer.
"""

from __future__ import annotations

import shlex
from pathlib import PurePosixPath

from handoff_lint.model.categories import COMPLETE
from handoff_lint.model.findings import Severity
from handoff_lint.output.formats.score_table import effective_weights

INDEX_PAGES = frozenset({"readme", "index", "_index"})  # a folder's own page, not a handoff
TOP_GAINS = 3


def gains(result) -> list[tuple[int, str]]:
    """(points a category could still add, the first thing missing there), the largest first.

    The points are the category's share of 100 (after unused categories gave theirs away) that it
    does not earn yet: what completing it would add.
    """
    weights = effective_weights(result.categories)
    found = []
    for key, category in result.categories.items():
        if key not in weights or category.status == COMPLETE:
            continue
        points = round(weights[key] * (1 - category.points / category.weight))
        if points <= 0:
            continue
        what = category.missing[0] if category.missing else f"its section is {category.status}"
        found.append((points, f"{category.label}: {what}"))
    return sorted(found, key=lambda gain: -gain[0])


def top_missing(result, count: int = TOP_GAINS) -> str:
    """``Risk flags: none named (+15); Action items: no owner (+10)``, or "" when nothing is missing."""
    return "; ".join(f"{what} (+{points})" for points, what in gains(result)[:count])


def is_index_page(path: str) -> bool:
    return PurePosixPath(path.replace("\\", "/")).stem.lower() in INDEX_PAGES


def next_step(result, verdict) -> str:
    """The one thing to do next about a failing handoff ("" for one that passes, or when its findings say it)."""
    if verdict.passed:
        return ""
    if is_index_page(result.path):
        name = PurePosixPath(result.path).name
        return f"{name} looks like the folder's index page, not a handoff: add it to `exclude` in the config"
    if result.score is None:
        return ""  # not scored: its findings (unknown type, unreadable) say why
    errors = sorted((f for f in result.findings if f.severity is Severity.ERROR), key=lambda f: (f.line, f.column))
    if errors and not verdict.under_threshold:
        from handoff_lint.scoring.verdict import finding_rule

        first = errors[0]
        more = f" (and {len(errors) - 1} more error{'' if len(errors) == 2 else 's'})" if len(errors) > 1 else ""
        return f"the score passes; it fails on line {first.line} ({finding_rule(first)}): {first.message}{more}"
    if verdict.under_threshold:
        top = gains(result)
        lift = f"; most to gain: {top[0][1]} (up to +{top[0][0]} points)" if top else ""
        return f"run `handoff-lint score {shlex.quote(result.path)}` to see what is missing{lift}"
    return ""
