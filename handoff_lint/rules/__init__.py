"""All built-in rules. Modules are imported explicitly (no plugin auto-loading, as in yamllint).

A rule family lives in the module its codes name: HL400 and HL401 in ``hl40x_criteria.py``,
HL470 in ``hl47x_sensitive.py``, HL001-HL010 in ``hl0xx_file.py``. A family module holds the
heuristics only it uses; the ones several families share are in ``handoff_lint.reading.language``.
"""

from handoff_lint.rules import (  # noqa: F401  (importing a module registers its rules)
    hl0xx_file,
    hl10x_structure,
    hl11x_information,
    hl20x_frontmatter,
    hl30x_fields,
    hl31x_placeholder,
    hl40x_criteria,
    hl41x_actions,
    hl42x_risks,
    hl43x_dates,
    hl44x_people,
    hl45x_words,
    hl46x_residue,
    hl47x_sensitive,
    hl90x_suppression,
)
from handoff_lint.rules.registry import Context, Rule, all_rules, get_rule

__all__ = ["Context", "Rule", "all_rules", "get_rule"]
