"""Text from a pull request (file names, headings, cells, config entries, type names), made safe for
each place handoff-lint writes it. Every reporter and every message on stderr goes through here.

A PR author chooses that text, so it must never become something other than text where it lands:

- a **workflow command** in a CI log: the runner obeys a line that starts with ``::`` (after
  spaces) and the older ``##[command]`` anywhere in a line, on stdout and stderr alike;
- **terminal control**: ESC sequences move the cursor, recolour the terminal or set its title;
  C1 controls (U+0080–U+009F), line breaks and bidirectional overrides rewrite what a reader sees;
- **Markdown**: a link or an image in the job summary (an image is loaded from any host it names);
- **HTML**, **XML** and **JSON** syntax, and characters those formats forbid or readers choke on
  (a file name whose bytes are not UTF-8 arrives as lone surrogates, Python's ``surrogateescape``).

``plain`` is the one-line form for terminals and logs; the other helpers build on it.
"""

from __future__ import annotations

import html as _html
import re

from handoff_lint.lazy_pattern import compile_on_use

ZWSP = "\u200b"  # not whitespace to the runner (.NET TrimStart keeps it), invisible to a reader

# Characters shown as escapes: C0 controls but tab, DEL and C1, lone surrogates (bytes that are not
# UTF-8), the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E/F,
# U+202A–U+202E, U+2066–U+2069), the line and paragraph separators, and U+FFFE/U+FFFF (XML forbids them).
_HIDDEN = "\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffe\uffff"
_UNSAFE = compile_on_use(f"[{_HIDDEN}]|##\\[|^\\s*::")
_HIDDEN_CHAR = re.compile(f"[{_HIDDEN}]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match) -> str:
    char = match.group(0)
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the byte that was not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str) -> str:
    """Control characters, bytes that are not UTF-8 and bidi controls as visible escapes (``\\x1b``,
    ``\\n``, ``\\xff``, ``\\u202e``): one line that prints as it reads. Tabs stay."""
    return _HIDDEN_CHAR.sub(_escape, text)


def neutral(text: str) -> str:
    """Text the runner can never read as a workflow command: no ``##[``, no leading ``::``."""
    text = text.replace("##[", "##" + ZWSP + "[")
    return ZWSP + text if text.lstrip().startswith("::") else text


def plain(text: str) -> str:
    """Untrusted text for a terminal or a CI log line (text output, stderr, log groups, JUnit, HTML)."""
    text = str(text)
    if _UNSAFE.search(text) is None:  # the common case: nothing to do, one regex scan
        return text
    return neutral(shown(text))


# --- GitHub workflow commands (actions/toolkit command.ts) ---------------------------------------


def escape_data(text: str) -> str:
    """A command's message: ``%``, CR and LF percent-encoded (the runner shows the line breaks)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value (file, title): also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command_data(text: str) -> str:
    """Untrusted text as a command's message: line breaks kept as %0A, every other control visible."""
    return neutral(shown(escape_data(text)))


def command_property(text: str) -> str:
    return neutral(shown(escape_property(text)))


# --- Markdown, HTML, JSON ------------------------------------------------------------------------

# The inline Markdown that can link, load or inject (link and image brackets, autolinks, HTML,
# entities, backslash escapes, code spans, math, table pipes) written as character references, which
# CommonMark and GFM always read as literal text. "://" and "www." stop GFM's bare autolinks; "|" as
# "&#124;" stays inside its table cell. Emphasis (*, _) is left: it can only change a word's style.
_MARKDOWN = compile_on_use(r"[\\`\[\]<>&|$]|:(?=//)|(?<=[wW]{3})\.")
_ENTITY = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def _reference(match: re.Match) -> str:
    char = match.group(0)
    return _ENTITY.get(char) or f"&#{ord(char)};"


def markdown(text: str) -> str:
    """Untrusted text inside a line of Markdown (a table cell, a list item): one line, no markup."""
    return _MARKDOWN.sub(_reference, shown(" ".join(str(text).split())))


def html(text: str) -> str:
    """Untrusted text inside HTML (element text or a quoted attribute value)."""
    return _html.escape(plain(text))


# Inside JSON strings only (JSON's own syntax is ASCII without these): what json.dumps with
# ensure_ascii=False leaves raw (it escapes C0 controls itself; the raw line breaks are the indent).
# "\u005b" is "[" to every parser, but no "##[" in a log that cats the file.
_JSON_UNSAFE = compile_on_use(
    "[\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffe\uffff]|(?<=##)\\["
)


def json_text(dumped: str) -> str:
    """JSON text from ``json.dumps(..., ensure_ascii=False)`` with what readers and terminals choke on
    as ``\\uXXXX`` escapes: the same values to a parser. A lone surrogate (a byte of a file name
    that is not UTF-8) stays one, so Python's ``json.loads`` and ``os.fsencode`` give the bytes back."""
    if _JSON_UNSAFE.search(dumped) is None:
        return dumped
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", dumped)
