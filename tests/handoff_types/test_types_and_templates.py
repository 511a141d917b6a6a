"""Built-in types are data; every template parses to every section of its schema and scores low."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, write
from handoff_lint.handoff_types.definitions import CONFIG_SCHEMA_FILE, META_SCHEMA_FILE, load_type, load_types
from handoff_lint.handoff_types.sections import match_sections
from handoff_lint.parse.parser import read_document

# Every type file in schemas/: a type added there (CONTRIBUTING.md) is held by these tests with no list to edit.
BUILT_IN = sorted(
    path.name.removesuffix(".schema.json")
    for path in (REPO / "schemas").glob("*.schema.json")
    if path.name not in (META_SCHEMA_FILE, CONFIG_SCHEMA_FILE)
)
CATEGORIES = {"customer", "expectations", "risks", "technical", "relationship", "actions"}


def test_types_command_lists_every_built_in_type(run, tmp_path):
    r = run("types", cwd=tmp_path)
    assert r.code == 0
    assert {"ae-to-se", "cs-to-sales", "sales-to-cs", "sales-to-implementation", "sdr-to-ae"} <= set(BUILT_IN)
    assert [line.split()[0] for line in r.out.splitlines()] == BUILT_IN


@pytest.mark.parametrize("name", BUILT_IN)
def test_built_in_type_is_valid_against_the_meta_schema(name):
    """Built-in types are not re-verified at run time (start-up cost), so they are verified here."""
    loaded = load_type(REPO / "schemas" / f"{name}.schema.json", verify=True)
    assert loaded.name == name


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_type_has_a_required_section_in_each_category(name):
    handoff_type = load_types()[name]
    assert {s.category for s in handoff_type.sections if s.required} >= CATEGORIES


@pytest.mark.parametrize("name", BUILT_IN)
def test_template_has_every_section_and_scores_under_30(run, name):
    template = REPO / "templates" / f"{name}.md"
    handoff_type = load_types()[name]
    outline = match_sections(read_document(str(template)), handoff_type)
    assert set(outline.matched) == {s.key for s in handoff_type.sections}
    assert not outline.duplicates
    r = run(template, "--format", "json")
    assert r.code == 0, "a template says status: draft: scored, not held to the threshold"
    result = r.json()["files"][0]
    assert result["type"] == name and result["score"] < 30 and result["status"] == "draft"
    assert not [f for f in result["findings"] if f["code"] in ("HL101", "HL103", "HL104")]


def test_team_type_from_schema_dir(run, tmp_path):
    schema = json.loads((REPO / "schemas" / "sdr-to-ae.schema.json").read_text(encoding="utf-8"))
    schema["$id"] = "urn:acme:partner-handoff"
    schema["properties"]["type"] = {"const": "partner-handoff"}
    schema["x-handoff-lint"]["name"] = "partner-handoff"
    schema["x-handoff-lint"]["label"] = "Partner → AE"
    schema["x-handoff-lint"]["title_patterns"] = ["partner handoff"]
    write(tmp_path, "team-types/partner-handoff.schema.json", json.dumps(schema))
    write(tmp_path, ".handoff-lint.toml", 'schema-dirs = ["team-types"]\n')
    r = run("types", cwd=tmp_path)
    assert r.code == 0 and "partner-handoff" in r.out and "Partner → AE" in r.out
    write(tmp_path, "h.md", "# Partner Handoff: Globex\n\n## Red Flags\nNone.\n")
    r = run("h.md", "--format", "json")
    assert r.json()["files"][0]["type"] == "partner-handoff"


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda s: s["x-handoff-lint"]["sections"][0].update(category="vibes"), "invalid handoff type definition"),
        (lambda s: s["x-handoff-lint"].pop("sections"), "'sections' is a required property"),
        (lambda s: s["x-handoff-lint"]["sections"][0].update(colour="red"), "invalid handoff type definition"),
        (lambda s: s["properties"].update(x={"$ref": "http://127.0.0.1:9/remote.json"}), "never fetches schemas"),
        (lambda s: s["properties"].update(x={"type": "no-such-type"}), "at properties/x/type"),
    ],
)
def test_malformed_team_type_is_a_config_error(run, tmp_path, mutate, message):
    schema = json.loads((REPO / "schemas" / "sdr-to-ae.schema.json").read_text(encoding="utf-8"))
    mutate(schema)
    write(tmp_path, "team/bad.schema.json", json.dumps(schema))
    write(tmp_path, ".handoff-lint.toml", 'schema-dirs = ["team"]\n')
    write(tmp_path, "docs/handoffs/a.md", "# Lead Handoff: X\n")
    r = run("docs/handoffs", cwd=tmp_path)
    assert r.code == 2, r
    assert message in r.err and "bad.schema.json" in r.err
    assert "Traceback" not in r.err


def test_invalid_json_team_type_names_line(run, tmp_path):
    write(tmp_path, "team/broken.schema.json", '{\n  "x-handoff-lint": ,\n}')
    write(tmp_path, ".handoff-lint.toml", 'schema-dirs = ["team"]\n')
    r = run("types", cwd=tmp_path)
    assert r.code == 2 and "broken.schema.json:2:" in r.err


README_TEAM_HANDOFF = """
---
type: partner-to-ae
customer: Globex
from: Ana Ruiz
to: Ben Cho
date: "2026-11-20"
status: ready
meeting_date: "2026-11-18"
---
# Partner Handoff: Globex

## Deal
**Company:** Globex Corporation, 2,000 staff | **Partner:** Northwind Consulting

## Risks
| Risk | Severity | Mitigation |
|------|----------|------------|
| Budget freeze in Q1 | High | Ben confirms budget with the CFO by 2026-12-01 |

## Next Steps
- [ ] Book the discovery call — @ben-cho, due 2026-11-25
- [ ] Send the partner agreement — @ana-ruiz, due 2026-11-27
"""


def test_the_documented_team_type_example_works(run, tmp_path):
    page = (REPO / "docs" / "types.md").read_text(encoding="utf-8")
    section = page[page.index("## Writing a team type") :]
    start = section.index("```json") + len("```json")
    write(tmp_path, "types/partner-to-ae.schema.json", section[start : section.index("```", start)])
    write(tmp_path, ".handoff-lint.toml", 'schema-dirs = ["types"]\n')
    write(tmp_path, "h.md", README_TEAM_HANDOFF)
    data = run("h.md", "--format", "json", cwd=tmp_path).json()["files"][0]
    assert data["type"] == "partner-to-ae"
    assert [(f["code"], f["line"]) for f in data["findings"]] == [("HL431", 8)]  # meeting before the handoff
