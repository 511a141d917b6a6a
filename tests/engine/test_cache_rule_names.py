"""A run answered from the result cache names the rules exactly as a fresh run does: fail reasons,
statistics and annotations read each finding's rule name, which the cache keeps with its results."""

from __future__ import annotations

import shutil

import pytest

from conftest import EXAMPLES


@pytest.mark.parametrize(
    "options",
    [("--format", "json"), ("--statistics",), ("--statistics", "--format", "json"), ("--format", "github")],
)
def test_a_cached_run_names_the_rules_as_a_fresh_one(run, tmp_path, options):
    folder = tmp_path / "handoffs"
    shutil.copytree(EXAMPLES / "bad", folder)
    fresh = run("handoffs", *options, "--no-cache", cwd=tmp_path)
    first = run("handoffs", *options, cwd=tmp_path)  # fills the cache
    cached = run("handoffs", *options, cwd=tmp_path)  # answered from it
    assert (tmp_path / ".handoff-lint-cache" / "results.json").is_file()
    assert fresh.code == first.code == cached.code == 1
    assert fresh.out == first.out == cached.out
    assert "empty-field" in cached.out or "placeholder" in cached.out  # rules named, not only coded
