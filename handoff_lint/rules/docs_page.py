"""Generate docs/rules.md from the rule registry (a test fails when the page drifts).

Run: ``python -m handoff_lint.rules.docs_page > docs/rules.md``
"""

from __future__ import annotations

from handoff_lint.rules import all_rules
from handoff_lint.rules.describe import render

_HEADER = """# Rules

Generated from the rule registry by `python -m handoff_lint.rules.docs_page > docs/rules.md`; do not edit by hand.
`handoff-lint explain CODE` prints the same text in a terminal, and `handoff-lint rules` lists the rules;
[configuration.md](configuration.md#choosing-rules) says what each family of codes checks and how to
select or ignore rules.

Severity is the default; change it per rule with `[tool.handoff-lint.severity]`. Errors fail a handoff;
warnings and info never do. Rules marked *affects score* make a section count as Partial.
"""


def render_rules_markdown() -> str:
    rules = all_rules()
    out = [
        _HEADER,
        "| Code | Name | Category | Severity | Summary |",
        "|------|------|----------|----------|---------|",
    ]
    for rule in rules:
        out.append(
            f"| [{rule.code}](#{rule.code.lower()}) | {rule.name} | {rule.category} | {rule.severity.value} "
            f"| {rule.summary} |"
        )
    for rule in rules:
        out += ["", f"## {rule.code}", "", render(rule, markdown=True, link=False)]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(render_rules_markdown(), end="")
