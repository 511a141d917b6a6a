"""The charts, drawn at build time by pygal as inline SVG: no script to fetch, nothing to run when the
page opens (pygal's inline config ``<script>`` is taken out), and a printable page. Labels (type and
sender names, paths) come from the handoffs: they go through ``untrusted.plain``.
Why pygal rather than a JS library: docs/report.md ("Why pygal")."""

from __future__ import annotations

from handoff_lint.errors import HandoffLintError
from handoff_lint.output.untrusted import plain

INSTALL_HINT = "the report needs the 'report' extra: pip install 'handoff-lint[report]'"


def _pygal():
    try:
        import pygal
        from pygal.style import Style
    except ImportError:
        raise HandoffLintError(INSTALL_HINT) from None
    return pygal, Style


def require() -> None:
    """Fail early, with the install hint, when pygal is not installed."""
    _pygal()


PASS_FAIL = ("#2f7d32", "#c62828")  # green for at or over the threshold, red under it
RATE_MEDIAN = ("#2f7d32", "#1565c0")  # pass rate, median score
# pygal reserves a little too little height for rotated x labels: without more space between the axis and
# the legend under it, the labels' descenders run into the legend (the browser test measures it).
ROTATED_SPACING = 24
MANY = ("#1565c0", "#ef6c00", "#6a1b9a", "#00838f", "#c62828", "#2f7d32", "#5d4037", "#ad1457")


def _chart(kind: str, title: str, colors=RATE_MEDIAN, **options):
    pygal, Style = _pygal()
    style = Style(
        background="transparent",
        plot_background="transparent",
        font_family="system-ui, sans-serif",
        colors=colors,
        title_font_size=20,
        label_font_size=14,
        major_label_font_size=14,
        legend_font_size=14,
        value_font_size=13,
    )
    # js=[]: pygal's tooltips would load a script from its CDN; the page must work offline.
    defaults = {
        "js": [],
        "disable_xml_declaration": True,
        "style": style,
        "width": 800,
        "height": 360,
        "truncate_label": -1,
        # Under the plot, whole: a legend beside it shares the left margin with long labels (senders,
        # paths) and can run over them; the browser test compares the boxes.
        "legend_at_bottom": True,
        "truncate_legend": -1,
    }
    return getattr(pygal, kind)(title=title, **{**defaults, **options}).add_xml_filter(_without_scripts)


def _without_scripts(root):
    """pygal writes its config (labels included) into a ``<script>`` for its tooltips, even with js=[]:
    the page needs no script, so none is left in the SVG."""
    for parent in list(root.iter()):
        for child in list(parent):
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    return root


def _svg(chart) -> str:
    return chart.render(is_unicode=True)


def whole_number_ticks(largest: int, most: int = 8) -> list[int]:
    """Axis ticks for a count: whole numbers from 0 past ``largest``, at most about ``most`` of them
    (pygal would put 0.5 handoffs on a small axis)."""
    step = max(1, -(-largest // most))
    return list(range(0, max(largest, 1) + step, step))


def histogram(scores: list[int], threshold: int) -> str:
    """Scores in bins of ten, those under the threshold in red: the threshold is where the colour changes."""
    labels = [f"{low}–{low + 9}" if low < 90 else "90–100" for low in range(0, 100, 10)]
    passing, failing = [0] * 10, [0] * 10
    for score in scores:
        (passing if score >= threshold else failing)[min(score // 10, 9)] += 1
    ticks = whole_number_ticks(max(p + f for p, f in zip(passing, failing, strict=True)))
    chart = _chart(
        "StackedBar",
        f"Score distribution (threshold {threshold})",
        PASS_FAIL,
        x_title="score",
        y_title="handoffs",
        range=(0, ticks[-1]),
        y_labels=ticks,
        value_formatter=lambda count: f"{count:.0f}",
    )
    chart.x_labels = labels
    chart.add(f"at or over {threshold}", passing)
    chart.add(f"under {threshold}", failing)
    return _svg(chart)


def pass_and_median(title: str, groups) -> str:
    """Pass rate (%) and median score side by side for each group (type or sender)."""
    chart = _chart("HorizontalBar", title, range=(0, 100), height=max(220, 60 + 44 * len(groups)))
    chart.x_labels = [f"{plain(g.name)} ({g.count})" for g in groups]
    chart.add("pass rate %", [round(g.pass_rate, 1) for g in groups])
    chart.add("median score", [g.median if g.median is not None else None for g in groups])
    return _svg(chart)


def trend(weeks) -> str:
    """Weekly pass rate and median score, from the git history."""
    chart = _chart(
        "Line", "Weekly trend", range=(0, 100), x_label_rotation=30, show_minor_x_labels=False, spacing=ROTATED_SPACING
    )
    chart.x_labels = [w.start.strftime("%Y-%m-%d") for w in weeks]
    chart.x_labels_major = chart.x_labels[:: max(1, len(weeks) // 12)]
    chart.add("pass rate %", [round(w.pass_rate, 1) for w in weeks])
    chart.add("median score", [w.median for w in weeks])
    return _svg(chart)


def handoff_lines(files: dict) -> str:
    """The score of the handoffs that changed most, over their own commits."""
    chart = _chart(
        "DateTimeLine",
        "Score over each handoff's commits",
        MANY,
        range=(0, 100),
        x_label_rotation=30,
        spacing=ROTATED_SPACING,
        x_value_formatter=lambda d: d.strftime("%Y-%m-%d"),
    )
    for path, versions in files.items():
        chart.add(plain(path), [(v.date, v.score) for v in versions if v.score is not None])
    return _svg(chart)
