"""Size limits shared by the reader and the runner."""

MAX_FILE_BYTES = 1024 * 1024  # a handoff is a few KB; a megabyte is not a handoff
