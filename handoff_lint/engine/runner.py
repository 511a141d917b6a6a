"""Lint many files: results from the cache where the content is unchanged, the rest on
``--jobs`` worker processes. Results come back in the order of the input, whatever the number
of processes, so output is stable.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager

from handoff_lint.engine.cache import ResultCache, cache_key, content_digest, fingerprint
from handoff_lint.files.boundary import Fence, locate
from handoff_lint.files.source import decode_lines, raw_limit, read_bytes
from handoff_lint.model.results import share_strings

PARALLEL_MIN_FILES = 16  # below this, starting processes costs more than it saves
# Linting makes no reference cycles: over 2,000 generated files and the 884 handbook pages, the
# cycle collector freed nothing beyond what imports left. Yet with the default threshold (700) it
# walks every live object (caches, results) again and again: 13-16% of a run's CPU. So a run
# collects after this many new objects instead, a safety net rather than a habit.
RARE_COLLECTION = 100_000

_worker_linter = None  # the Linter of a worker process
_worker_hashed = False  # whether it hashes what it lints (for the cache)


class LintFailure(Exception):
    """An unexpected exception while linting ``path`` (re-raised by the CLI as exit 2)."""

    def __init__(self, path: str, message: str):
        super().__init__(message)
        self.path = path


def lint_files(paths, config, types, forced_type=None, jobs: int = 0, use_cache: bool = True, progress=None):
    """FileResults for ``paths``, in order. ``progress(n)`` is told of every ``n`` files done."""
    progress = progress or (lambda done: None)
    jobs = jobs or os.cpu_count() or 1
    cache = ResultCache(config.root, fingerprint(config, types, forced_type)) if use_cache else None
    fence = Fence(config.root)
    typed = _glob_typer(config)
    results: list = [None] * len(paths)
    pending: list[tuple[int, str, str | None]] = []  # (index, path, cache key)
    for index, path in enumerate(paths):
        key = None
        located = locate(path) if cache is not None else None
        if located is not None and not fence.refusal(path, located):
            key = cache_key(located[1], config.root, typed(path))
            # Not kept: ten thousand files' bytes would be the run's largest cost.
            data = read_bytes(path, raw_limit(config.max_file_bytes))
            digest = content_digest(data) if data is not None else None
            hit = cache.get(key, digest, lambda data=data: decode_lines(data) or [], path) if digest else None
            if hit is not None:  # the cache interns its strings as it decodes
                results[index] = hit
                continue
        pending.append((index, path, key))
    progress(len(paths) - len(pending))
    if pending:
        with rare_collections():
            _lint_pending(pending, results, cache, config, types, forced_type, jobs, progress)
    if cache is not None:
        cache.save()
    return results


def _glob_typer(config):
    """``path -> the type the config's types globs give it`` (part of its cache key); a warm run
    without globs never imports handoff_types/resolve.py."""
    if not config.types:
        return lambda path: None
    from handoff_lint.handoff_types.resolve import config_type

    return lambda path: config_type(path, config.types, config.root)


@contextmanager
def rare_collections():
    """Collect cycles rarely while linting (see RARE_COLLECTION), then restore the caller's settings.

    Every run of ``lint_files`` lints inside it; benchmarks/run.py times single pages inside it too."""
    before = gc.get_threshold()
    gc.freeze()  # what start-up made (modules, types, compiled patterns) is never walked again
    gc.set_threshold(RARE_COLLECTION, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _lint_pending(pending, results, cache, config, types, forced_type, jobs, progress) -> None:
    """Lint what the cache did not answer, on ``jobs`` processes, into ``results`` and the cache."""
    work = [path for _index, path, _key in pending]
    hashed = cache is not None
    if jobs > 1 and len(work) >= PARALLEL_MIN_FILES:
        fresh = _parallel(work, config, forced_type, jobs, hashed, progress)
    else:
        from handoff_lint.engine.linter import Linter  # only when something is linted: a warm run never imports it

        linter = Linter(config, types, forced_type)
        fresh = []
        for path in work:
            fresh.append(_lint_one(linter, path, hashed))
            progress(1)
    for (index, _path, key), outcome in zip(pending, fresh, strict=True):
        if isinstance(outcome, LintFailure):
            raise outcome
        digest, result = outcome
        result = share_strings(result)  # one copy of each code, key and status
        results[index] = result
        if cache is not None and key is not None and digest is not None:
            cache.put(key, digest, result)  # the digest of the very bytes that were linted


def _lint_one(linter, path: str, hashed: bool):
    """(digest of the bytes linted or None, result): the linter reads exactly the bytes that were hashed,
    so a file changed in between can never store one content's result under another's digest."""
    try:
        digest = data = None
        if hashed and not linter.fence.refusal(path):
            data = read_bytes(path, raw_limit(linter.config.max_file_bytes))
            digest = content_digest(data) if data is not None else None
        return digest, linter.lint(path, data)
    except Exception as exc:  # reported by the CLI with the file's name
        failure = LintFailure(path, f"{type(exc).__name__}: {exc}")
        failure.__cause__ = exc  # keeps the traceback for --debug (in this process)
        return failure


def _parallel(work, config, forced_type, jobs: int, hashed: bool, progress):
    from handoff_lint.engine.workers import worker_pool

    chunk = max(1, len(work) // (jobs * 8))
    initargs = (config, forced_type, hashed)
    results = []
    with worker_pool(jobs, _init_worker, initargs) as pool:
        for result in pool.map(_work, work, chunksize=chunk):
            results.append(result)
            progress(1)
    return results


def _init_worker(config, forced_type, hashed: bool) -> None:
    global _worker_linter, _worker_hashed
    from handoff_lint.engine.linter import Linter
    from handoff_lint.handoff_types.definitions import load_types

    _worker_linter = Linter(config, load_types(config.schema_dirs), forced_type)
    _worker_hashed = hashed
    gc.freeze()  # a worker lives for the run: its start-up objects are never walked again
    gc.set_threshold(RARE_COLLECTION, *gc.get_threshold()[1:])


def _work(path: str):
    return _lint_one(_worker_linter, path, _worker_hashed)
