"""The GitHub Action and workflows: validated against the published schemas, and run end to end without GitHub.

The end-to-end test plays the runner: it builds a pull request the way GitHub presents it (an
``origin`` with the base branch and a ``refs/pull/1/merge`` merge commit, checked out at depth 1
as actions/checkout does), then runs each ``run:`` step of action.yml with bash exactly as a
composite action's ``shell: bash`` does, with the runner's variables set and the ``${{ }}``
expressions of the step's ``env:`` evaluated here. ``uses:`` steps (setup-python) are skipped;
the Python running these tests stands in for the one setup-python would provide. The install
step really pip-installs handoff-lint from the action's own files, once per module.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import REPO, git
from support.pull_request import HANDOFFS, commit, example, pull_request_history

TIMEOUT = 600
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

if shutil.which("git") is None or shutil.which("bash") is None:
    pytest.skip("git and bash are needed", allow_module_level=True)


def check_jsonschema(*args: str) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "check-jsonschema"
    command = [str(exe)] if exe.is_file() else [sys.executable, "-m", "check_jsonschema"]
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=TIMEOUT)


def action() -> dict:
    return yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))


def doc_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", (REPO / "docs" / "ci.md").read_text(encoding="utf-8"), re.S)


# --- the files against their schemas ----------------------------------------------------------------


def test_action_yml_validates_against_the_github_actions_schema():
    done = check_jsonschema("--builtin-schema", "vendor.github-actions", str(REPO / "action.yml"))
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflows_validate_against_the_github_workflows_schema(tmp_path):
    example_workflow = tmp_path / "handoffs.yml"
    example_workflow.write_text(doc_blocks("yaml")[0], encoding="utf-8")
    files = [*map(str, sorted((REPO / ".github" / "workflows").glob("*.yml"))), str(example_workflow)]
    assert len(files) >= 2
    done = check_jsonschema("--builtin-schema", "vendor.github-workflows", *files)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_is_real(tmp_path):
    broken = action()
    del broken["runs"]["steps"][1]["shell"]  # a composite run step must say its shell
    path = tmp_path / "action.yml"
    path.write_text(yaml.safe_dump(broken), encoding="utf-8")
    assert check_jsonschema("--builtin-schema", "vendor.github-actions", str(path)).returncode != 0


def test_pre_commit_manifest_and_documented_config_are_valid(tmp_path):
    pre_commit = [sys.executable, "-m", "pre_commit"]
    done = subprocess.run([*pre_commit, "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")], capture_output=True)
    assert done.returncode == 0, done
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert hooks["handoff-lint-all"]["pass_filenames"] is False
    files = re.compile(hooks["handoff-lint-all"]["files"])
    names = (".handoff-lint.toml", ".handoff-lint-baseline.json", "pyproject.toml", "templates/x.md")
    for name in (*names, "handoff-types/partner.schema.json"):
        assert files.search(name), name
    assert not files.search("docs/handoffs/acme.md")
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(doc_blocks("yaml")[-1], encoding="utf-8")
    done = subprocess.run([*pre_commit, "validate-config", str(config)], capture_output=True)
    assert done.returncode == 0, done
    assert {h["id"] for h in yaml.safe_load(config.read_text())["repos"][0]["hooks"]} == set(hooks)


def _actionlint() -> str | None:
    exe = Path(sys.executable).parent / "actionlint"
    return str(exe) if exe.is_file() else shutil.which("actionlint")


def docs_workflows() -> list[str]:
    """Every complete workflow in docs/ci.md (a block with jobs; the fragment showing the paths: trap is not one)."""
    return [block for block in doc_blocks("yaml") if re.search(r"^jobs:", block, re.M)]


def actionlint(folder: Path, workflows: list[str]) -> subprocess.CompletedProcess:
    """actionlint (and, when installed, shellcheck on each run: script) over the workflows, as files of a repository."""
    target = folder / ".github" / "workflows"
    target.mkdir(parents=True)
    paths = []
    for index, text in enumerate(workflows):
        paths.append(target / f"docs-{index}.yml")
        paths[-1].write_text(text, encoding="utf-8")
    command = [_actionlint(), "-no-color", "-pyflakes=", *map(str, paths)]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=TIMEOUT)


needs_actionlint = pytest.mark.skipif(
    _actionlint() is None, reason="actionlint is not installed (pip install -e '.[test]' installs it)"
)


@needs_actionlint
def test_the_workflows_in_docs_ci_md_pass_actionlint(tmp_path):
    workflows = docs_workflows()
    assert len(workflows) >= 3  # the action, the sharded re-lint, the pull-request comment
    done = actionlint(tmp_path, workflows)
    assert done.returncode == 0, done.stdout + done.stderr


@needs_actionlint
def test_actionlint_really_checks(tmp_path):
    broken = docs_workflows()[0].replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    timeout-minutes: soon")
    done = actionlint(tmp_path, [broken])
    assert done.returncode == 1 and "timeout-minutes" in done.stdout, done


def test_docs_ci_md_has_no_placeholders_left():
    """Every snippet works as written: no <your-org>, no <full commit sha> to fill in."""
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    assert not re.search(r"<your-org>|<full commit sha>", text)
    assert "handoff-lint/handoff-lint@main" in text and "pre-commit autoupdate --bleeding-edge --freeze" in text


@pytest.mark.slow
def test_the_documented_install_from_git_works_as_written(tmp_path):
    """docs/ci.md's pip line, pointed at this repository's committed HEAD instead of GitHub: pip resolves it."""
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    spec = re.search(
        r'\| pip \| `pip install "(handoff-lint\[report\] @ git\+https://github\.com/[^"]+@SHA)"`', text
    ).group(1)
    sha = git(REPO, "rev-parse", "HEAD").strip()
    # file://localhost/…: pip's requirement parser refuses a file URL with an empty host (file:///…).
    here = f"file://localhost{REPO.as_posix()}"
    local = spec.replace("https://github.com/handoff-lint/handoff-lint", here).replace("@SHA", f"@{sha}")
    command = [sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--report", "-", "--quiet", local]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=_env(), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    installed = json.loads(done.stdout)["install"]
    assert [item["metadata"]["name"] for item in installed] == ["handoff-lint"]
    assert installed[0]["download_info"]["vcs_info"]["commit_id"] == sha


def test_run_scripts_take_inputs_only_through_env():
    """``${{ }}`` inside a script is a script-injection pattern; inputs go through ``env:``."""
    for step in action()["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash" and not EXPRESSION.search(step["run"]), step.get("name")


# --- end to end ------------------------------------------------------------------------------------


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_", "INPUT_", "RUNNER_"))}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory) -> dict:
    """An origin with main, a PR branch and GitHub's merge commit refs/pull/1/merge."""
    root = tmp_path_factory.mktemp("pr")
    src = root / "src"
    src.mkdir()
    pull_request_history(src)
    git(src, "checkout", "-q", "--detach", "main")
    git(src, "merge", "-q", "--no-ff", "-m", "Merge feature into main", "feature")
    merge = git(src, "rev-parse", "HEAD").strip()
    git(src, "update-ref", "refs/pull/1/merge", merge)
    git(src, "update-ref", "refs/pull/1/head", "feature")
    git(root, "clone", "-q", "--mirror", str(src), "origin.git")
    return {"origin": root / "origin.git", "merge": merge}


