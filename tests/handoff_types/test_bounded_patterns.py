"""Issue 23, part B: a team type's JSON Schema patterns come from the pull request, and run in linear
time (RE2, handoff_types/linear_regex.py). Each test commits a team type and a handoff to a real git repository
and runs the CLI from its root, as CI does on the pull request."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, git
from handoff_lint.handoff_types.linear_regex import UnsupportedPattern, search
from support.pull_request import commit, example

EVIL = "^(a+)+$"  # Python's re: ~2^n steps on "aaa…a!"; past 10 s at 30 characters
VALUE = "a" * 40 + "!"


def team_type(**properties) -> str:
    """sales-to-cs as a team type "team-deal" with extra frontmatter properties (and keywords)."""
    schema = json.loads((REPO / "schemas" / "sales-to-cs.schema.json").read_text(encoding="utf-8"))
    schema["$id"] = "team-deal"
    schema["x-handoff-lint"]["name"] = "team-deal"
    schema["properties"]["type"]["const"] = "team-deal"
    keywords = properties.pop("keywords", {})
    schema["properties"].update(properties)
    schema.update(keywords)
    return json.dumps(schema, indent=2)


@pytest.fixture
def team_repo(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")

    def make(schema: str, frontmatter: str):
        text = example("sales-to-cs").replace("type: sales-to-cs", f"type: team-deal\n{frontmatter}", 1)
        assert "type: team-deal" in text
        files = {".handoff-lint.toml": 'schema-dirs = ["team-types"]\n', "team-types/deal.schema.json": schema}
        commit(repo, {**files, "docs/handoffs/deal.md": text}, "team type")
        return repo

    return make


def lint(run, repo):
    start = time.perf_counter()
    result = run("docs/handoffs/deal.md", "--no-cache", cwd=repo)
    return result, time.perf_counter() - start


def test_nested_quantifier_pattern_in_a_team_type_is_linear(run, team_repo):
    repo = team_repo(team_type(region={"type": "string", "pattern": EVIL}), f"region: {VALUE}")
    result, seconds = lint(run, repo)
    assert result.code == 1 and f"frontmatter 'region': '{VALUE}' does not match '{EVIL}'" in result.out, result
    assert seconds < 2, seconds


def test_nested_quantifier_in_pattern_properties_is_linear(run, team_repo):
    keywords = {"patternProperties": {EVIL: {"type": "string"}}, "additionalProperties": False}
    repo = team_repo(team_type(keywords=keywords), f"{VALUE}: x")
    result, seconds = lint(run, repo)
    assert result.code == 1 and f"'{VALUE}' does not match any of the regexes: '{EVIL}'" in result.out, result
    assert seconds < 2, seconds


@pytest.mark.parametrize("pattern", ["^(?=x)x+$", r"^(a)\1$", "(?:a{1000}){1000}"])
def test_pattern_re2_cannot_run_is_a_finding_that_says_why(run, team_repo, pattern):
    repo = team_repo(team_type(region={"type": "string", "pattern": pattern}), "region: xx")
    result, seconds = lint(run, repo)
    assert result.code == 1 and f"HL202 frontmatter 'region': pattern {pattern!r} not checked" in result.out, result
    assert "RE2 (linear time) cannot run it" in result.out
    assert result.err == "" and seconds < 2  # RE2's own log line is switched off


def test_unevaluated_properties_beside_pattern_properties_is_refused_at_load(run, team_repo):
    keywords = {"patternProperties": {"^x-": {}}, "unevaluatedProperties": False}
    repo = team_repo(team_type(keywords=keywords), "x-note: hi")
    result, _seconds = lint(run, repo)
    assert result.code == 2 and "cannot check in linear time" in result.err and "deal.schema.json" in result.err


def test_built_in_patterns_still_hold(run, tmp_path):
    text = example("sales-to-cs").replace("currency: GBP", "currency: gbp", 1)
    commit_repo = tmp_path / "r"
    commit_repo.mkdir()
    git(commit_repo, "init", "-q", "-b", "main")
    commit(commit_repo, {"h.md": text}, "h")
    result = run("h.md", cwd=commit_repo)
    assert result.code == 1 and "frontmatter 'currency': 'gbp' does not match '^[A-Z]{3}$'" in result.out


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([r"^[A-Z]{3}$", r"^\d+\s*(months?|years?)$", r"^[a-z0-9]+(-[a-z0-9]+)*$", "ab|cd", "^$", "x*y"]),
    st.text(alphabet="aAbcdxyz09- GBPmonthsyear", max_size=20),
)
def test_re2_agrees_with_python_re_on_the_patterns_types_use(pattern, text):
    import re

    assert search(pattern, text) == (re.search(pattern, text) is not None)


def test_unsupported_pattern_is_an_error_not_a_match():
    with pytest.raises(UnsupportedPattern):
        search("(?<=a)b", "ab")
