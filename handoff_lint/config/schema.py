"""The configuration's JSON Schema, ``schemas/config.schema.json``, built from the rule registry.

Published for editors (``.handoff-lint.toml`` gets completion and checks) and used by config/settings.py
to check rule options against the types each rule declares. Regenerate with
``python -m handoff_lint.config.schema > schemas/config.schema.json``; a test fails when it is stale.
"""

from __future__ import annotations

import json

from handoff_lint.files.limits import MAX_READ_BYTES
from handoff_lint.model.findings import Severity

SCHEMA_ID = "urn:handoff-lint:config"
_STRINGS = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}


def config_schema() -> dict:
    from handoff_lint.rules import all_rules

    levels = {"enum": [severity.value for severity in Severity]}
    rules: dict[str, dict] = {}
    definitions: dict[str, dict] = {}
    for rule in all_rules():
        options = dict(rule.option_types)
        definitions[rule.code] = {
            "type": "object",
            "description": f"{rule.code} {rule.name}: options, and per handoff type a table of them",
            "properties": options,
            "additionalProperties": {"type": "object", "properties": options, "additionalProperties": False},
        }
        rules[rule.code] = rules[rule.name] = {"$ref": f"#/$defs/{rule.code}"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "handoff-lint configuration (.handoff-lint.toml, or [tool.handoff-lint] in pyproject.toml)",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "paths": {**_STRINGS, "description": "what `handoff-lint` with no arguments lints"},
            "exclude": {**_STRINGS, "description": "globs or folders, relative to the config file"},
            "threshold": {"type": "integer", "minimum": 0, "maximum": 100, "description": "pass mark"},
            "max-file-kib": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_READ_BYTES // 1024,  # config.MAX_FILE_KIB
                "description": "larger files are reported (HL003) and not read",
            },
            "structure": {
                "enum": ["content", "template"],
                "description": "content: information counts wherever it is written (default); template: the "
                "template's sections, fields and frontmatter keys are required too",
            },
            "schema-dirs": {**_STRINGS, "description": "folders with the team's own handoff types"},
            "types": {"type": "object", "additionalProperties": {"type": "string"}, "description": "glob -> type"},
            "draft": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "key": {"type": "string", "description": "frontmatter key (default status)"},
                    "values": {**_STRINGS, "description": "values that mark a draft (default draft)"},
                },
                "description": "a handoff marked as a draft is scored but not held to the threshold",
            },
            "baseline-file": {
                "type": "string",
                "description": "the failing handoffs `handoff-lint init` recorded: they pass while they get no worse",
            },
            "select": {**_STRINGS, "description": "rule codes, prefixes (HL4) or names to run"},
            "ignore": {**_STRINGS, "description": "rule codes, prefixes (HL4) or names to skip"},
            # Rule keys are codes or names; config/settings.py also accepts "hl401" and names an unknown rule.
            "severity": {"type": "object", "additionalProperties": levels},
            "rules": {"type": "object", "properties": rules, "additionalProperties": {"type": "object"}},
        },
        "$defs": definitions,
    }


if __name__ == "__main__":
    print(json.dumps(config_schema(), indent=2, ensure_ascii=False))
