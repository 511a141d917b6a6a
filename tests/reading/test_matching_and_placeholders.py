"""Headings are matched as people write them; empty is missing, in every placeholder form."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import good_example, write
from handoff_lint.reading import evidence

NORTHWIND = good_example("sales-to-cs").read_text(encoding="utf-8")


def lint(run, tmp_path, text, structure="content"):
    doc = write(tmp_path, "h.md", text)
    config = write(tmp_path, ".handoff-lint.toml", f'structure = "{structure}"\n')
    return run(doc, "--format", "json", "--config", str(config)).json()["files"][0]


@pytest.mark.parametrize(
    "original, rewritten",
    [
        ("## Customer Overview", "## 1. Customer Overview"),
        ("## Customer Overview", "## 👥 Customer overview (as of November)"),
        ("## Risk Flags", "### 🚩 Risk flags (as of March)"),
        ("## Risk Flags", "## Risks"),
        ("## Technical Context", "## **Technical** context:"),
        ("## What They Bought and Why", "## What they bought & why"),
        ("## Action Items", "## Next Steps"),
        ("## Action Items", "## Acton Items"),  # a typo: fuzzy match
        ("### Success Criteria (Agreed with Customer)", "### II. Success criteria"),
    ],
)
def test_headings_are_matched_as_people_write_them(run, tmp_path, original, rewritten):
    result = lint(run, tmp_path, NORTHWIND.replace(original, rewritten, 1))
    codes = [f["code"] for f in result["findings"]]
    assert "HL101" not in codes and "HL103" not in codes, result["findings"]
    assert result["passed"]


def test_every_missing_section_is_reported_in_one_pass_with_where_to_add_it(run, tmp_path):
    text = NORTHWIND
    for heading in ("## Customer Overview", "## Risk Flags", "## Action Items"):
        text = text.replace(heading, "## Notes", 1)
    result = lint(run, tmp_path, text, structure="template")
    missing = [f"{f['message']} — {f['hint']}" for f in result["findings"] if f["code"] == "HL101"]
    assert len(missing) == 3
    assert "'## Risk Flags' — Risk flags; add it after 'Expansion Opportunity'" in missing[1]
    unknown = [f for f in result["findings"] if f["code"] == "HL103"]
    assert unknown and all(f["severity"] == "info" for f in unknown)


def test_unknown_section_suggests_the_closest(run, tmp_path):
    template = "template"
    typo = NORTHWIND.replace("## Expansion Opportunity", "## Expansion Oportunities", 1)
    result = lint(run, tmp_path, typo, template)
    assert not [f for f in result["findings"] if f["code"] == "HL103"]  # close enough to match
    result = lint(run, tmp_path, NORTHWIND + "\n## Competitor Notes\nBasware pitched in August.\n", template)
    hints = [(f["message"], f["hint"]) for f in result["findings"] if f["code"] == "HL103"]
    assert hints == [("section 'Competitor Notes' is not part of sales-to-cs", "did you mean 'Competitors Evaluated'?")]
    result = lint(run, tmp_path, NORTHWIND + "\n## Competitor Notes\nBasware pitched in August.\n")
    assert not [f for f in result["findings"] if f["code"] == "HL103"], "by default, layout is the writer's choice"
    result = lint(run, tmp_path, NORTHWIND + "\n## Lunch Preferences\nVegetarian.\n", template)
    hints = [f["message"] for f in result["findings"] if f["code"] == "HL103"]
    assert hints == ["section 'Lunch Preferences' is not part of sales-to-cs (not scored)"]


PLACEHOLDERS = [
    "[Name]",
    "$[amount]",
    "{{client}}",
    "<name>",
    "TBD",
    "TODO",
    "N/A",
    "-",
    "______",
    "YYYY-MM-DD",
    "🔴🟡🟢",
    "Complete / Partial / Missing",
    "pending / in-progress",
    "",
    "n/a",
    "?",
    "…",
]


@pytest.mark.parametrize("value", PLACEHOLDERS)
def test_a_required_field_holding_a_placeholder_is_missing(run, tmp_path, value):
    line = "| Technical Lead | Aisha Khan, NetSuite Administrator, aisha.khan@northwind.example |"
    result = lint(run, tmp_path, NORTHWIND.replace(line, f"| Technical Lead | {value} |", 1))
    found = [f for f in result["findings"] if f["code"] == "HL301"]
    assert found and found[0]["line"] == 26, result["findings"]
    assert not result["passed"] and result["sections"]["customer-overview"] == "partial"


@pytest.mark.parametrize("value", ['""', "", "TBD", "'[Name]'", "'{{owner}}'"])
def test_frontmatter_key_empty_or_placeholder_is_missing(run, tmp_path, value):
    result = lint(run, tmp_path, NORTHWIND.replace("to: Priya Shah", f"to: {value}", 1))
    found = [f for f in result["findings"] if f["code"] == "HL201"]
    assert found and (found[0]["line"], found[0]["column"]) == (5, 1)
    assert not result["passed"]


def test_real_values_are_not_placeholders(run, tmp_path):
    values = [
        "Jira / Confluence",
        "Go-live / first value",
        "None identified",
        "Dana Lee (AP)",
        "[link](http://x.example)",
    ]
    for value in values:
        line = "| Technical constraints | NetSuite sandbox refreshes monthly; Aisha Khan is the only admin (verified) |"
        result = lint(run, tmp_path, NORTHWIND.replace(line, f"| Technical constraints | {value} |", 1))
        assert not [f for f in result["findings"] if f["code"] in ("HL301", "HL310")], (value, result["findings"])


def test_code_fences_and_comments_are_not_content(run, tmp_path):
    text = NORTHWIND.replace(
        "## Expansion Opportunity",
        "```markdown\n## Risk Flags\n| [Risk] | 🔴🟡🟢 | [x] |\n```\n<!-- TODO [Name] -->\n\n## Expansion Opportunity",
        1,
    )
    result = lint(run, tmp_path, text)
    assert result["findings"] == [] and result["passed"]


def test_phrases_in_a_statement_are_found_by_word_wherever_they_start():
    """Terms in a statement: long words by prefix, short ones (acronyms) whole, phrases across punctuation,
    a phrase that starts inside another one, and nothing inside a longer word."""
    from handoff_lint.reading.evidence import PhraseIndex

    index = PhraseIndex(
        {"tech": ("integrat", "api", "single sign on"), "risk": ("sign on risk",), "data": ("data migration",)}
    )
    assert index.hits_in_text("Integrations with their ERP.") == {"tech"}
    assert index.hits_in_text("Three APIs, documented") == {"tech"}
    assert index.hits_in_text("an apiary on the roof; a rapid setup") == frozenset()
    assert index.hits_in_text("Single-sign on risk: Okta") == {"tech", "risk"}
    assert index.hits_in_text("Data / migration plan") == {"data"}
    assert index.hits_in_text("Data, then migration") == frozenset()
    assert index.hits_in_text("migration data") == frozenset()
    assert index.hits_in_text("") == frozenset()
    # Words are split at underscores, in statements as in topics; a short word matches only whole.
    assert index.hits_in_text("sso_enabled = true, api_key rotated") == {"tech"}
    assert PhraseIndex({"people": ("who",)}).hits(("whose", "call")) == frozenset()
    assert PhraseIndex({"people": ("who",)}).hits(("who's", "who")) == {"people"}


@pytest.mark.parametrize(
    "text",
    [
        "Improve efficiency",
        "- 40 seats by March",
        "Met with Dana Lee last week",
        "They use SSO via the IdP",
        "they use TBD and QBR",
        "write to ops@example.com",
        'She said "we need this live before the audit" twice',
        'short "quote here"',
        "...5 sites",
        "I'm sure The plan works",
    ],
)
def test_is_concrete_is_whether_there_is_any_concrete_token(text):
    from handoff_lint.reading.statements import concrete_tokens, is_concrete

    assert is_concrete(text) == (concrete_tokens(text) > 0)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ9_ -.:/|'é\u212aİß٣\n")) | st.characters(), max_size=40))
def test_words_are_the_same_in_ascii_and_in_unicode_text(text):
    """ASCII text takes a faster pattern: it must give the words the Unicode ones give."""
    lowered = text.lower()
    unicode_words = (evidence._WORD if "_" in lowered else evidence._PLAIN_WORD).findall(lowered)
    assert evidence.words_of.__wrapped__(text) == tuple(unicode_words)


def test_words_split_at_underscores_and_punctuation():
    assert evidence.words_of("Go-live: Q3_2026, 40 seats") == ("go", "live", "q3", "2026", "40", "seats")
    assert evidence.words_of("Résumé_à jour") == ("résumé", "à", "jour")


_PIECES_OF_DATES = st.sampled_from(
    ["12", "3", "2026", "May", "march", "Sept.", "th", "st", ",", " ", "  ", "a", "_", "٣"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES_OF_DATES, max_size=12))
@example(["a", "3", " ", "May", " ", "2026"])  # a letter before the day: no boundary, no date
@example(["_", "12", "th", " ", "march", ",", " ", "2026"])
@example(["٣", "3", " ", "May", " ", "2026"])  # a digit of another script is a word character
def test_day_month_year_dates_are_found_as_with_a_leading_word_boundary(pieces):
    """The pattern looks behind the day's first digit instead of starting with \\b: the same matches."""
    import re

    from handoff_lint.reading.language import dates

    text = "".join(pieces)
    leading = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({dates.MONTH_PATTERN})\.?,?\s+(\d{{4}})\b", re.I)
    found = [(m.span(), m.groups()) for m in dates._DAY_MONTH_YEAR.finditer(text)]
    assert found == [(m.span(), m.groups()) for m in leading.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cut manual touches by half", True),  # a number word
        ("Twelve sites live", True),  # in any case
        ("Errors down 40% by Q3 2026", True),
        ("Budget of €50k", True),
        ("Go live by Q3 2026", False),  # a time bound is not a quantity
        ("Kickoff within two weeks of signature", False),
        ("Improve efficiency", False),
        ("Someone will follow up", False),  # "one" inside a word is not a number
    ],
)
def test_a_quantity_is_a_figure_or_a_number_word_outside_time_phrases(text, expected):
    from handoff_lint.reading.language.measures import has_quantity

    assert has_quantity(text) is expected
