"""Output: the formats of a run, the team report, and escaping untrusted text."""