def checkout(pull_request: dict, workspace: Path, ref: str = "refs/pull/1/merge") -> None:
    """What actions/checkout does on a pull_request event: the merge commit (or given ref), one commit deep."""
    workspace.mkdir()
    git(workspace, "init", "-q")
    git(workspace, "remote", "add", "origin", pull_request["origin"].as_uri())
    git(workspace, "fetch", "-q", "--no-tags", "--depth=1", "origin", f"+{ref}:refs/remotes/checked-out")
    git(workspace, "checkout", "-q", "--detach", "refs/remotes/checked-out")
    assert git(workspace, "rev-parse", "--is-shallow-repository").strip() == "true"


class Runner:
    """Runs action.yml's steps as a GitHub runner would, for one event."""

    def __init__(self, root: Path, action_path: Path, runner_temp: Path):
        self.root = root
        self.action_path = action_path
        self.runner_temp = runner_temp
        self.steps = action()["runs"]["steps"]
        self.defaults = {name: spec.get("default", "") for name, spec in action()["inputs"].items()}

    def expression(self, text: str, inputs: dict[str, str]) -> str:
        def value(match: re.Match) -> str:
            name = match.group(1)
            if name.startswith("inputs."):
                return str(inputs[name.removeprefix("inputs.")])
            if name == "steps.python.outputs.python-path":
                return sys.executable  # what setup-python would have installed
            raise AssertionError(f"the test does not know the expression {name!r}")

        return EXPRESSION.sub(value, text)

    def run(self, step_id: str, workspace: Path, event: dict[str, str], **given: str) -> dict:
        given = {name.replace("_", "-"): value for name, value in given.items()}
        assert set(given) <= set(self.defaults), set(given) - set(self.defaults)
        inputs = {**self.defaults, **given}
        step = next(s for s in self.steps if s.get("id") == step_id or s.get("name") == step_id)
        files = {name: self.root / f"{name}-{step_id}" for name in ("summary", "output")}
        for path in files.values():
            path.write_text("", encoding="utf-8")
        env = _env()
        env.update(event)
        env.update(
            GITHUB_ACTIONS="true",
            CI="true",
            GITHUB_WORKSPACE=str(workspace),
            GITHUB_ACTION_PATH=str(self.action_path),
            GITHUB_STEP_SUMMARY=str(files["summary"]),
            GITHUB_OUTPUT=str(files["output"]),
            RUNNER_TEMP=str(self.runner_temp),
        )
        env.update({k: self.expression(str(v), inputs) for k, v in step.get("env", {}).items()})
        script = self.root / f"{step_id}.sh"
        script.write_text(step["run"], encoding="utf-8")
        # GitHub runs `shell: bash` steps as: bash --noprofile --norc -eo pipefail {0}
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        outputs = dict(line.split("=", 1) for line in files["output"].read_text(encoding="utf-8").splitlines())
        return {
            "code": done.returncode,
            "out": done.stdout,
            "err": done.stderr,
            "summary": files["summary"].read_text(encoding="utf-8"),
            "outputs": outputs,
        }


