"""``handoff-lint new``: a new handoff from its type's template, every value the command knows filled in.

Templates (built-in and a team's own) mark those values with one token syntax: ``{{customer}}``,
``{{from}}``, ``{{to}}``, ``{{date}}`` and ``{{type}}``. A token whose value is not known (no
``--from``) stays, so the linter still flags it as a placeholder.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import yaml

from handoff_lint.errors import HandoffLintError
from handoff_lint.handoff_types.definitions import HandoffType, data_dir
from handoff_lint.parse.frontmatter import split

TOKEN = re.compile(r"\{\{\s*([A-Za-z_]+)\s*\}\}")
LEGACY_COMPANY = ("[Company Name]", "[Company]")  # what templates used before the tokens


def slugify(name: str) -> str:
    """A file name a colleague can read and type: "Müller GmbH" → "muller-gmbh", "Łódź" → "lodz"
    (anyascii transliterates every script; emoji and other symbols are dropped, not spelled out)."""
    from anyascii import anyascii

    letters = "".join(ch for ch in name if unicodedata.category(ch) != "So")
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(letters).lower()).strip("-")
    return slug or "handoff"


def render_new_handoff(handoff_type: HandoffType, company: str, from_: str | None, to: str | None, today: date) -> str:
    template = _template_path(handoff_type)
    lines = template.read_text(encoding="utf-8").split("\n")
    fm = split(lines)
    required = set(handoff_type.required_keys)
    # Optional keys the template leaves blank would only fail their format checks: leave them out.
    data = {k: v for k, v in (fm.data or {}).items() if k in required or v not in (None, "")}
    data.update({"type": handoff_type.name, "customer": company, "date": today.isoformat(), "status": "draft"})
    if from_:
        data["from"] = from_
    if to:
        data["to"] = to
    values = {"customer": company, "company": company, "type": handoff_type.name, "date": today.isoformat()}
    values.update({key: value for key, value in (("from", from_), ("to", to)) if value})

    def fill(text: str) -> str:
        return TOKEN.sub(lambda match: values.get(match[1].lower(), match[0]), text)

    data = {key: fill(value) if isinstance(value, str) else value for key, value in data.items()}
    front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
    body = fill("\n".join(lines[fm.body_start - 1 :]) if fm.present else "\n".join(lines))
    for legacy in LEGACY_COMPANY:
        body = body.replace(legacy, company)
    return f"---\n{front}---\n{body}"


def _template_path(handoff_type: HandoffType) -> Path:
    candidates = [data_dir("templates") / f"{handoff_type.name}.md"]
    if handoff_type.path is not None:  # a team type keeps its template beside its schema
        candidates.insert(0, handoff_type.path.with_name(f"{handoff_type.name}.md"))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    looked = " and ".join(str(candidate.parent) for candidate in candidates)
    raise HandoffLintError(f"no template for type '{handoff_type.name}': no {handoff_type.name}.md in {looked}")
