"""``--baseline REF``: each handoff's score as it was at the base, for score deltas and the ratchet.

The base is the merge base of HEAD and REF (a branch is judged on its own edits, not on what
landed on the base branch since). The old content is read from git, without a checkout, and
linted with today's configuration and rules, so a delta measures what the edit did to the
document. A renamed handoff is compared with its old path; a handoff that did not exist at the
base is new and has no delta.
"""

from __future__ import annotations

from dataclasses import dataclass

from handoff_lint.files.git import Repo


@dataclass(frozen=True)
class Baseline:
    ref: str  # as the user wrote it
    path: str | None  # the handoff's path at the base; None when it is new
    score: int | None  # None when new, or not scored at the base (unknown type, unreadable)

    @property
    def new(self) -> bool:
        return self.path is None


def baselines(results, repo: Repo, ref: str, linter) -> dict[str, Baseline]:
    """Each result's baseline, by its path (outcome.decide applies the ratchet)."""
    diff = repo.diff(ref)  # the same diff --changed-since read, when it was given the same ref
    base, changes = diff.base, diff.changes
    found: dict[str, Baseline] = {}
    for result in results:
        path = repo.to_repo(result.path)
        change = changes.get(path) if path else None
        old_path = change.old_path if change else path
        data = repo.read(base, old_path) if old_path else None
        if data is None:
            found[result.path] = Baseline(ref, None, None)
        else:
            shown = repo.from_repo(old_path)
            found[result.path] = Baseline(ref, shown, linter.lint(shown, data=data).score)
    return found
