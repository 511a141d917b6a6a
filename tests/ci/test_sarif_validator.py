"""Our SARIF, checked by Microsoft's reference validator: the SARIF Multitool with GitHub's ingestion rules.

``Sarif.Multitool validate --rule-kind "Sarif;Gh"`` runs the SARIF spec rules (SARIF1xxx errors,
SARIF2xxx warnings) and the rules GitHub code scanning applies on upload (GH1xxx). The bar is no
error and no warning, on logs the real CLI writes: repository-relative paths, absolute paths
outside the repository, a file with many findings and columns, a run without findings, and the
merge of ``--shard`` runs.

The tool comes from npm (``@microsoft/sarif-multitool``, a self-contained .NET executable in the
platform package, no .NET runtime needed); ``.ci/run`` installs it outside the repository and
sets ``SARIF_MULTITOOL``. Its exit code is 0 even when it reports errors, so these tests read
the SARIF log it writes with ``--output``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO, write
from handoff_lint import PROJECT_URL

# Where .ci/run installs it when SARIF_MULTITOOL is not set (keep in step with .ci/run).
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "handoff-lint-ci" / "sarif-multitool"
PLATFORM = {"linux": "linux", "darwin": "darwin", "win32": "win32"}.get(sys.platform, sys.platform)


def _multitool() -> str | None:
    named = os.environ.get("SARIF_MULTITOOL")
    if named:
        return named
    binary = CACHE / "node_modules" / "@microsoft" / f"sarif-multitool-{PLATFORM}" / "Sarif.Multitool"
    if binary.is_file():
        return str(binary)
    return shutil.which("Sarif.Multitool")


MULTITOOL = _multitool()
needs_multitool = pytest.mark.skipif(
    MULTITOOL is None,
    reason="the SARIF Multitool is not installed: .ci/run installs it with npm (@microsoft/sarif-multitool) and "
    "sets SARIF_MULTITOOL to its executable; it said why if it could not",
)


def validate(log: Path, tmp_path: Path) -> list[str]:
    """The multitool's errors and warnings on ``log``, as its console prints them."""
    out = tmp_path / f"{log.stem}.validation.sarif"
    # Invariant globalization: the executable then needs no libicu on the machine.
    env = {**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1", "DOTNET_CLI_TELEMETRY_OPTOUT": "1"}
    proc = subprocess.run(
        [MULTITOOL, "validate", "--rule-kind", "Sarif;Gh", "--output", str(out), str(log)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert out.is_file(), f"the multitool wrote no log (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    validation = json.loads(out.read_text(encoding="utf-8-sig"))
    invocation = validation["runs"][0]["invocations"][0]
    assert invocation.get("executionSuccessful", True), invocation
    problems = []
    for result in validation["runs"][0].get("results", []):
        level = result.get("level", "warning")  # SARIF's default level
        if level in ("error", "warning"):
            problems.append(f"{level} {result['ruleId']}: {result['message'].get('text', result['message'])}")
    console = [line for line in proc.stdout.splitlines() if ": error " in line or ": warning " in line]
    assert len(console) == len(problems), proc.stdout  # what the log says is what a user sees
    return problems


def sarif(run, tmp_path: Path, *paths, cwd: Path = REPO, name: str = "log") -> tuple[Path, dict]:
    target = tmp_path / f"{name}.sarif"
    r = run(*paths, "--format", "sarif", "--output-file", target, "--no-cache", cwd=cwd)
    assert r.code in (0, 1), r
    return target, json.loads(target.read_text(encoding="utf-8"))


def uris(log: dict) -> set[str]:
    return {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in log["runs"][0]["results"]}


@needs_multitool
def test_the_validator_really_checks(tmp_path):
    """On a log with the two faults it used to find, and a result without a location, it complains."""
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "handoff-lint", "rules": [{"id": "HL001", "name": "x"}]}},
                "results": [
                    {
                        "ruleId": "HL001",
                        "message": {"text": "x."},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": "/abs/x.md", "uriBaseId": "%SRCROOT%"},
                                    "region": {"startLine": 1},
                                }
                            }
                        ],
                    },
                    {"ruleId": "HL001", "message": {"text": "x."}, "locations": []},
                ],
            }
        ],
    }
    path = tmp_path / "broken.sarif"
    path.write_text(json.dumps(log), encoding="utf-8")
    found = {problem.split(":")[0] for problem in validate(path, tmp_path)}
    assert {"error SARIF1004", "warning SARIF2005", "error GH1015"} <= found


