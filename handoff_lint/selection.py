"""Which rules run: ``--select``/``--ignore`` on the command line over the config's ``select``/``ignore``.

Both take codes (``HL310``), prefixes (``HL4``, ``ALL``) and rule names (``placeholder``), comma-separated
or repeated. They combine as ruff's do: a ``--select`` replaces the config's selection, its ``ignore``
included (that ignore narrowed the config's own select); an ``--ignore`` is taken off whatever is
selected. So ``--select HL422`` runs HL422 even where the config ignores it.
"""

from __future__ import annotations

from .errors import ConfigError

EVERY_RULE = "ALL"  # as in ruff: --select ALL


def rule_prefixes(values, where: str) -> list[str]:
    """The code prefixes that ``values`` name, in order; a ConfigError names the first unknown one."""
    from .rules import all_rules, get_rule

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
    """Put ``--select``/``--ignore`` over the config's selection (ruff's order, see the module)."""
    if select:
        config.select = rule_prefixes(select, "--select")
        config.ignore = []
    if ignore:
        config.ignore = [*config.ignore, *rule_prefixes(ignore, "--ignore")]
