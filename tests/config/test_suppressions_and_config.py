"""Inline suppressions and configuration files, driven through the CLI."""

from __future__ import annotations

import pytest

from conftest import good_example, write


def _with_empty_go_live(tmp_path, directive_before="", directive_line=""):
    text = good_example("sales-to-cs").read_text(encoding="utf-8")
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.lower().startswith("| go-live"))
    cells = lines[index].split("|")
    cells[2] = " TBD "
    lines[index] = "|".join(cells)
    if directive_line:
        lines.insert(index, directive_line)
    if directive_before:
        heading = next(i for i, line in enumerate(lines) if line.startswith("#") and "imeline" in line)
        lines.insert(heading, directive_before)
    return write(tmp_path, "h.md", "\n".join(lines))


def _codes(run, path):
    data = run(path, "--format", "json").json()
    return [f["code"] for f in data["files"][0]["findings"]], data


def test_finding_without_suppression(run, tmp_path):
    codes, data = _codes(run, _with_empty_go_live(tmp_path))
    assert "HL301" in codes and not data["files"][0]["passed"]


def _with_placeholder_item(tmp_path, directive=""):
    text = good_example("sdr-to-ae").read_text(encoding="utf-8")
    marker = "\n## Conversation History\n"
    extra = f"{directive}\n" if directive else ""
    text = text.replace(marker, f"{marker}\n{extra}- 2026-11-02 — email — sent [Case Study] to the champion\n", 1)
    return write(tmp_path, "h.md", text)


def test_disable_next_line(run, tmp_path):
    codes, data = _codes(run, _with_placeholder_item(tmp_path))
    assert "HL310" in codes and not data["files"][0]["passed"]
    doc = _with_placeholder_item(tmp_path, "<!-- handoff-lint-disable-next-line HL310 -->")
    codes, data = _codes(run, doc)
    assert "HL310" not in codes and data["files"][0]["suppressed"] == 1
    assert data["files"][0]["passed"]


def test_disable_enable_block_with_reason(run, tmp_path):
    doc = _with_empty_go_live(
        tmp_path, directive_before='<!-- handoff-lint-disable HL301 reason="customer has not chosen a date" -->'
    )
    text = doc.read_text(encoding="utf-8").replace("## Technical", "<!-- handoff-lint-enable -->\n\n## Technical", 1)
    doc.write_text(text, encoding="utf-8")
    codes, data = _codes(run, doc)
    assert "HL301" not in codes and data["summary"]["suppressed"] == 1


def test_disable_other_code_does_not_suppress(run, tmp_path):
    doc = _with_placeholder_item(tmp_path, "<!-- handoff-lint-disable-next-line HL301 -->")
    codes, _ = _codes(run, doc)
    assert "HL310" in codes


def test_disable_file_and_directive_in_code_fence_is_ignored(run, tmp_path):
    doc = _with_empty_go_live(tmp_path)
    text = doc.read_text(encoding="utf-8")
    fenced = text.replace("\n# ", "\n```\n<!-- handoff-lint-disable-file HL301 -->\n```\n\n# ", 1)
    doc.write_text(fenced, encoding="utf-8")
    assert "HL301" in _codes(run, doc)[0]
    doc.write_text(text.replace("\n# ", "\n<!-- handoff-lint-disable-file HL301 -->\n\n# ", 1), encoding="utf-8")
    assert "HL301" not in _codes(run, doc)[0]


def test_config_select_ignore_and_severity(run, tmp_path):
    _with_empty_go_live(tmp_path)
    write(tmp_path, ".handoff-lint.toml", 'ignore = ["HL301"]\n')
    run("types", cwd=tmp_path)  # work from tmp_path, where the config is
    assert "HL301" not in _codes(run, "h.md")[0]
    write(tmp_path, ".handoff-lint.toml", '[severity]\nHL301 = "warning"\n')
    data = run("h.md", "--format", "json").json()
    found = [f for f in data["files"][0]["findings"] if f["code"] == "HL301"]
    assert found and found[0]["severity"] == "warning"
    # select: a document with findings of several rules keeps only the selected ones.
    doc = tmp_path / "h.md"
    item = "- [ ] Send the kickoff deck"
    doc.write_text(doc.read_text(encoding="utf-8").replace("## Action Items\n", f"## Action Items\n{item}\n", 1))
    write(tmp_path, ".handoff-lint.toml", "")
    every = [(f["code"], f["line"]) for f in run("h.md", "--format", "json").json()["files"][0]["findings"]]
    line = 1 + doc.read_text(encoding="utf-8").split("\n").index(item)
    assert {"HL301", "HL410", "HL411"} <= {code for code, _ in every}, every
    write(tmp_path, ".handoff-lint.toml", 'select = ["HL41"]\n')
    selected = run("h.md", "--format", "json").json()["files"][0]
    assert [(f["code"], f["line"]) for f in selected["findings"]] == [("HL410", line), ("HL411", line)]
    assert selected["passed"], "without the HL301 error the file passes"
    write(tmp_path, ".handoff-lint.toml", 'select = ["HL301"]\n')
    assert _codes(run, "h.md")[0] == ["HL301"]


def test_pyproject_config_and_exclude(run, tmp_path):
    write(tmp_path, "docs/handoffs/keep.md", good_example("sdr-to-ae").read_text(encoding="utf-8"))
    write(tmp_path, "docs/handoffs/archive/old.md", "# Lead Handoff: Old\n")
    write(
        tmp_path,
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.handoff-lint]\nexclude = ["docs/handoffs/archive"]\n',
    )
    sub = tmp_path / "docs"
    r = run("docs/handoffs", cwd=tmp_path)
    assert r.code == 0 and "keep.md" in r.out and "old.md" not in r.out
    r = run("handoffs", cwd=sub)  # config found by walking up from a subfolder
    assert r.code == 0 and "old.md" not in r.out


@pytest.mark.parametrize(
    "config, message",
    [
        ("threshhold = 80\n", "unknown key 'threshhold'"),
        ("threshold = 170\n", "'threshold' must be a whole number from 0 to 100"),
        ('threshold = "high"\n', "'threshold' must be a whole number"),
        ('ignore = ["HL999"]\n', "unknown rule code 'HL999'"),
        ('[severity]\nHL301 = "fatal"\n', "must be error, warning or info"),
        ('[types]\n"*.md" = "sales-to-moon"\n', "unknown type 'sales-to-moon'"),
        ('schema-dirs = ["nowhere"]\n', "schema directory not found"),
        ("paths = [\n", "invalid TOML"),
    ],
)
def test_bad_config_is_exit_2_naming_the_key(run, tmp_path, config, message):
    write(tmp_path, ".handoff-lint.toml", config)
    write(tmp_path, "docs/handoffs/a.md", good_example("sdr-to-ae").read_text(encoding="utf-8"))
    r = run(cwd=tmp_path)
    assert r.code == 2, r
    assert message in r.err and ".handoff-lint.toml" in r.err


def test_explicit_config_option(run, tmp_path):
    write(tmp_path, "strict.toml", "threshold = 100\n")
    write(tmp_path, "h.md", good_example("sdr-to-ae").read_text(encoding="utf-8"))
    data = run("h.md", "--config", "strict.toml", "--format", "json", cwd=tmp_path).json()
    assert data["files"][0]["threshold"] == 100
    assert run("h.md", "--config", "missing.toml", cwd=tmp_path).code == 2
