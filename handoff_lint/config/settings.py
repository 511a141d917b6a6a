"""Configuration: ``[tool.handoff-lint]`` in pyproject.toml or a ``.handoff-lint.toml``.

Found by walking up from the working directory; the closest file wins (a ``.handoff-lint.toml``
before a ``pyproject.toml`` in the same folder). Everything is validated up front: an unknown
key or a bad value is a ConfigError (exit 2) naming the key and the file.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from handoff_lint.errors import ConfigError
from handoff_lint.files.boundary import Boundary
from handoff_lint.files.limits import MAX_FILE_BYTES, MAX_READ_BYTES
from handoff_lint.files.source import read_at_most
from handoff_lint.model.findings import Severity

DEFAULT_THRESHOLD = 70
DEFAULT_PATHS = ("docs/handoffs",)
DEFAULT_DRAFT_KEY = "status"
DEFAULT_DRAFT_VALUES = ("draft",)
CONFIG_FILES = (".handoff-lint.toml", "pyproject.toml")


@dataclass
class Config:
    root: Path = field(default_factory=Path.cwd)  # folder paths in the config are relative to
    source: Path | None = None  # the file read, if any
    paths: list[str] = field(default_factory=lambda: list(DEFAULT_PATHS))
    exclude: list[str] = field(default_factory=list)
    threshold: int = DEFAULT_THRESHOLD
    types: dict[str, str] = field(default_factory=dict)  # glob -> type name
    schema_dirs: list[Path] = field(default_factory=list)
    select: list[str] = field(default_factory=list)  # codes or prefixes; empty = all
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)  # code -> severity
    rule_options: dict[str, dict] = field(default_factory=dict)  # code -> options
    # "content" (default): information counts wherever it is written. "template": the type's
    # sections, their names, fields and frontmatter are required as in the template.
    structure: str = "content"
    max_file_bytes: int = MAX_FILE_BYTES  # larger files are HL003, not read
    # A handoff whose frontmatter says ``status: draft`` is scored but not held to the threshold.
    draft_key: str = DEFAULT_DRAFT_KEY
    draft_values: tuple[str, ...] = DEFAULT_DRAFT_VALUES  # lower case
    # The failing handoffs ``handoff-lint init`` recorded: they pass while they get no worse.
    baseline_file: Path | None = None

    def rule_enabled(self, code: str) -> bool:
        from handoff_lint.config.selection import enabled

        return enabled(code, self.select, self.ignore)


STRUCTURES = ("content", "template")
_KEYS = {
    "structure",
    "paths",
    "exclude",
    "threshold",
    "types",
    "schema-dirs",
    "select",
    "ignore",
    "severity",
    "rules",
    "max-file-kib",
    "draft",
    "baseline-file",
}
MAX_FILE_KIB = MAX_READ_BYTES // 1024  # the most max-file-kib may raise the limit to


def find_config_file(start: Path) -> Path | None:
    boundary = Boundary(start)
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if boundary.refusal(str(candidate)):  # a config committed as a link to a file elsewhere
                raise ConfigError(f"{candidate}: a symlink to a place outside the repository; not read")
            if name == "pyproject.toml" and "handoff-lint" not in _read_toml(candidate).get("tool", {}):
                continue
            return candidate
    return None


def load_config(explicit: str | None = None, start: Path | None = None) -> Config:
    path = Path(explicit) if explicit else find_config_file((start or Path.cwd()).resolve())
    if path is None:
        return Config(root=(start or Path.cwd()).resolve())
    if not path.is_file():
        raise ConfigError(f"config file not found: {path}")
    data = _read_toml(path)
    settings = handoff_lint_settings(data, path.name)
    where = f"{path} [tool.handoff-lint]" if settings is not data else str(path)
    return parse_config(settings, root=path.resolve().parent, source=path, where=where)


def handoff_lint_settings(data: dict, name: str) -> dict:
    """The handoff-lint settings of a parsed config file named ``name``: its ``[tool.handoff-lint]``
    table when it is a pyproject.toml or has one, else the whole file (a ``.handoff-lint.toml``)."""
    if name == "pyproject.toml" or "tool" in data and "handoff-lint" in data.get("tool", {}):
        return data.get("tool", {}).get("handoff-lint", {})
    return data


def _tomllib():
    """The TOML parser, imported only when there is a config file to read (most one-file runs have none)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib


def settings_in(data: bytes, name: str) -> dict | None:
    """The handoff-lint settings in a config file's bytes (e.g. read from git); None when not TOML."""
    tomllib = _tomllib()
    try:
        return handoff_lint_settings(tomllib.loads(data.decode("utf-8")), name)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None


MAX_CONFIG_BYTES = 1024 * 1024


