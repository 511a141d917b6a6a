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


def pull_request_history(repo: Path, notes: bool = False) -> None:
    """In a new repository: main with the config and four handoffs (one failing); feature modifies, renames,
    deletes and adds one each; then main moves on, a change the pull request must not be blamed for.
    With ``notes``, a Markdown file outside the handoff paths changes on feature too. Ends on main."""
    git(repo, "init", "-q", "-b", "main")
    base = {
        ".handoff-lint.toml": CONFIG,  # every rule a warning: a PR can lower a score and still pass
        f"{HANDOFFS}/modified.md": example("sales-to-cs"),
        f"{HANDOFFS}/old-name.md": example("cs-to-sales"),
        f"{HANDOFFS}/deleted.md": example("ae-to-se"),
        f"{HANDOFFS}/legacy.md": "# Lead Handoff: Legacy\n\nTo be written.\n",  # fails; nobody touches it
    }
    changes = {
        f"{HANDOFFS}/modified.md": degrade(example("sales-to-cs")),
        f"{HANDOFFS}/deleted.md": None,
        f"{HANDOFFS}/added.md": example("sdr-to-ae"),
    }
    if notes:
        base["notes/meeting.md"] = "# Notes\n"
        changes["notes/meeting.md"] = "# Notes\n\nOutside the handoff paths.\n"
    commit(repo, base, "base")
    git(repo, "checkout", "-q", "-b", "feature")
    git(repo, "mv", f"{HANDOFFS}/old-name.md", f"{HANDOFFS}/new-name.md")
    commit(repo, changes, "the pull request")
    git(repo, "checkout", "-q", "main")
    commit(repo, {f"{HANDOFFS}/legacy.md": "# Lead Handoff: Legacy\n\nStill to be written.\n"}, "main moves on")


def one_handoff_repository(tmp_path: Path) -> Path:
    """A repository on main whose one commit holds a good handoff under HANDOFFS."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, {f"{HANDOFFS}/good.md": example("sales-to-cs")}, "base")
    return repo
