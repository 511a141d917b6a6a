"""Helpers shared by test modules in different folders (a test module never imports another's)."""