@pytest.fixture(scope="module")
def runner(tmp_path_factory) -> Runner:
    """The action's files as `uses:` would check them out, and handoff-lint installed by its install step."""
    root = tmp_path_factory.mktemp("action")
    action_path = root / "action"
    listed = git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (action_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, action_path / name)
    temp = root / "runner-temp"
    temp.mkdir()
    r = Runner(root, action_path, temp)
    installed = r.run("Install handoff-lint", root, {})
    assert installed["code"] == 0, installed
    assert (temp / "handoff-lint-venv" / "bin" / "handoff-lint").is_file()
    return r


PR_EVENT = {
    "GITHUB_EVENT_NAME": "pull_request",
    "GITHUB_BASE_REF": "main",
    "GITHUB_HEAD_REF": "feature",
    "GITHUB_REF": "refs/pull/1/merge",
}


def pr_event(pull_request) -> dict[str, str]:
    return {**PR_EVENT, "GITHUB_SHA": pull_request["merge"]}


def annotations(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(("::error ", "::warning "))]


@pytest.mark.slow
def test_action_on_a_pull_request_annotates_and_summarises(runner, pull_request, tmp_path):
    workspace = tmp_path / "ws"
    checkout(pull_request, workspace)
    sarif = workspace / "handoff-lint.sarif"
    r = runner.run("lint", workspace, pr_event(pull_request), sarif_file=str(sarif))
    assert r["code"] == 0, r  # a lower score alone does not fail without fail-on-regression
    assert "Comparing with origin/main" in r["out"], r
    found = annotations(r["out"])
    assert found and all(f"file={HANDOFFS}/modified.md," in line for line in found), r["out"]
    assert any(",title=handoff-lint%3A score dropped::score dropped from " in line for line in found)
    assert any(re.search(r",title=HL\d+ [a-z-]+::", line) for line in found)
    # Only what the PR added, modified or renamed: not the untouched failing legacy.md, not deleted.md.
    summary = r["summary"]
    assert summary.startswith("### handoff-lint: all 3 handoffs passed"), summary
    rows = {line.split(" | ")[0].removeprefix("| "): line for line in summary.splitlines() if line.startswith("| docs")}
    assert sorted(rows) == [f"{HANDOFFS}/added.md", f"{HANDOFFS}/modified.md", f"{HANDOFFS}/new-name.md"]
    assert " | new | ✅ PASS |" in rows[f"{HANDOFFS}/added.md"]
    assert re.search(r" \| -\d+ \| ✅ PASS \|", rows[f"{HANDOFFS}/modified.md"])
    assert " | 0 | ✅ PASS |" in rows[f"{HANDOFFS}/new-name.md"]
    assert r["outputs"] == {"sarif-file": str(sarif), "exit-code": "0"}
    schema = json.loads((REPO / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(sarif.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft4Validator(schema).iter_errors(log)) == []
    assert {h["path"] for h in log["runs"][0]["properties"]["handoffs"]} == set(rows)


@pytest.mark.slow
def test_action_fails_a_regression_when_asked(runner, pull_request, tmp_path):
    workspace = tmp_path / "ws"
    checkout(pull_request, workspace)
    r = runner.run("lint", workspace, pr_event(pull_request), fail_on_regression="true")
    assert r["code"] == 1 and r["outputs"] == {"exit-code": "1"}, r
    verdict = f"::error file={HANDOFFS}/modified.md,line=1,title=handoff-lint%3A score dropped::score dropped from "
    assert annotations(r["out"])[0].startswith(verdict), r["out"]
    assert "❌ FAIL: score fell" in r["summary"] and "1 of 3 handoffs failed" in r["summary"]


@pytest.mark.slow
def test_action_on_a_checkout_of_the_pr_head(runner, pull_request, tmp_path):
    """Workflows that check out the PR's head instead of the merge commit: the action deepens to the merge base."""
    workspace = tmp_path / "ws"
    checkout(pull_request, workspace, ref="refs/pull/1/head")
    r = runner.run("lint", workspace, pr_event(pull_request))
    assert r["code"] == 0 and "3 handoffs checked: 3 passed" in r["out"], r
    assert "legacy.md" not in r["out"], "main's own later change is not the PR's"


@pytest.mark.slow
def test_action_with_paths_and_changed_only_off(runner, pull_request, tmp_path):
    workspace = tmp_path / "ws"
    checkout(pull_request, workspace)
    paths = f"  {HANDOFFS}/legacy.md\n\n{HANDOFFS}/added.md  \n"
    r = runner.run("lint", workspace, pr_event(pull_request), paths=paths, changed_only="false")
    assert r["code"] == 1, r
    assert annotations(r["out"])[0].startswith(f"::error file={HANDOFFS}/legacy.md,line=1,"), r["out"]
    rows = [line for line in r["summary"].splitlines() if line.startswith("| docs")]
    assert [row.split(" | ")[0] for row in rows] == [f"| {HANDOFFS}/legacy.md", f"| {HANDOFFS}/added.md"]


@pytest.mark.slow
def test_action_changed_only_without_a_base_is_a_clear_error(runner, pull_request, tmp_path):
    workspace = tmp_path / "ws"
    checkout(pull_request, workspace)
    push = {"GITHUB_EVENT_NAME": "push", "GITHUB_REF": "refs/heads/main", "GITHUB_SHA": pull_request["merge"]}
    r = runner.run("lint", workspace, push, changed_only="true")
    assert r["code"] == 2 and r["outputs"] == {"exit-code": "2"}, r
    assert "::error title=handoff-lint::changed-only needs a base" in r["out"]
    # On a push, by default, every handoff is linted and there is no baseline.
    r = runner.run("lint", workspace, push)
    assert r["code"] == 1 and f"| {HANDOFFS}/legacy.md |" in r["summary"] and " | — | " in r["summary"], r


# --- issue 9: nothing from the pull request runs -------------------------------------------------------

HIJACKS = ("venv.py", "pip/__main__.py", "pip/__init__.py", "click/__init__.py", "yaml.py", "markdown_it/__init__.py")
HIJACKS += ("sitecustomize.py", "usercustomize.py", "handoff_lint/__init__.py", "handoff_lint/__main__.py")


def plant(workspace: Path, names: list[str], markers: Path) -> Path:
    """Commit-like files named as modules the action might import; each, if run, leaves a marker file."""
    markers.mkdir()
    for name in names:
        path = workspace / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"open({str(markers / name.replace('/', '-'))!r}, 'w').close()\n", encoding="utf-8")
    return markers


@pytest.mark.slow
def test_action_runs_nothing_from_the_pull_request(runner, pull_request, tmp_path):
    """A PR that carries modules named like the ones the action's Python imports: none of them may run.

    ``python -m`` puts the working folder first on sys.path; the install step once ran the PR's
    venv.py and pip/ with the job's token. Both steps run here in the PR's checkout, as on GitHub.
    """
    workspace = tmp_path / "ws"
    checkout(pull_request, workspace)
    markers = plant(workspace, HIJACKS, tmp_path / "markers")
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    attacked = Runner(tmp_path, runner.action_path, temp)
    installed = attacked.run("Install handoff-lint", workspace, pr_event(pull_request))
    assert installed["code"] == 0, installed
    linted = attacked.run("lint", workspace, pr_event(pull_request))
    assert linted["code"] == 0 and "3 handoffs checked: 3 passed" in linted["out"], linted
    assert sorted(p.name for p in markers.iterdir()) == []


@pytest.mark.slow
def test_action_builds_and_uploads_the_team_report(runner, pull_request, tmp_path):
    workspace = tmp_path / "ws"
    checkout(pull_request, workspace)
    installed = runner.run("Install handoff-lint", tmp_path, {}, report_artifact="handoff-report")
    assert installed["code"] == 0, installed
    event = {**pr_event(pull_request), "GITHUB_REPOSITORY": "acme/handoffs"}
    r = runner.run("report", workspace, event, report_artifact="handoff-report", paths=HANDOFFS)
    assert r["code"] == 0, r
    page = Path(r["outputs"]["report-file"]).read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'class="pygal-chart"' in page
    assert f'href="https://github.com/acme/handoffs/blob/{pull_request["merge"]}/{HANDOFFS}/legacy.md"' in page
    # the upload runs only when asked for, after the report was built, even when the lint step failed
    steps = {step.get("name"): step for step in action()["runs"]["steps"]}
    assert steps["Build the team report"]["if"] == "always() && inputs.report-artifact != ''"
    upload = steps["Upload the team report"]
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert "inputs.report-artifact != ''" in upload["if"] and "steps.report.outcome == 'success'" in upload["if"]
    assert upload["with"]["path"] == "${{ steps.report.outputs.report-file }}"


# --- issue 23: nothing from the pull request runs in a worker process either ----------------------------

# Modules a worker started by spawn or forkserver imports first (``python -c "from multiprocessing…"``).
WORKER_HIJACKS = ("multiprocessing.py", "concurrent/__init__.py", "yaml.py", "handoff_lint/__init__.py")
# Python 3.14 on Linux (forkserver) and macOS (spawn) start pools so; here a .pth in the action's venv
# sets the start method for the one process that reads the variable (it unsets it for its children).
START_METHOD_PTH = (
    'import os; m = os.environ.pop("HANDOFF_LINT_TEST_START_METHOD", None); '
    'm and __import__("multiprocessing").set_start_method(m)\n'
)


def test_every_python_the_action_runs_is_isolated():
    """Each command that starts Python in a ``run:`` step passes -I (a console script would not)."""
    for step in action()["runs"]["steps"]:
        for line in step.get("run", "").splitlines():
            assert "/bin/handoff-lint" not in line, line
            for match in re.finditer(r'(\$PYTHON"|/bin/python")(\s+\S+)?', line):
                assert (match.group(2) or "").strip() == "-I", line


@pytest.mark.slow
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: the action never starts a worker pool")
@pytest.mark.parametrize("start_method", ["spawn", "forkserver"])
def test_action_workers_run_nothing_from_the_pull_request(runner, pull_request, tmp_path, start_method):
    """A PR with enough handoffs to start a pool and a ``multiprocessing.py``: no worker imports it."""
    workspace = tmp_path / "ws"
    checkout(pull_request, workspace)
    markers = plant(workspace, WORKER_HIJACKS, tmp_path / "markers")
    for number in range(20):  # the pool starts from 16 files
        (workspace / HANDOFFS / f"more-{number}.md").write_text(example("sdr-to-ae"), encoding="utf-8")
    installed = runner.run("Install handoff-lint", tmp_path, {}, report_artifact="handoff-report")
    assert installed["code"] == 0, installed
    site = next((runner.runner_temp / "handoff-lint-venv" / "lib").glob("python*/site-packages"))
    pth = site / "zz-handoff-lint-test-start-method.pth"
    pth.write_text(START_METHOD_PTH, encoding="utf-8")
    try:
        event = {**pr_event(pull_request), "HANDOFF_LINT_TEST_START_METHOD": start_method}
        linted = runner.run("lint", workspace, event, paths=HANDOFFS, changed_only="false")
        shutil.rmtree(workspace / ".handoff-lint-cache")  # the report lints afresh, on its own pool
        reported = runner.run("report", workspace, event, report_artifact="handoff-report", paths=HANDOFFS)
    finally:
        pth.unlink()
    assert linted["code"] in (0, 1) and "internal error" not in linted["out"] + linted["err"], linted
    assert "more-19.md" in linted["summary"], linted
    assert reported["code"] == 0 and "(24 handoffs)" in reported["err"], reported
    assert sorted(p.name for p in markers.iterdir()) == []


@pytest.mark.slow
def test_action_writes_no_sarif_through_a_committed_symlink(runner, pull_request, tmp_path):
    """docs/ci.md's workflow writes handoff-lint.sarif in the checkout, where a PR can commit a link."""
    victim = tmp_path / "runner-file"
    victim.write_text("untouched\n", encoding="utf-8")
    workspace = tmp_path / "ws"
    checkout(pull_request, workspace)
    (workspace / "handoff-lint.sarif").symlink_to(victim)
    r = runner.run("lint", workspace, pr_event(pull_request), sarif_file="handoff-lint.sarif")
    assert r["code"] == 2 and r["outputs"]["exit-code"] == "2", r
    assert "handoff-lint: error: cannot write handoff-lint.sarif: it is a symlink; not written through\n" in r["err"]
    assert victim.read_text(encoding="utf-8") == "untouched\n"


# --- issue 24: every failing handoff shows in the pull request ---------------------------------------


def _with_placeholder(text: str) -> str:
    """The Data migration row back to TBD: one error finding, the score still well above the threshold."""
    row = re.search(r"^\| Data migration \| .* \|$", text, re.M).group(0)
    return text.replace(row, "| Data migration | TBD |", 1)


@pytest.mark.slow
def test_action_shows_every_failing_handoff_once_as_an_annotation_and_a_sarif_result(runner, tmp_path):
    """Several failing handoffs, most with no finding of their own to annotate: each gets its verdict on line 1."""
    workspace = tmp_path / "ws"
    workspace.mkdir()
    git(workspace, "init", "-q", "-b", "main")
    failing = {
        f"{HANDOFFS}/legacy-1.md": "# Lead Handoff: Legacy One\n\nTo be written.\n",  # fails on its score alone
        f"{HANDOFFS}/legacy-2.md": "# Customer Handoff: Legacy Two\n\nSigned. Details to follow.\n",
        f"{HANDOFFS}/nearly.md": _with_placeholder(example("sales-to-cs")),  # a high score, one error
        f"{HANDOFFS}/notes.md": "# Call notes\n\nTalked about the weather.\n",  # no type: not scored
        f"{HANDOFFS}/README.md": "# Handoffs\n\nOne file per customer.\n",  # an index page
    }
    passing = {
        f"{HANDOFFS}/good.md": example("cs-to-sales"),
        f"{HANDOFFS}/draft.md": "---\ntype: sdr-to-ae\nstatus: draft\n---\n# Lead Handoff: Soon\n\nTBD\n",
    }
    commit(workspace, {".handoff-lint.toml": f'paths = ["{HANDOFFS}"]\n', **failing, **passing}, "handoffs")
    sarif = workspace / "handoff-lint.sarif"
    push = {"GITHUB_EVENT_NAME": "push", "GITHUB_REF": "refs/heads/main", "GITHUB_SHA": "0" * 40}
    r = runner.run("lint", workspace, push, sarif_file=str(sarif))
    assert r["code"] == 1, r

    verdicts = [line for line in annotations(r["out"]) if ",line=1,title=handoff-lint%3A " in line]
    files = [re.match(r"::error file=([^,]+),", line).group(1) for line in verdicts]
    assert sorted(files) == sorted(failing), r["out"]
    by_file = dict(zip(files, verdicts, strict=True))
    score_only = by_file[f"{HANDOFFS}/legacy-1.md"]
    assert "::sdr-to-ae handoff scores 0/100, under the threshold 70. Missing most: " in score_only
    assert re.search(r"Missing most: [^;]+ \(\+\d+\); [^;]+ \(\+\d+\); [^;]+ \(\+\d+\)\.", score_only), score_only
    assert f"Next: run `handoff-lint score {HANDOFFS}/legacy-1.md` to see what is missing; most to gain: " in score_only
    nearly = by_file[f"{HANDOFFS}/nearly.md"]
    assert ",title=handoff-lint%3A fails on empty-field::sales-to-cs handoff scores " in nearly
    assert "it fails on line " in nearly and "(empty-field): 'Data migration'" in nearly
    assert "add it to `exclude` in the config" in by_file[f"{HANDOFFS}/README.md"]

    log = json.loads(sarif.read_text(encoding="utf-8"))
    schema = json.loads((REPO / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft4Validator(schema).iter_errors(log)) == []
    run_ = log["runs"][0]
    results = [result for result in run_["results"] if result["ruleId"] == "HL000"]
    uris = [result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in results]
    assert sorted(uris) == sorted(failing)
    rule = run_["tool"]["driver"]["rules"][results[0]["ruleIndex"]]
    assert rule["id"] == "HL000" and rule["name"] == "handoff-fails"
    legacy = results[uris.index(f"{HANDOFFS}/legacy-1.md")]
    assert legacy["message"]["text"].startswith("sdr-to-ae handoff scores 0/100 (threshold 70): FAIL: score 0 < 70.")
    assert "Missing most: " in legacy["message"]["text"]
    assert legacy["properties"]["score"] == 0 and legacy["properties"]["threshold"] == 70
    assert legacy["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


@pytest.mark.slow
def test_action_on_a_pull_request_honours_the_baseline_of_init(runner, tmp_path):
    """A PR fixing a typo in an old failing handoff that `handoff-lint init` recorded: the check passes, saying why."""
    src = tmp_path / "src"
    src.mkdir()
    git(src, "init", "-q", "-b", "main")
    commit(
        src,
        {
            f"{HANDOFFS}/good.md": example("sales-to-cs"),
            f"{HANDOFFS}/legacy.md": "# Lead Handoff: Legacy\n\nTo be writen.\n",
        },
        "a year of handoffs",
    )
    done = subprocess.run([sys.executable, "-m", "handoff_lint", "init"], cwd=src, capture_output=True, text=True)
    assert done.returncode == 0, done
    git(src, "add", "-A")
    git(src, "commit", "-q", "-m", "handoff-lint init")
    git(src, "checkout", "-q", "-b", "feature")
    commit(src, {f"{HANDOFFS}/legacy.md": "# Lead Handoff: Legacy\n\nTo be written.\n"}, "fix a typo")
    git(src, "checkout", "-q", "--detach", "main")
    git(src, "merge", "-q", "--no-ff", "-m", "Merge feature into main", "feature")
    merge = git(src, "rev-parse", "HEAD").strip()
    git(src, "update-ref", "refs/pull/1/merge", merge)
    git(tmp_path, "clone", "-q", "--mirror", str(src), "origin.git")
    workspace = tmp_path / "ws"
    checkout({"origin": tmp_path / "origin.git"}, workspace)
    r = runner.run("lint", workspace, {**PR_EVENT, "GITHUB_SHA": merge})
    assert r["code"] == 0, r
    assert "legacy.md: sdr-to-ae 0/100 PASS (in the baseline, no worse than recorded: score 0 < 70)" in r["out"]
    assert "✅ PASS (in the baseline, no worse than recorded: score 0 &lt; 70)" in r["summary"], r["summary"]
    assert not [line for line in annotations(r["out"]) if line.startswith("::error ")], "its findings stay warnings"
