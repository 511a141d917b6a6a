"""Rules for files that cannot be read or whose frontmatter cannot be loaded.

The parser records these problems instead of raising; these rules report them.
"""

from __future__ import annotations

from functools import partial

from handoff_lint.model.findings import Finding
from handoff_lint.reading.language.human_language import SAMPLE_CHARS, foreign_language
from handoff_lint.rules.registry import Context, rule


def _problems(ctx: Context, code: str):
    for problem in ctx.doc.problems:
        if problem.code == code:
            yield Finding(code, problem.message, problem.line, problem.column)


def problem_rule(code: str, name: str, **declaration) -> None:
    """Declare an error rule that reports the parser's problems of its code, for any file (typed or not)."""
    rule(code, name, severity="error", needs_type=False, check=partial(_problems, code=code), **declaration)


problem_rule(
    "HL001",
    "unreadable-file",
    category="file",
    summary="The file cannot be read as text (UTF-8, or UTF-16/UTF-32 with a byte-order mark).",
    rationale="""A handoff that the linter cannot read is one a reviewer cannot trust either: binary data,
    another encoding or an unreadable file. UTF-8 is read, and so are UTF-16 and UTF-32 when the file
    starts with their byte-order mark (as Windows editors save them). Save the file as UTF-8 Markdown.""",
    bad="Kundenübergabe: Müller GmbH  (saved as Latin-1: the ü is the byte 0xfc)",
    good="Kundenübergabe: Müller GmbH  (saved as UTF-8)",
    example_lintable=False,
)


problem_rule(
    "HL002",
    "empty-file",
    category="file",
    summary="The file is empty.",
    rationale="""An empty handoff hands nothing over. Start from `handoff-lint new TYPE --company NAME`.""",
    bad="(a file of 0 bytes, or of blank lines only)",
    good="# Customer Handoff: Northwind Traders",
    example_lintable=False,
)


problem_rule(
    "HL003",
    "file-too-large",
    category="file",
    summary="The file is larger than 1 MiB, not counting pasted base64 images, and is not linted.",
    rationale="""A handoff is a few kilobytes. A megabyte of Markdown is an export or an attachment
    committed by mistake; it is refused rather than parsed so a run stays fast. Screenshots pasted into
    Notion or Google Docs arrive as base64 data URIs (`![](data:image/png;base64,…)`); their payload is
    dropped before the size is measured (up to 32 MiB of them), so an export with pictures is linted.""",
    bad="(docs/handoffs/northwind.md: a 2 MiB CRM export)",
    good="(docs/handoffs/northwind.md: the handoff itself, a few KiB of Markdown)",
    example_lintable=False,
)


problem_rule(
    "HL004",
    "outside-repository",
    category="file",
    summary="The file is a symlink to a place outside the repository and is not read.",
    rationale="""On a pull request the repository's content is written by whoever opened it. A committed
    symlink such as `docs/handoffs/x.md -> ~/.git-credentials` would otherwise have the linter read a
    file of the machine and quote its lines in the job's log. Commit the handoff itself, not a link.""",
    bad="docs/handoffs/northwind.md -> ~/.git-credentials  (a symlink)",
    good="docs/handoffs/northwind.md  (the handoff itself, committed as a file)",
    example_lintable=False,
)


problem_rule(
    "HL005",
    "limit-reached",
    category="file",
    summary="The file is past a per-file limit (lines, headings, blocks, text, suppressions); the rest is not read.",
    rationale="""A handoff is a few hundred lines with a few dozen headings. A file with 3,000 lines,
    100 headings, 2,000 paragraphs, items or rows, 256 KiB of text or 200 suppression comments is
    generated or hostile: linting all of it would cost seconds to minutes, so the linter reads up to
    the limit and stops there. Split the file, or remove what was generated.""",
    bad="""
## Note 1
## Note 2
…
## Note 101""",
    good="""
## Customer Overview
## Success Criteria
## Action Items""",
    example_lintable=False,
)


def unread_language(ctx: Context):
    doc = ctx.doc
    sections = ([doc.preamble] if doc.preamble else []) + doc.sections
    pieces, length = [], 0
    for section in sections:  # the first few thousand characters are enough to tell
        for text in [section.title] + [block.text for block in section.blocks]:
            pieces.append(text)
            length += len(text)
        if length >= SAMPLE_CHARS:
            break
    language = foreign_language("\n".join(pieces))
    if language is not None:
        first = next((b for s in sections for b in s.blocks), None)
        yield Finding(
            "",
            f"the handoff is written in {language}; the content judges read English only, "
            "so its score is not meaningful",
            first.line if first else 1,
            first.column if first else 1,
            hint="have a reviewer score it, or write the handoff in English",
        )


rule(
    "HL006",
    "unread-language",
    category="file",
    severity="warning",
    needs_type=False,
    summary="The handoff is written in a language the content judges do not read; its score is not meaningful.",
    rationale="""The judges that find pain, targets, risks, people and owned actions read English. A handoff
    written in German, Spanish, French, Dutch, Portuguese or Italian is full of facts they cannot see, so
    its score would call a complete handoff empty. The language is told by its function words ("und", "der",
    "que", "los", "het"); names of places and companies do not count. The score is still printed, marked as
    not meaningful by this finding.""",
    bad="""
# Kundenübergabe: Müller Logistik GmbH

Müller Logistik hat am 3. November einen Vertrag über zwei Jahre unterschrieben. Das Unternehmen betreibt
vier Lager in Bayern und hat etwa 600 Mitarbeiter. Sie haben uns gekauft, weil die Disposition jede Woche
zwei Tage mit der manuellen Abstimmung der Bestände verbringt. Das Ziel ist, diese Zeit bis Ende März auf
einen halben Tag zu senken. Die wichtigste Ansprechpartnerin ist Frau Keller, die Leiterin der Logistik.""",
    good="""
# Customer Handoff: Müller Logistik GmbH

Müller Logistik signed a two-year agreement on 3 November. The company runs four warehouses in Bavaria
with about 600 staff. They bought us because planners spend two days a week reconciling stock by hand.
The goal is to cut that to half a day by the end of March. The main contact is Anna Keller, the head of
logistics in München, who pushed for the deal with the CFO.""",
    check=unread_language,
)


problem_rule(
    "HL010",
    "frontmatter-invalid",
    category="frontmatter",
    summary="The YAML frontmatter cannot be loaded.",
    rationale="""The frontmatter carries the handoff's type, customer, owners and dates. It must be a
    closed `---` block holding a YAML mapping. YAML anchors and aliases, merge keys, duplicate keys
    and very deep nesting are refused: they hide values from reviewers and can make tools walk
    exponentially large data.""",
    bad="""
---
customer: "Northwind
owner: Dana
---""",
    good="""
---
customer: "Northwind"
owner: Dana
---""",
)
