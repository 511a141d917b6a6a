"""Every input is read, or a finding says why not: pasted images, other Unicode encodings, languages
the judges do not read, and a file whose statements run past what the judges read.

Each test compares what the CLI says of an export (a pasted screenshot, a UTF-16 save) with what it says
of the same handoff as plain UTF-8 Markdown: the same type, score and findings, at the same lines.
"""

from __future__ import annotations

import base64
import random

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from conftest import good_example, write
from handoff_lint.files.source import decode_text, without_embedded_data

HANDOFF = good_example("sales-to-cs").read_text(encoding="utf-8")
HEADING = "## What They Bought and Why"  # pasted images and notes go just above it


def lint(run, path, *args):
    r = run(path, "--format", "json", "--no-cache", *args)
    assert r.code in (0, 1), r
    assert "Traceback" not in r.out + r.err
    return r.json()["files"][0]


def outcome(result):
    """What a user reads off a result: type, score, verdict and each finding's code and line."""
    findings = sorted((f["code"], f["line"]) for f in result["findings"])
    return result["type"], result["score"], result["passed"], findings


def base64_image(size: int) -> str:
    return base64.b64encode(random.Random(size).randbytes(size * 3 // 4)).decode("ascii")


def with_block_before_heading(text: str, heading: str, block: str) -> str:
    """The handoff with ``block`` as a paragraph of its own just above ``heading``."""
    before, found, after = text.partition(f"\n{heading}\n")
    assert found, heading
    return f"{before}\n{block}\n{found}{after}"


@pytest.mark.parametrize(
    "name, image",
    [
        ("notion-export-5mb.md", "![Screenshot 2026-11-03](data:image/png;base64,{payload})"),
        ("google-doc-600kb.md", "![](data:image/jpeg;base64,{payload})"),
        ("html-export-600kb.md", '<img src="data:image/png;base64,{payload}" alt="dashboard" width="600">'),
        ("image-in-a-list-item.md", "- current dashboard: ![dash](data:image/webp;base64,{payload})"),
        ("image-in-a-table-cell.md", "| Screen | Image |\n|---|---|\n| Today | ![](data:image/png;base64,{payload}) |"),
        ("html-in-a-paragraph.md", 'Their dashboard today: <img src="data:image/gif;base64,{payload}"> (from Ruth)'),
    ],
)
def test_a_pasted_base64_image_is_skipped_and_the_handoff_read_whole(run, tmp_path, name, image):
    """The export lints exactly as the same handoff with the image's payload left out."""
    size = 5 * 1024 * 1024 if "5mb" in name else 600 * 1024
    without = with_block_before_heading(HANDOFF, HEADING, image.format(payload=""))
    without = write(tmp_path, "without.md", without)
    exported = tmp_path / name
    exported.write_text(
        with_block_before_heading(HANDOFF, HEADING, image.format(payload=base64_image(size))),
        encoding="utf-8",
    )
    assert exported.stat().st_size > size
    got, expected = lint(run, exported), lint(run, without)
    assert outcome(got) == outcome(expected)
    assert got["score"] == lint(run, good_example("sales-to-cs"))["score"]


def test_a_base64_payload_wrapped_over_lines_keeps_the_line_numbers(run, tmp_path):
    payload = base64_image(300 * 1024)
    wrapped = "\n".join(payload[i : i + 76] for i in range(0, len(payload), 76))
    exported = tmp_path / "wrapped.md"
    image = '<img src="data:image/png;base64,{}">\nSee the dashboard above.'
    text = with_block_before_heading(HANDOFF, HEADING, image.format(wrapped))
    exported.write_text(text, encoding="utf-8")
    without = with_block_before_heading(HANDOFF, HEADING, image.format("\n" * wrapped.count("\n")))
    plain = write(tmp_path, "plain.md", without)
    assert outcome(lint(run, exported)) == outcome(lint(run, plain))


def test_a_file_over_the_limit_without_its_images_is_still_refused_with_the_reason(run, tmp_path):
    text = HANDOFF + "\n" + "\n".join(["A line of notes that goes on and on."] * 40_000)
    image = f"![](data:image/png;base64,{base64_image(1024)})"
    images = with_block_before_heading(text, HEADING, image)
    plain, pasted = write(tmp_path, "long.md", text), write(tmp_path, "long-with-image.md", images)
    assert [(f["code"], f["message"]) for f in lint(run, plain)["findings"]] == [
        ("HL003", "file is larger than 1024 KiB; not a handoff, not linted")
    ]
    assert [(f["code"], f["message"]) for f in lint(run, pasted)["findings"]] == [
        ("HL003", "file is larger than 1024 KiB without its embedded images; not a handoff, not linted")
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32", "utf-32-be-bom"])
def test_utf16_and_utf32_with_a_byte_order_mark_read_like_utf8(run, tmp_path, encoding):
    if encoding.endswith("-bom"):
        codec = encoding.removesuffix("-bom")
        data = "\ufeff".encode(codec) + HANDOFF.encode(codec)
    else:
        data = HANDOFF.encode(encoding)
    saved = tmp_path / "saved.md"
    saved.write_bytes(data)
    assert outcome(lint(run, saved)) == outcome(lint(run, write(tmp_path, "plain.md", HANDOFF)))


def test_bytes_that_break_their_byte_order_mark_are_one_clear_finding(run, tmp_path):
    broken = tmp_path / "broken.md"
    broken.write_bytes(b"\xff\xfe" + "# Customer Handoff".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate
    r = run(broken)
    assert r.code == 1 and "Traceback" not in r.out + r.err
    assert f"{broken}:1:1: error HL001 file starts with a UTF-16 byte-order mark but is not valid UTF-16" in r.out


def test_utf16_without_a_byte_order_mark_is_still_reported_as_binary(run, tmp_path):
    saved = tmp_path / "no-bom.md"
    saved.write_bytes(HANDOFF.encode("utf-16-le"))
    r = run(saved)
    assert r.code == 1 and "HL001 file contains NUL bytes" in r.out


def test_statements_past_what_the_judges_read_are_reported_not_dropped(run, tmp_path):
    chatter = " ".join(["Ok fine."] * 25_000)  # 25,000 sentences of 230 KB: within the text limit
    path = write(tmp_path, "chatter.md", with_block_before_heading(HANDOFF, HEADING, chatter))
    limits = [f for f in lint(run, path)["findings"] if f["code"] == "HL005"]
    assert [f["message"] for f in limits] == ["file has more than 20,000 statements; the rest is not read"]


# Handoffs written by us in the styles teams use (memo prose, bullet notes, a table), in each language.
FOREIGN = {
    "German": """
        Müller Logistik hat am 3. November unterschrieben: zwei Jahre, 84.000 € pro Jahr, 120 Nutzer.
        Das Unternehmen betreibt vier Lager in Bayern mit etwa 600 Mitarbeitern. Die Disposition verliert
        jede Woche zwei Tage mit der Abstimmung der Bestände, und das Ziel ist ein halber Tag bis Ende März.
        Ansprechpartnerin ist Frau Keller, die Leiterin der Logistik. Der Finanzvorstand hat unterschrieben
        und möchte nach 90 Tagen eine Überprüfung. Risiko: der Export aus SAP ist noch nicht automatisiert.
    """,
    "Spanish": """
        - Ferretería Ortiz firmó el 3 de noviembre: dos años, 84.000 € al año, 120 usuarios.
        - La empresa tiene doce tiendas en Valencia y unos 300 empleados.
        - Los encargados pierden dos días por semana con el inventario; quieren medio día para finales de marzo.
        - Contacto principal: Lucía Ortiz, directora de operaciones. El director financiero firmó el contrato.
        - Riesgo: la exportación de su ERP no está automatizada y la migración depende de su equipo de IT.
    """,
    "French": """
        | Sujet | Notes |
        |---|---|
        | Client | Boulangeries Morel, 40 magasins dans la région de Lyon, environ 700 salariés |
        | Contrat | Signé le 3 novembre pour deux ans, 84 000 € par an, avec une revue après 90 jours |
        | Objectif | Réduire le temps de rapprochement des stocks de deux jours à une demi-journée par semaine |
        | Contact | Claire Morel, directrice des opérations, qui a porté le projet avec le directeur financier |
        | Risque | Les exports de leur ERP ne sont pas automatisés et la migration dépend de leur équipe |
    """,
    "Dutch": """
        Van Dijk Installatietechniek heeft op 3 november getekend voor twee jaar, 84.000 euro per jaar.
        Het bedrijf heeft vier vestigingen in Utrecht en ongeveer 300 medewerkers. De planners zijn elke
        week twee dagen bezig met het afstemmen van de voorraad, en het doel is een halve dag voor eind maart.
        Onze contactpersoon is Sanne de Vries, hoofd operations; de financieel directeur heeft getekend.
        Risico: de export uit hun ERP is niet geautomatiseerd en wij hebben nog geen testdata gezien.
    """,
    "Portuguese": """
        A Padaria Moreira assinou em 3 de novembro um contrato de dois anos, 84.000 € por ano. A empresa
        tem doze lojas no Porto e cerca de 300 funcionários. Os gerentes perdem dois dias por semana com o
        inventário e querem reduzir isso para meio dia até o fim de março. O contato principal é a Ana
        Moreira, diretora de operações; o diretor financeiro assinou e pede uma revisão após 90 dias. O
        risco principal é a exportação do ERP, que não está automatizada.
    """,
    "Italian": """
        La Forneria Bianchi ha firmato il 3 novembre un contratto di due anni, 84.000 € all'anno. L'azienda
        ha dodici negozi a Torino e circa 300 dipendenti. I responsabili perdono due giorni alla settimana
        con l'inventario e vogliono ridurlo a mezza giornata entro la fine di marzo. Il contatto principale
        è Giulia Bianchi, direttrice delle operazioni; il direttore finanziario ha firmato il contratto.
    """,
}

ENGLISH = {
    "memo with European names": """
        Los Pinos Hospitality runs hotels in San Diego, La Jolla and Santa Fe with about 900 staff. They
        signed on 3 November because the front desks lose two days a week reconciling bookings. The main
        contact is Lucía de la Cruz; the CFO, Jan van der Berg, signed. Their Düsseldorf office and the
        team at Müller & Söhne in der Altstadt join in June. Risk: the PMS export is a nightly CSV.
    """,
    "terse bullet notes": """
        - signed 11/3, 2 yrs, $84k/yr, 120 seats
        - 4 warehouses in Ohio, ~600 ppl
        - pain: planners lose 2 days/wk reconciling stock by hand, want half a day by end of March
        - champion Anna Keller (Head of Logistics); CFO signed, wants a 90-day review
        - risk: SAP export is a nightly CSV nobody has automated; SE to check before kickoff
        - next: Omar books onboarding call by Fri; Dana sends the SOW by 11/10
    """,
    "table of fields": """
        | Field | Value |
        |---|---|
        | Customer | Halden Dairy Co-op, 3 plants in Wisconsin, about 400 staff |
        | Deal | Signed 3 Nov, 2 years, $84,000 ARR, 120 seats |
        | Why they bought | Planners lose 2 days a week reconciling stock by hand |
        | Goal | Half a day a week by the end of March |
        | Champion | Anna Keller, Head of Logistics |
        | Risk | The SAP export is a nightly CSV that nobody has automated yet |
    """,
}


def _handoff(tmp_path, body: str):
    return write(tmp_path, "handoff.md", "---\ntype: sales-to-cs\n---\n# Handoff\n\n" + _dedent(body))


def _dedent(text: str) -> str:
    return "\n".join(line.strip() for line in text.strip("\n").split("\n"))


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_a_handoff_in_a_language_the_judges_do_not_read_is_named_and_its_score_marked(run, tmp_path, language):
    result = lint(run, _handoff(tmp_path, FOREIGN[language]))
    notes = [f for f in result["findings"] if f["code"] == "HL006"]
    assert [f["message"] for f in notes] == [
        f"the handoff is written in {language}; the content judges read English only, so its score is not meaningful"
    ]
    assert notes[0]["line"] == (8 if language == "French" else 6)  # a table's first row, else the first line
    assert notes[0]["severity"] == "warning"


@pytest.mark.parametrize("style", sorted(ENGLISH))
def test_an_english_handoff_with_foreign_names_is_not_called_foreign(run, tmp_path, style):
    result = lint(run, _handoff(tmp_path, ENGLISH[style]))
    assert "HL006" not in [f["code"] for f in result["findings"]]


# Text a handoff may hold around a pasted image: any printable text without a data URI of its own.
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=200).filter(lambda t: "base64," not in t)
_PAYLOAD = st.binary(min_size=0, max_size=3000).map(lambda b: base64.b64encode(b).decode("ascii"))


@settings(max_examples=200, deadline=None)
@given(before=_TEXT, after=_TEXT, payload=_PAYLOAD, wrap=st.sampled_from([0, 60, 76]))
@example(before="", after="", payload=base64.b64encode(bytes(50)).decode("ascii"), wrap=60)  # a short last line
def test_a_data_uri_payload_is_dropped_and_nothing_else(before, after, payload, wrap):
    """Whatever surrounds it, only the payload goes: the text around it and the line count stay."""
    if wrap and payload:
        payload = "\n".join(payload[i : i + wrap] for i in range(0, len(payload), wrap))
    text = f"{before}![](data:image/png;base64,{payload}){after}"
    stripped = without_embedded_data(text)
    assert stripped == f"{before}![](data:image/png;base64,{chr(10) * payload.count(chr(10))}){after}"


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=300).filter(lambda t: "base64," not in t))
@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
def test_any_text_saved_with_a_byte_order_mark_decodes_to_itself(codec, text):
    # UTF-16-LE's mark and a first character U+0000 are UTF-32-LE's mark: no decoder can tell them apart
    # when the rest is whole UTF-32 characters too (a document never starts with NUL).
    assume(not (codec == "utf-16" and text.startswith("\x00")))
    assert decode_text(text.encode(codec)) == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [("\x000", "utf-16"), ("\x00ab", "utf-16"), ("Owner: Ana", "utf-16"), ("Owner: Ana", "utf-32"), ("\x00", "utf-32")],
)
def test_utf16_text_that_looks_like_a_utf32_mark_decodes_as_utf16(text, codec):
    """FF FE 00 00 starts UTF-32-LE, and UTF-16-LE text whose first character is NUL: bytes that are no
    whole UTF-32 characters are read as UTF-16 (no UnicodeDecodeError)."""
    assert decode_text(text.encode(codec)) == text


WRAPPED = """
---
type: sales-to-cs
customer: Northwind Traders
---
# Customer Handoff: Northwind Traders

Northwind signed on 2026-11-20 for 25 finance users, and the kickoff is
planned for 2026-02-30 with Dana Lee, who asked that invites go to
dana.lee@northwind and to the team at Acme Corp before then.

- The pilot covers the AP team in Leeds; the review with Martin Hale is
  booked for 2026-06-31 at their office.
"""


def test_every_line_of_a_wrapped_paragraph_or_item_is_checked_not_only_its_first(run, tmp_path):
    result = lint(run, write(tmp_path, "wrapped.md", WRAPPED))
    found = {(f["code"], f["line"], f["column"]) for f in result["findings"]}
    assert ("HL430", 8, 13) in found  # 2026-02-30 on the paragraph's second line
    assert ("HL441", 9, 1) in found  # dana.lee@northwind on its third
    assert ("HL462", 9, 39) in found  # "Acme Corp", an example name, on its third
    assert ("HL430", 12, 14) in found  # 2026-06-31 on the item's second line
