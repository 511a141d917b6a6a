"""One parametrised test for a table of rows (argument, expected answer): the language helpers' tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest


def answers(function: Callable, table: Iterable[tuple[Any, Any]], read: Callable = lambda answer: answer):
    """A test with one case a row: ``read(function(argument))`` equals the row's answer and has its type,
    so a helper that answers ``1`` or ``"yes"`` where the table says ``True`` fails. Bind it to a
    ``test_…`` name in the module; the case ids are the rows' values, as with a plain parametrize."""

    @pytest.mark.parametrize(("argument", "expected"), table)
    def test(argument, expected):
        answer = read(function(argument))
        assert answer == expected and type(answer) is type(expected), f"{function.__name__}({argument!r}) -> {answer!r}"

    return test


def named_cases(names: str, table: dict[str, tuple]):
    """Parametrize over a table keyed by a case's description: the rows' values are the arguments
    ``names`` (comma separated) and the keys are the node ids, so a failure reads as the case's words."""
    return pytest.mark.parametrize(names, list(table.values()), ids=list(table))
