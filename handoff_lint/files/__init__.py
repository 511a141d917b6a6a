"""Files: which to lint, what a run may read and write, and reading their bytes."""
