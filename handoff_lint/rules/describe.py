"""A rule's metadata as a reader sees it: the one renderer behind `explain`, docs/rules.md and SARIF.

A description is a list of paragraphs (heading, summary, rationale, options, examples, link);
``render`` writes them as terminal text or as Markdown, so the three outputs cannot drift apart.
"""

from __future__ import annotations

from handoff_lint.rules.registry import Rule

SCORE_NOTE = "A section with this finding counts as Partial in the score."


def option_default(value) -> str:
    """An option's default as it is written in TOML (None: the type definition decides)."""
    if value is None:
        return "from the type definition"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def render(rule: Rule, markdown: bool = False, link: bool = True) -> str:
    """The rule's description; ``markdown`` for docs and SARIF, ``link`` to end with where to read more."""
    code = (lambda text: f"`{text}`") if markdown else (lambda text: text)
    headline = f"{rule.name} — {rule.category}, default severity {rule.severity.value}."
    paragraphs = [f"**{headline}**" if markdown else f"{rule.code} {headline}", rule.summary, rule.rationale]
    if rule.affects_score:
        paragraphs.append(SCORE_NOTE)
    if rule.options:
        table = code(f"[tool.handoff-lint.rules.{rule.code}]")
        per_type = code(f"[tool.handoff-lint.rules.{rule.code}.<type>]")
        listed = [f"- {code(name)} (default {code(option_default(value))})" for name, value in rule.options.items()]
        paragraphs.append("\n".join([f"Options ({table}, or per type in {per_type}):", *listed]))
    settings = ", ".join(f"{name} = {option_default(value)}" for name, value in rule.example_options.items())
    for label, example in ((f"Bad (with {code(settings)})" if settings else "Bad", rule.bad), ("Good", rule.good)):
        if markdown:
            paragraphs += [f"{label}:", f"```markdown\n{example}\n```"]
        else:
            paragraphs.append(f"{label}:\n" + "\n".join("    " + line for line in example.splitlines()))
    if link:
        paragraphs.append(f"More: {code(f'handoff-lint explain {rule.code}')} or {rule.help_uri}")
    return "\n\n".join(paragraphs)
