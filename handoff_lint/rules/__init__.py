"""All built-in rules. Modules are imported explicitly (no plugin auto-loading, as in yamllint)."""

from . import fields, file, frontmatter, placeholder, structure  # noqa: F401  (registers the rules)
from .registry import Context, Rule, all_rules, get_rule

__all__ = ["Context", "Rule", "all_rules", "get_rule"]
