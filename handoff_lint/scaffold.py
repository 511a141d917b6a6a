"""``handoff-lint new``: a new handoff from its type's template, frontmatter filled in."""

from __future__ import annotations

import re
from datetime import date

import yaml

from .errors import HandoffLintError
from .frontmatter import split
from .handoff_types import HandoffType, data_dir


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
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
    front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
    body = "\n".join(lines[fm.body_start - 1 :]) if fm.present else "\n".join(lines)
    body = body.replace("[Company Name]", company).replace("[Company]", company)
    return f"---\n{front}---\n{body}"


def _template_path(handoff_type: HandoffType):
    candidates = [data_dir("templates") / f"{handoff_type.name}.md"]
    if handoff_type.path is not None:  # a team type keeps its template beside its schema
        candidates.insert(0, handoff_type.path.with_name(f"{handoff_type.name}.md"))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise HandoffLintError(f"no template for type '{handoff_type.name}' (looked for {candidates[-1]})")
