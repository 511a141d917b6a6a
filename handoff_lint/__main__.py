"""``python -m handoff_lint``: the same as the ``handoff-lint`` command."""

from handoff_lint.cli import main

main()
