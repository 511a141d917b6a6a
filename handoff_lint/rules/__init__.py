"""All built-in rules. Modules are imported explicitly (no plugin auto-loading, as in yamllint)."""

from . import (  # noqa: F401  (importing a module registers its rules)
    actions,
    criteria,
    dates,
    elements,
    fields,
    file,
    frontmatter,
    people,
    placeholder,
    residue,
    risks,
    sensitive,
    structure,
    suppression,
    words,
)
from .registry import Context, Rule, all_rules, get_rule

__all__ = ["Context", "Rule", "all_rules", "get_rule"]
