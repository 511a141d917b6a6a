"""Rules for the YAML frontmatter, checked against the type's JSON Schema.

JSON Schema alone accepts ``owner: ""`` unless every field has ``minLength``; here a required key
that is absent, blank or a placeholder is always missing.
"""

from __future__ import annotations

from handoff_lint.handoff_types.schema_fast_path import certainly_valid
from handoff_lint.model.findings import Finding
from handoff_lint.reading.language.placeholders import is_blank_or_placeholder
from handoff_lint.rules.registry import Context, at_frontmatter, rule
from handoff_lint.text import truncate


def missing_frontmatter(ctx: Context):
    fm = ctx.doc.frontmatter
    if not fm.present:
        keys = ", ".join(ctx.handoff_type.required_keys)
        yield Finding("", "no YAML frontmatter", 1, 1, hint=f"start the file with a '---' block holding: {keys}")


rule(
    "HL200",
    "missing-frontmatter",
    category="frontmatter",
    severity="error",
    template_only=True,
    summary="The handoff has no YAML frontmatter.",
    rationale="""The frontmatter holds the facts tools and people filter on: type, customer, who hands
    over to whom, and the dates. Without it nothing downstream (CRM sync, dashboards, type
    detection) can rely on the file.""",
    good="""
---
type: sales-to-cs
customer: Northwind Traders
from: Dana Lee
to: Omar Haddad
date: 2026-11-20
---""",
    bad="""
# Customer Handoff: Northwind Traders
## Customer Overview
Northwind Traders, 400 staff, logistics, Leeds.""",
    check=missing_frontmatter,
)


def missing_frontmatter_key(ctx: Context):
    fm = ctx.doc.frontmatter
    if not fm.present or fm.data is None:
        return
    aliases = ctx.handoff_type.key_aliases
    for key in ctx.handoff_type.required_keys:
        if key == "type" and ctx.type_source != "frontmatter":
            continue  # typed by --type, a config glob, the title or the content: no type: key needed
        if key not in fm.data:
            written = [a for a in aliases.get(key, ()) if a in fm.data and not is_blank_or_placeholder(fm.data[a])]
            if ctx.structure == "template" and not written:
                yield Finding("", f"required frontmatter key '{key}' is missing", fm.start_line, 1)
        elif is_blank_or_placeholder(fm.data[key]):
            shown = "" if fm.data[key] in (None, "") else f": {truncate(str(fm.data[key]), 40)!r}"
            yield at_frontmatter(fm, [key], f"required frontmatter key '{key}' is empty or a placeholder{shown}")


rule(
    "HL201",
    "missing-frontmatter-key",
    category="frontmatter",
    severity="error",
    summary="A required frontmatter key is absent, empty or a placeholder.",
    rationale="""Empty is missing: `owner: ""`, `owner:`, `owner: TBD` and `customer: "{{client}}"` all
    leave the receiving team without the fact. Every required key of the type must hold a real value.""",
    bad='---\ntype: sales-to-cs\ncustomer: Northwind Traders\nto: ""\n---\n# Customer Handoff: Northwind Traders',
    good="""
---
type: sales-to-cs
customer: Northwind Traders
to: Omar Haddad
---
# Customer Handoff: Northwind Traders""",
    check=missing_frontmatter_key,
)


def invalid_frontmatter_value(ctx: Context):
    fm = ctx.doc.frontmatter
    if not fm.present or fm.data is None:
        return
    required = set(ctx.handoff_type.required_keys)
    blank = {k for k in required if k in fm.data and is_blank_or_placeholder(fm.data[k])}
    # Errors of `required` (HL201's) and of blank required keys are dropped below: when the rest is
    # certainly valid there is nothing to report, and jsonschema need not even be imported.
    rest = {key: value for key, value in fm.data.items() if key not in blank}
    if certainly_valid(ctx.handoff_type.schema, rest, ignore=frozenset({"required"})):
        return
    errors = ctx.handoff_type.validator.iter_errors(fm.data)
    reported: list[list[str]] = []
    for error in sorted(errors, key=lambda e: [str(p) for p in e.absolute_path]):
        path = [str(p) for p in error.absolute_path]
        if error.validator == "required":
            continue  # reported by HL201
        if path and path[0] in blank:
            continue  # already reported as empty
        if path and path in reported:
            continue  # one finding a value ("should be non-empty" and "does not match" for one "")
        reported.append(path)
        at = path
        if error.validator == "additionalProperties" and not path:
            extra = sorted(set(fm.data) - set(error.schema.get("properties", {})))
            at = [str(extra[0])] if extra else []
        where = ".".join(path) or "frontmatter"
        yield at_frontmatter(fm, at, f"frontmatter '{where}': {truncate(error.message, 120)}")


rule(
    "HL202",
    "invalid-frontmatter-value",
    category="frontmatter",
    severity="error",
    summary="A frontmatter value does not match the type's schema.",
    rationale="""Dates must be real ISO dates, money a number, statuses one of the allowed values. A
    wrong type or format breaks every tool that reads the frontmatter, and an unresolved choice
    (`status: draft | ready`) is not a decision.""",
    bad="""
---
type: sales-to-cs
customer: Northwind Traders
date: 2026-02-30
---
# Customer Handoff: Northwind Traders""",
    good="""
---
type: sales-to-cs
customer: Northwind Traders
date: 2026-02-27
---
# Customer Handoff: Northwind Traders""",
    check=invalid_frontmatter_value,
)