@needs_multitool
def test_relative_paths(run, tmp_path):
    path, log = sarif(run, tmp_path, "examples/handoffs")
    assert log["runs"][0]["results"] and all(not uri.startswith(("/", "file:")) for uri in uris(log))
    assert log["runs"][0]["tool"]["driver"]["informationUri"].startswith("https://")
    assert validate(path, tmp_path) == []


@needs_multitool
def test_absolute_paths_outside_the_repository(run, tmp_path):
    """Files named by absolute paths outside any repository: ``file:`` URIs, no uriBaseId."""
    outside = tmp_path / "outside folder"
    outside.mkdir()
    shutil.copy(EXAMPLES / "bad" / "thin-sales-to-cs.md", outside / "thin #1 ü.md")
    path, log = sarif(run, tmp_path, outside.resolve(), EXAMPLES.resolve() / "bad", cwd=REPO)
    found = uris(log)
    assert any(uri.startswith("file:///") and "%20folder/thin%20%231%20%C3%BC.md" in uri for uri in found), found
    assert any(uri.startswith("examples/handoffs/bad/") for uri in found), "inside the repository: relative"
    for res in log["runs"][0]["results"]:
        artifact = res["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact["uri"].startswith("file:") == ("uriBaseId" not in artifact)
    assert validate(path, tmp_path) == []


@needs_multitool
def test_many_findings_with_columns_and_regions(run, tmp_path):
    write(
        tmp_path,
        "deals/acme deal.md",
        """
        ---
        type: sdr-to-ae
        ---
        # Lead Handoff: Globex

        ## Prospect Summary
        | Field | Detail |
        |-------|--------|
        | Company | 🟢 Globex ✅ [Name] |
        | Contact | TBD |
        """,
    )
    shutil.copy(EXAMPLES / "bad" / "copied-template-implementation.md", tmp_path / "deals" / "copied.md")
    path, log = sarif(run, tmp_path, "deals", cwd=tmp_path)
    results = log["runs"][0]["results"]
    assert len(results) >= 50
    columns = {res["locations"][0]["physicalLocation"]["region"]["startColumn"] for res in results}
    assert len(columns) > 1, "findings at several columns"
    assert validate(path, tmp_path) == []


@needs_multitool
def test_a_run_without_findings(run, tmp_path):
    path, log = sarif(run, tmp_path, EXAMPLES / "good" / "northwind-sales-to-cs.md")
    assert log["runs"][0]["results"] == []
    assert validate(path, tmp_path) == []


def test_information_uri_is_the_project_url(run):
    """One constant: the driver's informationUri is pyproject's Homepage."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["urls"]["Homepage"] == PROJECT_URL
    log = run(EXAMPLES / "good", "--format", "sarif").json()
    assert log["runs"][0]["tool"]["driver"]["informationUri"] == PROJECT_URL


@needs_multitool
def test_merged_shards(run, tmp_path):
    """``handoff-lint merge`` of three ``--shard`` runs: one run, as valid as an unsharded one."""
    shards = []
    for index in (1, 2, 3):
        path, _log = sarif(run, tmp_path, "examples/handoffs", "--shard", f"{index}/3", name=f"shard-{index}")
        shards.append(path)
    merged = tmp_path / "merged.sarif"
    assert run("merge", *shards, "-o", merged).code == 0
    log = json.loads(merged.read_text(encoding="utf-8"))
    assert len(log["runs"]) == 1 and len(log["runs"][0]["properties"]["handoffs"]) == 10
    assert validate(merged, tmp_path) == []
