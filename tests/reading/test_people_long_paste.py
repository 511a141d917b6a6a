"""Finding whose each person is stays linear in a paragraph's length (issue 22, second reader): a Slack
paste with no blank lines is one statement, and every mark ("our SE", "(CFO)") was once weighed against
every name in it, reading the whole gap between them each time. Counted in calls of the gap check, not in
seconds: the work for 2,000 lines is about four times the work for 500, not sixteen."""

from __future__ import annotations

from handoff_lint.reading.language import people
from support.edited_example import linted

FIRST = """Dana Raj Sam Kim Lena Tobias Maren Ilse Corin Edda Ruth Nora Owen Tess Hugo Cleo Erin Finn Gail Iris
    Jonah Kara Leif Mila Nell Otto Petra Quin Rhea Saul Tilda Uma Vera Wade Xena Yara Zeke Abel Bria Cato Della Ezra
    Flora Gideon Hana Ivor Jessa Kofi Lior Mabel Niko Opal Pavel Rosa Silas Thea Ulric Vida Willa Yuri""".split()
LAST = """Lee Cole Ortiz Ross Holt Wren Varga Blake Morrow Hale Nair Vogt Reyes Dunn Frost Grant Hayes Kerr Lowe
    Marsh Nash Oakes Pike Quinn Rowe Shaw Tate Upton Vance Webb Yates Abbott Barlow Carver Dalton Ellery Fenwick
    Garner Hollis Ingram Jarvis Kemble Lassiter Mercer Norwood Osgood Pruitt Radley Sutton Thorne""".split()


def _name(i: int) -> str:
    return f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"


def slack_paste(lines: int) -> str:
    """A handoff whose Stakeholders section is a Slack paste of ``lines`` lines, every person different
    (3,000 names)."""
    pasted = []
    for i in range(lines // 3):
        pasted += [
            f"{_name(4 * i)}  9:05 AM",
            f"{_name(4 * i + 1)} (CFO) is the sponsor, {_name(4 * i + 2)} is our SE",
            f"thanks, looping in {_name(4 * i + 3)}, AP Manager",
        ]
    return "# Customer Handoff: Kestrel Joinery\n\n## Stakeholders\n\n" + "\n".join(pasted) + "\n"


TITLES = ["CFO", "AE", "Payroll Lead", "SE, ours", "VP Finance, economic buyer", "customer"]


def one_long_item(people: int) -> str:
    """A handoff whose Stakeholders section is one list item of ``people`` "Name (title)" entries."""
    entries = ", ".join(f"{_name(i)} ({TITLES[i % len(TITLES)]})" for i in range(people))
    return f"# Customer Handoff: Kestrel Joinery\n\n## Stakeholders\n\n- {entries}\n"


def _gap_checks(run, tmp_path, monkeypatch, text: str) -> tuple[int, dict]:
    calls = 0
    checked = people._gap_size

    def counted(*args):
        nonlocal calls
        calls += 1
        return checked(*args)

    monkeypatch.setattr(people, "_gap_size", counted)
    entry = linted(run, tmp_path, text, "sales-to-cs")
    monkeypatch.setattr(people, "_gap_size", checked)
    return calls, entry


def _relationship_read_in_linear_work(run, tmp_path, monkeypatch, document, small: int, large: int) -> list:
    """Four times the people take at most five times the checks; the larger handoff's relationship findings."""
    short, _entry = _gap_checks(run, tmp_path, monkeypatch, document(small))
    long, entry = _gap_checks(run, tmp_path, monkeypatch, document(large))
    assert short > 0
    assert long <= 5 * short, (short, long)
    return entry["categories"]["relationship"]["found"]


def test_a_long_slack_paste_is_read_in_linear_work(run, tmp_path, monkeypatch):
    found = _relationship_read_in_linear_work(run, tmp_path, monkeypatch, slack_paste, 500, 2000)
    sponsors = [f for f in found if f.startswith("executive sponsor")]
    assert sponsors and "Raj Lee (line 5)" in sponsors[0], found  # the CFO of the first message
    assert "Dana Lee" not in sponsors[0], found  # who posted it: the CFO's role is not theirs
    assert not any("Sam Lee" in f for f in found), found  # our SE beside him


def test_one_list_item_of_800_people_is_read_in_linear_work(run, tmp_path, monkeypatch):
    found = _relationship_read_in_linear_work(run, tmp_path, monkeypatch, one_long_item, 200, 800)
    sponsors = [f for f in found if f.startswith("executive sponsor")]
    assert sponsors and "Dana Lee" in sponsors[0] and "Lena Lee" in sponsors[0], found  # a CFO, a buyer
    assert "Sam Lee" not in sponsors[0], found  # the Payroll Lead beside them
    assert not any("Raj Lee" in f or "Kim Lee" in f for f in found), found  # our AE and our SE
