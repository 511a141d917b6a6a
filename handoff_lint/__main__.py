"""``python -m handoff_lint``: the same as the ``handoff-lint`` command."""

from .cli import main

main()
