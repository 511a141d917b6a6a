"""The same overview as Markdown, for a job summary or a wiki page (no charts: tables only)."""

from __future__ import annotations

from urllib.parse import quote

from ..categories import CATEGORIES
from ..reporters.base import repo_path
from ..reporters.markdown import cell
from .collect import STATUSES


def render_markdown(view, history=None, link_base: str | None = None, worst: int = 20) -> str:
    total = view.total
    median = "—" if total.median is None else f"{total.median:g}"
    out = [
        "## Handoff report",
        "",
        f"**{total.count}** handoffs · pass rate **{total.pass_rate:.0f}%** · median score **{median}** · "
        f"**{view.empty_field_failures}** fail on empty required fields · threshold "
        f"{', '.join(map(str, view.thresholds)) or '—'}",
        "",
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
    for title, groups in (("By type", view.by_type), ("By sender", view.by_sender)):
        out += ["", f"### {title}", "", "| Name | Handoffs | Pass rate | Median score |", "|---|---|---|---|"]
        for g in groups:
            median = "—" if g.median is None else f"{g.median:g}"
            out.append(f"| {cell(g.name)} | {g.count} | {g.pass_rate:.0f}% | {median} |")
    listed = view.worst(worst)
    out += ["", "### Worst handoffs", ""]
    if listed:
        out += ["| Handoff | Score | Type | Sender | Top missing items |", "|---|---|---|---|---|"]
        for h in listed:
            name = cell(repo_path(h.path))
            link = name
            if link_base:
                url = quote(repo_path(h.path).encode("utf-8", "surrogateescape"))
                link = f"[{name}]({link_base.rstrip('/')}/{url})"
            score = "not scored" if h.entry["score"] is None else h.entry["score"]
            items = "; ".join(cell(item) for item in h.top_missing) or "—"
            out.append(f"| {link} | {score} | {cell(h.type)} | {cell(h.sender)} | {items} |")
    else:
        out.append("Every handoff passes.")
    if history is not None and history.weeks:
        out += [
            "",
            "### Weekly trend (git history)",
            "",
            "| Week of | Handoffs | Pass rate | Median score |",
            "|---|---|---|---|",
        ]
        for w in history.weeks:
            median = "—" if w.median is None else f"{w.median:g}"
            out.append(f"| {w.start:%Y-%m-%d} | {w.handoffs} | {w.pass_rate:.0f}% | {median} |")
    return "\n".join(out) + "\n"
