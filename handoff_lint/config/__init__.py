"""Configuration: loading it, its JSON Schema, and which rules it selects."""
