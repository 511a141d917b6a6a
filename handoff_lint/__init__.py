"""handoff-lint: lint go-to-market handoff documents before a deal moves on."""

__version__ = "0.1.0"
