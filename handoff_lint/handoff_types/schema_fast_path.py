"""A conservative first look at frontmatter against a type's JSON Schema, so clean files skip jsonschema.

Importing jsonschema (with referencing and its bundled meta-schemas) is about a fifth of a
one-file run, what pre-commit pays on every commit. Most frontmatter is valid, so this module
answers one question, cheaply: *is this value certainly valid?* It understands only the plain
keywords our type files use (type, const, enum, minLength, pattern, minimum, format "date", …)
and says "not certain" for anything else. jsonschema stays the authority: whenever the answer
is not a certain yes, the caller asks it, so findings and their messages are jsonschema's.
"""

from __future__ import annotations

import re
from datetime import date

from handoff_lint.handoff_types.linear_regex import UnsupportedPattern, search

# Keywords that never make an instance invalid.
_ANNOTATIONS = frozenset({"description", "title", "$schema", "$id", "$comment", "default", "examples"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)  # jsonschema's full-date pattern, then fromisoformat
_SCALARS = (str, int, float, type(None))


def certainly_valid(schema, instance, ignore: frozenset[str] = frozenset()) -> bool:
    """True only when ``instance`` satisfies ``schema`` for sure; False means "ask jsonschema".

    Keywords in ``ignore`` count as satisfied (a caller that drops those errors anyway: HL202
    leaves ``required`` to HL201).
    """
    if schema is True:
        return True
    if not isinstance(schema, dict):
        return False
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS or keyword in ignore or keyword.startswith("x-"):
            continue
        check = _KEYWORDS.get(keyword)
        if check is None or not check(value, instance, schema, ignore):
            return False
    return True


def _type(expected, instance, _schema, ignore) -> bool:
    names = expected if isinstance(expected, list) else [expected]
    return any(_is_type(name, instance) for name in names)


def _is_type(name, instance) -> bool:
    if isinstance(instance, bool):
        return name == "boolean"
    checks = {
        "string": str,
        "number": (int, float),
        "integer": int,  # stricter than JSON Schema (which also takes 2.0): a float goes to jsonschema
        "array": list,
        "object": dict,
        "null": type(None),
    }
    kind = checks.get(name)
    return kind is not None and isinstance(instance, kind)


def _same(a, b) -> bool:
    """JSON equality for scalars, where True is not 1; anything else is not certain."""
    return isinstance(a, _SCALARS) and type(a) is type(b) and a == b


def _const(expected, instance, _schema, ignore) -> bool:
    return _same(instance, expected)


def _enum(options, instance, _schema, ignore) -> bool:
    return isinstance(options, list) and any(_same(instance, option) for option in options)


def _min_length(limit, instance, _schema, ignore) -> bool:
    return not isinstance(instance, str) or len(instance) >= limit


def _max_length(limit, instance, _schema, ignore) -> bool:
    return not isinstance(instance, str) or len(instance) <= limit


def _number(instance) -> bool:
    return isinstance(instance, (int, float)) and not isinstance(instance, bool)


def _minimum(limit, instance, _schema, ignore) -> bool:
    return not _number(instance) or instance >= limit


def _maximum(limit, instance, _schema, ignore) -> bool:
    return not _number(instance) or instance <= limit


def _pattern(pattern, instance, _schema, ignore) -> bool:
    """RE2, as the validator (handoff_types/linear_regex.py): Python's re would backtrack on a team type's pattern."""
    if not isinstance(instance, str) or not isinstance(pattern, str):
        return not isinstance(instance, str)
    try:
        return search(pattern, instance)
    except UnsupportedPattern:
        return False  # jsonschema's side reports it


def _format(name, instance, _schema, ignore) -> bool:
    if not isinstance(instance, str):
        return True
    if name != "date":
        return False  # other formats depend on what jsonschema has installed: ask it
    if not _DATE.fullmatch(instance):
        return False
    try:
        date.fromisoformat(instance)
    except ValueError:
        return False
    return True


def _properties(properties, instance, _schema, ignore) -> bool:
    if not isinstance(instance, dict):
        return True
    if not isinstance(properties, dict) or not all(isinstance(key, str) for key in instance):
        return False
    return all(certainly_valid(properties[key], value, ignore) for key, value in instance.items() if key in properties)


def _required(keys, instance, _schema, ignore) -> bool:
    return not isinstance(instance, dict) or all(key in instance for key in keys)


def _additional(allowed, instance, schema, ignore) -> bool:
    if not isinstance(instance, dict):
        return True
    if "patternProperties" in schema:
        return False
    extras = [key for key in instance if key not in schema.get("properties", {})]
    if allowed is False:
        return not extras
    return all(certainly_valid(allowed, instance[key], ignore) for key in extras)


_KEYWORDS = {
    "type": _type,
    "const": _const,
    "enum": _enum,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minimum": _minimum,
    "maximum": _maximum,
    "pattern": _pattern,
    "format": _format,
    "properties": _properties,
    "required": _required,
    "additionalProperties": _additional,
}
