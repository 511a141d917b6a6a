"""Lint a fixture or a rule's example through the real linter with only one rule selected.

The same pipeline as ``handoff-lint check --select CODE``: the config loader (a fixture's
sidecar ``.toml`` is a ``.handoff-lint.toml``), the bundled types, then ``Linter.lint``.
"""

from __future__ import annotations

from pathlib import Path

from handoff_lint.config.settings import Config, load_config
from handoff_lint.engine.linter import Linter
from handoff_lint.handoff_types.definitions import load_types

RULES_DIR = Path(__file__).resolve().parent
FOLDER_CONFIG = "handoff-lint.toml"  # applies to every fixture of a folder without its own sidecar

# The handoff an example is linted in when it is a snippet, not a whole document.
EXAMPLE_HANDOFF = """---
type: sales-to-cs
customer: Northwind Traders
---
# Customer Handoff: Northwind Traders
"""


def fixture_config(fixture: Path) -> Config:
    """The fixture's sidecar (``name.toml``), else its folder's ``handoff-lint.toml``, else defaults."""
    for candidate in (fixture.with_suffix(".toml"), fixture.parent / FOLDER_CONFIG):
        if candidate.is_file():
            return load_config(str(candidate))
    return Config(root=fixture.parent)


def lint_one_rule(config: Config, code: str, path: Path, data: bytes | None = None):
    """The findings of rule ``code`` alone on ``path`` (or on ``data`` read as if it were ``path``)."""
    config.select, config.ignore = [code], []
    return Linter(config, load_types(config.schema_dirs)).lint(str(path), data).findings


def lint_fixture(fixture: Path, folder: Path) -> str:
    """The rendered findings of the fixture's rule (its folder's name) alone on it. A ``.symlink`` fixture
    is linted as a link in ``folder`` to the target it names."""
    code = fixture.parent.name
    if fixture.suffix == ".symlink":
        linted = folder / f"{fixture.stem}.md"
        linted.symlink_to((fixture.parent / fixture.read_text(encoding="utf-8").strip()).resolve())
        return render_findings(lint_one_rule(Config(root=folder), code, linted))
    return render_findings(lint_one_rule(fixture_config(fixture), code, fixture))


def render_findings(findings) -> str:
    """The expected-file format: ``line:col CODE message``, the hint on its own indented line."""
    lines = []
    for f in findings:
        lines.append(f"{f.line}:{f.column} {f.code} {f.message}")
        if f.hint:
            lines.append(f"    hint: {f.hint}")
    return "".join(line + "\n" for line in lines)


def example_document(rule, example: str) -> str:
    """A rule's example as a file: a whole document as it is, else a snippet in a small handoff."""
    if example.startswith(("---", "# ")):
        return example + "\n"
    heading = f"\n## {rule.example_section}\n" if rule.example_section else "\n"
    return EXAMPLE_HANDOFF + heading + example + "\n"


def lint_example(rule, example: str, folder: Path):
    config = Config(root=folder, structure="template" if rule.template_only else "content")
    config.rule_options = {rule.code: dict(rule.example_options)}
    data = example_document(rule, example).encode("utf-8")
    return lint_one_rule(config, rule.code, folder / f"{rule.code}-example.md", data)
