"""Split YAML frontmatter off a Markdown document and load it safely, keeping line numbers.

Our own splitter rather than python-frontmatter: that library strips the body (losing the line
offset), returns ``{}`` silently for a BOM, an unclosed ``---`` or list frontmatter, and its libyaml
loader segfaults on deeply nested input. Here every refusal is a Problem with a line and column.

Safety, in order: a size cap; a nesting pre-scan before libyaml sees the text (deep flow
nesting crashes the C loader); one compose pass whose walk refuses aliases (an alias bomb is
cheap to load but explodes in anything that walks it, jsonschema included), caps node count
and depth, finds duplicate keys and records the position of every key; only then construct.
"""

from __future__ import annotations

import re

import yaml

from handoff_lint.model.document import Frontmatter, escape_pointer
from handoff_lint.model.findings import Problem

MAX_FRONTMATTER_BYTES = 16 * 1024
MAX_DEPTH = 20
MAX_NODES = 5000

CODE = "HL010"  # frontmatter-invalid: every problem here is reported under this rule

_FENCE = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")

try:  # the C loader is ~9x faster; the pre-scan and caps above make it safe to use
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):
    """Safe loader that keeps dates as strings (a JSON Schema ``format: date`` wants strings)."""


MAX_INT_CHARS = 40  # a longer YAML integer (``0x`` and 4,000 digits) stays text: printing it would raise


def _bounded_int(loader, node):
    if len(node.value) > MAX_INT_CHARS:
        return loader.construct_scalar(node)
    return _BaseLoader.construct_yaml_int(loader, node)


_Loader.add_constructor("tag:yaml.org,2002:int", _bounded_int)
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def split(lines: list[str]) -> Frontmatter:
    """Find and load the frontmatter block at the top of ``lines`` (no line endings)."""
    if not lines or not _FENCE.match(lines[0]):
        return Frontmatter()
    for index in range(1, len(lines)):
        if _CLOSE.match(lines[index]):
            break
    else:
        fm = Frontmatter(present=True, start_line=1, end_line=0, body_start=1)
        fm.problems.append(Problem(CODE, "frontmatter opened with '---' on line 1 is never closed with '---'", 1, 1))
        return fm
    fm = Frontmatter(present=True, start_line=1, end_line=index + 1, body_start=index + 2)
    _load("\n".join(lines[1:index]), fm, first_line=2)
    return fm


def _load(text: str, fm: Frontmatter, first_line: int) -> None:
    def at(mark) -> tuple[int, int]:
        return (first_line + mark.line, mark.column + 1)

    if len(text.encode("utf-8")) > MAX_FRONTMATTER_BYTES:
        fm.problems.append(Problem(CODE, f"frontmatter is larger than {MAX_FRONTMATTER_BYTES // 1024} KiB", 1, 1))
        return
    deep = _flow_nesting_over(text, MAX_DEPTH)
    if deep:
        line, col = first_line + deep[0], deep[1] + 1
        fm.problems.append(Problem(CODE, f"frontmatter is nested deeper than {MAX_DEPTH} levels", line, col))
        return
    if not text.strip():
        fm.data = {}
        return
    alias = _first_alias(text)
    if alias is not None:
        fm.problems.append(Problem(CODE, "YAML anchors and aliases are not allowed in frontmatter", *at(alias)))
        return
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            fm.data = {}
            return
        error = _walk(node, fm.positions, at)
        if error:
            message, mark = error
            fm.problems.append(Problem(CODE, message, *at(mark)))
            return
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and "end of stream" in (exc.problem or ""):
            mark = exc.context_mark  # an unclosed quote or bracket: point where it opens
        line, col = at(mark) if mark else (1, 1)
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        fm.problems.append(Problem(CODE, f"invalid YAML in frontmatter: {problem}", line, col))
        return
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        fm.problems.append(Problem(CODE, f"invalid YAML in frontmatter: {exc}".splitlines()[0], 1, 1))
        return
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        fm.problems.append(Problem(CODE, f"frontmatter must be a mapping of keys to values, got {kind}", first_line, 1))
        return
    fm.data = data


def _flow_nesting_over(text: str, limit: int) -> tuple[int, int] | None:
    """First place where ``[``/``{`` nesting exceeds ``limit``.

    Brackets inside quotes and comments are counted too: over-counting can only refuse a
    pathological document, while under-counting could let one crash libyaml.
    """
    if text.count("[") + text.count("{") <= limit:
        return None  # not enough openings to go that deep: no need to walk the characters
    depth = 0
    for line_no, line in enumerate(text.split("\n")):
        for col, char in enumerate(line):
            if char in "[{":
                depth += 1
                if depth > limit:
                    return (line_no, col)
            elif char in "]}":
                depth = max(0, depth - 1)
    return None


def _first_alias(text: str):
    """Mark of the first ``*alias`` (events are streamed, so nothing is expanded)."""
    if "*" not in text:
        return None  # every alias is written with a '*': no second pass over the YAML
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark
    except yaml.YAMLError:
        return None  # the compose pass reports syntax errors with their position
    finally:
        loader.dispose()
    return None


def _walk(root, positions: dict, at) -> tuple[str, object] | None:
    """Record key positions; refuse aliases, excess size or depth, duplicate keys."""
    seen: set[int] = set()
    stack = [(root, "", 0)]
    count = 0
    while stack:
        node, pointer, depth = stack.pop()
        if id(node) in seen:
            return ("YAML anchors and aliases are not allowed in frontmatter", node.start_mark)
        seen.add(id(node))
        count += 1
        if count > MAX_NODES:
            return (f"frontmatter has more than {MAX_NODES} values", node.start_mark)
        if depth > MAX_DEPTH:
            return (f"frontmatter is nested deeper than {MAX_DEPTH} levels", node.start_mark)
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key_node, value_node in node.value:
                if id(key_node) in seen:
                    return ("YAML anchors and aliases are not allowed in frontmatter", key_node.start_mark)
                seen.add(id(key_node))
                if key_node.tag == "tag:yaml.org,2002:merge":
                    return ("YAML merge keys ('<<') are not allowed in frontmatter", key_node.start_mark)
                key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
                if key in keys:
                    return (f"duplicate key '{key}' in frontmatter", key_node.start_mark)
                keys.add(key)
                child = f"{pointer}/{escape_pointer(key)}"
                positions[child] = at(key_node.start_mark)
                stack.append((value_node, child, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                child = f"{pointer}/{index}"
                positions[child] = at(item.start_mark)
                stack.append((item, child, depth + 1))
    return None
