"""The same overview as Markdown, for a job summary or a wiki page (no charts: tables only)."""

from __future__ import annotations

from urllib.parse import quote

from handoff_lint.model.categories import CATEGORIES
from handoff_lint.output.formats.base import repo_path
from handoff_lint.output.formats.markdown import cell
from handoff_lint.output.team_report.collect import STATUSES
from handoff_lint.output.team_report.history import signed


def render_markdown(view, history=None, link_base: str | None = None, worst: int = 20) -> str:
    total = view.total
    median = "—" if total.median is None else f"{total.median:g}"
    out = [
        "## Handoff report",
        "",
        f"**{total.count}** ready handoffs · pass rate **{total.pass_rate:.0f}%** · median score **{median}** · "
        f"**{view.empty_field_failures}** fail on empty required fields · **{len(view.drafts)}** "
        f"draft{'' if len(view.drafts) == 1 else 's'} kept apart · "
        f"threshold {', '.join(map(str, view.thresholds)) or '—'}",
        "",
    ]
    moved = history.last_change if history is not None else None
    if moved is not None:
        out += [
            f"Since the week before: pass rate **{signed(moved.pass_rate, ' pts')}**, "
            f"median score **{signed(moved.median)}**",
            "",
        ]
    out += [
        "### Categories by type (% missing / % partial)",
        "",
        "| Type | " + " | ".join(label for label, _w in CATEGORIES.values()) + " |",
        "|---|" + "---|" * len(CATEGORIES),
    ]
    for type_name, cells in sorted(view.heat.items()):
        row = [cell(type_name)]
        for key in CATEGORIES:
            n = sum(cells[key][s] for s in STATUSES)
            row.append(
                f"{100 * cells[key]['missing'] / n:.0f}% / {100 * cells[key]['partial'] / n:.0f}%" if n else "n/a"
            )
        out.append("| " + " | ".join(row) + " |")
    out += [
        "",
        "### By receiving team",
        "",
        "| Receiving team | Handoffs | Pass rate | Median score | Most often missing or thin |",
        "|---|---|---|---|---|",
    ]
    for g in view.by_receiver:
        median = "—" if g.median is None else f"{g.median:g}"
        lacking = "; ".join(f"{cell(element)} ({n} of {g.count})" for element, n in g.gaps) or "—"
        out.append(f"| {cell(g.name)} | {g.count} | {g.pass_rate:.0f}% | {median} | {lacking} |")
    for title, groups in (("By type", view.by_type), ("By sender", view.by_sender)):
        out += ["", f"### {title}", "", "| Name | Handoffs | Pass rate | Median score |", "|---|---|---|---|"]
        for g in groups:
            median = "—" if g.median is None else f"{g.median:g}"
            out.append(f"| {cell(g.name)} | {g.count} | {g.pass_rate:.0f}% | {median} |")
    listed = view.worst(worst)
    out += ["", "### Worst handoffs", ""]
    out += _handoff_table(listed, link_base) if listed else ["Every handoff passes."]
    out += ["", f"### Drafts ({len(view.drafts)})", ""]
    drafts = sorted(view.drafts, key=lambda h: h.path)
    out += _handoff_table(drafts, link_base) if drafts else ["No handoff is marked `status: draft`."]
    if history is not None and history.weeks:
        out += [
            "",
            "### Weekly trend (git history)",
            "",
            "| Week of | Handoffs | Pass rate | Median score | Pass rate vs week before | Median vs week before |",
            "|---|---|---|---|---|---|",
        ]
        for w, moved in history.week_over_week():
            median = "—" if w.median is None else f"{w.median:g}"
            rate_change = signed(moved.pass_rate, " pts") if moved else "—"
            median_change = signed(moved.median) if moved else "—"
            figures = f"{w.start:%Y-%m-%d} | {w.count} | {w.pass_rate:.0f}% | {median}"
            out.append(f"| {figures} | {rate_change} | {median_change} |")
    return "\n".join(out) + "\n"


def _handoff_table(handoffs, link_base: str | None) -> list[str]:
    """One row per handoff (linked under ``link_base``, when given): the worst handoffs and the drafts."""
    out = ["| Handoff | Score | Type | Sender | Top missing items |", "|---|---|---|---|---|"]
    for h in handoffs:
        name = link = cell(repo_path(h.path))
        if link_base:
            url = quote(repo_path(h.path).encode("utf-8", "surrogateescape"))
            link = f"[{name}]({link_base.rstrip('/')}/{url})"
        score = "not scored" if h.entry["score"] is None else h.entry["score"]
        items = "; ".join(cell(item) for item in h.top_missing) or "—"
        out.append(f"| {link} | {score} | {cell(h.type)} | {cell(h.sender)} | {items} |")
    return out
