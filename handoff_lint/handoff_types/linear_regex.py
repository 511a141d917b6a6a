"""JSON Schema ``pattern`` run by RE2, in time linear in the value: a team type comes from the pull request.

Python's ``re`` backtracks: a type whose pattern is ``^(a+)+$`` keeps it busy for seconds on a
30-character value, and for ever on a longer one. RE2 (google-re2) never backtracks, bounds its
memory (``max_mem``), and is closer to JSON Schema's ECMA-262 dialect (``\\d`` and ``\\w`` are ASCII).
It has no lookaround and no backreference: such a pattern is not run at all, and the value gets a
finding that says why (HL202), never a silent pass.

``validator_class`` is jsonschema's Draft 2020-12 validator with ``pattern``, ``patternProperties``
and ``additionalProperties`` (which reads ``patternProperties``) matched by RE2;
``unevaluatedProperties`` next to ``patternProperties`` is refused when a type is loaded
(handoff_types/definitions.py), so no keyword is left to Python's ``re``.
"""

from __future__ import annotations

from functools import lru_cache

MAX_MEMORY = 8 << 20  # bytes RE2 may use for one compiled pattern (its default): a huge pattern is refused


class UnsupportedPattern(ValueError):
    """A pattern RE2 cannot run (lookaround, backreference, too large): the reason is the message."""


@lru_cache(maxsize=256)
def compiled(pattern: str):
    import re2

    options = re2.Options()
    options.log_errors = False  # RE2 would print its own error to stderr; ours is the finding
    options.max_mem = MAX_MEMORY
    try:
        return re2.compile(pattern, options=options)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise UnsupportedPattern(reason) from None


def search(pattern: str, text: str) -> bool:
    """``re.search(pattern, text) is not None``, in linear time; UnsupportedPattern when RE2 cannot run it."""
    regex = compiled(pattern)
    try:
        return regex.search(text) is not None
    except UnicodeEncodeError:  # a lone surrogate (YAML "\udcff"): RE2 reads UTF-8
        return regex.search(text.encode("utf-8", "replace").decode("utf-8")) is not None


def unsupported_message(pattern: str, exc: UnsupportedPattern) -> str:
    """Short: HL202 cuts messages at 120 characters. RE2 has no lookaround or backreference."""
    return f"pattern {pattern!r} not checked: RE2 (linear time) cannot run it: {exc}"


def _pattern(validator, pattern, instance, schema):
    from jsonschema.exceptions import ValidationError

    if not validator.is_type(instance, "string"):
        return
    try:
        found = search(pattern, instance)
    except UnsupportedPattern as exc:
        yield ValidationError(unsupported_message(pattern, exc))
        return
    if not found:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _matching_keys(pattern, instance):
    """The keys of ``instance`` that ``pattern`` finds (UnsupportedPattern when it cannot run)."""
    return [key for key in instance if isinstance(key, str) and search(pattern, key)]


def _pattern_properties(validator, pattern_properties, instance, schema):
    from jsonschema.exceptions import ValidationError

    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in pattern_properties.items():
        try:
            keys = _matching_keys(pattern, instance)
        except UnsupportedPattern as exc:
            yield ValidationError(unsupported_message(pattern, exc))
            continue
        for key in keys:
            yield from validator.descend(instance[key], subschema, path=key, schema_path=pattern)


def _additional_properties(validator, additional, instance, schema):
    from jsonschema import _keywords
    from jsonschema.exceptions import ValidationError

    if "patternProperties" not in schema or not validator.is_type(instance, "object"):
        yield from _keywords.additionalProperties(validator, additional, instance, schema)
        return
    matched: set = set()
    for pattern in schema["patternProperties"]:
        try:
            matched.update(_matching_keys(pattern, instance))
        except UnsupportedPattern:
            pass  # reported once, by patternProperties
    properties = schema.get("properties", {})
    extras = sorted((key for key in instance if key not in properties and key not in matched), key=str)
    if validator.is_type(additional, "object"):
        for extra in extras:
            yield from validator.descend(instance[extra], additional, path=extra)
    elif not additional and extras:
        verb = "does" if len(extras) == 1 else "do"
        patterns = ", ".join(repr(each) for each in sorted(schema["patternProperties"]))
        yield ValidationError(f"{', '.join(map(repr, extras))} {verb} not match any of the regexes: {patterns}")


@lru_cache(maxsize=1)
def validator_class():
    """Draft 2020-12, its patterns matched by RE2."""
    from jsonschema import Draft202012Validator, validators

    return validators.extend(
        Draft202012Validator,
        {
            "pattern": _pattern,
            "patternProperties": _pattern_properties,
            "additionalProperties": _additional_properties,
        },
    )
