"""``--shard I/N``: lint a stable 1/N of the files on each of N machines, and merge what they report.

A file's shard depends on its own path alone: the SHA-1 of its POSIX path relative to the
repository that holds the config (outside git, the config's folder), taken modulo N. So every
file is in exactly one shard, the shards do not depend on the order files are found in, on the
folder the command runs from, or on the Python run (unlike ``hash()``), and adding or removing
files never moves the others. A file outside the repository, named on the command line, is
keyed by its absolute path.

``handoff-lint merge`` joins the JSON or SARIF reports of the shards into the one report an
unsharded run would give, files in path order (see docs/ci.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from handoff_lint.errors import HandoffLintError
from handoff_lint.files.boundary import repository_top
from handoff_lint.output.untrusted import json_text


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` → ``(2, 4)``; anything else, or not 1 ≤ I ≤ N, is a ValueError with the reason."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not match:
        raise ValueError(f"'{text}' is not I/N (e.g. 2/4: the second of four shards)")
    index, total = int(match[1]), int(match[2])
    if total < 1:
        raise ValueError(f"'{text}': N must be at least 1")
    if not 1 <= index <= total:
        raise ValueError(f"'{text}': I must be between 1 and N ({total})")
    return index, total


def shard_key(path: str, top: str) -> str:
    """The path relative to the repository's top folder, POSIX, its folders' symlinks resolved (as git's
    top level is) but not the file's own: the name git tracks, whatever folder the command runs from."""
    folder, name = os.path.split(os.path.abspath(path))
    absolute = os.path.join(_real(folder), name)
    relative = os.path.relpath(absolute, _real(top))
    return Path(absolute if relative.startswith("..") else relative).as_posix()


@lru_cache(maxsize=4096)
def _real(folder: str) -> str:
    return os.path.realpath(folder)


def shard_of(key: str, total: int) -> int:
    """The 1-based shard of a key: SHA-1 of its UTF-8 bytes (a name's odd bytes kept), modulo N."""
    digest = hashlib.sha1(key.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % total + 1


def select_shard(files: list[str], index: int, total: int, root: Path) -> list[str]:
    """The files of shard ``index`` of ``total``, in their order."""
    if total == 1:
        return list(files)
    top = repository_top(root)
    return [path for path in files if shard_of(shard_key(path, top), total) == index]


# --- merge -------------------------------------------------------------------------------------


def merge_reports(texts: list[tuple[str, str]]) -> tuple[str, str]:
    """Merge (name, text) reports of one format, JSON or SARIF; returns (format, merged text)."""
    if not texts:
        raise HandoffLintError("merge: name the shards' reports (JSON or SARIF files)")
    logs = []
    for name, text in texts:
        try:
            logs.append((name, json.loads(text)))
        except ValueError as exc:
            raise HandoffLintError(f"merge: {name} is not JSON ({exc})") from None
    kinds = {_kind(name, log) for name, log in logs}
    if len(kinds) > 1:
        raise HandoffLintError("merge: the reports mix formats (JSON and SARIF); merge each on its own")
    kind = kinds.pop()
    for name, log in logs:
        _validate(name, log, kind)
    merged = _merge_json(logs) if kind == "json" else _merge_sarif(logs)
    return kind, json_text(json.dumps(merged, indent=2, ensure_ascii=False)) + "\n"


# What merging reads of each report, checked before any of it is used: a report damaged or made by
# hand is one line naming the file and the place, never a traceback.
_STRING = {"type": "string"}
_JSON_REPORT = {
    "type": "object",
    "required": ["version", "tool", "files", "summary"],
    "properties": {
        "version": {"type": "integer"},
        "tool": {"type": "object"},
        "files": {"type": "array", "items": {"type": "object", "required": ["path"], "properties": {"path": _STRING}}},
        "summary": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
    },
}
_LOCATION = {"properties": {"physicalLocation": {"properties": {"artifactLocation": {"properties": {"uri": _STRING}}}}}}
_SARIF_RUN = {
    "type": "object",
    "required": ["tool"],
    "properties": {
        "tool": {"type": "object"},
        "results": {
            "type": "array",
            "items": {"type": "object", "properties": {"locations": {"type": "array", "items": _LOCATION}}},
        },
        "properties": {
            "type": "object",
            "properties": {"handoffs": {"type": "array", "items": {"type": "object", "properties": {"path": _STRING}}}},
        },
    },
}
_SARIF_LOG = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {"version": {"const": "2.1.0"}, "runs": {"type": "array", "minItems": 1, "items": _SARIF_RUN}},
}


def _validate(name: str, log, kind: str) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    error = best_match(Draft202012Validator(_JSON_REPORT if kind == "json" else _SARIF_LOG).iter_errors(log))
    if error is not None:
        where = "/" + "/".join(str(part) for part in error.absolute_path)
        what = "handoff-lint's JSON report" if kind == "json" else "a SARIF log handoff-lint can merge"
        raise HandoffLintError(f"merge: {name} is not {what}: at {where}: {error.message[:200]}")


def _kind(name: str, log) -> str:
    if isinstance(log, dict) and log.get("version") == "2.1.0" and isinstance(log.get("runs"), list):
        return "sarif"
    if isinstance(log, dict) and isinstance(log.get("files"), list) and isinstance(log.get("summary"), dict):
        return "json"
    raise HandoffLintError(f"merge: {name} is neither handoff-lint's JSON report nor a SARIF log")


def _same(logs, what: str, get) -> None:
    values = {json.dumps(get(log), sort_keys=True) for _name, log in logs}
    if len(values) > 1:
        raise HandoffLintError(f"merge: the reports differ in {what}: made by different handoff-lint versions?")


def _no_duplicates(paths: list[str]) -> None:
    seen: set[str] = set()
    for path in paths:
        if path in seen:
            raise HandoffLintError(f"merge: {path} is in more than one report (the same shard twice?)")
        seen.add(path)


def _merge_json(logs) -> dict:
    _same(logs, "version", lambda log: [log.get("version"), log.get("tool")])
    files = sorted((f for _name, log in logs for f in log["files"]), key=lambda f: f["path"])
    _no_duplicates([f["path"] for f in files])
    summary: dict = {}
    for _name, log in logs:
        for key, value in log["summary"].items():
            summary[key] = summary.get(key, 0) + value
    first = logs[0][1]
    return {**first, "files": files, "summary": summary}


def _merge_sarif(logs) -> dict:
    runs = [(name, run) for name, log in logs for run in log["runs"]]
    _same(runs, "their tool (name, version or rules)", lambda run: run.get("tool"))
    results = [result for _name, run in runs for result in run.get("results", [])]
    results.sort(key=_result_uri)  # stable: each file's results keep their order
    handoffs = [h for _name, run in runs for h in run.get("properties", {}).get("handoffs", [])]
    handoffs.sort(key=lambda h: h.get("path", ""))
    _no_duplicates([h.get("path", "") for h in handoffs])
    run = {**runs[0][1], "results": results}
    if "properties" in run:
        run["properties"] = {**run["properties"], "handoffs": handoffs}
    return {**logs[0][1], "runs": [run]}


def _result_uri(result) -> str:
    try:
        return result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    except (KeyError, IndexError, TypeError):
        return ""
