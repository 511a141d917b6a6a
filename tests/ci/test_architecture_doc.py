"""ARCHITECTURE.md is the map a newcomer reads first: it must match the package tree, and imports must
go down the pipeline it draws, apart from the few exceptions listed here with their reasons."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "handoff_lint"
PAGE = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")
# The stages in pipeline order; a module may import from its own stage and the ones before it.
ORDER = (
    "errors",
    "text",
    "lazy_pattern",
    "model",
    "files",
    "config",
    "parse",
    "handoff_types",
    "reading",
    "rules",
    "scoring",
    "engine",
    "output",
    "commands",
    "cli",
)
_REGISTRY = "the config is checked against the rule registry: a rule code or option it names must exist"
_CONTENT = "a type is resolved from the content when nothing names it, which takes reading the content"
UPWARD = {  # (importer, imported): why it goes against the pipeline. All are imports inside a function.
    ("handoff_lint.config.selection", "handoff_lint.rules"): _REGISTRY,
    ("handoff_lint.config.schema", "handoff_lint.rules"): _REGISTRY,
    ("handoff_lint.config.settings", "handoff_lint.rules"): _REGISTRY,
    ("handoff_lint.config.settings", "handoff_lint.handoff_types.definitions"): "'types' globs must name a known type",
    ("handoff_lint.handoff_types.definitions", "handoff_lint.reading.evidence"): "an element's topic words are "
    "indexed the way the evidence reads statements",
    ("handoff_lint.handoff_types.resolve", "handoff_lint.reading.evidence"): _CONTENT,
    ("handoff_lint.handoff_types.resolve", "handoff_lint.reading.language.handover"): _CONTENT,
    ("handoff_lint.files.changed", "handoff_lint.config.settings"): "--changed-since checks every handoff when the "
    "configuration itself changed",
    ("handoff_lint.engine.shard", "handoff_lint.output.untrusted"): "a bad --shard value names a path from the PR",
    ("handoff_lint.commands.lsp", "handoff_lint.cli"): "the language server loads the config and types as the CLI does",
}


def _packages() -> list[Path]:
    return sorted(p.parent for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE)


def test_every_package_of_the_tree_is_on_the_page():
    missing = [p.relative_to(PACKAGE).as_posix() for p in _packages() if f"`{p.name}/`" not in PAGE]
    assert not missing, f"ARCHITECTURE.md does not name {missing}"


def test_every_module_is_named_in_its_packages_row_and_every_named_module_exists():
    for package in _packages():
        if package.parent != PACKAGE:
            continue  # sub-packages are named in their parent's row
        row = next((line for line in PAGE.splitlines() if f"`{package.name}/`" in line), "")
        named = set(re.findall(r"`([a-z_/]+\.py)`", row)) | set(re.findall(r"\(([a-z_/]+\.py)[,)]", row))
        for module in sorted(package.rglob("*.py")):
            relative = module.relative_to(package).as_posix()
            if package.name == "rules" and re.match(r"hl\d+x*_", module.name):
                continue  # the rule families: "one module per family named by its codes"
            if module.name != "__init__.py" and module.parent == package:
                assert f"`{relative}`" in row, f"ARCHITECTURE.md: {package.name}/{relative} is not in its row"
        for name in named:
            assert (package / name).is_file() or (PACKAGE / name).is_file(), f"ARCHITECTURE.md names {name}"


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ORDER else None  # handoff_lint.<stage>…


def _is_type_checking(node) -> bool:
    return isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _upward_imports() -> set[tuple[str, str]]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        importer = ".".join(path.relative_to(REPO).with_suffix("").parts)
        stage = _stage(importer)
        if stage is None:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        hints = {id(n) for node in ast.walk(tree) if _is_type_checking(node) for n in ast.walk(node)}
        for node in ast.walk(tree):
            if id(node) in hints:
                continue  # `if TYPE_CHECKING:` imports never run
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("handoff_lint."):
                other = _stage(node.module)
                if other and ORDER.index(other) > ORDER.index(stage):
                    found.add((importer, node.module))
    return found


def test_imports_go_down_the_pipeline_apart_from_the_listed_exceptions():
    found = _upward_imports()
    assert found - UPWARD.keys() == set(), "an import goes up the pipeline: move the code, or list it with its reason"
    assert UPWARD.keys() - found == set(), "a listed exception no longer exists: remove it from UPWARD"
