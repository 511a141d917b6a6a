"""benchmarks/fidelity.py --fresh: documents judged since the folds were dealt are measured as a whole,
aggregates only, and beside a git revision's code with --against (how a change is kept or reverted)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from conftest import EXAMPLES, REPO

CATEGORIES = ("customer", "expectations", "risks", "technical", "relationship", "actions")
DOCUMENTS = {
    "good/northwind-sales-to-cs.md": "sales-to-cs",
    "good/tidewater-sdr-to-ae.md": "sdr-to-ae",
    "bad/vague-sales-to-cs.md": "sales-to-cs",
}


def fidelity(*args: str) -> subprocess.CompletedProcess:
    """The script as a user runs it, with no handoff-lint on PATH: it must lint with this checkout's code."""
    script = REPO / "benchmarks" / "fidelity.py"
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, cwd=REPO, check=False, env=env
    )


def judged_folder(tmp_path, run) -> tuple:
    """Three examples 'judged' exactly as the tool scores them today: the error must come out 0."""
    folder = tmp_path / "fresh"
    folder.mkdir(parents=True)
    items = []
    for name, handoff_type in DOCUMENTS.items():
        target = folder / name.replace("/", "-")
        shutil.copy(EXAMPLES / name, target)
        result = run("check", str(target), "--format", "json", "--no-cache", "--type", handoff_type).json()["files"][0]
        statuses = {key: result["categories"][key]["status"] for key in CATEGORIES}
        review = {"categories": statuses, "score": result["score"], "why": "as scored"}
        items.append({"file": target.name, "type": handoff_type, "reviewer_a": review, "reviewer_b": review})
        items[-1]["score"] = result["score"]
    (folder / "judgements.json").write_text(json.dumps(items), encoding="utf-8")
    return folder, [item["file"] for item in items]


def test_fresh_documents_are_measured_beside_a_revision_without_naming_one(tmp_path, run):
    folder, names = judged_folder(tmp_path, run)
    done = fidelity("--fresh", str(folder), "--against", "HEAD")
    assert done.returncode == 0, done.stderr
    rows = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")[2:-1]] for line in done.stdout.splitlines()}
    assert rows["fresh documents"] == ["this tree", "HEAD"]
    assert rows["documents"] == ["3", "3"]
    assert rows["mean absolute error"][0] == "0.0"
    assert rows["same pass/fail"][0] == "3/3 = 100%"
    assert rows["category agreement"][0] == "18/18 = 100%"
    assert not any(name in done.stdout for name in names)


def test_a_missing_document_or_revision_is_said_without_naming_a_document(tmp_path, run):
    folder, names = judged_folder(tmp_path, run)
    (folder / names[0]).unlink()
    done = fidelity("--fresh", str(folder))
    assert done.returncode == 1 and "1 document(s)" in done.stderr and names[0] not in done.stderr + done.stdout
    folder, names = judged_folder(tmp_path / "again", run)
    done = fidelity("--fresh", str(folder), "--against", "no-such-revision")
    assert done.returncode == 1 and "no revision 'no-such-revision'" in done.stderr and "Traceback" not in done.stderr


def test_a_judgements_file_that_is_not_json_or_not_a_list_is_one_line(tmp_path):
    for content, said in (("{not json", "judgements.json:1:2: not JSON"), ('{"a": 1}', "not a list of judged")):
        (tmp_path / "judgements.json").write_text(content, encoding="utf-8")
        done = fidelity("--fresh", str(tmp_path))
        assert done.returncode == 1 and said in done.stderr and "Traceback" not in done.stderr


def test_against_is_refused_on_the_spent_development_set():
    done = fidelity("--against", "HEAD")
    assert done.returncode == 2 and "--fresh" in done.stderr
