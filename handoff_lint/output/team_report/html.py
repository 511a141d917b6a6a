"""The HTML page: one self-contained file (inline CSS and SVG, no script to fetch), readable on a
laptop and printable. Every figure comes from the Overview (and History) built in collect/history."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from urllib.parse import quote

from handoff_lint.model.categories import CATEGORIES
from handoff_lint.output.formats.base import repo_path
from handoff_lint.output.team_report import charts
from handoff_lint.output.team_report.collect import STATUSES
from handoff_lint.output.team_report.history import signed
from handoff_lint.output.untrusted import html as escape

CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;
margin:0 auto;max-width:1180px;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.muted{color:#666}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{border:1px solid #ddd;border-radius:8px;padding:10px 16px;min-width:150px}
.card b{display:block;font-size:28px}
figure.chart{max-width:860px;margin:16px 0}svg.pygal-chart{width:100%;height:auto;display:block}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left}
th{background:#f4f4f4}td.num{text-align:right}
table.heat td{text-align:center;min-width:90px}.heat small{display:block;color:#333}
td.complete,td.c{background:#c8e6c9}td.partial,td.p{background:#ffe0b2}td.missing,td.m{background:#ffcdd2}
td.na{background:#eee}
.legend span{display:inline-block;padding:2px 8px;margin-right:6px;border-radius:4px}
.legend .complete{background:#c8e6c9}.legend .partial{background:#ffe0b2}.legend .missing{background:#ffcdd2}
details{margin:12px 0}summary{cursor:pointer;font-weight:600}
@media print{body{max-width:none;padding:0}h2{break-after:avoid}
svg,table{break-inside:avoid}}
"""


def render_html(view, output_path: str, history=None, link_base: str | None = None, worst: int = 20) -> str:
    """The page for ``view`` (an Overview), with links relative to where it is written."""
    total = view.total
    threshold = view.thresholds[0] if view.thresholds else 70
    scores = [h.entry["score"] for h in view.handoffs if h.entry["score"] is not None]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        # Nothing runs and nothing loads: inline CSS only, whatever a handoff's text or a chart holds.
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Handoff report</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>Handoff report</h1>",
        f'<p class="muted">handoff-lint · {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC · '
        f"threshold {', '.join(map(str, view.thresholds)) or '—'}</p>",
        '<div class="cards" id="headline">',
        _card("ready handoffs", total.count),
        _card("pass rate", f"{total.pass_rate:.0f}%"),
        _card("median score", _number(total.median)),
        _card("fail on empty required fields", view.empty_field_failures),
        _card("drafts, kept apart", len(view.drafts)),
        *_week_cards(history),
        "</div>",
        f'<figure class="chart" id="chart-scores">{charts.histogram(scores, threshold)}</figure>',
        f'<figure class="chart" id="chart-types">{charts.pass_and_median("By type", view.by_type)}</figure>',
    ]
    out += _heat_map(view)
    top_senders = view.by_sender[:15]
    out += _receivers(view)
    out += [
        "<h2>By sender</h2>",
        '<p class="muted">Frontmatter <code>from</code>, <code>owner</code>, <code>author</code> or '
        "<code>prepared_by</code>, else the body's sender label (<code>**AE:**</code>, "
        "<code>Prepared by:</code>, <code>Owner:</code>, <code>| Author | … |</code>); a role or contact "
        "beside the name is not part of it (“Dana Lee (AE)” is Dana Lee); “unknown” when nothing names one.</p>",
        f'<figure class="chart" id="chart-senders">{charts.pass_and_median("By sender", top_senders)}</figure>',
        f"<details><summary>All senders ({len(view.by_sender)})</summary>",
        _group_table("Sender", view.by_sender, "senders"),
        "</details>",
        "<h2>By type</h2>",
        _group_table("Type", view.by_type, "types"),
    ]
    out += _worst(view, output_path, link_base, worst)
    out += _drafts(view, output_path, link_base)
    if history is not None:
        out += _history(history)
    out.append("</body></html>\n")
    return "\n".join(out)


def _week_cards(history) -> list[str]:
    """With --history: how the pass rate and median moved from the week before to the newest week."""
    moved = history.last_change if history is not None else None
    if moved is None:
        return []
    return [
        _card("pass rate vs the week before", signed(moved.pass_rate, " pts")),
        _card("median vs the week before", signed(moved.median)),
    ]


