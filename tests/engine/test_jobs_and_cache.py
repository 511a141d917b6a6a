"""--jobs gives the same output in the same order; the result cache is used, invalidated and
never trusted when it is corrupt or from another configuration."""

from __future__ import annotations

import json
import shutil

from conftest import EXAMPLES, write


def corpus(tmp_path, copies=4):
    folder = tmp_path / "handoffs"
    for n in range(copies):
        for example in sorted(EXAMPLES.glob("*/*.md")):
            target = folder / f"{n:02d}-{example.parent.name}-{example.name}"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(example, target)
    return folder


def test_jobs_give_identical_output_in_a_stable_order(run, tmp_path):
    folder = corpus(tmp_path)
    one = run(folder, "--jobs", "1", "--no-cache", "--format", "json")
    two = run(folder, "--jobs", "2", "--no-cache", "--format", "json")
    assert one.code == two.code == 1
    assert one.out == two.out
    paths = [f["path"] for f in one.json()["files"]]
    assert paths == sorted(paths) and len(paths) == 40
    assert run(folder, "--jobs", "-1").code == 2


def test_cache_is_written_reused_and_ignored_by_git(run, tmp_path):
    folder = corpus(tmp_path, copies=1)
    first = run("handoffs", "--format", "json", cwd=tmp_path)
    cache = tmp_path / ".handoff-lint-cache"
    assert (cache / "results.json").is_file()
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    second = run("handoffs", "--format", "json", cwd=tmp_path)
    assert second.out == first.out
    stored = json.loads((cache / "results.json").read_text(encoding="utf-8"))
    assert len(stored["entries"]) == 10
    # The cache, not the linter, answered: a planted result for unchanged content is returned.
    good = next(p for p in stored["entries"] if "good" in p)
    digest, result, profile = stored["entries"][good]
    stored["entries"][good] = [digest, json.dumps(dict(json.loads(result), score=42)), profile]
    (cache / "results.json").write_text(json.dumps(stored), encoding="utf-8")
    third = {f["path"]: f for f in run("handoffs", "--format", "json", cwd=tmp_path).json()["files"]}
    assert third[good]["score"] == 42
    # Changing the file's content is a miss: the real score comes back.
    path = tmp_path / good
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    fourth = {f["path"]: f for f in run("handoffs", "--format", "json", cwd=tmp_path).json()["files"]}
    assert fourth[good]["score"] == 100
    # ... and the cache now holds that real result under the new content's digest.
    new_digest, new_result, _ = json.loads((cache / "results.json").read_text(encoding="utf-8"))["entries"][good]
    assert new_digest != digest and json.loads(new_result)["score"] == 100
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.rsplit("/", 1)[-1] for p in stored["entries"])


def test_corrupt_or_foreign_cache_is_ignored(run, tmp_path):
    corpus(tmp_path, copies=1)
    expected = run("handoffs", "--format", "json", "--no-cache", cwd=tmp_path).out
    assert not (tmp_path / ".handoff-lint-cache").exists()
    cache = tmp_path / ".handoff-lint-cache"
    cache.mkdir()
    (cache / "results.json").write_bytes(b"\x00\xff not json")
    assert run("handoffs", "--format", "json", cwd=tmp_path).out == expected
    stored = json.loads((cache / "results.json").read_text(encoding="utf-8"))
    # A cache written for another configuration (here: another threshold) claims every file passed.
    for entry in stored["entries"].values():
        entry[1] = json.dumps(dict(json.loads(entry[1]), passed=True, findings=[]))
    stored["fingerprint"] = "someone-else"
    (cache / "results.json").write_text(json.dumps(stored), encoding="utf-8")
    r = run("handoffs", "--format", "json", cwd=tmp_path)
    assert r.out == expected and r.code == 1
    # Entries of the right fingerprint but the wrong shape are misses, not crashes.
    stored = json.loads((cache / "results.json").read_text(encoding="utf-8"))
    for entry in stored["entries"].values():
        entry[1] = json.dumps({"score": "x"})
    (cache / "results.json").write_text(json.dumps(stored), encoding="utf-8")
    assert run("handoffs", "--format", "json", cwd=tmp_path).out == expected


def test_config_change_invalidates_the_cache(run, tmp_path):
    """A setting results depend on (here a rule's severity) is a miss for every file."""
    corpus(tmp_path, copies=1)
    before = run("handoffs", "--format", "json", cwd=tmp_path).json()["files"]
    assert any(f["code"] == "HL110" and f["severity"] == "warning" for r in before for f in r["findings"])
    write(tmp_path, ".handoff-lint.toml", '[severity]\nHL110 = "info"\n')
    files = run("handoffs", "--format", "json", cwd=tmp_path).json()["files"]
    assert {f["severity"] for r in files for f in r["findings"] if f["code"] == "HL110"} == {"info"}


def _lint_in_process(tmp_path, progress=None):
    from handoff_lint.config.settings import load_config
    from handoff_lint.engine.runner import lint_files
    from handoff_lint.handoff_types.definitions import load_types

    folder = corpus(tmp_path, copies=1)
    write(folder, "broken.md", "---\ntype: [unclosed\n---\n# Handoff: X\n\n| a | b |\n|---|\n| TBD |\n")
    (folder / "binary.md").write_bytes(b"\x00\x01\x02")
    paths = sorted(str(p) for p in folder.glob("*.md"))
    config = load_config(None, tmp_path)
    return paths, lint_files(paths, config, load_types(config.schema_dirs), jobs=1, use_cache=False, progress=progress)


def test_linting_makes_no_reference_cycles(tmp_path):
    """The premise of the run's rare cycle collections: a run leaves nothing for the collector."""
    import gc

    gc.collect()
    gc.disable()
    try:
        paths, results = _lint_in_process(tmp_path)
        assert [r.path for r in results] == paths and len(paths) == 12
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_run_collects_rarely_and_restores_the_callers_collector_settings(tmp_path):
    import gc

    from handoff_lint.engine.runner import RARE_COLLECTION

    before = gc.get_threshold()
    during = []
    paths, results = _lint_in_process(tmp_path, progress=lambda done: during.append(gc.get_threshold()[0]))
    assert len(results) == len(paths)
    assert RARE_COLLECTION in during and RARE_COLLECTION != before[0]
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
