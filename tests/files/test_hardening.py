"""Hostile and arbitrary input: never a traceback, a hang or a changed file; the run carries on."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, good_example, write
from handoff_lint.config.settings import Config
from handoff_lint.engine.linter import MAX_FINDINGS_PER_RULE, Linter
from handoff_lint.handoff_types.definitions import load_types

LINTER = Linter(Config(), load_types())
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def lint_bytes(data: bytes):
    return LINTER.lint("prop.md", data)


def check_result(result):
    assert result.score is None or 0 <= result.score <= 100
    for finding in result.findings:
        assert finding.line >= 1 and finding.column >= 1 and finding.code.startswith("HL")


@PROPERTY
@given(st.text())
def test_arbitrary_text_never_raises_and_is_deterministic(text):
    first = lint_bytes(text.encode("utf-8"))
    check_result(first)
    again = lint_bytes(text.encode("utf-8"))
    assert [(f.code, f.line, f.column, f.message) for f in first.findings] == [
        (f.code, f.line, f.column, f.message) for f in again.findings
    ]
    assert first.score == again.score


@PROPERTY
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data):
    check_result(lint_bytes(data))


MARKDOWN_PIECES = st.sampled_from(
    [
        "# Customer Handoff: Acme\n",
        "## Risk Flags\n",
        "## Action Items\n",
        "## Success Criteria\n",
        "| Risk | Severity | Mitigation |\n",
        "|---|---|---|\n",
        "| a | 🔴🟡🟢 | [x] |\n",
        "| | | |\n",
        "- [ ] Do it — @dana, due 2026-02-30\n",
        "- \n",
        '> "quote"\n',
        "```\n",
        "<!-- handoff-lint-disable HL310 -->\n",
        "<!-- handoff-lint-enable -->\n",
        "**AE:** [Name] | **CSM:**\n",
        "\n",
        "---\n",
        "type: sales-to-cs\n",
        "1. Improve things\n",
        "    - nested\n",
        ">>>> deep\n",
        "\ufeff",
        "\r\n",
        "{{client}}\n",
        "TBD\n",
    ]
)


@PROPERTY
@given(st.lists(MARKDOWN_PIECES, max_size=40))
def test_arbitrary_handoff_shaped_markdown_never_raises(pieces):
    check_result(lint_bytes("".join(pieces).encode("utf-8")))


YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@PROPERTY
@given(st.dictionaries(st.text(max_size=12), YAML_VALUES, max_size=8), st.sampled_from(["sales-to-cs", "x", None]))
def test_arbitrary_yaml_frontmatter_never_raises(data, type_name):
    if type_name:
        data["type"] = type_name
    front = yaml.safe_dump(data, allow_unicode=True)
    result = lint_bytes(f"---\n{front}---\n# Customer Handoff: Acme\n".encode())
    check_result(result)


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_hostile_files_get_findings_and_the_run_carries_on(run, tmp_path):
    write(tmp_path, "good.md", good_example("sales-to-cs").read_text(encoding="utf-8"))
    bomb = ["---"] + ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    bomb += [f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]" for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
    (tmp_path / "bomb.md").write_text("\n".join(bomb + ["---", "# Customer Handoff: X"]), encoding="utf-8")
    (tmp_path / "huge-frontmatter.md").write_text("---\n" + "k: v\n" * 8000 + "---\n# X\n", encoding="utf-8")
    (tmp_path / "deep-list.md").write_text(
        "# Customer Handoff: X\n\n## Risk Flags\n" + "".join("  " * i + "- a\n" for i in range(800)), encoding="utf-8"
    )
    (tmp_path / "deep-quote.md").write_text("# Customer Handoff: X\n\n" + ">" * 50000 + " a\n", encoding="utf-8")
    (tmp_path / "deep-yaml.md").write_text("---\nx: " + "[" * 10000 + "\n---\n", encoding="utf-8")
    (tmp_path / "nul.md").write_bytes(b"# Customer Handoff: X\n\x00\x00")
    (tmp_path / "megabytes.md").write_bytes(b"# Customer Handoff: X\n" + b"- [ ] TBD\n" * 300_000)
    (tmp_path / "placeholders.md").write_text(
        "# Customer Handoff: X\n\n" + "- [Name] [Owner]\n" * 1000, encoding="utf-8"
    )
    (tmp_path / "one-line.md").write_text("# Customer Handoff: X\n\n" + "[Name] " * 50000, encoding="utf-8")
    before = _digest(tmp_path)
    r = run(tmp_path, "--format", "json")
    assert r.code == 1 and "Traceback" not in r.err
    files = {f["path"].rsplit("/", 1)[-1]: f for f in r.json()["files"]}
    assert files["good.md"]["passed"]
    assert files["bomb.md"]["findings"][0]["code"] == "HL010"
    assert "larger than 16 KiB" in files["huge-frontmatter.md"]["findings"][0]["message"]
    assert any("nested deeper" in f["message"] for f in files["deep-yaml.md"]["findings"])
    assert files["nul.md"]["findings"][0]["code"] == "HL001"
    assert files["megabytes.md"]["findings"][0]["code"] == "HL003"
    assert files["deep-list.md"]["type"] == "sales-to-cs" and files["deep-quote.md"]["type"] == "sales-to-cs"
    placeholders = [f for f in files["placeholders.md"]["findings"] if f["code"] == "HL310"]
    assert len(placeholders) == MAX_FINDINGS_PER_RULE + 1
    assert "only the first" in placeholders[-1]["message"]
    one_line = [f for f in files["one-line.md"]["findings"] if f["code"] == "HL310"]  # one finding a line, short
    assert len(one_line) == 1 and one_line[0]["message"].endswith(" more left in")
    assert len(one_line[0]["message"]) < 120
    assert _digest(tmp_path) == before


def test_unreadable_file_is_a_finding(run, tmp_path, monkeypatch):
    import builtins

    write(tmp_path, "a.md", good_example("sdr-to-ae").read_text(encoding="utf-8"))
    locked = write(tmp_path, "locked.md", "# Lead Handoff: X\n")
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):  # root ignores chmod, so refuse the read here
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    r = run(tmp_path)
    assert r.code == 1
    assert f"{locked}:1:1: error HL001 cannot read file: Permission denied" in r.out
    assert "a.md: sdr-to-ae" in r.out


def test_remote_ref_in_team_schema_is_refused_without_a_request(run, tmp_path):
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's API
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'{"type": "string"}')

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/remote.json"
        schema = json.loads((REPO / "schemas" / "sdr-to-ae.schema.json").read_text(encoding="utf-8"))
        schema["properties"]["customer"] = {"$ref": url}
        write(tmp_path, "team/sdr-to-ae.schema.json", json.dumps(schema))
        write(tmp_path, ".handoff-lint.toml", 'schema-dirs = ["team"]\n')
        write(tmp_path, "docs/handoffs/a.md", good_example("sdr-to-ae").read_text(encoding="utf-8"))
        r = run(cwd=tmp_path)
        assert r.code == 2
        assert "never fetches schemas" in r.err and r.err.count("\n") == 1
        assert hits == []
    finally:
        server.shutdown()
