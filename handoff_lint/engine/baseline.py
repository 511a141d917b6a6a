"""``--baseline REF``: each handoff's score as it was at the base, for score deltas and the ratchet.

The base is the merge base of HEAD and REF (a branch is judged on its own edits, not on what
landed on the base branch since). The old content is read from git, without a checkout, and
linted with today's configuration and rules, so a delta measures what the edit did to the
document. A renamed handoff is compared with its old path; a handoff that did not exist at the
base is new and has no delta.
"""

from __future__ import annotations

from dataclasses import dataclass

from handoff_lint.engine.runner import lint_many
from handoff_lint.files.git import Repo
from handoff_lint.files.source import Source, raw_limit


@dataclass(frozen=True)
class Baseline:
    ref: str  # as the user wrote it
    path: str | None  # the handoff's path at the base; None when it is new
    score: int | None  # None when new, or not scored at the base (unknown type, unreadable)

    @property
    def new(self) -> bool:
        return self.path is None


def baselines(results, repo: Repo, ref: str, config, types, forced_type=None, jobs: int = 0) -> dict[str, Baseline]:
    """Each result's baseline, by its path (scoring/verdict.decide applies the ratchet). The old versions are
    read one at a time, no more of each than ``check`` reads of a file, and linted by the engine that
    lints ``check``'s files (engine/runner.py), so the same bytes score the same."""
    diff = repo.diff(ref)  # the same diff --changed-since read, when it was given the same ref
    base, changes = diff.base, diff.changes
    limit = raw_limit(config.max_file_bytes)
    found: dict[str, Baseline] = {}
    linted: list[tuple[str, str]] = []  # (result's path, path at the base), in the order of the sources

    def old_versions():
        for result in results:
            path = repo.to_repo(result.path)
            change = changes.get(path) if path else None
            old_path = change.old_path if change else path
            data = repo.read(base, old_path, limit) if old_path else None
            if data is None:
                found[result.path] = Baseline(ref, None, None)
            else:
                linted.append((result.path, repo.from_repo(old_path)))
                yield Source(linted[-1][1], data)

    for index, (_source, _digest, old) in enumerate(lint_many(old_versions(), config, types, forced_type, jobs)):
        path, shown = linted[index]
        found[path] = Baseline(ref, shown, old.score)
    return {result.path: found[result.path] for result in results}
