"""Bad input gets a finding with file and line and exit 1: never a traceback, hang or changed file."""

from __future__ import annotations

import hashlib

import pytest

from conftest import good_example, write


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_malformed_yaml_reports_line_and_column(run, tmp_path):
    unclosed = '---\ntype: sales-to-cs\ncustomer: "Northwind\nfrom: Dana\n---\n# Customer Handoff: Northwind\n'
    doc = write(tmp_path, "h.md", unclosed)
    before = _digest(doc)
    r = run(doc)
    assert r.code == 1, r
    assert f"{doc}:3:11: error HL010" in r.out and "HL010 invalid YAML in frontmatter" in r.out
    assert _digest(doc) == before


@pytest.mark.parametrize(
    "body, message",
    [
        ("---\n- a\n- b\n---\n# Customer Handoff: X\n", "got a list"),
        ("---\njust a string\n---\n# Customer Handoff: X\n", "got a str"),
        ("---\ntype: sales-to-cs\n# Customer Handoff: X\n", "never closed"),
        ("---\na: &x [1, 2]\nb: *x\n---\n# Customer Handoff: X\n", "anchors and aliases are not allowed"),
        ("---\na: 1\na: 2\n---\n# Customer Handoff: X\n", "duplicate key 'a'"),
        ("---\nx: " + "[" * 50 + "]" * 50 + "\n---\n# Customer Handoff: X\n", "nested deeper than 20"),
    ],
)
def test_frontmatter_shapes_are_findings(run, tmp_path, body, message):
    doc = tmp_path / "h.md"
    doc.write_text(body, encoding="utf-8")
    r = run(doc)
    assert r.code == 1, r
    assert "HL010" in r.out and message in r.out
    assert "Traceback" not in r.out + r.err


def test_alias_bomb_is_refused_fast(run, tmp_path):
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=False):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines += ["type: sales-to-cs", "---", "# Customer Handoff: Bomb", ""]
    doc = tmp_path / "bomb.md"
    doc.write_text("\n".join(lines), encoding="utf-8")
    r = run(doc, "--format", "json")
    assert r.code == 1
    finding = r.json()["files"][0]["findings"][0]
    assert finding["code"] == "HL010" and "aliases" in finding["message"]
    assert finding["line"] == 3


def test_bom_and_crlf_are_read_like_plain_utf8(run, tmp_path):
    source = good_example("sales-to-cs").read_text(encoding="utf-8")
    plain = run(good_example("sales-to-cs"), "--format", "json").json()["files"][0]
    doc = tmp_path / "bom.md"
    doc.write_bytes(b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode("utf-8"))
    r = run(doc, "--format", "json")
    got = r.json()["files"][0]
    assert r.code == 0, r.out
    assert got["score"] == plain["score"] and got["type"] == "sales-to-cs"
    assert [(f["code"], f["line"]) for f in got["findings"]] == [(f["code"], f["line"]) for f in plain["findings"]]


def test_non_utf8_binary_empty_and_huge_files(run, tmp_path):
    latin = tmp_path / "latin.md"
    latin.write_bytes("# Customer Handoff\n\nCaf\xe9 Ren\xe9\n".encode("latin-1"))
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    huge = tmp_path / "huge.md"
    huge.write_bytes(b"# Customer Handoff: Big\n" + b"x" * (2 * 1024 * 1024))
    before = {p: _digest(p) for p in (latin, binary, empty, huge)}
    r = run(tmp_path)
    assert r.code == 1
    assert f"{latin}:3:4: error HL001 file is not valid UTF-8" in r.out
    assert f"{binary}:3:1: error HL001" in r.out  # the NUL byte is on line 3
    assert f"{empty}:1:1: error HL002 file is empty" in r.out
    assert f"{huge}:1:1: error HL003" in r.out
    assert "Traceback" not in r.out + r.err
    assert {p: _digest(p) for p in before} == before


def test_directory_named_like_markdown_and_symlink_loop(run, tmp_path):
    (tmp_path / "x.md").mkdir()
    (tmp_path / "x.md" / "loop").symlink_to(tmp_path, target_is_directory=True)
    write(tmp_path, "x.md/real.md", good_example("sdr-to-ae").read_text(encoding="utf-8"))
    r = run(tmp_path)
    assert r.code == 0, r
    assert "1 handoff checked: 1 passed" in r.out


def test_missing_path_is_a_usage_error(run, tmp_path):
    r = run(tmp_path / "nope")
    assert r.code == 2
    assert "path not found" in r.err
