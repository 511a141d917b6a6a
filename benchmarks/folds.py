"""Cross-validation folds of the judged development set: by document, stratified by type, fixed seed.

Every document of ``tests/data/judged/`` (and ``set2/``) gets one of ``FOLDS`` folds: per type,
the documents sorted by path are shuffled with ``SEED`` and dealt round-robin, so each fold holds about
the same mix of types. Folds listed in ``HELD_OUT`` are the ones nobody opens while changing judges or
vocabulary; fidelity.py reports them apart from the folds that were looked at ("seen"). When a session
has looked at a held-out document, it says so in FIDELITY.md and the next session rotates ``HELD_OUT``.

    python benchmarks/folds.py          # print the assignment (file, type, fold, seen/held-out)
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent / "tests" / "data" / "judged"  # vendored: its LICENCE.md
FOLDS = 5
SEED = 2026
HELD_OUT = frozenset({3, 4})


def judgements(corpus: Path = DEFAULT_CORPUS) -> list[dict]:
    """Every judged document, its ``file`` made relative to ``corpus`` (``set2/d01-….md``)."""
    items = []
    for folder in (corpus, corpus / "set2"):
        listing = folder / "judgements.json"
        if listing.is_file():
            for item in json.loads(listing.read_text(encoding="utf-8")):
                items.append({**item, "file": (folder / item["file"]).relative_to(corpus).as_posix()})
    return items


def assign(items: list[dict], folds: int = FOLDS, seed: int = SEED) -> dict[str, int]:
    """File → fold: per type, sorted by file, shuffled with the seed, dealt round-robin (stratified)."""
    rng = random.Random(seed)
    by_type: dict[str, list[str]] = {}
    for item in items:
        by_type.setdefault(item["type"], []).append(item["file"])
    result, dealt = {}, 0
    for handoff_type in sorted(by_type):
        files = sorted(by_type[handoff_type])
        rng.shuffle(files)
        for file in files:
            result[file] = dealt % folds
            dealt += 1
    return result


def main() -> None:
    items = judgements()
    fold_of = assign(items)
    for item in sorted(items, key=lambda i: (fold_of[i["file"]], i["file"])):
        fold = fold_of[item["file"]]
        print(f"{fold}  {'held-out' if fold in HELD_OUT else 'seen    '}  {item['type']:<24} {item['file']}")


if __name__ == "__main__":
    main()
