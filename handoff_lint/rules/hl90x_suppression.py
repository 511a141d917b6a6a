"""Suppressions must earn their keep (like ruff's RUF100)."""

from __future__ import annotations

from handoff_lint.rules.registry import Context, rule


def unused_suppression(ctx: Context):
    from handoff_lint.model.findings import Finding
    from handoff_lint.rules.registry import get_rule

    for directive in ctx.directives:
        if directive.used:
            continue
        unknown = sorted(code for code in directive.codes if get_rule(code) is None)
        what = f"names unknown rule(s) {', '.join(unknown)}" if unknown else "suppresses nothing"
        codes = ",".join(sorted(directive.codes)) or "all rules"
        yield Finding(
            "", f"handoff-lint-{directive.kind} ({codes}) {what}", directive.line, directive.column, hint="remove it"
        )


rule(
    "HL900",
    "unused-suppression",
    category="suppression",
    severity="warning",
    needs_type=False,
    summary="A handoff-lint-disable comment suppresses nothing.",
    rationale="""A suppression that no longer matches a finding hides the next real problem on that
    line. Remove it. This rule runs after suppressions are applied, so it cannot be silenced by
    the comment it reports.""",
    bad="<!-- handoff-lint-disable-next-line HL301 -->\n| Go-live | 2027-01-18 |",
    good="| Go-live | 2027-01-18 |",
    after_suppressions=True,
    check=unused_suppression,
)
