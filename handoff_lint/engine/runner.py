"""Lint many files: the one engine behind ``check``, ``--baseline`` and ``report --history``.

``lint_many`` lints Sources (files on disk, or bytes from git shown under a path) with one
configuration: in this process, or on ``--jobs`` worker processes (engine/workers.py) once a batch
is large enough to be worth them. It takes the sources lazily and holds at most BATCH_BYTES of their
bytes at once, and yields the results in the order of the sources, whatever the number of processes,
so output is stable. ``lint_files`` is ``check``'s run over paths: results from the cache where the
content is unchanged, the rest through ``lint_many``.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager

from handoff_lint.files.boundary import Boundary, locate
from handoff_lint.files.source import Source, decode_lines, raw_limit, read_bytes
from handoff_lint.model.results import share_strings

PARALLEL_MIN_FILES = 16  # below this, starting processes costs more than it saves
BATCH_BYTES = 16 * 1024 * 1024  # sources' bytes held at once (old versions from git); a path holds none
# Linting makes no reference cycles: over 2,000 generated files and the 884 handbook pages, the
# cycle collector freed nothing beyond what imports left. Yet with the default threshold (700) it
# walks every live object (caches, results) again and again: 13-16% of a run's CPU. So a run
# collects after this many new objects instead, a safety net rather than a habit.
RARE_COLLECTION = 100_000

_worker_linter = None  # the Linter of a worker process
_worker_hashed = False  # whether it hashes what it reads from disk (for the cache)


class LintFailure(Exception):
    """An unexpected exception while linting ``path`` (re-raised by the CLI as exit 2)."""

    def __init__(self, path: str, message: str):
        super().__init__(message)
        self.path = path


def lint_files(paths, config, types, forced_type=None, jobs: int = 0, use_cache: bool = True, progress=None):
    """FileResults for ``paths``, in order. ``progress(n)`` is told of every ``n`` files done."""
    progress = progress or _nothing
    cache = stored = None
    if use_cache:  # --no-cache never imports the cache (hashlib, json, the atomic writes)
        from handoff_lint.engine import cache as stored

        cache = stored.ResultCache(config.root, stored.fingerprint(config, types, forced_type))
    boundary = Boundary(config.root)
    typed = _glob_typer(config)
    results: list = [None] * len(paths)
    pending: list[tuple[int, str, str | None]] = []  # (index, path, cache key)
    for index, path in enumerate(paths):
        key = None
        located = locate(path) if cache is not None else None
        if located is not None and not boundary.refusal(path, located):
            key = stored.cache_key(located[1], config.root, typed(path))
            # Not kept: ten thousand files' bytes would be the run's largest cost.
            data = read_bytes(path, raw_limit(config.max_file_bytes))
            digest = stored.content_digest(data) if data is not None else None
            hit = cache.get(key, digest, lambda data=data: decode_lines(data) or [], path) if digest else None
            if hit is not None:  # the cache interns its strings as it decodes
                results[index] = hit
                continue
        pending.append((index, path, key))
    progress(len(paths) - len(pending))
    if pending:
        sources = [Source(path) for _index, path, _key in pending]
        linted = lint_many(sources, config, types, forced_type, jobs, hashed=cache is not None, progress=progress)
        for (index, _path, key), (_source, digest, result) in zip(pending, linted, strict=True):
            result = share_strings(result)  # one copy of each code, key and status
            results[index] = result
            if cache is not None and key is not None and digest is not None:
                cache.put(key, digest, result)  # the digest of the very bytes that were linted
    if cache is not None:
        cache.save()
    return results


def lint_many(
    sources: Iterable[Source],
    config,
    types,
    forced_type: str | None = None,
    jobs: int = 0,
    hashed: bool = False,
    progress=None,
) -> Iterator[tuple[Source, str | None, object]]:
    """``(source, digest, FileResult)`` for each of ``sources``, one each and in their order.

    ``sources`` is read lazily, at most BATCH_BYTES of held bytes ahead of the linting (one source when
    ``jobs`` is 1), so a generator that reads old versions one at a time keeps memory bounded. A batch of
    PARALLEL_MIN_FILES or more goes to ``jobs`` worker processes (0: one per core), started once for the run.
    ``digest``: with ``hashed``, the digest of the bytes a file on disk held when it was linted (for the
    cache), else None. The first source whose linting raised stops the run with a LintFailure naming it,
    after the results before it were yielded; so does one whose worker process died."""
    progress = progress or _nothing
    jobs = jobs or os.cpu_count() or 1
    linter = None
    with rare_collections(), ExitStack() as stack:
        pool = _Pool(stack, jobs, (config, forced_type, hashed))
        for batch in _batches(sources) if jobs > 1 else ([source] for source in sources):  # one process: one at a time
            if jobs > 1 and len(batch) >= PARALLEL_MIN_FILES:
                outcomes = pool.outcomes(batch)
            else:
                if linter is None:
                    from handoff_lint.engine.linter import Linter  # a warm run never imports it

                    linter = Linter(config, types, forced_type)
                outcomes = (_lint_one(linter, source, hashed) for source in batch)
            for source, outcome in zip(batch, outcomes, strict=True):
                if isinstance(outcome, LintFailure):
                    raise outcome
                progress(1)
                yield source, *outcome


def _nothing(done: int) -> None:
    """The progress callback of a run that shows none."""


def _batches(sources: Iterable[Source]) -> Iterator[list[Source]]:
    """Lists of sources holding about BATCH_BYTES between them (paths on disk hold nothing: one batch)."""
    batch, held = [], 0
    for source in sources:
        batch.append(source)
        held += source.held
        if held >= BATCH_BYTES:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


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

    Every run of ``lint_many`` lints inside it; benchmarks/run.py times single pages inside it too."""
    before = gc.get_threshold()
    gc.freeze()  # what start-up made (modules, types, compiled patterns) is never walked again
    gc.set_threshold(RARE_COLLECTION, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _lint_one(linter, source: Source, hashed: bool):
    """(digest of the bytes linted or None, result): the linter reads exactly the bytes that were hashed,
    so a file changed in between can never store one content's result under another's digest."""
    try:
        digest, data = None, source.data
        if source.too_large:  # never read: as many bytes as make the linter say so, allocated but untouched
            data = bytes(raw_limit(linter.config.max_file_bytes) + 1)
        elif data is None and hashed and not linter.boundary.refusal(source.path):
            from handoff_lint.engine.cache import content_digest  # hashed: the cache is in use

            data = read_bytes(source.path, raw_limit(linter.config.max_file_bytes))
            digest = content_digest(data) if data is not None else None
        return digest, linter.lint(source.path, data)
    except Exception as exc:  # reported by the CLI with the file's name
        failure = LintFailure(source.path, f"{type(exc).__name__}: {exc}")
        failure.__cause__ = exc  # keeps the traceback for --debug (in this process)
        return failure


class _Pool:
    """The run's worker processes: started for its first large batch, kept for the others."""

    def __init__(self, stack: ExitStack, jobs: int, initargs: tuple):
        self.stack, self.jobs, self.initargs = stack, jobs, initargs
        self.pool = None

    def outcomes(self, batch: list[Source]) -> Iterator:
        """The outcomes of ``batch``, in order. When a worker process dies (a crash, the kernel's
        out-of-memory killer) the pool is broken and cannot say which file it was linting: the rest of
        the batch is linted again one file at a time in a pool of one worker, so the file that kills a
        worker is the one named. When none does, the run goes on with every result (and a new pool)."""
        from concurrent.futures.process import BrokenProcessPool  # with the pool: a serial run never imports it

        from handoff_lint.engine.workers import worker_pool

        if self.pool is None:
            self.pool = self.stack.enter_context(worker_pool(self.jobs, _init_worker, self.initargs))
        done = 0
        try:
            for outcome in self.pool.map(_work, batch, chunksize=max(1, len(batch) // (self.jobs * 8))):
                yield outcome
                done += 1
        except BrokenProcessPool:
            self.pool = None
            with worker_pool(1, _init_worker, self.initargs) as alone:
                for source in batch[done:]:
                    try:
                        outcome = alone.submit(_work, source).result()
                    except BrokenProcessPool:
                        yield LintFailure(source.path, "the worker process linting it died (a crash, or out of memory)")
                        return
                    yield outcome


def _init_worker(config, forced_type, hashed: bool) -> None:
    global _worker_linter, _worker_hashed
    from handoff_lint.engine.linter import Linter
    from handoff_lint.handoff_types.definitions import load_types

    _worker_linter = Linter(config, load_types(config.schema_dirs), forced_type)
    _worker_hashed = hashed
    gc.freeze()  # a worker lives for the run: its start-up objects are never walked again
    gc.set_threshold(RARE_COLLECTION, *gc.get_threshold()[1:])


def _work(source: Source):
    return _lint_one(_worker_linter, source, _worker_hashed)