def _receivers(view) -> list[str]:
    """What each receiving team gets: its handoffs' pass rate and median, and what they most often lack."""
    rows = []
    for g in view.by_receiver:
        lacking = "<br>".join(f"{escape(element)} ({n} of {g.count})" for element, n in g.gaps) or "—"
        rows.append(
            f'<tr><td>{escape(g.name)}</td><td class="num">{g.count}</td><td class="num">{g.pass_rate:.0f}%</td>'
            f'<td class="num">{_number(g.median)}</td><td>{lacking}</td></tr>'
        )
    return [
        "<h2>By receiving team</h2>",
        '<p class="muted">What each team that receives handoffs gets (the team a type hands to: '
        "Sales → CS goes to CS), and the information its handoffs most often lack or leave thin.</p>",
        f'<figure class="chart" id="chart-receivers">'
        f"{charts.pass_and_median('By receiving team', view.by_receiver)}</figure>",
        '<table id="table-receivers"><tr><th>Receiving team</th><th>Handoffs</th><th>Pass rate</th>'
        "<th>Median score</th><th>Most often missing or thin</th></tr>" + "".join(rows) + "</table>",
    ]


def _drafts(view, output_path: str, link_base: str | None) -> list[str]:
    """Work in progress (``status: draft``), listed with its score but counted in no figure above."""
    out = [f"<h2>Drafts ({len(view.drafts)})</h2>"]
    if not view.drafts:
        return out + ["<p>No handoff is marked <code>status: draft</code>.</p>"]
    out.append(
        '<p class="muted">Marked <code>status: draft</code>: not counted in the figures above until they are ready.</p>'
    )
    return out + _handoff_table("drafts", sorted(view.drafts, key=lambda h: h.path), output_path, link_base)


def _handoff_table(table_id: str, handoffs, output_path: str, link_base: str | None) -> list[str]:
    """One row per handoff, linked to its file: the worst handoffs and the drafts."""
    out = [
        f'<table id="{table_id}"><tr><th>Handoff</th><th>Score</th><th>Type</th><th>Sender</th>'
        "<th>Top missing items</th></tr>"
    ]
    for h in handoffs:
        items = "<br>".join(escape(item) for item in h.top_missing) or "—"
        score = "not scored" if h.entry["score"] is None else h.entry["score"]
        out.append(
            f'<tr><td><a href="{escape(_link(h.path, output_path, link_base))}">{escape(h.path)}</a></td>'
            f'<td class="num">{score}</td><td>{escape(h.type)}</td><td>{escape(h.sender)}</td><td>{items}</td></tr>'
        )
    out.append("</table>")
    return out


def _card(label: str, value) -> str:
    return f'<div class="card"><b>{escape(str(value))}</b>{escape(label)}</div>'


def _number(value) -> str:
    return "—" if value is None else f"{value:g}"


def _heat_map(view) -> list[str]:
    head = "".join(f"<th>{escape(label)}</th>" for label, _weight in CATEGORIES.values())
    out = [
        "<h2>Categories by type</h2>",
        '<p class="legend"><span class="complete">Complete</span><span class="partial">Partial</span>'
        '<span class="missing">Missing</span> Each cell: the share of the type\'s handoffs with the category '
        "missing or partial, coloured by the most common status.</p>",
        f'<table class="heat" id="heat-types"><tr><th>Type</th>{head}</tr>',
    ]
    for type_name, cells in sorted(view.heat.items()):
        row = [f"<th>{escape(type_name)}</th>"]
        for key in CATEGORIES:
            counts = cells[key]
            n = sum(counts[s] for s in STATUSES)
            if not n:
                row.append(f'<td class="na" data-type="{escape(type_name)}" data-category="{key}">n/a</td>')
                continue
            common = max(STATUSES, key=lambda s: (counts[s], STATUSES.index(s)))
            data = " ".join(f'data-{s}="{counts[s]}"' for s in STATUSES)
            row.append(
                f'<td class="{common}" data-type="{escape(type_name)}" data-category="{key}" {data}>'
                f"{100 * counts['missing'] / n:.0f}% missing"
                f"<small>{100 * counts['partial'] / n:.0f}% partial</small></td>"
            )
        out.append("<tr>" + "".join(row) + "</tr>")
    out.append("</table>")
    # One row per handoff (10,000 rows in a large team): one-letter classes keep the page small.
    letters = {"complete": "c", "partial": "p", "missing": "m"}
    out += [
        f"<details><summary>Categories for each handoff ({len(view.handoffs)})</summary>",
        f'<table class="heat" id="heat-handoffs"><tr><th>Handoff</th><th>Type</th>{head}</tr>',
    ]
    for handoff in view.handoffs:
        categories = handoff.entry["categories"]
        cells = "".join(
            f'<td class="{letters[c]}">{letters[c].upper()}</td>'
            if (c := categories.get(key, {}).get("status")) in letters
            else '<td class="na">–</td>'
            for key in CATEGORIES
        )
        out.append(f"<tr><td>{escape(handoff.path)}</td><td>{escape(handoff.type)}</td>{cells}</tr>")
    out += ["</table></details>"]
    return out


