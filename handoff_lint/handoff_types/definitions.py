"""Handoff types: data, not code.

Each type is one file, ``<name>.schema.json``: a JSON Schema 2020-12 for the frontmatter with an
``x-handoff-lint`` extension that lists the sections (heading, aliases, score category, required
fields or table columns). Built-in types ship in ``schemas/``; a team adds its own in a directory
named by ``schema-dirs``. Every file is checked against ``handoff-type.meta.schema.json`` so a
malformed team type is a clear configuration error, not a traceback mid-run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from handoff_lint.errors import ConfigError
from handoff_lint.files.boundary import Boundary
from handoff_lint.files.source import read_at_most
from handoff_lint.text import normalize_heading, normalize_label

META_SCHEMA_FILE = "handoff-type.meta.schema.json"
CONFIG_SCHEMA_FILE = "config.schema.json"  # the configuration's schema, not a handoff type
EXTENSION = "x-handoff-lint"
MAX_TYPE_BYTES = 1024 * 1024  # the largest built-in type is about 20 KiB


def data_dir(name: str) -> Path:
    """``schemas`` or ``templates``: inside the installed package, else at the repository top."""
    package = Path(__file__).resolve().parent.parent  # handoff_lint/
    installed = package / name
    return installed if installed.is_dir() else package.parent / name


@dataclass(frozen=True)
class FieldSpec:
    name: str
    aliases: tuple[str, ...] = ()
    required: bool = True

    @cached_property
    def names(self) -> frozenset[str]:
        return frozenset(normalize_label(n) for n in (self.name, *self.aliases))


@dataclass(frozen=True)
class SectionSpec:
    key: str
    heading: str
    aliases: tuple[str, ...] = ()
    category: str | None = None
    required: bool = False
    guidance: str = ""
    fields: tuple[FieldSpec, ...] = ()
    columns: tuple[FieldSpec, ...] = ()
    min_items: int = 1
    # What the content is, for the quality rules: "success-criteria", "action-items", "risks",
    # "stakeholders", "timeline", "customer-words" (needs a verbatim quote), "context" (facts, not filler).
    kinds: tuple[str, ...] = ()

    @cached_property
    def names(self) -> frozenset[str]:
        return frozenset(normalize_heading(n) for n in (self.heading, *self.aliases))

    @cached_property
    def name_words(self) -> tuple[tuple[str, ...], ...]:
        """Each name's words, for the word-prefix match of every unknown heading."""
        return tuple(tuple(name.split()) for name in self.names)

    @cached_property
    def first_words(self) -> frozenset[str]:
        return frozenset(words[0] for words in self.name_words if words)


@dataclass(frozen=True)
class ElementSpec:
    """One piece of information a receiver needs, and how it shows up in a document.

    ``topics`` are words of the headings, labels, table columns or lead words it is written under
    ("risk", "watch out", "landmine"); ``terms`` are words in the statement itself ("SSO", "ERP");
    ``roles`` (relationship) are the role words that fill it ("champion"). ``needs`` sharpens what
    makes it usable: ``money``, ``measurable``, ``dated`` or ``words`` (facts need not be numbers).
    ``judge`` names the judge that decides it when that is not its category's own (reading/judges.py).
    """

    key: str
    category: str
    label: str
    hint: str = ""
    topics: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    needs: str = ""
    core: bool = True
    judge: str = ""

    @cached_property
    def topic_index(self):
        from handoff_lint.reading.evidence import TopicIndex

        return TopicIndex(self.topics)

    @cached_property
    def role_index(self):
        from handoff_lint.reading.evidence import TopicIndex

        return TopicIndex(self.roles)


@dataclass
class HandoffType:
    name: str
    label: str
    description: str
    title_patterns: tuple[str, ...]
    sections: tuple[SectionSpec, ...]
    schema: dict = field(repr=False)
    path: Path | None = None
    # Roles that must be named somewhere in the stakeholder sections: (role, aliases).
    stakeholder_roles: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Chains of dates that must not go backwards: "frontmatter:KEY" or "field:SECTION-KEY/Field name".
    date_order: tuple[tuple[str, ...], ...] = ()
    # The information elements per score category, found by content wherever they are written.
    elements: tuple[ElementSpec, ...] = ()
    # Frontmatter keys teams use for ours: {"customer": ("account", "client"), ...}.
    key_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Words that mark this type in a document that names no type: detection from content.
    content_signals: tuple[str, ...] = ()

    @cached_property
    def validator(self):
        """The frontmatter validator, built once per type (building per file costs 40x more); its
        patterns run in linear time (handoff_types/linear_regex.py: a team type's pattern comes from the PR)."""
        from jsonschema import Draft202012Validator
        from referencing import Registry

        from handoff_lint.handoff_types.linear_regex import validator_class

        def refuse(uri: str):
            from referencing.exceptions import NoSuchResource

            raise NoSuchResource(ref=uri)

        return validator_class()(
            self.schema,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
            registry=Registry(retrieve=refuse),
        )

    @property
    def required_keys(self) -> list[str]:
        return list(self.schema.get("required", []))

    def sections_of_kind(self, kind: str) -> list[SectionSpec]:
        return [s for s in self.sections if kind in s.kinds]


