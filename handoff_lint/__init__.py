"""handoff-lint: lint go-to-market handoff documents before a deal moves on."""

__version__ = "0.1.0"
# Where to learn about the tool: SARIF's informationUri; pyproject's [project.urls] Homepage says the same.
PROJECT_URL = "https://github.com/handoff-lint/handoff-lint"