def _group_table(label: str, groups, ident: str) -> str:
    rows = "".join(
        f'<tr><td>{escape(g.name)}</td><td class="num">{g.count}</td><td class="num">{g.pass_rate:.0f}%</td>'
        f'<td class="num">{_number(g.median)}</td></tr>'
        for g in groups
    )
    return (
        f'<table id="table-{ident}"><tr><th>{label}</th><th>Handoffs</th><th>Pass rate</th>'
        f"<th>Median score</th></tr>{rows}</table>"
    )


def _link(path: str, output_path: str, link_base: str | None) -> str:
    if link_base:
        return link_base.rstrip("/") + "/" + quote(os.fsencode(repo_path(path)))
    folder = os.path.dirname(os.path.abspath(output_path))
    # "./": a file named "javascript:alert(1).md" beside the page is a path, never a URL scheme.
    return "./" + quote(os.fsencode(os.path.relpath(os.path.abspath(path), folder).replace(os.sep, "/")))


def _worst(view, output_path: str, link_base: str | None, count: int) -> list[str]:
    worst = view.worst(count)
    out = [f"<h2>Worst handoffs ({len(worst)} of {sum(not h.entry['passed'] for h in view.handoffs)} failing)</h2>"]
    if not worst:
        return out + ["<p>Every handoff passes.</p>"]
    return out + _handoff_table("worst", worst, output_path, link_base)


def _history(history) -> list[str]:
    span = f"{history.span.weeks} weeks" if history.span.weeks else f"{history.span.commits} commits"
    out = [
        "<h2>Trend from git history</h2>",
        f'<p class="muted">The last {span}: {history.commits} commits, {history.versions} handoff versions '
        f"({history.scored} scored in this run, the rest from the cache).</p>",
    ]
    if not history.weeks:
        return out + ["<p>No commits in that span.</p>"]
    out.append(f'<figure class="chart" id="chart-trend">{charts.trend(history.weeks)}</figure>')
    rows = "".join(
        f'<tr><td>{w.start:%Y-%m-%d}</td><td class="num">{w.count}</td><td class="num">{w.pass_rate:.0f}%</td>'
        f'<td class="num">{_number(w.median)}</td>'
        f'<td class="num">{signed(moved.pass_rate, " pts") if moved else "—"}</td>'
        f'<td class="num">{signed(moved.median) if moved else "—"}</td><td><code>{w.commit[:10]}</code></td></tr>'
        for w, moved in history.week_over_week()
    )
    out.append(
        '<details><summary>Weekly figures</summary><table id="table-weeks"><tr><th>Week of</th>'
        "<th>Handoffs</th><th>Pass rate</th><th>Median score</th><th>Pass rate vs week before</th>"
        f"<th>Median vs week before</th><th>Last commit</th></tr>{rows}</table></details>"
    )
    moved = sorted(history.files.items(), key=lambda item: (-len(item[1]), item[0]))
    changed = [(path, versions) for path, versions in moved if len(versions) > 1]
    if changed:
        out.append(
            f'<figure class="chart" id="chart-handoff-history">{charts.handoff_lines(dict(changed[:8]))}</figure>'
        )
    rows = "".join(
        f"<tr><td>{escape(path)}</td><td>"
        + " → ".join(f'<span title="{v.date:%Y-%m-%d} {v.commit[:10]}">{_number(v.score)}</span>' for v in versions)
        + "</td></tr>"
        for path, versions in moved
    )
    out.append(
        f"<details><summary>Each handoff's score over its commits ({len(moved)})</summary>"
        f'<table id="table-handoff-history"><tr><th>Handoff</th><th>Scores, oldest first</th></tr>{rows}'
        "</table></details>"
    )
    return out
