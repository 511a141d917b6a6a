"""The team report: every handoff's result, and optionally its git history, on one page.

``collect`` gathers per-file results through the same shape the JSON reporter writes,
``history`` scores past versions from git, ``html`` and ``markdown`` render the overview.
"""

from __future__ import annotations


def build(
    run,
    output_format: str,
    output_path: str | None,
    history=None,
    link_base=None,
    worst=20,
    cache_root=None,
    root=None,
    receivers=None,
) -> str:
    """The report's text: ``html`` (a page whose file links are relative to ``output_path``) or ``markdown``.
    ``root``: the config's folder (its repository bounds what is read); ``receivers``: type name -> the
    team it hands to."""
    from handoff_lint.output.team_report.collect import overview

    view = overview(run, cache_root, root, receivers)
    if output_format == "markdown":
        from handoff_lint.output.team_report.markdown_page import render_markdown

        return render_markdown(view, history, link_base, worst)
    from handoff_lint.output.team_report.html import render_html

    return render_html(view, output_path or ".", history, link_base, worst)
