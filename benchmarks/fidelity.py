"""How closely handoff-lint's score matches careful reviewers on the judged development set.

Runs the installed CLI over ``../shared/corpus/judged/`` twice — with each document's reviewed type,
and without ``--type`` (type from the document alone) — and prints, per document, the tool's and
the reviewers' score and six category ratings, then the mean absolute error, pass/fail agreement,
rank correlation (Spearman) and category agreement. ``--write`` puts the same in FIDELITY.md.

    python benchmarks/fidelity.py [--corpus DIR] [--write]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "judged"
CATEGORIES = ("customer", "expectations", "risks", "technical", "relationship", "actions")
THRESHOLD = 70


def lint(path: Path, handoff_type: str | None) -> dict:
    command = ["handoff-lint", "--format", "json", "--no-cache", str(path)]
    if handoff_type:
        command[1:1] = ["--type", handoff_type]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"handoff-lint failed on {path}: {done.stderr.strip()}")
    return json.loads(done.stdout)["files"][0]


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


def spearman(a: list[float], b: list[float]) -> float:
    return statistics.correlation(ranks(a), ranks(b))


def letter(status: str | None) -> str:
    return {"complete": "C", "partial": "P", "missing": "M"}.get(status or "", "-")


def measure(corpus: Path) -> tuple[list[str], dict]:
    judgements = json.loads((corpus / "judgements.json").read_text(encoding="utf-8"))
    rows, tool_scores, their_scores = [], [], []
    agree = total = verdicts = detected = 0
    for item in judgements:
        typed = lint(corpus / item["file"], item["type"])
        untyped = lint(corpus / item["file"], None)
        theirs = item["reviewer_a"]["categories"]
        mine = {key: typed["categories"].get(key, {}).get("status") for key in CATEGORIES}
        agree += sum(mine[k] == theirs[k] for k in CATEGORIES)
        total += len(CATEGORIES)
        verdicts += typed["passed"] == (item["score"] >= THRESHOLD)  # the tool's verdict, errors included
        detected += untyped["type"] == item["type"]
        tool_scores.append(typed["score"])
        their_scores.append(item["score"])
        cats = " ".join(
            f"{letter(mine[k])}{'' if mine[k] == theirs[k] else '/' + letter(theirs[k])}" for k in CATEGORIES
        )
        rows.append(
            f"| {item['file']} | {item['type']} | {item['score']} | {typed['score']} "
            f"{'PASS' if typed['passed'] else 'FAIL'} | {cats} | "
            f"{untyped['type'] or 'unknown'} ({untyped['type_source'] or '—'}) |"
        )
    differences = [abs(a - b) for a, b in zip(tool_scores, their_scores, strict=True)]
    summary = {
        "documents": len(judgements),
        "mean absolute error": round(statistics.fmean(differences), 1),
        "same pass/fail": f"{verdicts}/{len(judgements)}",
        "rank correlation (Spearman)": round(spearman(tool_scores, their_scores), 2),
        "category agreement": f"{agree}/{total} = {agree / total:.0%}",
        "type detected from content": f"{detected}/{len(judgements)}",
    }
    return rows, summary


def render(rows: list[str], summary: dict) -> str:
    header = [
        "| document | reviewed type | reviewers | handoff-lint | categories (tool/reviewers where they differ) | "
        "type without --type |",
        "|---|---|---|---|---|---|",
    ]
    lines = ["| measure | result |", "|---|---|"] + [f"| {k} | {v} |" for k, v in summary.items()]
    return "\n".join(header + rows + ["", *lines])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--write", action="store_true", help="update the results block of benchmarks/FIDELITY.md")
    args = parser.parse_args()
    rows, summary = measure(args.corpus)
    table = render(rows, summary)
    print("Categories in order: customer, expectations, risks, technical, relationship, actions (C/P/M).")
    print(table)
    if args.write:
        target = HERE / "FIDELITY.md"
        text = target.read_text(encoding="utf-8")
        start, end = "<!-- results -->", "<!-- /results -->"
        before, _, rest = text.partition(start)
        _, _, after = rest.partition(end)
        target.write_text(f"{before}{start}\n{table}\n{end}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
