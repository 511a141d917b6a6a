"""The result cache: a re-run over unchanged handoffs costs little more than reading them.

One JSON file, ``.handoff-lint-cache/results.json`` beside the config (or in the working
directory), maps each path to the digest of its content and its result. The file carries a
fingerprint of everything else a result depends on — handoff-lint's version and source, the
effective configuration, the type definitions, ``--type`` — and a cache with another fingerprint,
or one that does not parse, is ignored and replaced: never trusted. The folder ignores itself
in git (a ``.gitignore`` containing ``*``), as ruff's cache does.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import lru_cache
from pathlib import Path

from handoff_lint import __version__
from handoff_lint.files.safe_io import own_folder, read_own_file, write_own_file
from handoff_lint.model.categories import CategoryScore, Coverage
from handoff_lint.model.findings import Finding, Severity

_SEVERITIES = {severity.value: severity for severity in Severity}  # a dict lookup: Severity(x) is slow
CACHE_DIR = ".handoff-lint-cache"
CACHE_FILE = "results.json"
MAX_CACHE_BYTES = 256 * 1024 * 1024  # about 200,000 results; a bigger file is not ours: ignored
# 7: no verdict stored (scoring/verdict.py decides it for each run); 8: findings keep their fix hint; 9: draft;
# 10: every finding's rule is named (from the file's "names"); 11: no threshold (applied after the cache)
FORMAT = 11


def cache_key(real: str, root: Path, config_type: str | None = None) -> str:
    """Where the file really is (its real path), relative to the config's folder, and the type the
    config's ``types`` globs give the path it was named by: besides the bytes (the digest), all a
    result depends on. The same relative path typed from two folders, or a symlink alias typed by
    another glob than its target, must not share an entry."""
    base = str(root).rstrip(os.sep) + os.sep
    key = real[len(base) :] if real.startswith(base) else real
    return f"{key}\0{config_type}" if config_type else key


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]  # sha256 is hardware-accelerated on most CPUs


@lru_cache(maxsize=1)
def source_fingerprint() -> str:
    """This installation's code: each source's size and modification time. An edited checkout must not
    reuse old results, and a cache file committed to a repository cannot carry it (the times are this
    machine's), so it is never taken for ours."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    package = Path(__file__).resolve().parent.parent  # handoff_lint/
    for source in sorted(package.rglob("*.py")):
        stat = source.stat()
        digest.update(f"{source.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


# Settings no result depends on: the threshold is applied to results after the cache (scoring/verdict.py),
# so a run with another --threshold reads every result from it.
NOT_IN_RESULTS = frozenset({"source", "threshold"})


def fingerprint(config, types, forced_type: str | None) -> str:
    """Everything besides a file's own bytes that its result depends on."""
    digest = hashlib.blake2b(source_fingerprint().encode(), digest_size=16)
    settings = {k: v for k, v in vars(config).items() if k not in NOT_IN_RESULTS}
    digest.update(repr(sorted(settings.items(), key=lambda item: item[0])).encode())
    for name in sorted(types):
        path = types[name].path
        digest.update(name.encode() + (path.read_bytes() if path and path.is_file() else b""))
    digest.update(f"{__version__}:{FORMAT}:{forced_type}".encode())
    return digest.hexdigest()


class ResultCache:
    def __init__(self, root: Path, fingerprint: str, subfolder: str = ""):
        """The cache in ``root/.handoff-lint-cache`` (``/subfolder``, when given)."""
        self.root = root
        self.parts = (CACHE_DIR, subfolder) if subfolder else (CACHE_DIR,)
        self.fingerprint = fingerprint
        self.entries: dict[str, dict] = {}
        self.names: dict[str, str] = {}  # rule code -> name, for every finding stored: kept once, not per finding
        self.changed = False
        self._load()

    def _load(self) -> None:
        folder = own_folder(self.root, *self.parts)
        data = read_own_file(folder / CACHE_FILE, MAX_CACHE_BYTES) if folder is not None else None
        try:
            stored = json.loads(data) if data is not None else None
        except (ValueError, RecursionError):
            return  # no cache yet, a corrupt one or a link: start afresh
        if isinstance(stored, dict) and stored.get("fingerprint") == self.fingerprint:
            entries = stored.get("entries")
            if isinstance(entries, dict):
                self.entries = entries
            names = stored.get("names")
            if isinstance(names, dict):
                self.names = {k: v for k, v in names.items() if isinstance(v, str)}

    def get(self, key: str, digest: str, lines_of, path: str | None = None):
        """The cached FileResult for ``key`` with this content, or None; its path is ``path`` (else ``key``)."""
        entry = self.entries.get(key)
        if not isinstance(entry, list) or len(entry) != 3 or entry[0] != digest:
            return None
        try:  # each result is kept as JSON text and decoded only when used
            return _decode(path or key, json.loads(entry[1]), entry[2], lines_of, self.names)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # a damaged entry is a miss

    def put(self, key: str, digest: str, result) -> None:
        self.entries[key] = [digest, _compact(_encode(result)), _compact(_profile(result))]
        self.names.update((f.code, f.rule) for f in result.findings)
        self.changed = True

    def save(self) -> None:
        """Write atomically; a cache that cannot be written is skipped silently.

        The folder comes with the repository, so a pull request can commit it: a folder, a
        ``.gitignore`` or a ``results.json`` that is a symlink (or anything but a plain file) is
        never written through (files/safe_io.py); no temporary file is left behind.
        """
        if not self.changed:
            return
        folder = own_folder(self.root, *self.parts, create=True)
        target = folder / CACHE_FILE if folder is not None else None
        if target is None or os.path.lexists(target) and (target.is_symlink() or not target.is_file()):
            return  # not ours to write: leave no .gitignore behind either
        ignore = folder / ".gitignore"
        if not os.path.lexists(ignore):
            write_own_file(folder, ".gitignore", b"# Created by handoff-lint.\n*\n")
        payload = {"fingerprint": self.fingerprint, "entries": self.entries, "names": self.names}
        write_own_file(folder, CACHE_FILE, json.dumps(payload, separators=(",", ":")).encode())


def _compact(value) -> str:
    return json.dumps(value, separators=(",", ":"))


def _encode(result) -> dict:
    return {
        "type": result.type_name,
        "source": result.type_source,
        "score": result.score,
        "findings": [
            [f.code, f.message, f.line, f.column, f.severity.value, f.section, f.hint] for f in result.findings
        ],
        "suppressed": result.suppressed,
        "draft": result.draft,
    }


def _profile(result) -> list:
    """Category and section statuses: the same few combinations recur across thousands of files."""
    return [{k: [c.status, c.points, c.found, c.missing] for k, c in result.categories.items()}, result.sections]


@lru_cache(maxsize=1024)
def _decode_profile(text: str) -> tuple[dict, dict]:
    """Shared by every cached result with the same statuses; results never modify them."""
    categories, sections = json.loads(text)
    intern = sys.intern
    return (
        {
            intern(k): CategoryScore(intern(k), Coverage(status), points, tuple(found), tuple(missing))
            for k, (status, points, found, missing) in categories.items()
        },
        {intern(k): Coverage(v) for k, v in sections.items()},
    )


def _decode(path: str, raw: dict, profile: str, lines_of, names: dict[str, str]):
    from handoff_lint.model.results import FileResult, finding_lines

    intern = sys.intern  # codes, keys and statuses repeat across thousands of results
    categories, sections = _decode_profile(profile)
    findings = tuple(
        Finding(
            intern(code),
            message,
            int(line),
            int(column),
            _SEVERITIES[severity],
            section and intern(section),
            hint,
            names.get(code, ""),
        )
        for code, message, line, column, severity, section, hint in raw["findings"]
    )
    return FileResult(
        path=path,
        type_name=raw["type"] and intern(raw["type"]),
        type_source=intern(raw["source"]),
        score=raw["score"],
        findings=findings,
        categories=categories,
        sections=sections,
        suppressed=int(raw["suppressed"]),
        lines=finding_lines(lines_of(), findings) if findings else {},
        draft=bool(raw.get("draft", False)),
    )
