"""The threshold is applied after the cache: changing ``--threshold`` (or the config's ``threshold``)
re-lints nothing. Observed as test_jobs_and_cache.py does: a result planted in the cache for unchanged
content is what the run reports, so a run that shows it read that file from the cache."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import EXAMPLES, write

PLANTED = 42  # no example scores this: seen in the output, it came from the cache


@pytest.mark.parametrize(
    ("threshold", "code", "status"),
    [("40", 0, "pass"), ("42", 0, "pass"), ("43", 1, "fail"), ("100", 1, "fail")],
)
def test_another_threshold_reads_every_result_from_the_cache(run, tmp_path, threshold, code, status):
    shutil.copytree(EXAMPLES, tmp_path / "handoffs")
    first = run("handoffs", "--format", "json", cwd=tmp_path)
    assert {f["threshold"] for f in first.json()["files"]} == {70}
    cache = tmp_path / ".handoff-lint-cache" / "results.json"
    stored = json.loads(cache.read_text(encoding="utf-8"))
    for entry in stored["entries"].values():
        entry[1] = json.dumps(dict(json.loads(entry[1]), score=PLANTED, findings=[]))
    cache.write_text(json.dumps(stored), encoding="utf-8")
    r = run("handoffs", "--format", "json", "--threshold", threshold, cwd=tmp_path)
    files = r.json()["files"]
    assert len(files) == len(stored["entries"]) == 10
    assert {f["score"] for f in files} == {PLANTED}  # every file answered by the cache
    assert {f["threshold"] for f in files} == {int(threshold)}  # JSON keeps the run's threshold
    assert {f["status"] for f in files} == {status} and r.code == code
    assert json.loads(cache.read_text(encoding="utf-8"))["entries"] == stored["entries"]  # nothing re-linted


def test_the_configs_threshold_is_applied_to_cached_results_as_to_fresh_ones(run, tmp_path):
    """After the config's threshold changes, a run from the cache says what a run without it says."""
    shutil.copytree(EXAMPLES, tmp_path / "handoffs")
    assert run("handoffs", cwd=tmp_path).code == 1  # fills the cache
    write(tmp_path, ".handoff-lint.toml", "threshold = 95\n")
    cache = tmp_path / ".handoff-lint-cache" / "results.json"
    before = cache.stat().st_mtime_ns
    cached = run("handoffs", "--format", "json", cwd=tmp_path)
    assert cache.stat().st_mtime_ns == before  # every result read from the cache: nothing written back
    fresh = run("handoffs", "--format", "json", "--no-cache", cwd=tmp_path)
    assert (cached.code, cached.out) == (fresh.code, fresh.out)
    assert {f["threshold"] for f in cached.json()["files"]} == {95}
