"""How closely handoff-lint's score matches careful reviewers, cross-validated on the judged set.

Lints every judged document of ``tests/data/judged/`` and ``set2/`` twice — with its reviewed type
(one CLI call per type) and without ``--type`` (one call: the type from the content alone) — and reports
the mean absolute error, pass/fail agreement, rank correlation (Spearman) and category agreement for the
folds looked at while tuning ("seen"), the held-out folds, and the held-out ``set2/`` documents alone (never
tuned on by anyone). Folds come from ``benchmarks/folds.py``. Per-document rows are printed for the seen
folds only: a held-out document's score is not shown unless ``--show-held-out`` asks for it (which spends
the fold: say so in FIDELITY.md and rotate ``folds.HELD_OUT``). ``--write`` puts the same in FIDELITY.md.

``--fresh DIR`` measures documents judged since (DIR holds them and a ``judgements.json`` in the same
form): all of them unseen, aggregates only, never a document's row. ``--against REV`` lints them with the
code of a git revision too, side by side, so a change can be kept or reverted on documents nobody tuned it on.

    python benchmarks/fidelity.py [--corpus DIR] [--seen-only | --show-held-out | --write]
    python benchmarks/fidelity.py --fresh DIR [--against REV]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import folds  # noqa: E402 - the sibling module, importable once its folder is on the path
from same_output import RUN, export  # noqa: E402 - the code of a revision, run from its own export

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = folds.DEFAULT_CORPUS
CATEGORIES = ("customer", "expectations", "risks", "technical", "relationship", "actions")
THRESHOLD = 70


def lint_many(paths: list[Path], handoff_type: str | None, code: Path = ROOT) -> dict[str, dict]:
    """One CLI run over ``paths`` with the code in ``code`` (this checkout, or a revision's export; never
    whichever handoff-lint is on PATH): resolved path → its JSON result."""
    command = [sys.executable, "-c", RUN, "check", "--format", "json", "--no-cache", "--exit-zero"]
    command += [*(["--type", handoff_type] if handoff_type else []), *map(str, paths)]
    done = subprocess.run(
        command, capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": str(code)}
    )
    if done.returncode != 0:  # its message may name a document: say only that it failed
        sys.exit(f"handoff-lint exited {done.returncode} on the judged documents (run it by hand to see why)")
    return {str(Path(result["path"]).resolve()): result for result in json.loads(done.stdout)["files"]}


def ranks(values: list[float]) -> list[float]:
    """Average ranks (ties share their mean rank), for Spearman's correlation."""
    order = sorted(range(len(values)), key=values.__getitem__)
    result = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            result[order[position]] = (start + end) / 2 + 1
        start = end + 1
    return result


def spearman(a: list[float], b: list[float]) -> float | None:
    if len(set(a)) < 2 or len(set(b)) < 2:
        return None
    return statistics.correlation(ranks(a), ranks(b))


def letter(status: str | None) -> str:
    return {"complete": "C", "partial": "P", "missing": "M"}.get(status or "", "-")


def lint_corpus(corpus: Path, items: list[dict], code: Path = ROOT) -> list[dict]:
    """Each judged item with the tool's typed and untyped results beside it."""
    by_type: dict[str, list[Path]] = {}
    for item in items:
        by_type.setdefault(item["type"], []).append(corpus / item["file"])
    typed: dict[str, dict] = {}
    for handoff_type, paths in sorted(by_type.items()):
        typed.update(lint_many(paths, handoff_type, code))
    untyped = lint_many([corpus / item["file"] for item in items], None, code)
    rows = []
    for item in items:
        key = str((corpus / item["file"]).resolve())
        rows.append({**item, "typed": typed[key], "untyped": untyped[key]})
    return rows


def figures(rows: list[dict]) -> dict[str, str]:
    """The four figures (and type from content) over ``rows``; aggregates only."""
    if not rows:
        return {}
    tool = [row["typed"]["score"] for row in rows]
    theirs = [row["score"] for row in rows]
    verdicts = sum(row["typed"]["passed"] == (row["score"] >= THRESHOLD) for row in rows)  # errors count
    agree = sum(
        row["typed"]["categories"].get(key, {}).get("status") == row["reviewer_a"]["categories"][key]
        for row in rows
        for key in CATEGORIES
    )
    total = len(rows) * len(CATEGORIES)
    detected = sum(row["untyped"]["type"] == row["type"] for row in rows)
    rho = spearman(tool, theirs)
    return {
        "documents": str(len(rows)),
        "mean absolute error": f"{statistics.fmean(abs(a - b) for a, b in zip(tool, theirs, strict=True)):.1f}",
        "same pass/fail": f"{verdicts}/{len(rows)} = {verdicts / len(rows):.0%}",
        "rank correlation (Spearman)": "—" if rho is None else f"{rho:.2f}",
        "category agreement": f"{agree}/{total} = {agree / total:.0%}",
        "type from content": f"{detected}/{len(rows)}",
    }


