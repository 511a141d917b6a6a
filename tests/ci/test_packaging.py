"""The wheel ships the product's data: schemas/ and templates/ inside the package, and it runs from them.

The wheel is built from a copy of the repository, not from the repository itself: pip (>= 21.3) builds
a local directory in place, and setuptools then leaves build/ behind in it; files in a stale
build/lib are packed into every later wheel, so a schema deleted from schemas/ would still "ship" and
this test could not see it. The copy leaves out build/, *.egg-info, .git and virtualenvs.

The wheel is then unzipped (a wheel is a zip that installs by extraction) and run with PYTHONPATH set
to that folder only, from an unrelated empty folder. PYTHONPATH entries come before site-packages on
sys.path, and the editable install's import hook is appended after the normal path finder in
sys.meta_path, so the unzipped package wins over the editable one (the test checks that rather than
trusting it). Its dependencies still come from the running venv's site-packages, so no fresh venv and
no install step are needed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TYPES = ["ae-to-se", "cs-to-sales", "sales-to-cs", "sales-to-implementation", "sdr-to-ae"]
TIMEOUT = 600

pytestmark = pytest.mark.slow

IGNORE = shutil.ignore_patterns(
    ".git", "build", "dist", "*.egg-info", ".venv", "venv", ".ci-venv", "__pycache__", ".*_cache", ".handoff-lint-cache"
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("packaging")
    source = base / "source"
    shutil.copytree(REPO, source, ignore=IGNORE)
    out = base / "wheelhouse"
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(source)]
    done = subprocess.run(cmd, env=env, capture_output=True, encoding="utf-8", timeout=TIMEOUT)
    assert done.returncode == 0, f"pip wheel failed:\n{done.stdout}\n{done.stderr}"
    wheels = list(out.glob("handoff_lint-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def unpacked(wheel, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    return target


def test_wheel_contains_schemas_and_templates(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    expected = {"handoff_lint/schemas/handoff-type.meta.schema.json", "handoff_lint/schemas/config.schema.json"}
    expected |= {f"handoff_lint/schemas/{t}.schema.json" for t in TYPES}
    expected |= {f"handoff_lint/templates/{t}.md" for t in TYPES}
    assert expected <= names, sorted(expected - names)
    # The data lives only inside the package: no top-level schemas/ or templates/ in site-packages.
    assert {n.split("/")[0] for n in names} == {"handoff_lint", "handoff_lint-0.1.0.dist-info"}
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    with zipfile.ZipFile(wheel) as zf:
        assert "handoff-lint = handoff_lint.cli:main" in zf.read(entry_points).decode()


def _run_from(unpacked: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(unpacked))  # the unpacked wheel only, never the repository
    env.pop("PYTHONHOME", None)
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, encoding="utf-8", timeout=TIMEOUT
    )


def test_unpacked_wheel_runs_from_its_own_data(unpacked, tmp_path):
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()

    # Prove it is the wheel's code and data being used, not the editable install's (the repository).
    probe = (
        "import handoff_lint; from handoff_lint.handoff_types.definitions import data_dir; "
        "print(handoff_lint.__file__); print(data_dir('schemas')); print(data_dir('templates'))"
    )
    done = _run_from(unpacked, cwd, "-c", probe)
    assert done.returncode == 0, done.stderr
    package = unpacked.resolve() / "handoff_lint"
    paths = [Path(line).resolve() for line in done.stdout.splitlines()]
    assert paths == [package / "__init__.py", package / "schemas", package / "templates"], done.stdout

    # Schemas: the types command loads every schema (validated against the meta-schema).
    done = _run_from(unpacked, cwd, "-m", "handoff_lint", "types")
    assert done.returncode == 0, f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    assert [line.split()[0] for line in done.stdout.splitlines() if line.strip()] == TYPES, done.stdout

    # Templates: `new` renders each type's template.
    for name in TYPES:
        output = cwd / f"{name}.md"
        done = _run_from(unpacked, cwd, "-m", "handoff_lint", "new", name, "--company", "Acme", "-o", str(output))
        assert done.returncode == 0, f"{name}:\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
        text = output.read_text(encoding="utf-8")
        assert f"type: {name}" in text and "Acme" in text, text[:500]
