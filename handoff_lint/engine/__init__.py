"""Linting: one file (linter), many files (runner, cache, workers, shards), baselines."""
