"""Size limits shared by the reader, the runner and the rules: every step stays bounded on a hostile file.

A handoff is a few hundred lines with a few dozen headings. A pull request can commit a megabyte
of list items, headings or suppression comments; past these limits the rest of the file is not
read and HL005 says so (an error: a file that large is no handoff), so one file costs at most a
second or two whatever its shape.
"""

MAX_READ_BYTES = 64 * 1024 * 1024  # the most max-file-kib may raise that to: no handoff is read past it
MAX_FILE_BYTES = 1024 * 1024  # a handoff is a few KB; a megabyte is not a handoff (config: max-file-kib)
# Base64 images pasted into an export are dropped before the size limit applies (files/source.py); a file may
# carry this much of them on top of the limit before it is refused unread.
MAX_EMBEDDED_BYTES = 32 * 1024 * 1024
MAX_LINES = 3_000  # Markdown parsing is superlinear on some shapes (tall tables): the body is cut here
MAX_HEADINGS = 100  # each unknown heading is compared with every section name of the type
MAX_BLOCKS = 2_000  # paragraphs, list items, quotes and table rows
MAX_TEXT = 256 * 1024  # characters of those blocks: date and word scans are linear in it
MAX_DIRECTIVES = 200  # inline suppressions: each finding is checked against each directive
