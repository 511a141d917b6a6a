"""Which rules run: the config's ``select``/``ignore`` and ``--select``/``--ignore`` on the command line.

Each takes codes (``HL310``), prefixes (``HL4``, ``ALL``) and rule names (``placeholder``, which
counts as its full code), comma-separated or repeated. They combine in three steps:

1. ``--select`` replaces the config's ``select``; no select at all means ``ALL``.
2. The config's ``ignore`` and ``--ignore`` both apply.
3. Of the selectors that match a rule, the most specific (the longest code prefix) decides; a tie
   goes to ignore. So ``--select HL310 --ignore HL3`` runs HL310 alone, and ``select = ["HL410"]``
   with ``ignore = ["HL4"]`` runs HL410, while ``ignore = ["HL310"]`` with ``--select HL310`` runs nothing.
"""

from __future__ import annotations

from handoff_lint.errors import ConfigError

EVERY_RULE = "ALL"  # as in ruff: --select ALL


def rule_prefixes(values, where: str) -> list[str]:
    """The code prefixes that ``values`` name, in order; a ConfigError names the first unknown one."""
    from handoff_lint.rules import all_rules, get_rule

    codes = [rule.code for rule in all_rules()]
    prefixes: list[str] = []
    for value in values:
        for item in value.split(","):
            item = item.strip()
            if not item:
                continue
            rule = get_rule(item)
            upper = item.upper()
            if rule is not None:
                prefixes.append(rule.code)
            elif upper == EVERY_RULE:
                prefixes.append("HL")
            elif upper.startswith("HL") and any([code.startswith(upper) for code in codes]):
                prefixes.append(upper)
            else:
                raise ConfigError(
                    f"{where}: unknown rule code '{item}' (a code such as HL310, a prefix such as HL4, "
                    "or a name such as placeholder; `handoff-lint rules` lists them)"
                )
    return prefixes


def apply_command_line(config, select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    """Put ``--select``/``--ignore`` over the config's selection (the module says how)."""
    if select:
        config.select = rule_prefixes(select, "--select")
        if not config.select:
            raise ConfigError("--select: names no rule (a code such as HL310, a prefix such as HL4, or ALL)")
    if ignore:
        config.ignore = [*config.ignore, *rule_prefixes(ignore, "--ignore")]


def enabled(code: str, select: list[str], ignore: list[str]) -> bool:
    """Whether rule ``code`` runs: the most specific matching selector decides, a tie goes to ignore."""
    selected = max((len(prefix) for prefix in select or ["HL"] if code.startswith(prefix)), default=0)
    ignored = max((len(prefix) for prefix in ignore if code.startswith(prefix)), default=0)
    return selected > ignored
