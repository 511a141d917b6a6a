"""The completeness score, 0–100, from the seed's Handoff Quality Score.

Each expected section is Complete (full credit), Partial (half) or Missing (none). A section
that is filled in but has an unsuppressed error or warning from a rule that ``affects_score``
(a placeholder left in, a vague success criterion…) counts as Partial, so vague text cannot
reach the threshold. A category's credit is the mean over its required sections (its optional
ones when it has no required section); a category the type does not use gives its weight to
the others in proportion.
"""

from __future__ import annotations

from handoff_lint.model.categories import CATEGORIES, COMPLETE, MISSING, NOT_USED, PARTIAL, CategoryScore
from handoff_lint.model.findings import Finding, Severity
from handoff_lint.reading.completeness import Assessment

CREDIT = {COMPLETE: 1.0, PARTIAL: 0.5, MISSING: 0.0}


def section_statuses(
    assessments: dict[str, Assessment], findings: list[Finding], score_codes: set[str]
) -> dict[str, str]:
    """Each section's final status, after quality findings downgrade Complete to Partial."""
    flagged = {
        f.section
        for f in findings
        if f.section and f.code in score_codes and f.severity in (Severity.ERROR, Severity.WARNING)
    }
    statuses = {}
    for key, assessment in assessments.items():
        status = assessment.status
        if status == COMPLETE and key in flagged:
            status = PARTIAL
        statuses[key] = status
    return statuses


def flagged_categories(handoff_type, findings: list[Finding], empty_codes: frozenset[str]) -> set[str]:
    """Categories with an error in one of their sections, or a finding of a rule in ``empty_codes`` (the
    rules declared ``means_empty``: a placeholder left in, an empty required field) at any severity.

    Such a category cannot be Complete: the receiver has to ask. Other warnings do not count here
    (the judges already read the quality of the content); a rule a team makes an error does.
    """
    category_of = {spec.key: spec.category for spec in handoff_type.sections}
    return {
        category_of[f.section]
        for f in findings
        if (f.severity is Severity.ERROR or f.code in empty_codes) and category_of.get(f.section)
    }


def score(
    assessments: dict[str, Assessment],
    statuses: dict[str, str],
    judgements: dict | None = None,
    flagged: set[str] = frozenset(),
) -> tuple[int, dict[str, CategoryScore]]:
    """Each category from the content judges when the type declares elements for it, else from its sections."""
    categories: dict[str, CategoryScore] = {}
    earned = used_weight = 0.0
    for key, (_label, weight) in CATEGORIES.items():
        judged = (judgements or {}).get(key)
        if judged is not None:
            status = PARTIAL if judged.status == COMPLETE and key in flagged else judged.status
            share = CREDIT[status]
            found, missing = describe(judged)
            if status != judged.status:
                missing += ("a placeholder or empty required field in this category (see the errors)",)
            categories[key] = CategoryScore(key, status, round(share * weight, 1), found, missing)
            earned += share * weight
            used_weight += weight
            continue
        members = [a for a in assessments.values() if a.spec.category == key]
        counted = [a for a in members if a.spec.required] or [a for a in members if a.section is not None]
        if not counted:
            categories[key] = CategoryScore(key, NOT_USED, 0.0)
            continue
        credits = [CREDIT[statuses[a.spec.key]] for a in counted]
        share = sum(credits) / len(credits)
        if share == 1.0:
            status = COMPLETE
        elif share == 0.0:
            status = MISSING
        else:
            status = PARTIAL
        categories[key] = CategoryScore(key, status, round(share * weight, 1))
        earned += share * weight
        used_weight += weight
    total = round(100 * earned / used_weight) if used_weight else 0
    return max(0, min(100, total)), categories


def describe(judged) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a reviewer would say about a category: what was found (with lines) and what is not there."""
    found, missing = [], []
    for element in judged.elements:
        where = ", ".join(map(str, element.lines[:3]))
        if element.grade and element.spec.category == "relationship" and element.found:
            found.append(f"{element.spec.label}: {', '.join(element.found)}")
        elif element.grade:
            detail = f" ({'; '.join(element.found)})" if element.found else ""
            found.append(f"{element.spec.label}{detail} (line {where})" if where else element.spec.label + detail)
        if element.grade < 2 and element.spec.core:
            missing.append(f"{element.spec.label}: {element.why or 'not found'}")
    for contradiction in judged.contradictions:
        missing.append(f"contradiction: {contradiction.message}")
    return tuple(found), tuple(missing)
