"""Lint many files: results from the cache where the content is unchanged, the rest on
``--jobs`` worker processes. Results come back in the order of the input, whatever the number
of processes, so output is stable.
"""

from __future__ import annotations

import os
from pathlib import Path

from .cache import CACHE_DIR, ResultCache, content_digest, fingerprint
from .linter import Linter
from .parser import MAX_FILE_BYTES

PARALLEL_MIN_FILES = 16  # below this, starting processes costs more than it saves

_worker_linter: Linter | None = None


class LintFailure(Exception):
    """An unexpected exception while linting ``path`` (re-raised by the CLI as exit 2)."""

    def __init__(self, path: str, message: str):
        super().__init__(message)
        self.path = path


def lint_files(paths, config, types, forced_type=None, jobs: int = 0, use_cache: bool = True):
    """FileResults for ``paths``, in order."""
    jobs = jobs or os.cpu_count() or 1
    cache = ResultCache(config.root / CACHE_DIR, fingerprint(config, types, forced_type)) if use_cache else None
    results: list = [None] * len(paths)
    pending: list[tuple[int, str, bytes | None, str | None]] = []
    for index, path in enumerate(paths):
        data = _read(path)
        digest = content_digest(data) if data is not None else None
        if cache is not None and digest is not None:
            hit = cache.get(path, digest, lambda data=data: _lines(data))
            if hit is not None:
                results[index] = hit
                continue
        pending.append((index, path, data, digest))
    if pending:
        work = [(path, data) for _index, path, data, _digest in pending]
        if jobs > 1 and len(work) >= PARALLEL_MIN_FILES:
            fresh = _parallel(work, config, forced_type, jobs)
        else:
            linter = Linter(config, types, forced_type)
            fresh = [_lint_one(linter, path, data) for path, data in work]
        for (index, path, _data, digest), result in zip(pending, fresh, strict=True):
            if isinstance(result, LintFailure):
                raise result
            results[index] = result
            if cache is not None and digest is not None:
                cache.put(path, digest, result)
    if cache is not None:
        cache.save()
    return results


def _read(path: str) -> bytes | None:
    """The file's bytes, or None when it cannot be read or is too large (the linter reports why)."""
    try:
        if Path(path).stat().st_size > MAX_FILE_BYTES:
            return None
        with open(path, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None


def _lines(data: bytes) -> list[str]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return []
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _lint_one(linter: Linter, path: str, data: bytes | None):
    try:
        return linter.lint(path, data)
    except Exception as exc:  # reported by the CLI with the file's name
        failure = LintFailure(path, f"{type(exc).__name__}: {exc}")
        failure.__cause__ = exc  # keeps the traceback for --debug (in this process)
        return failure


def _parallel(work, config, forced_type, jobs: int):
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(work) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(config, forced_type)) as pool:
        return list(pool.map(_work, work, chunksize=chunk))


def _init_worker(config, forced_type) -> None:
    global _worker_linter
    from .handoff_types import load_types

    _worker_linter = Linter(config, load_types(config.schema_dirs), forced_type)


def _work(item):
    path, data = item
    return _lint_one(_worker_linter, path, data)
