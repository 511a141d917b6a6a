"""A repository as a pull request presents it: committed handoffs, a config that keeps them warning-only."""

from __future__ import annotations

from pathlib import Path

from conftest import git, good_example
from handoff_lint.model.findings import Severity
from handoff_lint.rules import all_rules

HANDOFFS = "docs/handoffs"
# Every rule a warning: a placeholder then lowers the score without failing the handoff by itself.
WARNINGS = "".join(f'{r.code} = "warning"\n' for r in all_rules() if r.severity is Severity.ERROR)
CONFIG = f'paths = ["{HANDOFFS}"]\n\n[severity]\n{WARNINGS}'


def commit(repo: Path, files: dict[str, str | None], message: str) -> None:
    """Write (or, for None, delete) files and commit them."""
    for name, text in files.items():
        path = repo / name
        if text is None:
            git(repo, "rm", "-q", name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            git(repo, "add", name)
    git(repo, "commit", "-q", "-m", message)


def example(handoff_type: str) -> str:
    return good_example(handoff_type).read_text(encoding="utf-8")


def degrade(text: str) -> str:
    """One filled-in field back to a placeholder: the score drops a little."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("| ") and line.count("|") == 3 and not line.startswith("| Field"):
            label = line.split("|")[1]
            if label.strip() not in ("Company", "-------"):
                lines[i] = f"|{label}| TBD |\n"
                return "".join(lines)
    raise AssertionError("no key/value row to degrade")
