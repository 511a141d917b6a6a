"""What makes a handoff a draft: one table that `check` and `report` are both held to, so the two
commands cannot come to disagree on what a draft is."""

from __future__ import annotations

WIP_VALUES = '[draft]\nvalues = ["draft", "wip", "in progress"]\n'

# (the .handoff-lint.toml, the frontmatter line that says how far along the handoff is, a draft?)
DRAFT_CASES = [
    ("", "status: draft", True),
    ("", "status: Draft", True),
    ("", "status: ready", False),
    ("", "status: accepted", False),
    ("", "status: WIP", False),  # not a draft value unless the config says so
    ("", "", False),
    (WIP_VALUES, "status: WIP", True),
    (WIP_VALUES, "status: in progress", True),
    ('[draft]\nkey = "stage"\nvalues = ["wip", "in progress"]\n', "stage: In Progress", True),
    ('[draft]\nkey = "stage"\nvalues = ["wip"]\n', "status: draft", False),
]
