"""Regular expressions compiled on first use, not at import.

Compiling a large pattern costs a millisecond or more, and a module compiles all of its patterns when
it is imported, whether or not the run reaches them: a one-file check paid for patterns that only an
unusual line ever needs (issue 26, item 4). ``compile_on_use`` gives an object that behaves as the
compiled pattern for the methods the code calls; the first call compiles, and the compiled pattern's
bound methods are then kept on the object, so later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re

# What callers read from a pattern: the methods and the attributes of re.Pattern.
_ATTRIBUTES = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """A ``re.Pattern`` that compiles when one of its methods or attributes is first read."""

    def __init__(self, pattern: str, flags: int = 0):
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        if name.startswith("__") or name == "_source":  # copy and pickle probe for these: never compile
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:  # instance attributes now: __getattr__ is not called again
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"compile_on_use({self._source[0]!r}, {self._source[1]!r})"


def compile_on_use(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, done the first time the pattern is used."""
    return LazyPattern(pattern, flags)
