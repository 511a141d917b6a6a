"""Does a change leave the output alone? Lint every corpus with two versions of the code and compare.

    python benchmarks/same_output.py [--before REF] [--after REF] [--generated 400] [--format json ...]

``--before`` defaults to ``HEAD`` and ``--after`` to the working tree, so before a commit this says
whether the uncommitted change altered any output. Each version runs from its own export of the
repository (``git archive``), imported through ``PYTHONPATH`` (the script checks which copy was
imported), on the same copies of the corpora in one temporary folder, with ``--no-cache`` and no
config file: examples/handoffs, a generated corpus (benchmarks/generate.py), the judged documents
(tests/data/judged), the real pages and the Markdown handbook from ``../shared/corpus`` when present,
and the hostile shapes of benchmarks/hostile.py cut to 64 KB. For each corpus and format the exit code and the bytes of
standard output must match; the first differing line is printed. Exit 1 when anything differs.

Used for issue 26's package move: a move that changes no behaviour must print "identical".
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "corpus"
FORMATS = ("json", "sarif", "text")
HOSTILE_BYTES = 64_000
RUN = (
    "import sys, handoff_lint; print(handoff_lint.__file__, file=sys.stderr); from handoff_lint.cli import main; main()"
)


def export(ref: str | None, into: Path) -> Path:
    """The code of ``ref`` (None: the working tree) as a plain folder."""
    into.mkdir(parents=True)
    if ref is None:
        for name in ("handoff_lint", "schemas", "templates"):
            shutil.copytree(ROOT / name, into / name, ignore=shutil.ignore_patterns("__pycache__"))
        return into
    archive = subprocess.run(["git", "archive", "--format=tar", ref], cwd=ROOT, capture_output=True, check=True)
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


def corpora(into: Path, generated: int) -> dict[str, Path]:
    """Copies of every corpus, each in a folder of its own under ``into``."""
    found: dict[str, Path] = {}

    def copy(name: str, source: Path) -> None:
        if source.is_dir():
            found[name] = Path(shutil.copytree(source, into / name))

    copy("examples", ROOT / "examples" / "handoffs")
    copy("judged", ROOT / "tests" / "data" / "judged")
    copy("real", SHARED / "real")
    copy("handbook", SHARED / "markdown-handbook")
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), str(into / "generated"), "--count", str(generated)],
        check=True,
        capture_output=True,
    )
    found["generated"] = into / "generated"
    sys.path.insert(0, str(HERE))
    import hostile  # noqa: PLC0415 - a sibling script, imported for its shapes only

    hostile_dir = into / "hostile"
    hostile_dir.mkdir()
    for number, (label, shape) in enumerate(hostile.SHAPES.items()):
        if label in hostile.OWN_CONFIG:
            continue  # needs a config of its own; the team-type tests cover it
        (hostile_dir / f"shape-{number:02d}.md").write_text(shape(HOSTILE_BYTES), encoding="utf-8")
    found["hostile"] = hostile_dir
    return found


def lint(code: Path, corpus: Path, fmt: str) -> tuple[int, bytes, str]:
    env = {**os.environ, "PYTHONPATH": str(code), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    done = subprocess.run(
        [sys.executable, "-c", RUN, "check", ".", "--format", fmt, "--no-cache", "--jobs", "2"],
        cwd=corpus,
        env=env,
        capture_output=True,
        timeout=1800,
    )
    imported = done.stderr.decode(errors="replace").splitlines()[:1]
    if not imported or not imported[0].startswith(str(code)):
        raise SystemExit(f"imported {imported} instead of the copy in {code}: is PYTHONPATH honoured?")
    return done.returncode, done.stdout, "\n".join(done.stderr.decode(errors="replace").splitlines()[1:])


def first_difference(before: bytes, after: bytes) -> str:
    diff = difflib.unified_diff(
        before.decode(errors="replace").splitlines(),
        after.decode(errors="replace").splitlines(),
        "before",
        "after",
        n=1,
        lineterm="",
    )
    return "\n".join(list(diff)[:12])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="HEAD", help="git ref (default HEAD)")
    parser.add_argument("--after", default=None, help="git ref (default: the working tree)")
    parser.add_argument("--generated", type=int, default=400, help="documents in the generated corpus")
    parser.add_argument("--format", dest="formats", action="append", choices=FORMATS)
    args = parser.parse_args(argv)
    formats = args.formats or list(FORMATS)
    differences = 0
    with tempfile.TemporaryDirectory(prefix="same-output-") as tmp:
        work = Path(tmp)
        before = export(args.before, work / "before")
        after = export(args.after, work / "after")
        for name, corpus in corpora(work / "corpora", args.generated).items():
            files = sum(1 for _ in corpus.rglob("*.md"))
            for fmt in formats:
                old, new = lint(before, corpus, fmt), lint(after, corpus, fmt)
                same = old[:2] == new[:2]
                differences += not same
                verdict = "identical" if same else "DIFFERENT"
                print(
                    f"{name:<10} {files:>4} files  {fmt:<6} exit {old[0]}/{new[0]}  {len(new[1]):>9} bytes  {verdict}"
                )
                if not same:
                    print(first_difference(old[1], new[1]) or f"stderr before: {old[2]}\nstderr after: {new[2]}")
    print("identical" if not differences else f"{differences} outputs differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
