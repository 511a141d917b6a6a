"""``--changed-since REF``: lint only the handoffs a branch added, modified or renamed.

The comparison is with the merge base of HEAD and REF, so changes made on the base branch
after the branch point are not the branch's. Deleted handoffs are ignored. A change to the
handoff-lint configuration or to the team's type definitions can break handoffs no one
touched, so then every handoff is linted and the run says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from handoff_lint.config.settings import Config, settings_in
from handoff_lint.files.git import Diff, Repo


@dataclass
class ChangedScope:
    repo: Repo
    diff: Diff
    everything: str | None = None  # why every handoff is linted, when it is

    def includes(self, path: str) -> bool:
        if self.everything:
            return True
        change = self.diff.changes.get(self.repo.to_repo(path) or "")
        return change is not None and change.status != "D"

    def changed_lines(self, path: str) -> frozenset[int]:
        change = self.diff.changes.get(self.repo.to_repo(path) or "")
        if change is None:
            return frozenset()
        return self.repo.changed_lines(self.diff.base, change)


def changed_scope(repo: Repo, ref: str, config: Config) -> ChangedScope:
    scope = ChangedScope(repo, repo.diff(ref))
    scope.everything = _rules_changed(scope, config)
    return scope


def _rules_changed(scope: ChangedScope, config: Config) -> str | None:
    """Why the settings that decide every handoff's result changed since the base, if they did."""
    if config.source is not None:
        path = scope.repo.to_repo(config.source)
        if path in scope.diff.changes:
            old = scope.repo.read(scope.diff.base, path)
            current = config.source.read_bytes()
            name = path.rsplit("/", 1)[-1]
            if old is None or settings_in(old, name) != settings_in(current, name):
                return f"the configuration ({path}) changed since {scope.diff.ref}"
    for folder in config.schema_dirs:
        prefix = scope.repo.to_repo(folder)
        if prefix is None:
            continue
        for change in scope.diff.changes.values():
            if any(p and (p + "/").startswith(prefix + "/") for p in (change.path, change.old_path)):
                return f"type definitions in {prefix} changed since {scope.diff.ref}"
    return None