def document_row(row: dict) -> str:
    typed, untyped = row["typed"], row["untyped"]
    theirs = row["reviewer_a"]["categories"]
    mine = {key: typed["categories"].get(key, {}).get("status") for key in CATEGORIES}
    cats = " ".join(f"{letter(mine[k])}{'' if mine[k] == theirs[k] else '/' + letter(theirs[k])}" for k in CATEGORIES)
    return (
        f"| {row['fold']} | {row['file']} | {row['type']} | {row['score']} | {typed['score']} "
        f"{'PASS' if typed['passed'] else 'FAIL'} | {cats} | "
        f"{untyped['type'] or 'unknown'} ({untyped['type_source'] or '—'}) |"
    )


def measure(corpus: Path, show_held_out: bool = False, seen_only: bool = False) -> str:
    items = folds.judgements(corpus)
    fold_of = folds.assign(items)
    if seen_only:  # between checkpoints: held-out documents are not even linted
        items = [item for item in items if fold_of[item["file"]] not in folds.HELD_OUT]
    rows = [{**row, "fold": fold_of[row["file"]]} for row in lint_corpus(corpus, items)]
    seen = [row for row in rows if row["fold"] not in folds.HELD_OUT]
    held = [row for row in rows if row["fold"] in folds.HELD_OUT]
    groups = {
        "seen folds": seen,
        "held-out folds": held,
        "held-out set2 only": [row for row in held if row["file"].startswith("set2/")],
        "all": rows,
    }
    if seen_only:
        groups = {"seen folds": seen}
    summary = {name: figures(group) for name, group in groups.items()}
    measures = list(next(iter(summary.values())))
    table = [
        "| measure | " + " | ".join(groups) + " |",
        "|---|" + "---|" * len(groups),
        *(f"| {m} | " + " | ".join(summary[name].get(m, "—") for name in groups) + " |" for m in measures),
    ]
    shown = rows if show_held_out else seen
    documents = [
        "| fold | document | reviewed type | reviewers | handoff-lint | categories (tool/reviewers where they differ) "
        "| type without --type |",
        "|---|---|---|---|---|---|---|",
        *(document_row(row) for row in sorted(shown, key=lambda r: (r["fold"], r["file"]))),
    ]
    note = f"\n\nPer-document rows: seen folds only ({len(held)} held-out documents not shown)."
    note = "" if show_held_out or seen_only else note
    return "\n".join(table) + "\n\n" + "\n".join(documents) + note


def measure_fresh(corpus: Path, against: str | None = None) -> str:
    """Figures on documents judged since the folds were dealt: all unseen, so aggregates only."""
    try:
        items = folds.judgements(corpus)
    except json.JSONDecodeError as error:
        sys.exit(f"{corpus}/judgements.json:{error.lineno}:{error.colno}: not JSON ({error.msg})")
    except (KeyError, TypeError, AttributeError):
        sys.exit(f"{corpus}/judgements.json: not a list of judged documents, each with its 'file'")
    if not items:
        sys.exit(f"no judgements.json with documents in {corpus}")
    if missing := sum(not (corpus / item["file"]).is_file() for item in items):
        sys.exit(f"{missing} document(s) named in judgements.json are not in {corpus}")
    columns = {"this tree": figures(lint_corpus(corpus, items))}
    if against:
        with tempfile.TemporaryDirectory() as scratch:
            try:
                code = export(against, Path(scratch) / "code")
            except subprocess.CalledProcessError:
                sys.exit(f"no revision {against!r} in this clone (a shallow clone: git fetch --unshallow)")
            columns[against] = figures(lint_corpus(corpus, items, code))
    rows = [f"| {m} | " + " | ".join(c[m] for c in columns.values()) + " |" for m in columns["this tree"]]
    header = ["| fresh documents | " + " | ".join(columns) + " |", "|---|" + "---|" * len(columns)]
    return "\n".join(header + rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show-held-out", action="store_true", help="also print held-out documents' rows")
    parser.add_argument("--write", action="store_true", help="update the results block of benchmarks/FIDELITY.md")
    parser.add_argument(
        "--seen-only", action="store_true", help="lint and report the seen folds only (between checkpoints)"
    )
    parser.add_argument("--fresh", type=Path, metavar="DIR", help="documents judged since: aggregates only")
    parser.add_argument("--against", metavar="REV", help="with --fresh: the code of this git revision beside")
    args = parser.parse_args()
    if args.against and not args.fresh:
        parser.error("--against compares on fresh documents only (--fresh DIR): the development set's folds are spent")
    if args.fresh:
        if args.write or args.show_held_out or args.seen_only or args.corpus != DEFAULT_CORPUS:
            parser.error("--fresh reports aggregates alone; it cannot be combined with other options")
        print(measure_fresh(args.fresh, args.against))
        return
    if args.write and args.show_held_out:
        parser.error("--write never publishes held-out rows; drop --show-held-out")
    if args.seen_only and (args.write or args.show_held_out):
        parser.error("--seen-only reports the seen folds alone; it cannot be combined with --write or --show-held-out")
    report = measure(args.corpus, args.show_held_out, args.seen_only)
    print("Categories in order: customer, expectations, risks, technical, relationship, actions (C/P/M).")
    print(report)
    if args.write:
        target = HERE / "FIDELITY.md"
        text = target.read_text(encoding="utf-8")
        start, end = "<!-- results -->", "<!-- /results -->"
        before, _, rest = text.partition(start)
        _, _, after = rest.partition(end)
        target.write_text(f"{before}{start}\n{report}\n{end}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