def _read_toml(path: Path) -> dict:
    tomllib = _tomllib()
    try:
        data = read_at_most(path, MAX_CONFIG_BYTES)
        if data is None:
            raise ConfigError(f"{path}: larger than {MAX_CONFIG_BYTES // 1024} KiB; not a config, not read")
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def parse_config(data: dict, root: Path, source: Path | None = None, where: str = "config") -> Config:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key '{unknown[0]}' (known keys: {', '.join(sorted(_KEYS))})")
    config = Config(root=root, source=source)
    boundary = Boundary(root)
    if "paths" in data:
        config.paths = _str_list(data["paths"], "paths", where)
        _refuse_outside(config.paths, "paths", root, boundary, where)
    if "exclude" in data:
        config.exclude = _str_list(data["exclude"], "exclude", where)
    if "structure" in data:
        if data["structure"] not in STRUCTURES:
            raise ConfigError(f"{where}: 'structure' must be one of {', '.join(STRUCTURES)}, not {data['structure']!r}")
        config.structure = data["structure"]
    if "threshold" in data:
        config.threshold = check_threshold(data["threshold"], f"{where}: 'threshold'")
    if "max-file-kib" in data:
        kib = data["max-file-kib"]
        if isinstance(kib, bool) or not isinstance(kib, int) or not 1 <= kib <= MAX_FILE_KIB:
            raise ConfigError(f"{where}: 'max-file-kib' must be a whole number from 1 to {MAX_FILE_KIB}")
        config.max_file_bytes = kib * 1024
    if "draft" in data:
        config.draft_key, config.draft_values = _draft(data["draft"], where)
    if "baseline-file" in data:
        if not isinstance(data["baseline-file"], str) or not data["baseline-file"].strip():
            raise ConfigError(f"{where}: 'baseline-file' must be a file name, e.g. \".handoff-lint-baseline.json\"")
        _refuse_outside(data["baseline-file"], "baseline-file", root, boundary, where)
        config.baseline_file = root / data["baseline-file"]
    if "types" in data:
        if not isinstance(data["types"], dict) or not all(isinstance(v, str) for v in data["types"].values()):
            raise ConfigError(f"{where}: 'types' must be a table of glob = \"type-name\"")
        config.types = dict(data["types"])
    if "schema-dirs" in data:
        config.schema_dirs = [root / d for d in _str_list(data["schema-dirs"], "schema-dirs", where)]
        _refuse_outside(data["schema-dirs"], "schema-dirs", root, boundary, where)
        for folder in config.schema_dirs:
            if not folder.is_dir():
                raise ConfigError(f"{where}: 'schema-dirs': schema directory not found: {folder}")
    for key in ("select", "ignore"):
        if key in data:  # codes, prefixes or rule names, as on the command line
            from handoff_lint.config.selection import rule_prefixes

            setattr(config, key, rule_prefixes(_str_list(data[key], key, where), f"{where}: '{key}'"))
    if "severity" in data:
        for code, rule, level in _rule_table(data, "severity", where, 'CODE = "error|warning|info"'):
            if level not in {s.value for s in Severity}:
                raise ConfigError(f"{where}: severity of {code} must be error, warning or info, not {level!r}")
            config.severity[rule.code] = Severity(level)
    if "rules" in data:
        for code, rule, options in _rule_table(data, "rules", where, "rule code = { options }"):
            if not isinstance(options, dict):
                raise ConfigError(f"{where}: options of rule {code} must be a table")
            for name, value in options.items():
                # A sub-table is options for one handoff type: [rules.HL413.sales-to-cs]
                for option in value if isinstance(value, dict) else {name: value}:
                    if option not in rule.options:
                        known = ", ".join(sorted(rule.options)) or "none"
                        raise ConfigError(f"{where}: rule {rule.code} has no option '{option}' (options: {known})")
            config.rule_options[rule.code] = options
        _check_option_types(data, where)
    return config


def _check_option_types(data: dict, where: str) -> None:
    """Check the config against the published schemas/config.schema.json, whose rule options carry
    the types the rules declare. Only a config that sets rule options pays for it: the keys above
    are checked by hand to the same constraints, and importing jsonschema costs more (~0.2 s) than a
    warm run over a thousand handoffs."""
    if not any(data["rules"].values()):
        return
    import json

    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    from handoff_lint.handoff_types.definitions import CONFIG_SCHEMA_FILE, data_dir

    schema = json.loads((data_dir("schemas") / CONFIG_SCHEMA_FILE).read_text(encoding="utf-8"))
    error = best_match(Draft202012Validator(schema).iter_errors(data))
    if error is not None:
        key = ".".join(str(part) for part in error.absolute_path)
        raise ConfigError(f"{where}: '{key}': {error.message}")


def _draft(table, where: str) -> tuple[str, tuple[str, ...]]:
    """``[draft]``: the frontmatter key and the values that mark work in progress."""
    if not isinstance(table, dict) or set(table) - {"key", "values"}:
        raise ConfigError(f"{where}: 'draft' must be a table with 'key' and 'values', e.g. key = \"status\"")
    key = table.get("key", DEFAULT_DRAFT_KEY)
    if not isinstance(key, str) or not key.strip():
        raise ConfigError(f"{where}: 'draft.key' must be a frontmatter key, e.g. \"status\"")
    values = _str_list(table.get("values", list(DEFAULT_DRAFT_VALUES)), "draft.values", where)
    return key.strip(), tuple(value.strip().lower() for value in values)


def _rule_table(data: dict, key: str, where: str, shape: str):
    """(code as written, rule, value) for each entry of a table keyed by rule codes or names, in order."""
    from handoff_lint.rules import get_rule

    if not isinstance(data[key], dict):
        raise ConfigError(f"{where}: '{key}' must be a table of {shape}")
    for code, value in data[key].items():
        rule = get_rule(code)
        if rule is None:
            raise ConfigError(f"{where}: '{key}' names unknown rule '{code}'")
        yield code, rule, value


def check_threshold(value, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise ConfigError(f"{where} must be a whole number from 0 to 100, not {value!r}")
    return value


def _refuse_outside(values, key: str, root: Path, boundary: Boundary, where: str) -> None:
    """A config comes with the repository (a pull request can change it): it may not point outside."""
    for value in [values] if isinstance(values, str) else values:
        if boundary.outside(root / value):
            raise ConfigError(f"{where}: '{key}': {value[:80]!r} is outside the repository ({boundary.top}); refused")


def _str_list(value, key: str, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return value
