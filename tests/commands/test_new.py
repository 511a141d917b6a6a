"""`handoff-lint new`: the template written with its frontmatter, never over a file, named readably."""

from __future__ import annotations

import pytest


def test_new_writes_template_with_frontmatter_and_never_overwrites(run, tmp_path):
    r = run(
        "new", "sales-to-cs", "--company", "Acme Robotics", "--from", "Dana Lee", "--to", "Omar Haddad", cwd=tmp_path
    )
    assert r.code == 0, r
    created = tmp_path / "docs/handoffs/acme-robotics-sales-to-cs.md"
    text = created.read_text(encoding="utf-8")
    assert "customer: Acme Robotics" in text and "from: Dana Lee" in text and "to: Omar Haddad" in text
    assert "type: sales-to-cs" in text
    assert "# Customer Handoff: Acme Robotics" in text
    data = run(created, "--format", "json").json()["files"][0]
    assert data["type"] == "sales-to-cs" and data["score"] < 30 and data["status"] == "draft" and data["passed"]
    assert "set status: ready when you hand it over" in r.out
    created.write_text(text.replace("status: draft", "status: ready"), encoding="utf-8")
    data = run(created, "--format", "json").json()["files"][0]
    assert data["status"] == "fail" and not data["passed"], "handed over (ready), it is held to the threshold"
    assert not [f for f in data["findings"] if f["code"] == "HL202"]  # blank optional keys are left out
    empty_keys = [f["message"] for f in data["findings"] if f["code"] == "HL201"]
    assert empty_keys  # deal_size, contract_start… are still to fill in
    assert not [m for m in empty_keys if any(f"'{k}'" in m for k in ("customer", "from", "to", "date", "type"))]
    before = created.read_text(encoding="utf-8")
    r = run("new", "sales-to-cs", "--company", "Acme Robotics", cwd=tmp_path)
    assert r.code == 2 and "already exists" in r.err
    assert created.read_text(encoding="utf-8") == before
    r = run("new", "sdr-to-ae", "--company", "Globex", "-o", "lead.md", cwd=tmp_path)
    assert r.code == 0 and (tmp_path / "lead.md").is_file()
    assert run("new", "nope", "--company", "X", cwd=tmp_path).code == 2


@pytest.mark.parametrize(
    ("company", "file_name"),
    [
        ("Müller GmbH", "muller-gmbh-sales-to-cs.md"),
        ("Société Générale", "societe-generale-sales-to-cs.md"),
        ("Łódź", "lodz-sales-to-cs.md"),
        ("Ørsted A/S", "orsted-a-s-sales-to-cs.md"),
        ("Straße & Söhne", "strasse-sohne-sales-to-cs.md"),
        ("Café ☕ Co", "cafe-co-sales-to-cs.md"),
        ("Acme Robotics", "acme-robotics-sales-to-cs.md"),
        ("!!!", "handoff-sales-to-cs.md"),
    ],
)
def test_new_names_the_file_after_the_company_in_plain_letters(run, tmp_path, company, file_name):
    result = run("new", "sales-to-cs", "--company", company, cwd=tmp_path)
    assert result.code == 0, result
    written = tmp_path / "docs" / "handoffs" / file_name
    assert written.is_file(), sorted(p.name for p in (tmp_path / "docs" / "handoffs").iterdir())
    assert company in written.read_text(encoding="utf-8")  # the document keeps the real name
