"""Errors that stop a run with exit code 2 (usage, configuration, team type definitions)."""


class HandoffLintError(Exception):
    """A problem with how handoff-lint was called or configured, not with a handoff."""


class ConfigError(HandoffLintError):
    """The configuration file or a team type definition is invalid."""
