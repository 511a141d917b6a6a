"""The completeness score and the pass/fail verdict."""