def load_types(extra_dirs: list[Path] | tuple[Path, ...] = ()) -> dict[str, HandoffType]:
    """Built-in types, then team types (a team type may replace a built-in one of the same name).

    Team types are checked against the meta-schema on every load. Built-in ones are checked by
    the test suite instead (tests/handoff_types/test_types_and_templates.py): that check costs ~200 ms, more
    than linting a file, and pre-commit pays start-up on every commit.
    """
    types: dict[str, HandoffType] = {}
    for directory, verify in ((data_dir("schemas"), False), *((d, True) for d in extra_dirs)):
        directory = Path(directory)
        if not directory.is_dir():
            raise ConfigError(f"schema directory not found: {directory}")
        boundary = Boundary(directory) if verify else None  # a team's folder comes with the repository
        for path in sorted(directory.glob("*.schema.json")):
            if path.name in (META_SCHEMA_FILE, CONFIG_SCHEMA_FILE):
                continue
            if boundary is not None and boundary.refusal(str(path)):
                raise ConfigError(f"{path}: a symlink to a place outside the repository; not read")
            handoff_type = load_type(path, verify=verify)
            types[handoff_type.name] = handoff_type
    return types


def load_type(path: Path, verify: bool = True) -> HandoffType:
    """Read one type definition; ``verify`` checks it against the meta-schema and JSON Schema."""
    try:
        data = read_at_most(path, MAX_TYPE_BYTES)
        if data is None:
            raise ConfigError(f"{path}: type definition larger than {MAX_TYPE_BYTES // 1024} KiB; not read")
        raw = json.loads(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read type definition: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    frontmatter_schema = {k: v for k, v in raw.items() if k != EXTENSION}
    if verify:
        _verify(raw, frontmatter_schema, path)
    _refuse_remote_refs(raw, path)
    ext = raw[EXTENSION]
    sections = tuple(_section(s) for s in ext["sections"])
    keys = [s.key for s in sections]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ConfigError(f"{path}: section keys must be unique, repeated: {', '.join(duplicates)}")
    for chain in ext.get("date_order", []):
        for ref in chain:
            kind, _, target = ref.partition(":")
            section_key = target.split("/", 1)[0]
            if kind == "field" and ("/" not in target or section_key not in keys):
                raise ConfigError(f"{path}: date_order reference '{ref}' names no section of this type")
    return HandoffType(
        name=ext["name"],
        label=ext.get("label", ext["name"]),
        description=ext.get("description", raw.get("description", "")),
        title_patterns=tuple(normalize_label(p) for p in ext.get("title_patterns", [])),
        sections=sections,
        schema=frontmatter_schema,
        path=path,
        stakeholder_roles=tuple((r["role"], tuple(r.get("aliases", []))) for r in ext.get("stakeholder_roles", [])),
        date_order=tuple(tuple(chain) for chain in ext.get("date_order", [])),
        elements=tuple(_element(e) for e in ext.get("elements", [])),
        key_aliases={k: tuple(v) for k, v in ext.get("key_aliases", {}).items()},
        content_signals=tuple(ext.get("content_signals", [])),
    )


def _verify(raw, frontmatter_schema: dict, path: Path) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    errors = sorted(_meta_validator().iter_errors(raw), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top level)"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ConfigError(f"{path}: invalid handoff type definition at {where}: {first.message}{more}")
    try:
        Draft202012Validator.check_schema(frontmatter_schema)
    except SchemaError as exc:
        raise ConfigError(f"{path}: frontmatter schema is not valid JSON Schema: {exc.message}") from None
    if _uses(frontmatter_schema, "patternProperties") and _uses(frontmatter_schema, "unevaluatedProperties"):
        # jsonschema would match those patterns with Python's backtracking re (linear_regex.py, beside this)
        raise ConfigError(
            f"{path}: frontmatter schema uses patternProperties with unevaluatedProperties, which handoff-lint "
            "cannot check in linear time; use additionalProperties"
        )


def _uses(node, keyword: str) -> bool:
    """Whether ``keyword`` is a key anywhere in the JSON value ``node``."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            if keyword in current:
                return True
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return False


def _section(raw: dict) -> SectionSpec:
    return SectionSpec(
        key=raw["key"],
        heading=raw["heading"],
        aliases=tuple(raw.get("aliases", [])),
        category=raw.get("category"),
        required=raw.get("required", False),
        guidance=raw.get("guidance", ""),
        fields=tuple(_field(f) for f in raw.get("fields", [])),
        columns=tuple(_field(f) for f in raw.get("columns", [])),
        min_items=raw.get("min_items", 1),
        kinds=tuple(raw.get("kinds", [])),
    )


def _element(raw: dict) -> ElementSpec:
    return ElementSpec(
        key=raw["key"],
        category=raw["category"],
        label=raw["label"],
        hint=raw.get("hint", ""),
        topics=tuple(raw.get("topics", [])),
        terms=tuple(raw.get("terms", [])),
        roles=tuple(raw.get("roles", [])),
        needs=raw.get("needs", ""),
        core=raw.get("core", True),
        judge=raw.get("judge", ""),
    )


def _field(raw: dict) -> FieldSpec:
    return FieldSpec(name=raw["name"], aliases=tuple(raw.get("aliases", [])), required=raw.get("required", True))


def _refuse_remote_refs(node, path: Path) -> None:
    """handoff-lint never fetches a schema: only references inside the same file are allowed."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                raise ConfigError(
                    f"{path}: $ref '{ref}' points outside the file; handoff-lint never fetches schemas "
                    "(inline the definition under $defs and use '#/$defs/…')"
                )
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


_META = None


def _meta_validator():
    global _META
    if _META is None:
        from jsonschema import Draft202012Validator

        path = data_dir("schemas") / META_SCHEMA_FILE
        _META = Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))
    return _META
