"""Worker processes that import nothing from the working folder.

The working folder is often a pull request's checkout. Where a pool starts its workers by
``spawn`` or ``forkserver`` (macOS; Linux from Python 3.14), each worker is a fresh
``python -c …`` whose ``sys.path`` starts with the working folder, so a committed
``multiprocessing.py`` would run before any of our code. Started isolated (``-I``), Python passes
``-I`` on to its workers; otherwise the workers get ``PYTHONSAFEPATH=1`` (3.11+), or are forked
(3.10, which has no safe path), so they never put the working folder on ``sys.path``.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager


def children_are_isolated() -> bool:
    """True when this interpreter already starts its workers without the working folder on sys.path."""
    return bool(sys.flags.isolated or getattr(sys.flags, "safe_path", False))


@contextmanager
def worker_pool(jobs: int, initializer, initargs: tuple):
    """A ProcessPoolExecutor whose workers (and their forkserver and resource tracker) start isolated."""
    context = None
    if not children_are_isolated() and sys.version_info < (3, 11) and "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")  # nothing is imported afresh in a forked worker
    before = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"  # read by each interpreter the pool starts (ignored under -I)
    try:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=initializer, initargs=initargs) as pool:
            yield pool
    finally:
        if before is None:
            os.environ.pop("PYTHONSAFEPATH", None)
        else:
            os.environ["PYTHONSAFEPATH"] = before
