"""GitHub workflow commands in output: which lines a runner would obey that handoff-lint did not mean."""

from __future__ import annotations

import re

# handoff-lint's own commands: an annotation with its properties in order, or a log group.
OURS = re.compile(r"::(error|warning) file=[^,:]*,line=\d+(,col=\d+)?,title=[^,:]*::|::group::|::endgroup::$")


def commands_left(out: str) -> list[str]:
    """Lines the runner would obey that handoff-lint did not mean as commands."""
    bad = []
    for line in out.splitlines():
        if "##[" in line:  # the older form, obeyed anywhere in a line
            bad.append(line)
        elif line.lstrip().startswith("::") and not OURS.match(line):
            bad.append(line)
    return bad
